/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-scorecard.c — the scorecard editor and the debrief window under a headless display
 *
 * Each test opens a real SQLite file in a temporary folder with a hiring lead, two
 * interviewers, an approved position, a candidate's application and a technical interview
 * with both interviewers. The editor is filled from the keyboard (the digits go through the
 * editor's own key controller with the focus where a user would have it), saved, closed,
 * read back from the file by a new store, submitted and amended; the debrief window is
 * checked against the blind rule.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sl-debrief-window.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-scorecard-editor.h"

typedef struct
{
  char *dir;
  char *path;
  SlStore *store;
  gint64 lead;
  gint64 ana;
  gint64 bruno;
  gint64 application;
  gint64 interview;
} Fixture;

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SlPosition) position = sl_position_new ();
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GArray) interviewers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("shortlist-scorecard-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->lead = sl_store_add_member (fixture->store, "Helen Carter", "helen@example.org",
                                       "hiring-lead", &error);
  g_assert_no_error (error);
  fixture->ana =
    sl_store_add_member (fixture->store, "Ana Lima", "ana@example.org", "interviewer", &error);
  g_assert_no_error (error);
  fixture->bruno =
    sl_store_add_member (fixture->store, "Bruno Costa", "bruno@example.org", "interviewer", &error);
  g_assert_no_error (error);

  sl_position_set_text (position, SL_POSITION_TITLE, "Backend Engineer");
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, "Build and run the hiring tools.");
  g_assert_true (sl_store_save_position (fixture->store, position, &error));
  g_assert_no_error (error);
  g_assert_true (sl_store_approve_description (fixture->store, position, fixture->lead, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");

  sl_candidate_set_name (candidate, "Łukasz Wójcik");
  g_assert_true (sl_store_save_candidate (fixture->store, candidate, &error));
  g_assert_no_error (error);
  fixture->application = sl_store_apply (fixture->store, sl_candidate_get_id (candidate),
                                         sl_position_get_id (position), fixture->lead, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->application, >, 0);

  g_array_append_val (interviewers, fixture->ana);
  g_array_append_val (interviewers, fixture->bruno);
  fixture->interview = sl_store_schedule_interview (
    fixture->store, fixture->application, "technical",
    g_get_real_time () / G_USEC_PER_SEC - 2 * 3600, 60, "Video call", interviewers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->interview, >, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  drain ();
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

/* A connection of the test's own: what another program would see on disk */
static char *query_text (Fixture *fixture, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
query_text (Fixture *fixture, const char *format, ...)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* The stored value of @member's rating of @attribute, or NULL */
static char *
stored_rating (Fixture *fixture, gint64 member, const char *attribute)
{
  return query_text (fixture,
                     "SELECT r.value FROM scorecard_ratings r"
                     " JOIN scorecards s ON s.id = r.scorecard_id"
                     " WHERE s.interview_id = %" G_GINT64_FORMAT
                     " AND s.member_id = %" G_GINT64_FORMAT " AND r.attribute = '%s'",
                     fixture->interview, member, attribute);
}

static char *
stored_column (Fixture *fixture, gint64 member, const char *column)
{
  return query_text (fixture,
                     "SELECT %s FROM scorecards WHERE interview_id = %" G_GINT64_FORMAT
                     " AND member_id = %" G_GINT64_FORMAT,
                     column, fixture->interview, member);
}

static void
collect (GtkWidget *root, const char *css_class, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, css_class))
        g_ptr_array_add (found, child);
      collect (child, css_class, found);
    }
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), text))
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_label (GtkWidget *root, const char *text)
{
  GtkWidget *label = find_label (root, text);

  return label != NULL && gtk_widget_is_visible (label);
}

static GtkWidget *
find_nth (GtkWidget *root, GType type, guint *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (*skip)-- == 0)
        return child;
      found = find_nth (child, type, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The widget of @type after @skip others, depth first */
static GtkWidget *
find_type (GtkWidget *root, GType type, guint skip)
{
  return find_nth (root, type, &skip);
}

static GtkEventController *
find_controller (GtkWidget *widget, const char *name)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  g_assert_not_reached ();
  return NULL;
}

