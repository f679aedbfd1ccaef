/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-clipping.c — nothing the user must read is cut off, in any of the six languages, in a
 * wide and in a narrow window
 *
 * Each case switches the language, builds the real windows on a database of sample data, lets
 * the frame clock lay them out, and walks every label on screen: one shortened with “…” that is
 * not on the allow-list below, or one whose text is wider or taller than the room it was given,
 * is named with its language and width. Text in an entry row (a field on a form) is
 * held to the same rule: an unfocused field shows its whole value.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "sl-app.h"
#include "sl-demo.h"
#include "sl-interview-dialog.h"
#include "sl-position-editor-private.h"
#include "sl-positions-page.h"
#include "sl-preferences-window.h"
#include "sl-store-pipeline.h"
#include "sl-window.h"
#include "sl-zone-row.h"
#include "test-util.h"

static SlApp *the_app;
static char *database; /* sample data, made once and shared by every case */

typedef struct
{
  const char *language;
  const char *locale;
  int width;
} Case;

/* Texts that are shortened by design, each with why. A label is named by the template that
 * holds it and its id there (any label in it when NULL). */
static const struct
{
  const char *owner;
  const char *id;
} may_ellipsize[] = {
  /* A list row keeps one height and width whatever it shows: a 100-character name or client
   * is shortened there and read whole in the pane beside the list */
  { "SlCandidateRow", "name_label" },
  { "SlCandidateRow", "details_label" },
  { "SlCandidateRow", "country_label" },
  { "SlPositionRow", "title_label" },
  { "SlPositionRow", "details_label" },
  /* A board card is one column wide: its details line (country and seniority) is shortened
   * there; the name wraps instead */
  { "SlBoardCardRow", "details_label" },
  /* A search field's hint: its start says what it is for */
  { "GtkSearchEntry", NULL },
  /* The main window's header titles a narrow window with the candidate's name, read whole in
   * the first row of the page below it */
  { "SlWindow", "content_title" },
};

/* A case's failures, one a line */
static GString *failures;
/* The labels a check read */
static guint n_checked;

/* Whether @label is, or is inside, the widget called @id in a template of type @owner (any
 * label of that template when @id is NULL) */
static gboolean
in_template_child (GtkWidget *label, GType owner, const char *id)
{
  GtkWidget *root = gtk_widget_get_ancestor (label, owner);

  if (root == NULL)
    return FALSE;
  if (id == NULL)
    return TRUE;
  for (GtkWidget *widget = label; widget != NULL && widget != root;
       widget = gtk_widget_get_parent (widget))
    if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0 &&
        gtk_widget_get_template_child (root, owner, id) == G_OBJECT (widget))
      return TRUE;
  return FALSE;
}

static gboolean
allowed (GtkWidget *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (may_ellipsize); i++)
    {
      GType owner = g_type_from_name (may_ellipsize[i].owner);

      if (owner != 0 && in_template_child (label, owner, may_ellipsize[i].id))
        return TRUE;
    }
  return FALSE;
}

static void
fail (const Case *c, const char *where, const char *what, const char *text)
{
  g_autofree char *line =
    c->width > 0
      ? g_strdup_printf ("%s at %d px, %s: “%s” %s", c->language, c->width, where, text, what)
      : g_strdup_printf ("%s, %s: “%s” %s", c->language, where, text, what);

  g_test_message ("%s", line);
  g_string_append_printf (failures, "%s\n", line);
}

/* The size of @layout's text, in pixels */
static void
text_size (PangoLayout *layout, int *width, int *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *width = logical.width;
  *height = logical.height;
}

static void
check_label (const Case *c, const char *where, GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  int width, height;

  if (text == NULL || *text == '\0')
    return;
  n_checked++;
  if (pango_layout_is_ellipsized (layout) && !allowed (GTK_WIDGET (label)))
    fail (c, where, "is shortened with an ellipsis", text);
  text_size (layout, &width, &height);
  /* A pixel of rounding either way */
  if (width > gtk_widget_get_width (GTK_WIDGET (label)) + 1)
    fail (c, where, "is wider than its label", text);
  else if (height > gtk_widget_get_height (GTK_WIDGET (label)) + 1)
    fail (c, where, "is taller than its label", text);
}

