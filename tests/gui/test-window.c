/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-window.c — drives the real main window under a headless display
 *
 * Each test opens a real SQLite file in a temporary folder, builds the window the app builds,
 * acts through the window's own widgets and actions, and checks the list and the database.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "sl-app.h"
#include "sl-candidate-pane.h"
#include "sl-demo.h"
#include "sl-backup-actions.h"
#include "sl-first-run.h"
#include "sl-resume-cache.h"
#include "sl-window.h"
#include "sl-zone-row.h"

/* One registered application for all tests, as a running app has */
static SlApp *the_app;

typedef struct
{
  char *dir;
  char *path;
  SlApp *app;
  SlStore *store;
  SlWindow *window;
} Fixture;

/* Runs the main loop until @done says so; a failing feature ends in the test's timeout */
static void
iterate_until (gboolean (*done) (Fixture *fixture), Fixture *fixture)
{
  while (!done (fixture))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
window_idle (Fixture *fixture)
{
  return !sl_window_is_busy (fixture->window);
}

static void
settle (Fixture *fixture)
{
  /* Let the search entry's own delay pass, then wait for the query it starts */
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      iterate_until (window_idle, fixture);
    }
}

static gint64
add_candidate (SlStore *store, const char *name, const char *country)
{
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;

  sl_candidate_set_name (candidate, name);
  sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, country);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  return sl_candidate_get_id (candidate);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("shortlist-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data))
    {
      add_candidate (fixture->store, "João Araújo", "BR");
      add_candidate (fixture->store, "Ștefan Popescu", "RO");
      add_candidate (fixture->store, "Олександр Шевченко", "UA");
      add_candidate (fixture->store, "Łukasz Wójcik", "PL");
      add_candidate (fixture->store, "Ximena Núñez", "MX");
    }

  fixture->app = g_object_ref (the_app);
  fixture->window = sl_window_new (fixture->app, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&fixture->app);
  g_assert_finalize_object (fixture->store);
  g_unlink (fixture->path);
  for (const char *suffix = "-wal"; suffix != NULL;
       suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *extra = g_strconcat (fixture->path, suffix, NULL);
      g_unlink (extra);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
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
window_child (Fixture *fixture, const char *name)
{
  return GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, name));
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sl_window_get_candidates (fixture->window)));
}

static char *
query_text (Fixture *fixture, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  /* A connection of the test's own: what another program would see on disk */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
type_text (GtkWidget *editable, const char *text)
{
  /* One character at a time, as a keyboard would, so every intermediate text is seen */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = -1;
      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      position = gtk_editable_get_position (GTK_EDITABLE (editable));
      gtk_editable_insert_text (GTK_EDITABLE (editable), p, (int) (g_utf8_next_char (p) - p),
                                &position);
    }
}

static void
search_changed_cb (GtkSearchEntry *entry, gboolean *changed)
{
  *changed = TRUE;
}

/* Types into the search entry and waits for its own delay to pass and the query to end */
static void
search_for (Fixture *fixture, GtkWidget *entry, const char *text)
{
  gboolean changed = FALSE;
  gulong handler;

  /* Emptying the entry reports at once; typing reports after the entry's delay */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  settle (fixture);
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &changed);
  type_text (entry, text);
  if (*text == '\0')
    changed = TRUE;
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, handler);
  settle (fixture);
}

static void
test_search_filters_list (Fixture *fixture, gconstpointer data)
{
  GtkWidget *entry = window_child (fixture, "search_entry");
  g_autoptr (SlCandidateItem) first = NULL;

  g_assert_nonnull (entry);
  g_assert_cmpuint (n_rows (fixture), ==, 5);

  gtk_widget_grab_focus (entry);
  search_for (fixture, entry, "stefan");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (sl_window_get_candidates (fixture->window)), 0);
  /* The query brought the first rows' texts with it */
  g_assert_true (sl_candidate_item_is_loaded (first));
  g_assert_cmpstr (sl_candidate_item_get_name (first), ==, "Ștefan Popescu");

  search_for (fixture, entry, "olek");
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  search_for (fixture, entry, "nobody-has-this-name");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  search_for (fixture, entry, "");
  g_assert_cmpuint (n_rows (fixture), ==, 5);
}