/* A key press as the editor receives it: through its key controller, with the focus wherever
 * the test put it */
static gboolean
press (SlScorecardEditor *editor, guint keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (editor), "scorecard-keys");
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

/* Runs the editor's shortcut for @accelerator, as the key press caught before the focus
 * widget would */
static gboolean
press_shortcut (SlScorecardEditor *editor, const char *accelerator)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  GtkEventController *controller = find_controller (GTK_WIDGET (editor), "scorecard-shortcuts");

  g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
        return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                             GTK_WIDGET (editor),
                                             gtk_shortcut_get_arguments (shortcut));
    }
  g_assert_not_reached ();
  return FALSE;
}

static const char *
status_text (SlScorecardEditor *editor)
{
  return gtk_label_get_label (GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (editor), SL_TYPE_SCORECARD_EDITOR, "status_label")));
}

static GPtrArray *
attribute_rows (SlScorecardEditor *editor)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), "scorecard-attribute", rows);
  return rows;
}

/* The toggle of @row chosen, by its value's css class */
static gboolean
toggle_active (GtkWidget *row, const char *value)
{
  g_autoptr (GPtrArray) toggles = g_ptr_array_new ();
  g_autofree char *css = g_strconcat ("rating-", value, NULL);

  collect (row, css, toggles);
  g_assert_cmpuint (toggles->len, ==, 1);
  return gtk_toggle_button_get_active (g_ptr_array_index (toggles, 0));
}

static GtkWidget *
overall_row (SlScorecardEditor *editor)
{
  g_autoptr (GPtrArray) toggles = g_ptr_array_new ();
  GtkWidget *yes;

  collect (GTK_WIDGET (editor), "rating-toggle", toggles);
  yes = g_ptr_array_index (toggles, toggles->len - 1);
  return gtk_widget_get_ancestor (yes, GTK_TYPE_LIST_BOX_ROW);
}

static const char *
rating_of (SlScorecardEditor *editor, const char *attribute)
{
  SlScorecard *scorecard = sl_scorecard_editor_get_scorecard (editor);
  int index = sl_scorecard_find_rating (scorecard, attribute);

  g_assert_cmpint (index, >=, 0);
  return sl_scorecard_get_rating (scorecard, (guint) index)->value;
}

static SlScorecardEditor *
open_editor (Fixture *fixture, gint64 member)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *editor =
    sl_scorecard_editor_new (fixture->store, fixture->interview, member, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (editor);
  gtk_window_present (GTK_WINDOW (editor));
  drain ();
  return SL_SCORECARD_EDITOR (editor);
}

static void
close_editor (SlScorecardEditor *editor)
{
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
}

static void
set_text (SlScorecardEditor *editor, guint which, const char *text)
{
  GtkWidget *view = find_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, which);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