/* An unfocused line of text shows all of it: a name that runs past the field's end is cut
 * mid-word, with nothing saying there is more */
static void
check_text (const Case *c, const char *where, GtkWidget *text)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (text));
  g_autoptr (PangoLayout) layout = NULL;
  int width, height;

  if (*value == '\0' || gtk_widget_has_focus (text))
    return;
  layout = gtk_widget_create_pango_layout (text, value);
  text_size (layout, &width, &height);
  if (width <= gtk_widget_get_width (text) + 1)
    return;
  fail (c, where, "is cut off in its field", value);
}

static void check_widgets (const Case *c, const char *where, GtkWidget *widget);

/* With SHORTLIST_TEST_SHOTS set to a folder, what each check looked at is saved there as
 * LANGUAGE-WIDTH-WHERE.png, to be looked at by a person */
static void
save_shot (const Case *c, const char *where, GtkWidget *window)
{
  const char *folder = g_getenv ("SHORTLIST_TEST_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (folder == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  name = g_strdup_printf ("%s-%d-%s.png", c->language, c->width, where);
  g_strdelimit (name, " ", '-');
  path = g_build_filename (folder, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* With SHORTLIST_TEST_SHOTS set, @window scrolled to show @widget is saved too: what a
 * screen shot of the window's top would not show */
static void settle (GtkWidget *window);

static void
save_scrolled_shot (const Case *c, const char *where, GtkWidget *window, GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport =
    scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (g_getenv ("SHORTLIST_TEST_SHOTS") == NULL || !GTK_IS_VIEWPORT (viewport))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (
    gtk_widget_compute_bounds (widget, gtk_viewport_get_child (GTK_VIEWPORT (viewport)), &bounds));
  /* With the title of the group above it */
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 96);
  settle (window);
  save_shot (c, where, window);
  gtk_adjustment_set_value (adjustment, 0);
  settle (window);
}

/* The labels shown in @widget and below it, at least @at_least of them */
static void
check_shown (const Case *c, const char *where, GtkWidget *widget, guint at_least)
{
  if (GTK_IS_NATIVE (widget))
    save_shot (c, where, widget);
  n_checked = 0;
  check_widgets (c, where, widget);
  /* A screen that showed nothing would pass without having been looked at */
  g_test_message ("%s at %d px, %s: %u labels", c->language, c->width, where, n_checked);
  if (n_checked < at_least)
    fail (c, where, "and the rest of the screen were not shown", "");
}

/* A main screen or dialog, at least ten labels */
static void
check_tree (const Case *c, const char *where, GtkWidget *widget)
{
  check_shown (c, where, widget, 10);
}

static void
check_widgets (const Case *c, const char *where, GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    return;
  if (GTK_IS_LABEL (widget))
    check_label (c, where, GTK_LABEL (widget));
  /* The fields of entry rows: the ones holding names the user reads */
  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL)
    check_text (c, where, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widgets (c, where, child);
}

static gboolean in_transition (GtkWidget *widget);

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  (*(int *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @window is not busy and its frame clock has gone through three
 * frames since: a frame's update phase comes before its layout, so by the third one the
 * layout queued by what was shown, and the one that allocation queued in turn, are done */
static void
settle (GtkWidget *window)
{
  int ticks = 0;
  guint id;

  for (;;)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (!SL_IS_WINDOW (window) ||
          (!sl_window_is_busy (SL_WINDOW (window)) &&
           !sl_positions_page_is_busy (sl_window_get_positions_page (SL_WINDOW (window))) &&
           !sl_reports_page_is_busy (sl_window_get_reports_page (SL_WINDOW (window)))))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  id = gtk_widget_add_tick_callback (window, tick_cb, &ticks, NULL);
  while (ticks < 3 || in_transition (window))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (window, id);
}

/* GTK 4.8 warns when a GtkStack's transition paints a page in the frame that maps it, before
 * the page is first allocated (fixed in later GTK); the frame after shows it right, and it is
 * that frame this test reads. Every other warning stays fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot") &&
      g_str_has_suffix (message, "without a current allocation"))
    return g_log_writer_standard_streams (level, fields, n_fields, data);
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Whether a page of a GtkStack or AdwLeaflet in @widget is still sliding or fading in */
static gboolean
in_transition (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (in_transition (child))
      return TRUE;
  return FALSE;
}

static void
switch_language (const Case *c)
{
  g_setenv ("LANGUAGE", c->language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, c->locale));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHORTLIST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The catalog is found: a case that fell back to English would check nothing */
  g_assert_cmpstr (_ ("Candidates"), !=, "Candidates");
}

/* The candidate with the most applications, one of them at the longest-named stage */
#define CHECKED_CANDIDATE                                        \
  "SELECT candidate_id FROM applications GROUP BY candidate_id " \
  "ORDER BY max(stage = 'pre-sell') DESC, count(*) DESC, candidate_id LIMIT 1"
/* The position whose applications are at the most stages */
#define CHECKED_POSITION                                       \
  "SELECT position_id FROM applications GROUP BY position_id " \
  "ORDER BY count(DISTINCT stage) DESC, position_id LIMIT 1"

static gint64
query_int (const char *sql)
{
  sqlite3 *db = sl_test_sqlite_open (database, TRUE);
  gint64 value = sl_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return value;
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens every expander row in @widget: an application's actions are inside its row */
static void
expand_all (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

/* Shows the content beside the list of @widget's leaflet, if the window is narrow enough to
 * show one at a time; whether it did */
static gboolean
show_content (GtkWidget *widget, GType type)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (widget, type, "leaflet"));
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

  if (!adw_leaflet_get_folded (leaflet))
    return FALSE;
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD));
  settle (window);
  return TRUE;
}

static AdwViewStack *
main_stack (SlWindow *window)
{
  return ADW_VIEW_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (window), SL_TYPE_WINDOW, "main_stack"));
}

