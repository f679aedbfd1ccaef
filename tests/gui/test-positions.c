/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-positions.c — the Positions view, the approval rule and the candidate's timeline, driven
 * through the real window under a headless display
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sl-app.h"
#include "sl-application-row.h"
#include "sl-candidate-pane.h"
#include "sl-candidate-picker.h"
#include "sl-first-run.h"
#include "sl-store-pipeline.h"
#include "sl-position-editor.h"
#include "sl-positions-page.h"
#include "sl-store-positions.h"
#include "sl-window.h"
#include "sl-vocab.h"

static SlApp *the_app;

typedef struct
{
  char *dir;
  char *path;
  SlStore *store;
  SlWindow *window;
  SlPositionsPage *page;
  gint64 lead;
  gint64 recruiter;
  gint64 candidate;
} Fixture;

static gboolean
idle (Fixture *fixture)
{
  return !sl_window_is_busy (fixture->window) && !sl_positions_page_is_busy (fixture->page);
}

static void
settle (Fixture *fixture)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      while (!idle (fixture))
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
act_as (const char *email)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "member-email", email);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();

  fixture->dir = g_dir_make_tmp ("shortlist-positions-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  /* An empty file, as a new user's first run has it */
  if (data != NULL)
    {
      act_as ("");
      fixture->window = sl_window_new (the_app, fixture->store);
      fixture->page = sl_window_get_positions_page (fixture->window);
      gtk_window_present (GTK_WINDOW (fixture->window));
      settle (fixture);
      return;
    }
  fixture->lead = sl_store_add_member (fixture->store, "Helen Carter", "helen@example.org",
                                       "hiring-lead", &error);
  g_assert_no_error (error);
  fixture->recruiter =
    sl_store_add_member (fixture->store, "Ana Ribeiro", "ana@example.org", "recruiter", &error);
  g_assert_no_error (error);
  sl_candidate_set_name (candidate, "Łukasz Wójcik");
  g_assert_true (sl_store_save_candidate (fixture->store, candidate, &error));
  fixture->candidate = sl_candidate_get_id (candidate);
  act_as ("helen@example.org");

  fixture->window = sl_window_new (the_app, fixture->store);
  fixture->page = sl_window_get_positions_page (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (fixture->store);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "")       ? "-wal"
                                                         : g_str_equal (suffix, "-wal") ? "-shm"
                                                                                        : NULL)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
query_text (Fixture *fixture, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static GtkWidget *
editor_child (SlPositionEditor *editor, const char *name)
{
  return GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (editor), SL_TYPE_POSITION_EDITOR, name));
}

static void
type_text (GtkWidget *editable, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (editable)), -1);
      gtk_editable_insert_text (GTK_EDITABLE (editable), p, (int) (g_utf8_next_char (p) - p),
                                &position);
    }
}

static void
type_in_view (GtkWidget *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, (int) (g_utf8_next_char (p) - p));
    }
}

/* Creates a position through the page's own action and fills it in through the editor */
static SlPositionEditor *
new_position (Fixture *fixture, gint64 *id)
{
  SlPositionEditor *editor = SL_POSITION_EDITOR (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SL_TYPE_POSITIONS_PAGE, "editor"));
  GtkWidget *title = editor_child (editor, "title_row");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "positions.new", NULL));
  settle (fixture);
  g_assert_nonnull (sl_position_editor_get_position (editor));
  *id = sl_position_get_id (sl_position_editor_get_position (editor));
  g_assert_cmpint (*id, >, 0);
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  type_text (title, "Senior Python Engineer");
  type_in_view (editor_child (editor, "description_view"), "Build payment services.");
  settle (fixture);
  return editor;
}

static guint
count_pickers (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (SL_IS_CANDIDATE_PICKER (window))
        n++;
    }
  return n;
}