test_keyboard_draft (Fixture *fixture, gconstpointer data)
{
  SlScorecardEditor *editor = open_editor (fixture, fixture->ana);
  g_autoptr (GPtrArray) rows = attribute_rows (editor);
  SlScorecard *scorecard = sl_scorecard_editor_get_scorecard (editor);
  g_autofree char *nothing = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *note_entry;

  /* The technical kit: eleven technical attributes, then eight soft skills */
  g_assert_cmpuint (rows->len, ==, sl_scorecard_get_n_ratings (scorecard));
  g_assert_cmpuint (rows->len, ==, 19);
  g_assert_true (shows_label (GTK_WIDGET (editor), "Technical skills"));
  g_assert_true (shows_label (GTK_WIDGET (editor), "Soft skills"));
  g_assert_true (shows_label (GTK_WIDGET (editor), "Draft — saved automatically"));
  g_assert_cmpstr (rating_of (editor, "language"), ==, "no-decision");
  g_assert_true (toggle_active (g_ptr_array_index (rows, 0), "no-decision"));

  /* Digits rate the focused row and move on to the next one */
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (rows, 0)));
  g_assert_true (press (editor, GDK_KEY_4));
  g_assert_cmpstr (rating_of (editor, "language"), ==, "yes");
  g_assert_true (toggle_active (g_ptr_array_index (rows, 0), "yes"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == g_ptr_array_index (rows, 1));
  g_assert_true (press (editor, GDK_KEY_5));
  g_assert_cmpstr (rating_of (editor, "design"), ==, "strong-yes");
  g_assert_true (press (editor, GDK_KEY_KP_3));
  g_assert_cmpstr (rating_of (editor, "databases"), ==, "mixed");
  g_assert_true (press (editor, GDK_KEY_1));
  g_assert_cmpstr (rating_of (editor, "algorithms"), ==, "definitely-not");
  /* Keys beyond the scale are left alone */
  g_assert_false (press (editor, GDK_KEY_7));
  g_assert_cmpstr (rating_of (editor, "scalability"), ==, "no-decision");

  /* From a toggle inside a row too; 0 is “no decision” */
  {
    g_autoptr (GPtrArray) toggles = g_ptr_array_new ();

    collect (g_ptr_array_index (rows, 3), "rating-toggle", toggles);
    g_assert_cmpuint (toggles->len, ==, 6);
    g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (toggles, 2)));
    g_assert_true (press (editor, GDK_KEY_2));
    g_assert_cmpstr (rating_of (editor, "algorithms"), ==, "no");
    g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (toggles, 0)));
    g_assert_true (press (editor, GDK_KEY_0));
    g_assert_cmpstr (rating_of (editor, "algorithms"), ==, "no-decision");
    g_assert_true (toggle_active (g_ptr_array_index (rows, 3), "no-decision"));
  }

  /* The last attribute hands the focus to the recommendation, where 1–4 choose */
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (rows, rows->len - 1)));
  g_assert_true (press (editor, GDK_KEY_4));
  g_assert_cmpstr (rating_of (editor, "flexibility"), ==, "yes");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == overall_row (editor));
  g_assert_false (press (editor, GDK_KEY_5));
  g_assert_null (sl_scorecard_get_overall (scorecard));
  g_assert_true (press (editor, GDK_KEY_3));
  g_assert_cmpstr (sl_scorecard_get_overall (scorecard), ==, "yes");

  /* A digit typed in a note is text, not a rating */
  note_entry = find_type (g_ptr_array_index (rows, 0), GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (note_entry);
  g_assert_false (
    gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (note_entry))));
  /* The note button (the row's first toggle) reveals the note and focuses it */
  gtk_toggle_button_set_active (
    GTK_TOGGLE_BUTTON (find_type (g_ptr_array_index (rows, 0), GTK_TYPE_TOGGLE_BUTTON, 0)), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (note_entry))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), note_entry) ||
                 gtk_root_get_focus (GTK_ROOT (editor)) == note_entry);
  g_assert_false (press (editor, GDK_KEY_1));
  g_assert_cmpstr (rating_of (editor, "language"), ==, "yes");
  gtk_editable_set_text (GTK_EDITABLE (note_entry), "Fluent in Go and Java");
  set_text (editor, 0, "Strong on design, weak on algorithms.");
  set_text (editor, 1, "Asked twice about remote work.");

  /* Saved after a pause; flushed now, it is on disk */
  nothing = stored_column (fixture, fixture->ana, "overall");
  g_assert_null (nothing);
  sl_scorecard_editor_flush (editor);
  {
    g_autofree char *overall = stored_column (fixture, fixture->ana, "overall");
    g_autofree char *submitted = stored_column (fixture, fixture->ana, "submitted_at");
    g_autofree char *language = stored_rating (fixture, fixture->ana, "language");

    g_assert_cmpstr (overall, ==, "yes");
    g_assert_null (submitted);
    g_assert_cmpstr (language, ==, "yes");
  }

  /* A change made just before closing is saved by closing */
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (rows, 4)));
  g_assert_true (press (editor, GDK_KEY_5));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  close_editor (editor);
  g_assert_null (editor);

  /* Read back from the file by another store */
  g_assert_finalize_object (fixture->store);
  fixture->store = sl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  editor = open_editor (fixture, fixture->ana);
  g_ptr_array_unref (rows);
  rows = attribute_rows (editor);
  scorecard = sl_scorecard_editor_get_scorecard (editor);
  g_assert_cmpstr (rating_of (editor, "language"), ==, "yes");
  g_assert_cmpstr (rating_of (editor, "design"), ==, "strong-yes");
  g_assert_cmpstr (rating_of (editor, "databases"), ==, "mixed");
  g_assert_cmpstr (rating_of (editor, "algorithms"), ==, "no-decision");
  g_assert_cmpstr (rating_of (editor, "scalability"), ==, "strong-yes");
  g_assert_cmpstr (rating_of (editor, "flexibility"), ==, "yes");
  g_assert_cmpstr (sl_scorecard_get_overall (scorecard), ==, "yes");
  g_assert_cmpstr (sl_scorecard_get_rating (scorecard, 0)->note, ==, "Fluent in Go and Java");
  g_assert_cmpstr (sl_scorecard_get_takeaways (scorecard), ==,
                   "Strong on design, weak on algorithms.");
  g_assert_cmpstr (sl_scorecard_get_private_notes (scorecard), ==,
                   "Asked twice about remote work.");
  /* …and shown */
  g_assert_true (toggle_active (g_ptr_array_index (rows, 1), "strong-yes"));
  g_assert_true (toggle_active (g_ptr_array_index (rows, 2), "mixed"));
  g_assert_true (toggle_active (overall_row (editor), "yes"));
  note_entry = find_type (g_ptr_array_index (rows, 0), GTK_TYPE_ENTRY, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_entry)), ==, "Fluent in Go and Java");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (note_entry))));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The same interviewer's draft saved from elsewhere (another window, shortlist-cli) while the
 * editor has it open: the editor's next save keeps both; where both changed a field, theirs is
 * what is kept and shown */