static void
test_country_filter (Fixture *fixture, gconstpointer data)
{
  GtkDropDown *country = NULL;
  GtkWidget *popover;
  GListModel *model;
  guint n;

  country = GTK_DROP_DOWN (window_child (fixture, "country_filter"));
  g_assert_nonnull (country);
  model = gtk_drop_down_get_model (country);
  /* Every country joins the list when its popup first opens, as a user opens it */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  popover = find_widget (GTK_WIDGET (country), GTK_TYPE_POPOVER, NULL);
  /* A click on it: activating the button would click it only after a delay */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (country), GTK_TYPE_TOGGLE_BUTTON, NULL),
                         "clicked");
  settle (fixture);
  g_assert_true (gtk_widget_get_visible (popover));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 200);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) option = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (option, "id", &id, NULL);
      if (g_strcmp0 (id, "PL") == 0)
        {
          gtk_drop_down_set_selected (country, i);
          break;
        }
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  {
    g_autoptr (GObject) chosen =
      g_list_model_get_item (model, gtk_drop_down_get_selected (country));
    g_autofree char *label = NULL;

    g_object_get (chosen, "label", &label, NULL);
    g_assert_cmpstr (label, ==, "Poland");
  }
  settle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.clear-filters", NULL);
  settle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
}

static void
test_new_candidate_saved (Fixture *fixture, gconstpointer data)
{
  SlCandidatePane *pane = sl_window_get_pane (fixture->window);
  GtkWidget *name_row;
  GtkWidget *email_row;
  gint64 id;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-candidate", NULL));
  settle (fixture);
  id = sl_window_get_selected_id (fixture->window);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_rows (fixture), ==, 6);

  name_row = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "name_row"));
  email_row = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "email_row"));
  g_assert_true (
    gtk_widget_has_focus (name_row) ||
    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  type_text (name_row, "Renata Ibáñez");
  /* An unfinished address is refused and marked, and the last good value stays on disk */
  type_text (email_row, "renata@");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  type_text (email_row, "mail.example");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));

  sql = g_strdup_printf ("SELECT name FROM candidates WHERE id = %" G_GINT64_FORMAT, id);
  name = query_text (fixture, sql);
  g_assert_cmpstr (name, ==, "Renata Ibáñez");
  /* The row reads the candidate again once the edit is saved (or for the first time, if the
   * view had not shown it yet) */
  settle (fixture);
  {
    g_autoptr (SlCandidateItem) row = g_list_model_get_item (
      G_LIST_MODEL (sl_window_get_candidates (fixture->window)),
      (guint) sl_candidate_list_find (sl_window_get_candidates (fixture->window), id));

    settle (fixture);
    g_assert_true (sl_candidate_item_is_loaded (row));
    g_assert_cmpstr (sl_candidate_item_get_name (row), ==, "Renata Ibáñez");
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT email FROM candidates WHERE id = %" G_GINT64_FORMAT, id);
  email = query_text (fixture, sql);
  g_assert_cmpstr (email, ==, "renata@mail.example");
}

static void
test_delete_and_undo (Fixture *fixture, gconstpointer data)
{
  g_autofree char *deleted = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *undo;
  gint64 id;

  g_assert_true (sl_window_select_id (fixture->window, 1));
  id = sl_window_get_selected_id (fixture->window);
  g_assert_cmpint (id, ==, 1);

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-candidate", NULL));
  settle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_cmpint (sl_candidate_list_find (sl_window_get_candidates (fixture->window), id), ==, -1);
  sql = g_strdup_printf (
    "SELECT deleted_at IS NOT NULL FROM candidates WHERE id = %" G_GINT64_FORMAT, id);
  deleted = query_text (fixture, sql);
  g_assert_cmpstr (deleted, ==, "1");

  undo = find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  settle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  g_assert_cmpint (sl_candidate_list_find (sl_window_get_candidates (fixture->window), id), >=, 0);
  restored = query_text (fixture, sql);
  g_assert_cmpstr (restored, ==, "0");
  g_assert_cmpint (sl_window_get_selected_id (fixture->window), ==, id);
}

static void
test_empty_state_and_sample_data (Fixture *fixture, gconstpointer data)
{
  GtkStack *list_stack = GTK_STACK (window_child (fixture, "list_stack"));
  g_autofree char *count = NULL;

  g_assert_nonnull (list_stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-sample-data", NULL));
  settle (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  g_assert_cmpuint (n_rows (fixture), >, 0);
  count = query_text (fixture, "SELECT count(*) FROM candidates");
  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), ==, n_rows (fixture));
}

