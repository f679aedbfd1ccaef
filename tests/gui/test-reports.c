/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-reports.c — the Reports view through the real window under a headless display: the
 * numbers on screen are the core's, a filter computes again, a narrow window folds, and an
 * export writes its file (or, cancelled, nothing)
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sl-app.h"
#include "sl-bar-chart.h"
#include "sl-export-bar.h"
#include "sl-option.h"
#include "sl-reports-page.h"
#include "sl-widgets.h"
#include "sl-window.h"
#include "test-team.h"
#include "test-util.h"

static SlApp *the_app;

typedef struct
{
  SlTestDir dir;
  SlTestTeam team;
  SlPosition *go;
  SlPosition *python;
  SlWindow *window;
  SlReportsPage *page;
} Fixture;

static GtkWidget *
window_child (Fixture *fixture, const char *name)
{
  return GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, name));
}

static GtkWidget *
page_child (Fixture *fixture, const char *name)
{
  return GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SL_TYPE_REPORTS_PAGE, name));
}

static void
settle (Fixture *fixture)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      while (sl_window_is_busy (fixture->window) || sl_reports_page_is_busy (fixture->page))
        g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
timed_out_cb (gpointer data)
{
  g_error ("timed out waiting for the narrow window to fold");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window, shown narrow, has its size and the leaflet folds; the
 * timeout only bounds a broken run */
static void
wait_folded (Fixture *fixture)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (page_child (fixture, "leaflet"));
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, NULL);

  while (!adw_leaflet_get_folded (leaflet))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  settle (fixture);
}

/* Five applications: three to the Go position (two screened, one of them past the resume
 * review), two to the Python position (one screened) */
static void
fill (Fixture *fixture)
{
  SlTestTeam *team = &fixture->team;
  const char *names[] = { "Ana Souza", "Bogdan Ionescu", "Carmen Ruiz", "Dmytro Shevchenko",
                          "Ewa Nowak" };
  gint64 apps[G_N_ELEMENTS (names)];

  fixture->go = sl_test_open_position (team, "Senior Go developer");
  fixture->python = sl_test_open_position (team, "Python developer");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    apps[i] = sl_test_apply (team, sl_test_add_candidate (team->store, names[i]),
                             i < 3 ? fixture->go : fixture->python, team->recruiter);
  sl_test_move (team, apps[0], "screening", NULL, team->recruiter);
  sl_test_move (team, apps[1], "screening", NULL, team->recruiter);
  sl_test_move (team, apps[1], "resume-review", NULL, team->recruiter);
  sl_test_move (team, apps[3], "screening", NULL, team->recruiter);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);

  sl_test_dir_setup (&fixture->dir, NULL);
  sl_test_team_init (&fixture->team, fixture->dir.path);
  fill (fixture);
  g_settings_set_string (settings, "member-email", "helen@example.com");
  fixture->window = sl_window_new (the_app, fixture->team.store);
  fixture->page = sl_window_get_reports_page (fixture->window);
  /* A narrow window from the start: a resize of a shown window races the X server's replies */
  if (g_strcmp0 (data, "narrow") == 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  else
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle (fixture);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window_child (fixture, "main_stack")),
                                         "reports");
  settle (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&fixture->go);
  g_clear_object (&fixture->python);
  sl_test_team_clear (&fixture->team);
  sl_test_dir_teardown (&fixture->dir, NULL);
}

/* Every cell the page shows reads as the core's own report for the same filters */
static void
assert_shows (Fixture *fixture, SlReportKind kind, const SlReportFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlReport) expected =
    sl_report_run (sl_store_get_database (fixture->team.store), kind, filter,
                   g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  SlReport *shown = sl_reports_page_get_report (fixture->page);

  g_assert_no_error (error);
  g_assert_nonnull (shown);
  g_assert_cmpint (sl_report_get_kind (shown), ==, kind);
  g_assert_cmpuint (sl_report_get_n_tables (shown), ==, sl_report_get_n_tables (expected));
  for (guint t = 0; t < sl_report_get_n_tables (expected); t++)
    {
      SlReportTable *table = sl_report_get_table (expected, t);

      for (guint row = 0; row < sl_report_table_get_n_rows (table); row++)
        for (guint column = 0; column < sl_report_table_get_n_columns (table); column++)
          {
            g_autofree char *want = sl_report_table_format (table, row, column);
            g_autofree char *got = sl_reports_page_dup_cell (fixture->page, t, row, column);

            g_assert_cmpstr (got, ==, want);
          }
    }
}

static double
reached (SlReport *report, guint stage)
{
  return sl_report_table_get_number (sl_report_get_table (report, 0), stage, 1);
}