static void
test_draft_saved_elsewhere (Fixture *fixture, gconstpointer data)
{
  SlScorecardEditor *editor = open_editor (fixture, fixture->ana);
  g_autoptr (SlStore) other = sl_store_open (fixture->path, NULL);
  g_autoptr (SlScorecard) theirs = NULL;
  g_autoptr (GError) error = NULL;
  int language;

  g_assert_nonnull (other);
  set_text (editor, 0, "First thoughts");
  sl_scorecard_editor_flush (editor);

  /* They rate the language and write a private note; this user rewrites the take-aways */
  theirs = sl_store_open_scorecard (other, fixture->interview, fixture->ana, &error);
  g_assert_no_error (error);
  language = sl_scorecard_find_rating (theirs, "language");
  g_assert_cmpint (language, >=, 0);
  sl_scorecard_set_rating (theirs, (guint) language, "strong-yes");
  sl_scorecard_set_private_notes (theirs, "Ask about the notice period");
  g_assert_true (sl_store_save_scorecard (other, theirs, &error));
  g_assert_no_error (error);
  set_text (editor, 0, "Second thoughts");
  sl_scorecard_editor_flush (editor);
  {
    g_autofree char *takeaways = stored_column (fixture, fixture->ana, "takeaways");
    g_autofree char *notes = stored_column (fixture, fixture->ana, "private_notes");
    g_autofree char *rating = stored_rating (fixture, fixture->ana, "language");

    g_assert_cmpstr (takeaways, ==, "Second thoughts");
    g_assert_cmpstr (notes, ==, "Ask about the notice period");
    g_assert_cmpstr (rating, ==, "strong-yes");
  }
  /* The form shows their rating */
  g_assert_cmpstr (rating_of (editor, "language"), ==, "strong-yes");

  /* Both rewrite the take-aways: theirs is kept, and shown */
  g_clear_object (&theirs);
  theirs = sl_store_open_scorecard (other, fixture->interview, fixture->ana, &error);
  sl_scorecard_set_takeaways (theirs, "Their take-aways");
  g_assert_true (sl_store_save_scorecard (other, theirs, &error));
  g_assert_no_error (error);
  set_text (editor, 0, "My take-aways");
  sl_scorecard_editor_flush (editor);
  {
    g_autofree char *takeaways = stored_column (fixture, fixture->ana, "takeaways");

    g_assert_cmpstr (takeaways, ==, "Their take-aways");
  }
  g_assert_cmpstr (sl_scorecard_get_takeaways (sl_scorecard_editor_get_scorecard (editor)), ==,
                   "Their take-aways");
  close_editor (editor);
}