static void
count_paint_cb (GdkFrameClock *clock, guint *paints)
{
  (*paints)++;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms; the frames painted meanwhile are counted by the caller */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* An idle window paints nothing, on every view: a spinner in a page not shown kept it painting
 * sixty frames a second. Each view is given time to settle (what it loads, and any animation
 * of showing it, ends); then not one frame may be painted in two seconds. */
static void
test_idle_paints_nothing (Fixture *fixture, gconstpointer data)
{
  static const char *const views[] = { "candidates", "positions", "interviews", "reports" };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  guint paints = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      guint quiet = 0;

      g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", views[v]));
      settle (fixture);
      /* Settled when a second passes without a frame; a window that never stops fails here */
      for (guint waited = 0; quiet < 2 && waited < 30; waited++)
        {
          guint before = paints;

          run_for (500);
          quiet = paints == before ? quiet + 1 : 0;
        }
      g_assert_cmpuint (quiet, ==, 2);
      paints = 0;
      run_for (2000);
      if (paints != 0)
        g_error ("The idle window painted %u frames on the %s view", paints, views[v]);
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
task_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Back Up… writes a private, sound copy while the window has the database open; restoring it
 * puts the database back as it was, keeping what it replaced beside it */
static void
test_back_up_and_restore (Fixture *fixture, gconstpointer data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autoptr (GError) error = NULL;
  GAsyncResult *result = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *count = NULL;
  const char *name;
  guint kept = 0;
  GStatBuf st;

  sl_backup_actions_back_up_to (GTK_WIDGET (fixture->window), backup, task_done_cb, &result);
  wait_for (&result);
  g_assert_true (sl_backup_actions_finish (GTK_WIDGET (fixture->window), result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  add_candidate (fixture->store, "Added After The Backup", "PL");
  count = query_text (fixture, "SELECT count(*) FROM candidates");
  g_assert_cmpstr (count, ==, "6");
  g_clear_pointer (&count, g_free);

  sl_backup_actions_restore_from (GTK_WIDGET (fixture->window), backup, task_done_cb, &result);
  wait_for (&result);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  count = query_text (fixture, "SELECT count(*) FROM candidates");
  g_assert_cmpstr (count, ==, "5");

  /* What the restore replaced is kept, then removed here so the folder can go */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "test-before-restore-"))
      {
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

        kept++;
        g_assert_cmpuint (g_stat (path, &st), ==, 0);
        g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
        g_unlink (path);
      }
  g_assert_cmpuint (kept, ==, 1);
  g_unlink (backup);
}

/* The copies of résumés handed to a viewer: owner-only, gone with their candidate, all gone
 * when the app quits, and a dead process's copies gone when the next one starts */
static void
test_resume_copies (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static ("%PDF-1.4 résumé", 16);
  g_autofree char *dir = sl_resume_cache_dir ();
  g_autofree char *root = g_path_get_dirname (dir);
  g_autofree char *dead = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 kept = add_candidate (fixture->store, "Kept Candidate", "PL");
  gint64 deleted = add_candidate (fixture->store, "Deleted Candidate", "RO");
  const char *argv[] = { "true", NULL };
  GPid pid;
  int status;
  GStatBuf st;

  /* The copy is the user's alone */
  first = sl_resume_cache_write (fixture->store, kept, "cv.pdf", bytes, &error);
  g_assert_no_error (error);
  second = sl_resume_cache_write (fixture->store, deleted, "/elsewhere/cv.pdf", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_prefix (first, dir));
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);

  /* Deleting a candidate in the window takes their copy with them */
  g_assert_true (sl_store_delete_candidate (fixture->store, deleted, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));

  /* A process that ended without quitting: its folder goes at the next start, ours stays */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  dead = g_strdup_printf ("%s/%d/x-1", root, (int) pid);
  g_assert_cmpint (g_mkdir_with_parents (dead, 0700), ==, 0);
  sl_resume_cache_clear_stale ();
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));

  /* Quitting leaves none */
  sl_resume_cache_clear ();
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static guint
n_database_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL; l = l->next)
    n += SL_IS_WINDOW (l->data);
  return n;
}