static void
close_pickers (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i - 1);
      if (SL_IS_CANDIDATE_PICKER (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static GtkWidget *find_widget (GtkWidget *root, GType type, const char *label);

/* The list of every country opens in a popup that fits a 700 px window: its list scrolls
 * inside a bounded height instead of the popup running past the window's bottom. Read from the
 * popup's scrolled list, not from the popup on screen: where a popup lands under Xvfb with no
 * window manager depends on timing, and a test must not. */
static void
check_popup_bounded (Fixture *fixture, GtkDropDown *dropdown)
{
  GtkWidget *popover = find_widget (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER, NULL);
  GtkWidget *scrolled = find_widget (popover, GTK_TYPE_SCROLLED_WINDOW, NULL);

  g_assert_nonnull (scrolled);
  g_assert_true (gtk_scrolled_window_get_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled)));
  g_assert_cmpint (gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scrolled)), >,
                   0);
  g_assert_cmpint (gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scrolled)), <=,
                   320);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_editor_and_approval (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *after_edit = NULL;
  g_autofree char *title = NULL;
  SlPositionEditor *editor;
  gint64 id;

  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, "main_stack")),
    "positions");
  editor = new_position (fixture, &id);

  sql = g_strdup_printf ("SELECT title FROM positions WHERE id = %" G_GINT64_FORMAT, id);
  title = query_text (fixture, sql);
  g_assert_cmpstr (title, ==, "Senior Python Engineer");
  g_free (sql);
  sql = g_strdup_printf ("SELECT status FROM positions WHERE id = %" G_GINT64_FORMAT, id);
  status = query_text (fixture, sql);
  g_assert_cmpstr (status, ==, "draft");

  /* A country beyond the offshore six is chosen by its name from the full list */
  {
    GtkDropDown *add = GTK_DROP_DOWN (editor_child (editor, "add_country_dropdown"));
    GListModel *options = gtk_drop_down_get_model (add);
    g_autofree char *countries = NULL;
    g_autofree char *countries_sql = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (options); i++)
      {
        g_autoptr (GObject) option = g_list_model_get_item (options, i);
        g_autofree char *option_id = NULL;

        g_object_get (option, "id", &option_id, NULL);
        if (g_strcmp0 (option_id, "DE") == 0)
          gtk_drop_down_set_selected (add, i);
      }
    settle (fixture);
    countries_sql = g_strdup_printf (
      "SELECT group_concat(country) FROM position_countries WHERE position_id = %" G_GINT64_FORMAT,
      id);
    countries = query_text (fixture, countries_sql);
    g_assert_cmpstr (countries, ==, "DE");
    g_assert_cmpuint (gtk_drop_down_get_selected (add), ==, 0);
    check_popup_bounded (fixture, add);
  }

  /* Sourcing is closed until approval: the action is disabled, so no picker opens */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-candidates", NULL);
  settle (fixture);
  g_assert_cmpuint (count_pickers (), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.approve", NULL));
  settle (fixture);
  /* Approved and open: now the picker opens */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-candidates", NULL);
  settle (fixture);
  g_assert_cmpuint (count_pickers (), ==, 1);
  close_pickers ();
  g_free (sql);
  sql = g_strdup_printf ("SELECT m.email || ' ' || p.status FROM positions p JOIN team_members m"
                         " ON m.id = p.approved_by WHERE p.id = %" G_GINT64_FORMAT,
                         id);
  approver = query_text (fixture, sql);
  g_assert_cmpstr (approver, ==, "helen@example.org open");

  /* The approved text is read-only until the user chooses to revise it; the edit then sends it
   * back to draft */
  g_assert_false (
    gtk_text_view_get_editable (GTK_TEXT_VIEW (editor_child (editor, "description_view"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.revise", NULL));
  g_assert_true (
    gtk_text_view_get_editable (GTK_TEXT_VIEW (editor_child (editor, "description_view"))));
  type_in_view (editor_child (editor, "description_view"), " Remote.");
  settle (fixture);
  g_free (sql);
  sql = g_strdup_printf (
    "SELECT coalesce(approved_at, 'none') || ' ' || status FROM positions WHERE id = %" G_GINT64_FORMAT,
    id);
  after_edit = query_text (fixture, sql);
  g_assert_cmpstr (after_edit, ==, "none draft");

  /* The pipeline gets the window: the list folds away beside the board, F9's action brings it
   * back, and the details show it again */
  g_assert_true (sl_positions_page_list_is_shown (fixture->page));
  sl_positions_page_show_board (fixture->page);
  settle (fixture);
  g_assert_false (sl_positions_page_list_is_shown (fixture->page));
  /* With the list away the header says whose pipeline it is, once laid out at the window's
   * width (room for it beside the switcher); the timeout only bounds a broken run */
  {
    GtkWidget *title_bin = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (fixture->page), SL_TYPE_POSITIONS_PAGE, "board_title_bin"));
    AdwWindowTitle *title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (
      GTK_WIDGET (fixture->page), SL_TYPE_POSITIONS_PAGE, "board_title"));
    gboolean timed_out = FALSE;
    guint timeout = g_timeout_add_seconds (20, set_true_cb, &timed_out);

    while (!gtk_widget_get_visible (title_bin) && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (timeout);
    g_assert_cmpstr (adw_window_title_get_title (title), ==, "Senior Python Engineer");
    g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "positions.toggle-list", NULL));
    g_assert_true (sl_positions_page_list_is_shown (fixture->page));
    /* The list names it again */
    g_assert_false (gtk_widget_get_visible (title_bin));
  }
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "positions.toggle-list", NULL));
  g_assert_false (sl_positions_page_list_is_shown (fixture->page));
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                   SL_TYPE_POSITIONS_PAGE, "detail_stack")),
    "details");
  g_assert_true (sl_positions_page_list_is_shown (fixture->page));
}