static void
test_submit_and_amend (Fixture *fixture, gconstpointer data)
{
  SlScorecardEditor *editor = open_editor (fixture, fixture->ana);
  g_autoptr (GPtrArray) rows = attribute_rows (editor);
  g_autofree char *submitted_text = NULL;
  g_autofree char *count = NULL;
  gint64 submitted_at;

  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (rows, 0)));
  g_assert_true (press (editor, GDK_KEY_4));

  /* No recommendation: refused with the reason, and nothing submitted */
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  drain ();
  g_assert_true (
    shows_label (GTK_WIDGET (editor), "Choose an overall recommendation before submitting"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == overall_row (editor));
  g_assert_cmpint (sl_scorecard_get_submitted_at (sl_scorecard_editor_get_scorecard (editor)), ==,
                   0);
  {
    /* The draft was saved on the way */
    g_autofree char *language = stored_rating (fixture, fixture->ana, "language");
    g_autofree char *submitted = stored_column (fixture, fixture->ana, "submitted_at");

    g_assert_cmpstr (language, ==, "yes");
    g_assert_null (submitted);
  }

  g_assert_true (press (editor, GDK_KEY_4));
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  drain ();
  submitted_text = stored_column (fixture, fixture->ana, "submitted_at");
  g_assert_nonnull (submitted_text);
  submitted_at = g_ascii_strtoll (submitted_text, NULL, 10);
  g_assert_cmpint (submitted_at, >, 0);
  g_assert_cmpint (sl_scorecard_get_submitted_at (sl_scorecard_editor_get_scorecard (editor)), ==,
                   submitted_at);
  /* (Its toast waits behind the first one; the status says it at once) */
  g_assert_true (g_str_has_prefix (status_text (editor), "Submitted on "));
  g_assert_false (g_str_has_suffix (status_text (editor), "time"));

  /* Read-only now: the keys do nothing and the toggles cannot be used */
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (rows, 0)));
  g_assert_false (press (editor, GDK_KEY_2));
  g_assert_cmpstr (rating_of (editor, "language"), ==, "yes");
  g_assert_false (
    gtk_widget_is_sensitive (find_type (g_ptr_array_index (rows, 0), GTK_TYPE_TOGGLE_BUTTON, 1)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (editor), SL_TYPE_SCORECARD_EDITOR, "submit_button"))));

  /* Amend: editable again, and saved once as an amendment */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "scorecard.amend", NULL));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == g_ptr_array_index (rows, 0));
  g_assert_true (press (editor, GDK_KEY_2));
  g_assert_cmpstr (rating_of (editor, "language"), ==, "no");
  /* Not saved as typed */
  {
    g_autofree char *language = stored_rating (fixture, fixture->ana, "language");
    g_assert_cmpstr (language, ==, "yes");
  }
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (editor), "scorecard.save-amendment", NULL));
  drain ();
  count = query_text (fixture, "SELECT count(*) FROM scorecard_amendments");
  g_assert_cmpstr (count, ==, "1");
  {
    g_autofree char *language = stored_rating (fixture, fixture->ana, "language");
    g_autofree char *previous =
      query_text (fixture, "SELECT json_extract(previous, '$.ratings[0].value')"
                           " FROM scorecard_amendments");
    g_autofree char *still = stored_column (fixture, fixture->ana, "submitted_at");

    g_assert_cmpstr (language, ==, "no");
    g_assert_cmpstr (previous, ==, "yes");
    g_assert_cmpstr (still, ==, submitted_text);
  }
  /* The status says how often, the history when */
  g_assert_true (g_str_has_prefix (status_text (editor), "Submitted on "));
  g_assert_true (g_str_has_suffix (status_text (editor), " · Amended 1 time"));
  g_assert_nonnull (find_type (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, 0));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                                     find_type (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, 0))),
                                   "Amended on "));
  /* Read-only again */
  g_assert_false (press (editor, GDK_KEY_5));

  /* Amending and closing saves the amendment too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "scorecard.amend", NULL));
  set_text (editor, 0, "Revised after the debrief.");
  close_editor (editor);
  g_free (count);
  count = query_text (fixture, "SELECT count(*) FROM scorecard_amendments");
  g_assert_cmpstr (count, ==, "2");
  {
    g_autofree char *takeaways = stored_column (fixture, fixture->ana, "takeaways");
    g_assert_cmpstr (takeaways, ==, "Revised after the debrief.");
  }
}

static void
xdotool (const char *const *keys)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_strv_builder_add_many (builder, "xdotool", "key", NULL);
  g_strv_builder_addv (builder, (const char **) keys);
  argv = g_strv_builder_end (builder);
  g_assert_true (
    g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

/* Real key presses through the X server, where xdotool is at hand: the editor opens ready for
 * digits, the focus follows them, Escape closes with a save and Ctrl+Return is caught before
 * the focused widget. A failing feature ends in the test's timeout. */