static void
test_screens (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GListModel) applications = NULL;
  g_autoptr (SlApplication) application = NULL;
  SlWindow *window;
  SlPositionsPage *positions;
  SlInterviewDialog *dialog;
  SlPreferencesWindow *preferences;
  gint64 candidate = query_int (CHECKED_CANDIDATE);
  gint64 position = query_int (CHECKED_POSITION);

  failures = g_string_new (NULL);
  switch_language (c);
  g_settings_set_string (settings, "member-email", "helen.carter@shortlist.example");
  g_settings_set_int (settings, "window-width", c->width);
  g_settings_set_int (settings, "window-height", 800);
  store = sl_store_open (database, &error);
  g_assert_no_error (error);

  window = sl_window_new (the_app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), c->width, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));
  g_assert_true (sl_window_select_id (window, candidate));
  settle (GTK_WIDGET (window));
  expand_all (GTK_WIDGET (sl_window_get_pane (window)));
  settle (GTK_WIDGET (window));
  check_tree (c, "candidates", GTK_WIDGET (window));
  /* A narrow window shows the list or the candidate: the candidate too */
  if (show_content (GTK_WIDGET (window), SL_TYPE_WINDOW))
    check_tree (c, "candidate pane", GTK_WIDGET (window));
  /* The time zone picker, open on its longest names (Brazil's, for a Brazilian candidate) */
  {
    SlZoneRow *zone_row = SL_ZONE_ROW (gtk_widget_get_template_child (
      GTK_WIDGET (sl_window_get_pane (window)), SL_TYPE_CANDIDATE_PANE, "timezone_row"));
    GtkWidget *popover = find_type (GTK_WIDGET (zone_row), GTK_TYPE_POPOVER);

    GtkWidget *page = find_type (GTK_WIDGET (sl_window_get_pane (window)), GTK_TYPE_VIEWPORT);
    GtkScrolledWindow *scrolled =
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW));
    double x, y;

    sl_zone_row_set_country (zone_row, "BR");
    /* On screen first, near the top of the pane, as it is when clicked: a popover pointing
     * at a row scrolled out of sight would be placed on no monitor */
    g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (zone_row), page, 0, 0, &x, &y));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), MAX (0, y - 60));
    settle (GTK_WIDGET (window));
    g_assert_true (
      gtk_widget_translate_coordinates (GTK_WIDGET (zone_row), GTK_WIDGET (window), 0, 0, &x, &y));
    g_assert_cmpfloat (y, >=, 0);
    g_assert_cmpfloat (y, <, 300);
    sl_zone_row_popup (zone_row);
    settle (popover);
    check_shown (c, "time zone picker", popover, 8);
    gtk_popover_popdown (GTK_POPOVER (popover));
    settle (GTK_WIDGET (window));
  }

  adw_view_stack_set_visible_child_name (main_stack (window), "positions");
  settle (GTK_WIDGET (window));
  check_tree (c, "positions", GTK_WIDGET (window));
  positions = sl_window_get_positions_page (window);
  g_assert_true (sl_positions_page_select (positions, position));
  show_content (GTK_WIDGET (positions), SL_TYPE_POSITIONS_PAGE);
  settle (GTK_WIDGET (window));
  /* The editor, its technical kit open (the longest attribute names) */
  check_tree (c, "position editor", GTK_WIDGET (window));
  {
    SlPositionEditor *editor = SL_POSITION_EDITOR (
      gtk_widget_get_template_child (GTK_WIDGET (positions), SL_TYPE_POSITIONS_PAGE, "editor"));

    save_scrolled_shot (c, "position stages", GTK_WIDGET (window),
                        GTK_WIDGET (editor->stages_list));
    save_scrolled_shot (c, "position kits", GTK_WIDGET (window), GTK_WIDGET (editor->kit_list));
  }
  sl_positions_page_show_board (positions);
  settle (GTK_WIDGET (window));
  check_tree (c, "pipeline board", GTK_WIDGET (window));

  adw_view_stack_set_visible_child_name (main_stack (window), "reports");
  settle (GTK_WIDGET (window));
  check_tree (c, "reports", GTK_WIDGET (window));

  applications = sl_store_list_applications (store, candidate, NULL);
  application = g_list_model_get_item (applications, 0);
  dialog = sl_interview_dialog_new (store, application, NULL, GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (dialog), MIN (c->width, 600), 700);
  gtk_window_present (GTK_WINDOW (dialog));
  settle (GTK_WIDGET (dialog));
  check_tree (c, "schedule dialog", GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  preferences = sl_preferences_window_new (store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), MIN (c->width, 560), 700);
  gtk_window_present (GTK_WINDOW (preferences));
  settle (GTK_WIDGET (preferences));
  check_tree (c, "preferences", GTK_WIDGET (preferences));
  gtk_window_destroy (GTK_WINDOW (preferences));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  if (failures->len > 0)
    g_test_fail_printf ("cut off:\n%s", failures->str);
  g_string_free (failures, TRUE);
}