static void
test_recruiter_cannot_approve (Fixture *fixture, gconstpointer data)
{
  SlPositionEditor *editor;
  g_autofree char *sql = NULL;
  g_autofree char *approved = NULL;
  gint64 id;

  act_as ("ana@example.org");
  editor = new_position (fixture, &id);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.approve", NULL);
  settle (fixture);
  sql = g_strdup_printf (
    "SELECT coalesce(approved_at, 'none') FROM positions WHERE id = %" G_GINT64_FORMAT, id);
  approved = query_text (fixture, sql);
  g_assert_cmpstr (approved, ==, "none");
}

static guint
count_titled (GtkWidget *root, const char *title)
{
  guint found = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      if (ADW_IS_ACTION_ROW (w) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0)
        found++;
      found += count_titled (w, title);
    }
  return found;
}

static GtkWidget *first_run_dialog (void);

/* The button of the application row's action @what */
static GtkWidget *
find_action (GtkWidget *root, const char *what)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "sl-what"), what) == 0)
        return child;
      if ((found = find_action (child, what)) != NULL)
        return found;
    }
  return NULL;
}

/* An action row whose subtitle ends with @text */
static GtkWidget *
find_subtitled (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), text))
        return child;
      if ((found = find_subtitled (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_timeline_and_moves (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SlPosition) position = sl_position_new ();
  g_autoptr (GError) error = NULL;
  SlCandidatePane *pane = sl_window_get_pane (fixture->window);
  GtkWidget *applications;
  SlApplicationRow *row;
  g_autofree char *sql = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *events = NULL;
  gint64 application;

  sl_position_set_text (position, SL_POSITION_TITLE, "Go Developer");
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, "Build services.");
  g_assert_true (sl_store_save_position (fixture->store, position, &error));
  g_assert_true (sl_store_approve_description (fixture->store, position, fixture->lead, &error));
  g_assert_no_error (error);
  application = sl_store_apply (fixture->store, fixture->candidate, sl_position_get_id (position),
                                fixture->lead, &error);
  g_assert_no_error (error);
  settle (fixture);

  g_assert_true (sl_window_select_id (fixture->window, fixture->candidate));
  settle (fixture);
  applications = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "applications_list"));
  row = SL_APPLICATION_ROW (gtk_widget_get_first_child (applications));
  g_assert_true (SL_IS_APPLICATION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Go Developer");

  /* Forward by the window's shortcut action, then reject through the store's rule */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-forward", NULL));
  settle (fixture);
  sql =
    g_strdup_printf ("SELECT stage FROM applications WHERE id = %" G_GINT64_FORMAT, application);
  stage = query_text (fixture, sql);
  g_assert_cmpstr (stage, ==, "screening");
  g_free (sql);
  sql = g_strdup_printf (
    "SELECT group_concat(coalesce(from_stage, '-') || '>' || to_stage, ',') FROM"
    " (SELECT * FROM stage_events WHERE application_id = %" G_GINT64_FORMAT " ORDER BY id)",
    application);
  events = query_text (fixture, sql);
  g_assert_cmpstr (events, ==, "->sourced,sourced>screening");

  /* The timeline in the row lists both events, newest first, once the row is opened */
  row = SL_APPLICATION_ROW (gtk_widget_get_first_child (applications));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Initial screening");
  g_assert_cmpuint (count_titled (GTK_WIDGET (row), "Added at Sourced"), ==, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_cmpuint (count_titled (GTK_WIDGET (row), "Sourced → Initial screening"), ==, 1);
  g_assert_cmpuint (count_titled (GTK_WIDGET (row), "Added at Sourced"), ==, 1);

  /* Withdraw… asks why, as a rejection does; the reason is stored as its id with the details
   * apart, and the timeline reads it in the user's language */
  {
    GtkWidget *withdraw = find_action (GTK_WIDGET (row), "withdraw");
    GtkWidget *dialog, *reason, *details;
    g_autofree char *stored = NULL;

    g_assert_nonnull (withdraw);
    g_signal_emit_by_name (withdraw, "clicked");
    dialog = first_run_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Withdraw from “Go Developer”?");
    reason = find_widget (dialog, GTK_TYPE_DROP_DOWN, NULL);
    details = find_widget (dialog, GTK_TYPE_ENTRY, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (reason))),
                      ==, sl_vocab_size (SL_VOCAB_WITHDRAWAL));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (reason),
                                (guint) sl_vocab_index (SL_VOCAB_WITHDRAWAL, "not-looking"));
    gtk_editable_set_text (GTK_EDITABLE (details), "Staying with her team");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "end");
    gtk_window_destroy (GTK_WINDOW (dialog));
    settle (fixture);
    g_free (sql);
    sql = g_strdup_printf ("SELECT to_stage || '|' || reason_id || '|' || reason FROM stage_events"
                           " WHERE application_id = %" G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1",
                           application);
    stored = query_text (fixture, sql);
    g_assert_cmpstr (stored, ==, "withdrawn|not-looking|Staying with her team");
    row = SL_APPLICATION_ROW (gtk_widget_get_first_child (applications));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    g_assert_nonnull (
      find_subtitled (GTK_WIDGET (row), "No longer looking — Staying with her team"));
  }
}