/* Every window of the app but the fixture's goes (other databases' windows, their dialogs) */
static void
close_other_windows (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (the_app)))
    {
      GList *next = l;

      while (next != NULL && next->data == (gpointer) fixture->window)
        next = next->next;
      if (next == NULL)
        break;
      gtk_window_destroy (next->data);
    }
}

/* What a second `shortlist` launch asks of the running one: its database's window comes to the
 * front, and another database opens in a window of its own, with a store of its own */
static void
test_one_window_per_database (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  guint before = n_database_windows ();
  GtkWindow *opened = NULL;

  /* No automatic backup into the real data folder */
  g_settings_set_int (settings, "backups-kept", 0);
  sl_app_open_database (the_app, fixture->path);
  g_assert_cmpuint (n_database_windows (), ==, before);

  sl_app_open_database (the_app, other);
  g_assert_cmpuint (n_database_windows (), ==, before + 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL; l = l->next)
    if (SL_IS_WINDOW (l->data) && l->data != (gpointer) fixture->window)
      opened = l->data;
  g_assert_nonnull (opened);
  g_assert_true (sl_window_get_store (SL_WINDOW (opened)) != fixture->store);
  g_assert_cmpstr (
    sl_database_get_path (sl_store_get_database (sl_window_get_store (SL_WINDOW (opened)))), ==,
    other);
  /* Asked again: the same window */
  sl_app_open_database (the_app, other);
  g_assert_cmpuint (n_database_windows (), ==, before + 1);

  /* The new database has no members: the first-run dialog is there too; both go */
  close_other_windows (fixture);
  settle (fixture);
  g_assert_cmpuint (n_database_windows (), ==, before);
  g_settings_reset (settings, "backups-kept");
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Random bytes over a leaf page of stage_events in the middle of the table: a page no save of a
 * candidate reads, so SQLite alone would write beside the damage without noticing it */
static void
damage_stage_events (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guchar *noise = g_malloc (4096);
  gint64 page;
  FILE *file;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno FROM dbstat WHERE name = 'stage_events'"
                                       " AND pagetype = 'leaf' ORDER BY path",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      page = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >=, 3);
  page = g_array_index (pages, gint64, pages->len / 2);
  for (guint i = 0; i < 4096; i++)
    noise[i] = (guchar) g_test_rand_int_range (0, 256);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) ((page - 1) * 4096), SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (noise, 1, 4096, file), ==, 4096);
  fclose (file);
}

static gboolean
damage_shown (Fixture *fixture)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (fixture->window), "damaged-window");

  return find_named (GTK_WIDGET (window), "damage-bar") != NULL;
}

/* A file damaged while Shortlist was not looking (a disk, a copy gone wrong) opens at once; the
 * window reads it through on a worker thread, says it is damaged, offers a backup, and saves
 * nothing more to it */
static void
test_damaged_file_refuses_writes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;
  GtkWindow *window = NULL;
  SlStore *store;

  {
    g_autoptr (SlDatabase) db = sl_database_open (damaged, &error);

    g_assert_no_error (error);
    g_assert_true (sl_demo_generate (db, 300, 1, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  damage_stage_events (damaged);

  g_settings_set_int (settings, "backups-kept", 0);
  sl_app_open_database (the_app, damaged);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL; l = l->next)
    if (SL_IS_WINDOW (l->data) && l->data != (gpointer) fixture->window)
      window = l->data;
  g_assert_nonnull (window);
  g_object_set_data (G_OBJECT (fixture->window), "damaged-window", window);
  iterate_until (damage_shown, fixture);

  /* Saving is refused, with the reason */
  store = sl_window_get_store (SL_WINDOW (window));
  sl_candidate_set_name (candidate, "Written Beside Damage");
  g_assert_false (sl_store_save_candidate (store, candidate, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));

  g_object_set_data (G_OBJECT (fixture->window), "damaged-window", NULL);
  gtk_window_destroy (window);
  settle (fixture);
  g_settings_reset (settings, "backups-kept");
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (damaged, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT count(*) FROM candidates"
                                         " WHERE name = 'Written Beside Damage'",
                                         -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "")       ? "-wal"
                                                         : g_str_equal (suffix, "-wal") ? "-shm"
                                                                                        : NULL)
    {
      g_autofree char *file = g_strconcat (damaged, suffix, NULL);
      g_unlink (file);
    }
}