/* A window that cannot open its database says why and offers its one button in view, however
 * long the reason is in the language */
static void
test_error_window (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *folder = g_dir_make_tmp ("shortlist-clipping-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "missing", "shortlist.db", NULL);
  GtkWidget *window = NULL;
  GtkWidget *quit = NULL;
  graphene_rect_t bounds;

  failures = g_string_new (NULL);
  switch_language (c);
  sl_app_open_database (the_app, path);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l; l = l->next)
    if (!SL_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  settle (window);
  /* Its title, heading, reason and button */
  check_shown (c, "error window", window, 4);
  /* The Quit button, whole inside the window as it opened */
  for (GtkWidget *w = window; w != NULL;)
    {
      GtkWidget *next = NULL;

      if (GTK_IS_BUTTON (w) && gtk_actionable_get_action_name (GTK_ACTIONABLE (w)) != NULL &&
          g_str_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "app.quit"))
        {
          quit = w;
          break;
        }
      /* Depth first, through the widget tree */
      if (gtk_widget_get_first_child (w) != NULL)
        next = gtk_widget_get_first_child (w);
      else
        for (GtkWidget *up = w; up != NULL && up != window && next == NULL;
             up = gtk_widget_get_parent (up))
          next = gtk_widget_get_next_sibling (up);
      w = next;
    }
  g_assert_nonnull (quit);
  g_assert_true (gtk_widget_compute_bounds (quit, window, &bounds));
  for (GtkWidget *up = gtk_widget_get_parent (quit); up != NULL && up != window;
       up = gtk_widget_get_parent (up))
    if (GTK_IS_SCROLLED_WINDOW (up))
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (up));
        graphene_rect_t view;

        g_assert_true (gtk_widget_compute_bounds (up, window, &view));
        /* Scrolled to the top, as it opens */
        if (gtk_adjustment_get_value (adjustment) > 0 ||
            bounds.origin.y + bounds.size.height > view.origin.y + view.size.height + 1)
          fail (c, "error window", "is below the window's end", "_Quit");
      }
  if (bounds.origin.y + bounds.size.height > gtk_widget_get_height (window) + 1)
    fail (c, "error window", "is below the window's end", "_Quit");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_rmdir (folder);

  if (failures->len > 0)
    g_test_fail_printf ("cut off:\n%s", failures->str);
  g_string_free (failures, TRUE);
}