static gboolean
has_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0) ||
        has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
rects_meet (const graphene_rect_t *a, const graphene_rect_t *b)
{
  graphene_rect_t both;

  return a->size.width > 0 && b->size.width > 0 && graphene_rect_intersection (a, b, &both) &&
         both.size.width > 0 && both.size.height > 0;
}

static gboolean
rect_within (const graphene_rect_t *rect, int width, int height)
{
  return rect->origin.x >= 0 && rect->origin.y >= 0 &&
         rect->origin.x + rect->size.width <= width + 0.01f &&
         rect->origin.y + rect->size.height <= height + 0.01f;
}

/* A chart laid out at @width (and @height, all of it, when 0): each value stands past the end of
 * its bar's track and inside the chart, clear of every other text, and each label is whole —
 * as wide as its text when that fits, wrapped within the width when it does not */
static void
assert_chart_fits (SlBarChart *chart, int width, int height)
{
  SlReportTable *table = sl_bar_chart_get_table (chart);
  g_autoptr (GArray) rows = sl_bar_chart_compute_layout (chart, width);

  g_assert_cmpuint (rows->len, ==, sl_report_table_get_n_rows (table));
  if (height == 0)
    {
      int minimum, natural;

      gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, width, &minimum, &natural,
                          NULL, NULL);
      height = minimum;
    }
  for (guint row = 0; row < rows->len; row++)
    {
      SlBarChartRow *place = &g_array_index (rows, SlBarChartRow, row);
      g_autofree char *label = sl_report_table_format (table, row, 0);
      g_autoptr (PangoLayout) text = gtk_widget_create_pango_layout (GTK_WIDGET (chart), label);
      int text_w, text_h;

      g_assert_false (rects_meet (&place->value, &place->track));
      g_assert_false (rects_meet (&place->value, &place->label));
      g_assert_false (rects_meet (&place->label, &place->track));
      g_assert_true (rect_within (&place->value, width, height));
      g_assert_true (rect_within (&place->label, width, height));
      g_assert_true (rect_within (&place->track, width, height));
      g_assert_true (rect_within (&place->area, width, height));
      g_assert_true (graphene_rect_contains_rect (&place->track, &place->bar));
      pango_layout_get_pixel_size (text, &text_w, &text_h);
      if (text_w <= width)
        g_assert_cmpfloat (place->label.size.width, ==, text_w);
      else
        g_assert_cmpfloat (place->label.size.height, >, text_h);
      for (guint other = 0; other < row; other++)
        g_assert_false (
          rects_meet (&place->area, &g_array_index (rows, SlBarChartRow, other).area));
    }
}

static gboolean
no_size_cb (gpointer data)
{
  g_error ("timed out waiting for a chart to be shown and given its size");
  return G_SOURCE_REMOVE;
}