static void
test_real_keys (Fixture *fixture, gconstpointer data)
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  const char *const digits[] = { "4", "5", "KP_3", NULL };
  const char *const escape[] = { "Escape", NULL };
  const char *const submit[] = { "ctrl+Return", NULL };
  SlScorecardEditor *editor;

  if (xdotool_path == NULL || g_getenv ("DISPLAY") == NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      g_test_skip ("Needs xdotool and an X display");
      return;
    }
  editor = open_editor (fixture, fixture->ana);
  while (!gtk_window_is_active (GTK_WINDOW (editor)))
    g_main_context_iteration (NULL, TRUE);

  xdotool (digits);
  while (g_strcmp0 (rating_of (editor, "databases"), "mixed") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rating_of (editor, "language"), ==, "yes");
  g_assert_cmpstr (rating_of (editor, "design"), ==, "strong-yes");

  /* Escape closes, and closing saves at once */
  g_signal_connect_swapped (editor, "destroy", G_CALLBACK (g_nullify_pointer), &editor);
  xdotool (escape);
  while (editor != NULL)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree char *databases = stored_rating (fixture, fixture->ana, "databases");
    g_assert_cmpstr (databases, ==, "mixed");
  }

  /* Ctrl+Return submits, even from a text view; here it says what is missing */
  editor = open_editor (fixture, fixture->ana);
  gtk_widget_grab_focus (find_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, 0));
  while (!gtk_window_is_active (GTK_WINDOW (editor)))
    g_main_context_iteration (NULL, TRUE);
  xdotool (submit);
  while (!shows_label (GTK_WIDGET (editor), "Choose an overall recommendation before submitting"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (sl_scorecard_get_submitted_at (sl_scorecard_editor_get_scorecard (editor)), ==,
                   0);
  g_assert_cmpstr (sl_scorecard_get_takeaways (sl_scorecard_editor_get_scorecard (editor)), ==, "");

  /* Tab leaves a multi-line field, as in GNOME's forms, and types no tab into it */
  for (guint i = 0; i < 2; i++)
    {
      const char *const tab[] = { "Tab", NULL };
      GtkWidget *view = find_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_widget_grab_focus (view);
      g_assert_true (gtk_widget_has_focus (view));
      xdotool (tab);
      while (gtk_widget_has_focus (view))
        g_main_context_iteration (NULL, TRUE);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_null (strchr (text, '\t'));
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_open_error (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* The lead is no interviewer of this interview */
  g_assert_null (
    sl_scorecard_editor_new (fixture->store, fixture->interview, fixture->lead, NULL, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sl_scorecard_editor_new (fixture->store, 4242, fixture->ana, NULL, &error));
  g_assert_nonnull (error);
}

static void
save_scorecard (Fixture *fixture, gint64 member, const char *language, const char *overall,
                gboolean submit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlScorecard) scorecard =
    sl_store_open_scorecard (fixture->store, fixture->interview, member, &error);

  g_assert_no_error (error);
  sl_scorecard_set_rating (scorecard, (guint) sl_scorecard_find_rating (scorecard, "language"),
                           language);
  sl_scorecard_set_overall (scorecard, overall);
  sl_scorecard_set_takeaways (scorecard, member == fixture->ana ? "Ana's take" : "Bruno's take");
  if (submit)
    g_assert_true (sl_store_submit_scorecard (fixture->store, scorecard, &error));
  else
    g_assert_true (sl_store_save_scorecard (fixture->store, scorecard, &error));
  g_assert_no_error (error);
}

static SlDebriefWindow *
open_debrief (Fixture *fixture, gint64 viewer)
{
  GtkWidget *window = sl_debrief_window_new (fixture->store, fixture->application, viewer, NULL);

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  return SL_DEBRIEF_WINDOW (window);
}

static guint
count_badges (GtkWidget *root, const char *value)
{
  g_autoptr (GPtrArray) badges = g_ptr_array_new ();
  g_autofree char *css = g_strconcat ("rating-", value, NULL);
  guint n = 0;

  collect (root, "rating-badge", badges);
  for (guint i = 0; i < badges->len; i++)
    n += gtk_widget_has_css_class (g_ptr_array_index (badges, i), css) ? 1 : 0;
  return n;
}

static void
test_debrief_blind_rule (Fixture *fixture, gconstpointer data)
{
  SlDebriefWindow *bruno, *lead;
  GtkWidget *blinded_title;

  /* Ana submitted; Bruno has a draft */
  save_scorecard (fixture, fixture->ana, "strong-yes", "strong-yes", TRUE);
  save_scorecard (fixture, fixture->bruno, "no", NULL, FALSE);

  bruno = open_debrief (fixture, fixture->bruno);
  g_assert_true (sl_debrief_window_get_blinded (bruno));
  g_assert_cmpuint (sl_debrief_window_get_n_scorecards (bruno), ==, 1);
  blinded_title = find_label (GTK_WIDGET (bruno), "Submit your scorecard to see the others");
  g_assert_nonnull (blinded_title);
  g_assert_true (gtk_widget_is_visible (blinded_title));
  g_assert_true (shows_label (GTK_WIDGET (bruno), "Bruno Costa (you)"));
  g_assert_false (shows_label (GTK_WIDGET (bruno), "Ana Lima"));
  g_assert_false (shows_label (GTK_WIDGET (bruno), "Ana's take"));
  g_assert_cmpuint (count_badges (GTK_WIDGET (bruno), "strong-yes"), ==, 0);
  g_assert_cmpuint (count_badges (GTK_WIDGET (bruno), "no"), ==, 1);
  /* He still owes his: listed as not submitted */
  g_assert_true (shows_label (GTK_WIDGET (bruno), "Not Submitted Yet"));

  lead = open_debrief (fixture, fixture->lead);
  g_assert_false (sl_debrief_window_get_blinded (lead));
  g_assert_cmpuint (sl_debrief_window_get_n_scorecards (lead), ==, 2);
  g_assert_false (shows_label (GTK_WIDGET (lead), "Submit your scorecard to see the others"));
  g_assert_true (shows_label (GTK_WIDGET (lead), "Ana Lima"));
  g_assert_true (shows_label (GTK_WIDGET (lead), "Bruno Costa"));
  g_assert_true (shows_label (GTK_WIDGET (lead), "Draft"));
  g_assert_true (shows_label (GTK_WIDGET (lead), "Ana's take"));
  g_assert_cmpuint (count_badges (GTK_WIDGET (lead), "strong-yes"), ==, 2); /* rating, overall */
  g_assert_cmpuint (count_badges (GTK_WIDGET (lead), "no"), ==, 1);
  /* The spread counts submitted scorecards only */
  g_assert_true (shows_label (GTK_WIDGET (lead), "1 × Strong yes"));

  /* Bruno submits: both windows follow the store */
  save_scorecard (fixture, fixture->bruno, "no", "no", TRUE);
  drain ();
  g_assert_false (sl_debrief_window_get_blinded (bruno));
  g_assert_cmpuint (sl_debrief_window_get_n_scorecards (bruno), ==, 2);
  g_assert_false (shows_label (GTK_WIDGET (bruno), "Submit your scorecard to see the others"));
  g_assert_true (shows_label (GTK_WIDGET (bruno), "Ana Lima"));
  g_assert_true (shows_label (GTK_WIDGET (bruno), "Ana's take"));
  g_assert_true (shows_label (GTK_WIDGET (bruno), "1 × Strong yes, 1 × No"));
  g_assert_false (shows_label (GTK_WIDGET (bruno), "Not Submitted Yet"));
  g_assert_true (shows_label (GTK_WIDGET (lead), "1 × Strong yes, 1 × No"));
  g_assert_false (shows_label (GTK_WIDGET (lead), "Draft"));

  /* A recruiter who interviewed nobody reads no scorecard, and is told why */
  {
    g_autoptr (GError) error = NULL;
    gint64 recruiter =
      sl_store_add_member (fixture->store, "Rita Alves", "rita@example.org", "recruiter", &error);
    SlDebriefWindow *window;

    g_assert_no_error (error);
    window = open_debrief (fixture, recruiter);
    g_assert_true (sl_debrief_window_get_blinded (window));
    g_assert_cmpuint (sl_debrief_window_get_n_scorecards (window), ==, 0);
    g_assert_true (shows_label (GTK_WIDGET (window), "The scorecards are hidden from you"));
    g_assert_false (shows_label (GTK_WIDGET (window), "Ana Lima"));
    gtk_window_destroy (GTK_WINDOW (window));
  }

  gtk_window_destroy (GTK_WINDOW (bruno));
  gtk_window_destroy (GTK_WINDOW (lead));
}

/* The debrief's own column is the editor's scorecard: Ana's draft from the editor shows up in
 * her debrief as she types, and nobody else's until she submits */
static void
test_debrief_follows_editor (Fixture *fixture, gconstpointer data)
{
  SlDebriefWindow *debrief;
  SlScorecardEditor *editor;
  g_autoptr (GPtrArray) rows = NULL;

  save_scorecard (fixture, fixture->bruno, "definitely-not", "no", TRUE);
  debrief = open_debrief (fixture, fixture->ana);
  g_assert_true (sl_debrief_window_get_blinded (debrief));
  g_assert_cmpuint (sl_debrief_window_get_n_scorecards (debrief), ==, 0);
  g_assert_cmpuint (count_badges (GTK_WIDGET (debrief), "definitely-not"), ==, 0);

  editor = open_editor (fixture, fixture->ana);
  rows = attribute_rows (editor);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (rows, 0)));
  g_assert_true (press (editor, GDK_KEY_5));
  sl_scorecard_editor_flush (editor);
  drain ();
  g_assert_cmpuint (sl_debrief_window_get_n_scorecards (debrief), ==, 1);
  g_assert_true (sl_debrief_window_get_blinded (debrief));
  g_assert_cmpuint (count_badges (GTK_WIDGET (debrief), "strong-yes"), ==, 1);
  g_assert_cmpuint (count_badges (GTK_WIDGET (debrief), "definitely-not"), ==, 0);

  g_assert_true (press (editor, GDK_KEY_1)); /* the second attribute */
  gtk_widget_grab_focus (overall_row (editor));
  g_assert_true (press (editor, GDK_KEY_3));
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  drain ();
  g_assert_false (sl_debrief_window_get_blinded (debrief));
  g_assert_cmpuint (sl_debrief_window_get_n_scorecards (debrief), ==, 2);
  /* Bruno's language and Ana's design */
  g_assert_cmpuint (count_badges (GTK_WIDGET (debrief), "definitely-not"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (debrief));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/scorecard/keyboard-draft", Fixture, NULL, fixture_set_up, test_keyboard_draft,
              fixture_tear_down);
  g_test_add ("/scorecard/draft-saved-elsewhere", Fixture, NULL, fixture_set_up,
              test_draft_saved_elsewhere, fixture_tear_down);
  g_test_add ("/scorecard/submit-and-amend", Fixture, NULL, fixture_set_up, test_submit_and_amend,
              fixture_tear_down);
  g_test_add ("/scorecard/real-keys", Fixture, NULL, fixture_set_up, test_real_keys,
              fixture_tear_down);
  g_test_add ("/scorecard/open-error", Fixture, NULL, fixture_set_up, test_open_error,
              fixture_tear_down);
  g_test_add ("/scorecard/debrief-blind-rule", Fixture, NULL, fixture_set_up,
              test_debrief_blind_rule, fixture_tear_down);
  g_test_add ("/scorecard/debrief-follows-editor", Fixture, NULL, fixture_set_up,
              test_debrief_follows_editor, fixture_tear_down);
  return g_test_run ();
}