int
main (int argc, char *argv[])
{
  static const struct
  {
    const char *language;
    const char *locale;
  } languages[] = {
    { "pt_BR", "pt_BR.UTF-8" }, { "uk", "uk_UA.UTF-8" },    { "pl", "pl_PL.UTF-8" },
    { "ro", "ro_RO.UTF-8" },    { "es_MX", "es_MX.UTF-8" }, { "fil", "fil_PH.UTF-8" },
  };
  static const int widths[] = { 1280, 400 };
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = NULL;
  /* Each language at each width, and its error window at the size it takes */
  Case *cases = g_new0 (Case, G_N_ELEMENTS (languages) * (G_N_ELEMENTS (widths) + 1));
  guint n = 0;
  int status;

  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_app = sl_app_new ();
  /* Tests run side by side on one session bus: each keeps its own instance */
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, NULL);

  folder = g_dir_make_tmp ("shortlist-clipping-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (folder, "sample.db", NULL);
  {
    g_autoptr (SlStore) store = sl_store_open (database, &error);

    g_assert_no_error (error);
    /* The same data as `shortlist-cli demo --candidates 40` */
    g_assert_true (
      sl_demo_generate (sl_store_get_database (store), 40, 1, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    /* Names longer than a board card is wide, on the cards of the board checked */
    g_assert_true (sl_database_exec (
      sl_store_get_database (store),
      "UPDATE candidates SET name = 'Maria da Conceição Brandão Magalhães' "
      "WHERE id IN (SELECT candidate_id FROM applications WHERE position_id = (" CHECKED_POSITION
      ")) AND id <> (" CHECKED_CANDIDATE ")",
      &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (widths); j++)
        {
          Case *c = &cases[n++];
          g_autofree char *name =
            g_strdup_printf ("/clipping/%s/%d", languages[i].language, widths[j]);

          c->language = languages[i].language;
          c->locale = languages[i].locale;
          c->width = widths[j];
          g_test_add_data_func (name, c, test_screens);
        }
      {
        Case *c = &cases[n++];
        g_autofree char *name = g_strdup_printf ("/clipping/%s/error", languages[i].language);

        c->language = languages[i].language;
        c->locale = languages[i].locale;
        g_test_add_data_func (name, c, test_error_window);
      }
    }
  status = g_test_run ();
  g_object_unref (the_app);
  sl_test_remove_tree (folder);
  g_free (database);
  g_free (cases);
  return status;
}