/* The charts under @root that are on screen */
static void
collect_charts (GtkWidget *root, GPtrArray *charts)
{
  if (SL_IS_BAR_CHART (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (charts, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_charts (child, charts);
}

/* Every chart the page shows, at the size it was given; how many. A report just shown is mapped
 * and laid out at a later frame: this waits for one (the timeout only bounds a broken run). */
static guint
assert_charts_fit (GtkWidget *root)
{
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  guint timeout = g_timeout_add_seconds (20, no_size_cb, NULL);

  for (;;)
    {
      gboolean sized = TRUE;

      g_ptr_array_set_size (charts, 0);
      collect_charts (root, charts);
      for (guint i = 0; i < charts->len; i++)
        sized = sized && gtk_widget_get_width (charts->pdata[i]) > 0;
      if (charts->len > 0 && sized)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  for (guint i = 0; i < charts->len; i++)
    assert_chart_fits (SL_BAR_CHART (charts->pdata[i]), gtk_widget_get_width (charts->pdata[i]),
                       gtk_widget_get_height (charts->pdata[i]));
  return charts->len;
}

static void
test_funnel (Fixture *fixture, gconstpointer data)
{
  SlReportFilter all = { 0 };
  SlReport *report;

  g_assert_cmpint (sl_reports_page_get_shown (fixture->page), ==, SL_REPORT_FUNNEL);
  assert_shows (fixture, SL_REPORT_FUNNEL, &all);
  /* The hand count: five sourced, three screened, one past the resume review */
  report = sl_reports_page_get_report (fixture->page);
  g_assert_cmpfloat (reached (report, 0), ==, 5);
  g_assert_cmpfloat (reached (report, 1), ==, 3);
  g_assert_cmpfloat (reached (report, 2), ==, 1);
  {
    g_autofree char *sourced = sl_reports_page_dup_cell (fixture->page, 0, 0, 1);
    g_autofree char *bars = g_strdup_printf (
      "Bars: %s", sl_report_table_get_column_title (
                    sl_report_get_table (report, 0),
                    sl_report_table_get_chart_column (sl_report_get_table (report, 0))));

    g_assert_cmpstr (sourced, ==, "5");
    /* The funnel, as wide as the window lets it be, keeps its numbers off the bars */
    g_assert_cmpuint (assert_charts_fit (GTK_WIDGET (fixture->page)), >, 0);
    /* Each chart says which column its bars show */
    g_assert_true (has_label (GTK_WIDGET (fixture->page), bars));
  }

  /* Another report from the list */
  gtk_list_box_select_row (
    GTK_LIST_BOX (page_child (fixture, "report_list")),
    gtk_list_box_get_row_at_index (GTK_LIST_BOX (page_child (fixture, "report_list")),
                                   SL_REPORT_SOURCES));
  settle (fixture);
  assert_shows (fixture, SL_REPORT_SOURCES, &all);

  /* A move while shown computes again */
  sl_reports_page_show_report (fixture->page, SL_REPORT_FUNNEL);
  settle (fixture);
  sl_test_move (&fixture->team,
                sl_test_sql_int (fixture->team.store,
                                 "SELECT id FROM applications WHERE stage = 'sourced' LIMIT 1"),
                "screening", NULL, fixture->team.recruiter);
  settle (fixture);
  g_assert_cmpfloat (reached (sl_reports_page_get_report (fixture->page), 1), ==, 4);
  assert_shows (fixture, SL_REPORT_FUNNEL, &all);
}

static void
test_filter (Fixture *fixture, gconstpointer data)
{
  GtkDropDown *positions = GTK_DROP_DOWN (page_child (fixture, "position_filter"));
  GtkEditable *from = GTK_EDITABLE (page_child (fixture, "from_entry"));
  GtkWidget *message = page_child (fixture, "filter_message");
  g_autofree char *go_id = g_strdup_printf ("%" G_GINT64_FORMAT, sl_position_get_id (fixture->go));
  SlReportFilter go = { .position_id = sl_position_get_id (fixture->go) };
  SlReport *before;
  guint index;

  /* Both positions are offered, after “All positions” */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (positions)), ==, 3);
  index = sl_option_find (gtk_drop_down_get_model (positions), go_id);
  g_assert_cmpuint (index, >, 0);
  gtk_drop_down_set_selected (positions, index);
  settle (fixture);
  g_assert_cmpint (sl_reports_page_get_filter (fixture->page)->position_id, ==,
                   sl_position_get_id (fixture->go));
  g_assert_cmpfloat (reached (sl_reports_page_get_report (fixture->page), 0), ==, 3);
  assert_shows (fixture, SL_REPORT_FUNNEL, &go);

  /* A date that is not one is said so, and nothing is computed */
  before = sl_reports_page_get_report (fixture->page);
  gtk_editable_set_text (from, "2026-13-45");
  settle (fixture);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (page_child (fixture, "from_entry"), "error"));
  g_assert_true (sl_reports_page_get_report (fixture->page) == before);
  g_assert_cmpint (sl_reports_page_get_filter (fixture->page)->from, ==, 0);
  /* Another report meanwhile has the last filters that were right */
  sl_reports_page_show_report (fixture->page, SL_REPORT_SOURCES);
  settle (fixture);
  assert_shows (fixture, SL_REPORT_SOURCES, &go);
  sl_reports_page_show_report (fixture->page, SL_REPORT_FUNNEL);
  settle (fixture);
  g_assert_true (sl_reports_page_get_report (fixture->page) == before);

  /* A date in the future leaves nothing to count: an empty state, not charts of zeros */
  g_assert_cmpstr (
    gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "content_stack"))), ==,
    "report");
  gtk_editable_set_text (from, "2999-01-01");
  settle (fixture);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpint (sl_reports_page_get_filter (fixture->page)->from, ==, 32472144000);
  g_assert_cmpfloat (reached (sl_reports_page_get_report (fixture->page), 0), ==, 0);
  g_assert_cmpstr (
    gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "content_stack"))), ==,
    "empty");

  /* To before From */
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "to_entry")), "2998-12-31");
  settle (fixture);
  g_assert_true (gtk_widget_get_visible (message));
  gtk_editable_set_text (from, "");
  settle (fixture);
  g_assert_false (gtk_widget_get_visible (message));
  /* The To day is counted whole */
  g_assert_cmpint (sl_reports_page_get_filter (fixture->page)->to, ==, 32472144000);
  g_assert_cmpfloat (reached (sl_reports_page_get_report (fixture->page), 0), ==, 3);
  g_assert_cmpstr (
    gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "content_stack"))), ==,
    "report");

  /* A date typed in the locale's own order (C's is month first) is taken as well as ISO */
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "to_entry")), "12/30/2998");
  settle (fixture);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpint (sl_reports_page_get_filter (fixture->page)->to, ==, 32472144000 - 86400);
}