static GtkWindow *
window_on (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL; l = l->next)
    if (SL_IS_WINDOW (l->data) &&
        g_strcmp0 (sl_database_get_path (sl_store_get_database (sl_window_get_store (l->data))),
                   path) == 0)
      return l->data;
  return NULL;
}

static GtkWindow *
upgrade_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), "upgrade-window") == 0)
      return l->data;
  return NULL;
}

static gboolean
upgraded_window_shown (Fixture *fixture)
{
  return window_on (g_object_get_data (G_OBJECT (fixture->window), "old-path")) != NULL;
}

/* A file an older version wrote is upgraded on a worker thread, behind a window that says so
 * and cannot be closed half-way; the window on the database follows, with the upgraded file */
static void
test_upgrade_in_background (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *old = g_build_filename (fixture->dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) ids = NULL;
  GtkWindow *waiting;
  GtkWindow *window;

  {
    SlDatabase *db = sl_database_open_at_version (old, SL_DATABASE_SCHEMA_VERSION - 1, &error);

    g_assert_no_error (error);
    g_assert_true (sl_database_exec (db,
                                     "INSERT INTO candidates (name, email, country, created_at,"
                                     " updated_at) VALUES ('Oleksandr Upgraded',"
                                     " 'ou@example.com', 'UA', 1700000000, 1700000000)",
                                     &error));
    g_assert_no_error (error);
    g_assert_finalize_object (db);
  }
  g_assert_cmpint (sl_database_peek_version (old), ==, SL_DATABASE_SCHEMA_VERSION - 1);

  g_settings_set_int (settings, "backups-kept", 0);
  sl_app_open_database (the_app, old);
  /* Until the main loop hears from the worker, the window says what is going on */
  waiting = upgrade_window ();
  g_assert_nonnull (waiting);
  g_assert_false (gtk_window_get_deletable (waiting));
  g_assert_null (window_on (old));
  /* Asked again meanwhile: the same window, no second upgrade */
  sl_app_open_database (the_app, old);
  g_assert_true (upgrade_window () == waiting);

  g_object_set_data (G_OBJECT (fixture->window), "old-path", old);
  iterate_until (upgraded_window_shown, fixture);
  g_object_set_data (G_OBJECT (fixture->window), "old-path", NULL);
  g_assert_null (upgrade_window ());
  g_assert_cmpint (sl_database_peek_version (old), ==, SL_DATABASE_SCHEMA_VERSION);
  window = window_on (old);
  query->text = g_strdup ("oleksandr");
  ids = sl_candidate_query_run (
    query, sl_store_get_database (sl_window_get_store (SL_WINDOW (window))), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* The window and the first-run dialog of a file with no members go */
  close_other_windows (fixture);
  settle (fixture);
  g_settings_reset (settings, "backups-kept");
}

/* On a file with no team members the app asks who is at the keyboard: Start stays off until a
 * name and an email are typed, then that person is the database's admin and the one this user
 * acts as, and the banner asking who you are goes */
static void
test_first_run_makes_an_admin (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr (GListModel) members = NULL;
  g_autoptr (SlMember) member = NULL;
  g_autofree char *email = NULL;
  GtkWidget *dialog;
  GtkWidget *name_row;
  GtkWidget *email_row;

  g_settings_set_string (settings, "member-email", "");
  dialog = sl_first_run_ask (GTK_WINDOW (fixture->window), fixture->store, NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  settle (fixture);
  name_row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (name_row);
  email_row = gtk_widget_get_next_sibling (name_row);
  g_assert_true (ADW_IS_ENTRY_ROW (email_row));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ana Lima");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start"));
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ana@team.example");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* As a click on Start would: the response, then the dialog closes */
  g_signal_emit_by_name (find_widget (dialog, GTK_TYPE_BUTTON, "_Start"), "clicked");
  settle (fixture);
  /* Answered, the dialog is gone */
  g_assert_null (dialog);

  members = sl_store_list_members (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  member = g_list_model_get_item (members, 0);
  g_assert_cmpstr (sl_member_get_name (member), ==, "Ana Lima");
  g_assert_cmpstr (sl_member_get_role (member), ==, "admin");
  email = g_settings_get_string (settings, "member-email");
  g_assert_cmpstr (email, ==, "ana@team.example");
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (window_child (fixture, "member_bar"))));
  g_settings_set_string (settings, "member-email", "");
}