static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || (GTK_IS_BUTTON (child) &&
                             g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)))
        return child;
      found = find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
first_run_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* A new user's whole way, on the real window from an empty file and with nothing else set up:
 * who they are (made the admin), a position, its description, the approval, a candidate, the
 * candidate added to the position, and a move along its pipeline */
static void
test_first_run_to_first_move (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  SlCandidatePane *pane = sl_window_get_pane (fixture->window);
  GtkWidget *dialog, *name_row, *list, *row;
  GtkMenuButton *apply_button;
  SlPositionEditor *editor;
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *history = NULL;
  gint64 position;

  /* The app asks who is at the keyboard: they become the admin and the one acting */
  sl_first_run_check (GTK_WINDOW (fixture->window), fixture->store);
  dialog = first_run_dialog ();
  g_assert_nonnull (dialog);
  name_row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL);
  type_text (name_row, "Oksana Melnyk");
  type_text (gtk_widget_get_next_sibling (name_row), "oksana@agency.example");
  g_signal_emit_by_name (find_widget (dialog, GTK_TYPE_BUTTON, "_Start"), "clicked");
  settle (fixture);
  g_assert_null (first_run_dialog ());

  /* A position, its description, and the approval this admin may give */
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, "main_stack")),
    "positions");
  editor = new_position (fixture, &position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.approve", NULL));
  settle (fixture);
  sql =
    g_strdup_printf ("SELECT p.status || ' ' || m.name || ' ' || m.role FROM positions p"
                     " JOIN team_members m ON m.id = p.approved_by WHERE p.id = %" G_GINT64_FORMAT,
                     position);
  status = query_text (fixture, sql);
  g_assert_cmpstr (status, ==, "open Oksana Melnyk admin");

  /* A candidate, named in the pane */
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, "main_stack")),
    "candidates");
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-candidate", NULL));
  settle (fixture);
  name_row = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "name_row"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  type_text (name_row, "Andrii Bondar");
  settle (fixture);
  candidate = query_text (fixture, "SELECT name FROM candidates");
  g_assert_cmpstr (candidate, ==, "Andrii Bondar");

  /* Added to the position from the pane's menu of open positions */
  apply_button = GTK_MENU_BUTTON (
    gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "apply_button"));
  gtk_menu_button_popup (apply_button);
  settle (fixture);
  list =
    find_widget (GTK_WIDGET (gtk_menu_button_get_popover (apply_button)), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Senior Python Engineer");
  g_signal_emit_by_name (list, "row-activated", row);
  settle (fixture);

  /* And moved on, by the window's shortcut action */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-forward", NULL));
  settle (fixture);
  history = query_text (
    fixture, "SELECT group_concat(coalesce(e.from_stage, '-') || '>' || e.to_stage || ' by ' ||"
             " m.name, ', ') FROM (SELECT * FROM stage_events ORDER BY id) e"
             " JOIN team_members m ON m.id = e.by_member");
  g_assert_cmpstr (history, ==, "->sourced by Oksana Melnyk, sourced>screening by Oksana Melnyk");
  /* The rows the window saved say who changed them: the member the first run made, whom the
   * session made the store's actor when she was chosen */
  g_free (history);
  history = query_text (fixture, "SELECT group_concat(DISTINCT m.name) FROM candidates c"
                                 " JOIN team_members m ON m.id = c.changed_by");
  g_assert_cmpstr (history, ==, "Oksana Melnyk");
  g_settings_set_string (settings, "member-email", "");
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_app = sl_app_new ();
  /* Tests run side by side on one session bus: each keeps its own instance */
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, NULL);

  g_test_add ("/positions/editor-and-approval", Fixture, NULL, fixture_set_up,
              test_editor_and_approval, fixture_tear_down);
  g_test_add ("/positions/recruiter-cannot-approve", Fixture, NULL, fixture_set_up,
              test_recruiter_cannot_approve, fixture_tear_down);
  g_test_add ("/positions/timeline-and-moves", Fixture, NULL, fixture_set_up,
              test_timeline_and_moves, fixture_tear_down);
  g_test_add ("/positions/first-run-to-first-move", Fixture, "empty", fixture_set_up,
              test_first_run_to_first_move, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