static void
test_narrow (Fixture *fixture, gconstpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (page_child (fixture, "leaflet"));
  GtkListBox *list = GTK_LIST_BOX (page_child (fixture, "report_list"));
  GtkWidget *content = page_child (fixture, "content_stack");
  GtkWidget *back = page_child (fixture, "back_button");

  wait_folded (fixture);

  /* The list first, under the filters; a report opens over it, and Back returns */
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != content);
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "filter_area")));
  /* As a click does: select the row, then activate it */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  settle (fixture);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_true (gtk_widget_get_visible (back));
  /* A report alone, its filters in words under its title, and the keyboard on it */
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "filter_area")));
  g_assert_true (GTK_IS_WIDGET (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), content));
  g_assert_cmpint (sl_reports_page_get_shown (fixture->page), ==, SL_REPORT_SPEED);
  assert_shows (fixture, SL_REPORT_SPEED, &(SlReportFilter){ 0 });
  /* Its charts, 400 pixels wide less the margins, keep labels whole and numbers off the bars */
  g_assert_cmpuint (assert_charts_fit (GTK_WIDGET (fixture->page)), >, 0);
  sl_reports_page_show_report (fixture->page, SL_REPORT_FUNNEL);
  settle (fixture);
  g_assert_cmpuint (assert_charts_fit (GTK_WIDGET (fixture->page)), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.back", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != content);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "filter_area")));
}

/* A key as the window's own key handler (the one before the focused widget) takes it */
static gboolean
press (Fixture *fixture, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers =
    gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* On a wide window the list and the report sit side by side, with the filters above */
static void
test_wide (Fixture *fixture, gconstpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (page_child (fixture, "leaflet"));

  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "back_button")));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "filter_area")));
  /* Alt+4 shows the reports from anywhere, with the keyboard in the list */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window_child (fixture, "main_stack")),
                                         "candidates");
  settle (fixture);
  g_assert_true (press (fixture, GDK_KEY_4, GDK_ALT_MASK));
  settle (fixture);
  g_assert_cmpstr (
    adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (window_child (fixture, "main_stack"))),
    ==, "reports");
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (fixture->window))));
}

static gboolean
only_the_database (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_prefix (name, "shortlist.db"))
      return FALSE;
  return TRUE;
}

/* Waits, without running the main loop (so the window cannot hear of it), until the writer on
 * its thread has finished the staged file that stands for @name in @dir */
static void
wait_for_writer (const char *dir, const char *name)
{
  g_autofree char *prefix = g_strconcat (".", name, ".shortlist-", NULL);

  for (;;)
    {
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *entry;

      while ((entry = g_dir_read_name (listing)) != NULL)
        if (g_str_has_prefix (entry, prefix) && strlen (entry) == strlen (prefix) + 6)
          {
            g_autofree char *path = g_build_filename (dir, entry, NULL);
            GStatBuf st;

            if (g_stat (path, &st) == 0 && st.st_size > 0)
              return;
          }
      g_usleep (1000);
    }
}

static void
test_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir.dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir.dir, "report.csv", NULL);
  g_autofree char *cancelled = g_build_filename (fixture->dir.dir, "cancelled.xlsx", NULL);
  g_autofree char *late = g_build_filename (fixture->dir.dir, "late.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  /* Cancelled at once: no file, and nothing half written beside it */
  g_assert_true (sl_reports_page_export_to (fixture->page, SL_EXPORT_XLSX, cancelled));
  sl_reports_page_cancel_export (fixture->page);
  settle (fixture);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_assert_true (only_the_database (fixture->dir.dir));

  /* Cancelled after the writer had finished, before the window heard of it: no file either */
  g_assert_true (sl_reports_page_export_to (fixture->page, SL_EXPORT_CSV, late));
  wait_for_writer (fixture->dir.dir, "late.csv");
  sl_reports_page_cancel_export (fixture->page);
  settle (fixture);
  g_assert_false (g_file_test (late, G_FILE_TEST_EXISTS));
  g_assert_true (only_the_database (fixture->dir.dir));

  g_assert_true (sl_reports_page_export_to (fixture->page, SL_EXPORT_PDF, pdf));
  /* One export at a time */
  g_assert_false (sl_reports_page_export_to (fixture->page, SL_EXPORT_CSV, csv));
  settle (fixture);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);

  /* All seven reports, with the filters shown */
  g_assert_true (sl_reports_page_export_to (fixture->page, SL_EXPORT_CSV, csv));
  settle (fixture);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  for (SlReportKind kind = 0; kind < SL_N_REPORTS; kind++)
    {
      g_autoptr (GError) run_error = NULL;
      g_autoptr (SlReport) report =
        sl_report_run (sl_store_get_database (fixture->team.store), kind, &(SlReportFilter){ 0 },
                       g_get_real_time () / G_USEC_PER_SEC, NULL, &run_error);
      g_assert_nonnull (
        strstr (contents, sl_report_table_get_title (sl_report_get_table (report, 0))));
    }
}