/* Whether @model, or a section or submenu of it, offers @action; @before_about: the item
 * right after it in the same section is About */
static gboolean
menu_offers (GMenuModel *model, const char *action, gboolean *before_about)
{
  int n = g_menu_model_get_n_items (model);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;
      const char *links[] = { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU };

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          g_autofree char *next = NULL;

          *before_about =
            i + 1 < n &&
            g_menu_model_get_item_attribute (model, i + 1, G_MENU_ATTRIBUTE_ACTION, "s", &next) &&
            g_str_equal (next, "app.about");
          return TRUE;
        }
      for (guint l = 0; l < G_N_ELEMENTS (links); l++)
        {
          g_autoptr (GMenuModel) link = g_menu_model_get_item_link (model, i, links[l]);

          if (link != NULL && menu_offers (link, action, before_about))
            return TRUE;
        }
    }
  return FALSE;
}

/* Counts the main menus under @root (those offering About); each must offer Help before it */
static guint
count_menus_with_help (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *model = GTK_IS_MENU_BUTTON (child)
                            ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child))
                            : NULL;
      gboolean before_about = FALSE;

      if (model != NULL && menu_offers (model, "app.about", &before_about))
        {
          g_assert_true (menu_offers (model, "app.help", &before_about));
          g_assert_true (before_about);
          n++;
        }
      n += count_menus_with_help (child);
    }
  return n;
}

static gboolean
shortcuts_show (GtkWidget *root, const char *accelerator)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *shown = NULL;

      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        g_object_get (child, "accelerator", &shown, NULL);
      if (g_strcmp0 (shown, accelerator) == 0 || shortcuts_show (child, accelerator))
        return TRUE;
    }
  return FALSE;
}

/* F1 and the main menu of every view open the help; the test stops short of launching Yelp */
static void
test_help_action (Fixture *fixture, gconstpointer data)
{
  GAction *help = g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "help");
  g_auto (GStrv) accels =
    gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.help");
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PATH "/sl-shortcuts-window.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_nonnull (help);
  g_assert_true (g_action_get_enabled (help));
  g_assert_null (g_action_get_parameter_type (help));
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "F1");

  /* Candidates, Positions, Interviews and Reports each have a main menu of their own */
  sl_window_get_positions_page (fixture->window);
  sl_window_get_interviews_page (fixture->window);
  sl_window_get_reports_page (fixture->window);
  settle (fixture);
  g_assert_cmpuint (count_menus_with_help (GTK_WIDGET (fixture->window)), ==, 4);

  g_assert_true (shortcuts_show (shortcuts, "F1"));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

static gboolean
popover_shown (Fixture *fixture)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (fixture->window), "test-zone-row");

  return gtk_widget_get_mapped (find_widget (row, GTK_TYPE_SEARCH_ENTRY, NULL));
}

static gboolean
popover_hidden (Fixture *fixture)
{
  return !popover_shown (fixture);
}

static char *
candidate_zone (Fixture *fixture, gint64 id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT timezone FROM candidates WHERE id = %" G_GINT64_FORMAT, id);

  return query_text (fixture, sql);
}

/* The time zone is picked by city or country: the popover opens on the candidate's country's
 * zones, typing filters, Enter picks and the IANA id is saved; “No time zone” clears it; an old
 * value the tz database does not know is shown as typed and left alone */