/* The candidate list as filtered, through the window's own export bar */
static void
test_export_candidates (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir.dir, "candidates.csv", NULL);
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  SlExportBar *bar = SL_EXPORT_BAR (window_child (fixture, "export_bar"));
  g_autofree char *contents = NULL;

  query->text = g_strdup ("Ewa");
  g_assert_true (
    sl_export_bar_export_candidates (bar, fixture->team.store, query, SL_EXPORT_CSV, path));
  while (sl_export_bar_is_busy (bar))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Ewa Nowak"));
  g_assert_null (strstr (contents, "Ana Souza"));
}

/* A chart with a label longer than any window is narrow, and values of every length, laid out
 * wide and narrow, as bars and as a funnel */
static void
test_chart_layout (void)
{
  const char *labels[] = {
    "Співбесіда щодо відповідності культурі компанії та зворотний зв’язок від кандидата",
    "Первинний відбір",
    "Оферта",
    "Найнято",
  };
  const double counts[] = { 1234567, 640000, 12, 0 };
  SlReportChart charts[] = { SL_REPORT_CHART_BARS, SL_REPORT_CHART_FUNNEL };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      SlReportTable *table = sl_report_table_new ("stages", "Етапи", charts[c], 1);
      GtkWidget *chart;

      sl_report_table_add_column (table, "stage", "Етап", SL_REPORT_TEXT);
      sl_report_table_add_column (table, "applications", "Заявки", SL_REPORT_COUNT);
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          guint row = sl_report_table_add_row (table);

          sl_report_table_set_text (table, row, 0, labels[i]);
          sl_report_table_set_number (table, row, 1, counts[i]);
        }
      chart = g_object_ref_sink (sl_bar_chart_new (table));
      sl_report_table_unref (table);
      for (int width = 200; width <= 1200; width += 50)
        assert_chart_fits (SL_BAR_CHART (chart), width, 0);
      {
        g_autoptr (GArray) wide = sl_bar_chart_compute_layout (SL_BAR_CHART (chart), 1200);
        g_autoptr (GArray) narrow = sl_bar_chart_compute_layout (SL_BAR_CHART (chart), 360);
        SlBarChartRow *longest = &g_array_index (narrow, SlBarChartRow, 0);

        /* Wide, the labels make a column beside the bars; narrow, the long one stands above its
         * bar, whole, on more than one line */
        g_assert_cmpfloat (g_array_index (wide, SlBarChartRow, 1).label.origin.y, <,
                           g_array_index (wide, SlBarChartRow, 1).track.origin.y +
                             g_array_index (wide, SlBarChartRow, 1).track.size.height);
        g_assert_cmpfloat (longest->label.origin.y + longest->label.size.height, <=,
                           longest->track.origin.y);
        /* The largest value's bar fills its track; nothing shows nothing */
        g_assert_cmpfloat (g_array_index (wide, SlBarChartRow, 0).bar.size.width, ==,
                           g_array_index (wide, SlBarChartRow, 0).track.size.width);
        g_assert_cmpfloat (g_array_index (wide, SlBarChartRow, 3).bar.size.width, ==, 0);
      }
      g_object_unref (chart);
    }
}

int
main (int argc, char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_app = sl_app_new ();
  /* Tests run side by side on one session bus: each keeps its own instance */
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, NULL);
  g_test_add_func ("/reports/chart-layout", test_chart_layout);
  g_test_add ("/reports/funnel", Fixture, NULL, fixture_set_up, test_funnel, fixture_tear_down);
  g_test_add ("/reports/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/reports/narrow", Fixture, "narrow", fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/reports/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/reports/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/reports/export-candidates", Fixture, NULL, fixture_set_up, test_export_candidates,
              fixture_tear_down);
  status = g_test_run ();
  g_object_unref (the_app);
  return status;
}