static void
test_time_zone_picker (Fixture *fixture, gconstpointer data)
{
  SlCandidatePane *pane = sl_window_get_pane (fixture->window);
  SlZoneRow *row = SL_ZONE_ROW (
    gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "timezone_row"));
  GtkWidget *entry = find_widget (GTK_WIDGET (row), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *list = find_widget (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW, NULL);
  GListModel *found = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  GtkWidget *focus;
  g_autofree char *zone = NULL;
  g_autoptr (GtkStringObject) first = NULL;
  g_autoptr (GtkStringObject) second = NULL;
  gint64 old;

  g_object_set_data (G_OBJECT (fixture->window), "test-zone-row", row);
  /* Олександр Шевченко, in Ukraine, with no zone yet */
  g_assert_true (sl_window_select_id (fixture->window, 3));
  settle (fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not set");

  /* Activating the row opens the list, the keyboard in its search entry, their country first */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  iterate_until (popover_shown, fixture);
  focus = gtk_root_get_focus (gtk_widget_get_root (entry));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  first = g_list_model_get_item (found, 0);
  second = g_list_model_get_item (found, 1);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "");
  g_assert_cmpstr (gtk_string_object_get_string (second), ==, "Europe/Kyiv");

  /* Typing filters; Enter picks the best match, at once, without waiting for the entry's delay */
  type_text (entry, "warsaw");
  g_signal_emit_by_name (entry, "activate");
  iterate_until (popover_hidden, fixture);
  settle (fixture);
  zone = candidate_zone (fixture, 3);
  g_assert_cmpstr (zone, ==, "Europe/Warsaw");
  g_assert_true (
    g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Warsaw (UTC+"));

  /* Escape closes without a change */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  iterate_until (popover_shown, fixture);
  type_text (entry, "tokyo");
  g_signal_emit_by_name (entry, "stop-search");
  iterate_until (popover_hidden, fixture);
  settle (fixture);
  g_free (zone);
  zone = candidate_zone (fixture, 3);
  g_assert_cmpstr (zone, ==, "Europe/Warsaw");

  /* “No time zone”, first in the list, clears it */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  iterate_until (popover_shown, fixture);
  g_signal_emit_by_name (list, "activate", 0);
  iterate_until (popover_hidden, fixture);
  settle (fixture);
  g_free (zone);
  zone = candidate_zone (fixture, 3);
  g_assert_cmpstr (zone, ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not set");

  /* An old typed value (from before the store checked zones, or a zone this computer's tz
   * database no longer has) is shown as it is and survives going to another candidate and back */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE candidates SET timezone = 'GMT+2 <Kyiv>' WHERE id = 5",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
    old = 5;
  }
  g_assert_true (sl_window_select_id (fixture->window, old));
  settle (fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "GMT+2 <Kyiv>");
  g_assert_true (sl_window_select_id (fixture->window, 1));
  settle (fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not set");
  g_free (zone);
  zone = candidate_zone (fixture, old);
  g_assert_cmpstr (zone, ==, "GMT+2 <Kyiv>");
}

/* The test's cache folder, with what GL drivers put there too */
/* The About window takes the project's addresses from the one place that sets them (the top
 * meson.build, through config.h), with the issue tracker and a copyright line */
static void
test_about (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GList) toplevels = NULL;
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (the_app), "about", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_URL);
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, PACKAGE_BUGREPORT);
  g_assert_nonnull (g_strstr_len (adw_about_window_get_copyright (about), -1, COPYRIGHT_YEAR));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  /* The cache (résumés' copies) in a folder of the test's own */
  cache = g_dir_make_tmp ("shortlist-window-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_app = sl_app_new ();
  /* Tests run side by side on one session bus: each keeps its own instance */
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, NULL);

  g_test_add ("/window/search-filters-list", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_search_filters_list, fixture_tear_down);
  g_test_add ("/window/country-filter", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_country_filter, fixture_tear_down);
  g_test_add ("/window/new-candidate-saved", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_new_candidate_saved, fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/empty-state-and-sample-data", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty_state_and_sample_data, fixture_tear_down);
  g_test_add ("/window/first-run-makes-an-admin", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_first_run_makes_an_admin, fixture_tear_down);
  g_test_add ("/window/resume-copies", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_resume_copies, fixture_tear_down);
  g_test_add ("/window/one-window-per-database", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_one_window_per_database, fixture_tear_down);
  g_test_add ("/window/upgrade-in-background", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_upgrade_in_background, fixture_tear_down);
  g_test_add ("/window/damaged-file-refuses-writes", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_damaged_file_refuses_writes, fixture_tear_down);
  g_test_add ("/window/back-up-and-restore", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_back_up_and_restore, fixture_tear_down);
  g_test_add ("/window/help-action", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_help_action, fixture_tear_down);
  g_test_add ("/window/idle-paints-nothing", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_idle_paints_nothing, fixture_tear_down);
  g_test_add ("/window/time-zone-picker", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_time_zone_picker, fixture_tear_down);
  g_test_add ("/window/about", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_about,
              fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&the_app);
  remove_tree (cache);
  return status;
}
