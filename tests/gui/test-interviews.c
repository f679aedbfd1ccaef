/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-interviews.c — scheduling across time zones, My Interviews, an application's interviews
 * and the position's interview kits, through the real widgets under a headless display
 *
 * TZ is Europe/Warsaw for this test (see meson.build): the dialog's times are entered on a
 * Warsaw clock and shown to a candidate in Mexico City, which has no daylight saving time.
 */
#include "config.h"

#include <adwaita.h>

#include "sl-app.h"
#include "sl-application-row.h"
#include "sl-interview-dialog.h"
#include "sl-time.h"
#include "sl-interview-list.h"
#include "sl-interviews-page.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-position-editor-private.h"
#include "sl-positions-page.h"
#include "sl-window.h"
#include "test-team.h"
#include "test-util.h"

#define HOUR 3600
#define DAY (24 * HOUR)

static SlApp *the_app;

typedef struct
{
  SlTestDir dir;
  SlTestTeam team;
  SlPosition *position;
  gint64 application;
  SlWindow *window;
  SlInterviewsPage *page;
} Fixture;

static void
settle (Fixture *fixture)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      while (sl_window_is_busy (fixture->window) || sl_interviews_page_is_busy (fixture->page))
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
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;

  sl_test_dir_setup (&fixture->dir, NULL);
  sl_test_team_init (&fixture->team, fixture->dir.path);
  fixture->position = sl_test_open_position (&fixture->team, "Senior Go developer");
  sl_candidate_set_name (candidate, "Ximena Ibáñez");
  sl_candidate_set_text (candidate, SL_CANDIDATE_TIMEZONE, "America/Mexico_City");
  g_assert_true (sl_store_save_candidate (fixture->team.store, candidate, &error));
  fixture->application = sl_test_apply (&fixture->team, sl_candidate_get_id (candidate),
                                        fixture->position, fixture->team.recruiter);
  act_as ("piotr@example.com");
  fixture->window = sl_window_new (the_app, fixture->team.store);
  fixture->page = sl_window_get_interviews_page (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&fixture->position);
  sl_test_team_clear (&fixture->team);
  sl_test_dir_teardown (&fixture->dir, NULL);
}

static SlApplication *
application (Fixture *fixture)
{
  g_autoptr (GListModel) applications = sl_store_list_applications (
    fixture->team.store,
    sl_test_sql_int (fixture->team.store, "SELECT candidate_id FROM applications"), NULL);

  g_assert_cmpuint (g_list_model_get_n_items (applications), ==, 1);
  return g_list_model_get_item (applications, 0);
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) at = g_date_time_new_utc (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (at);
}

static gint64
schedule (Fixture *fixture, const char *kind, gint64 at)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  g_array_append_val (ids, fixture->team.interviewer);
  id = sl_store_schedule_interview (fixture->team.store, fixture->application, kind, at, 60, "",
                                    ids, &error);
  g_assert_no_error (error);
  return id;
}

/* The calendar a date row's button opens */
static GtkWidget *
find_calendar (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child))
        {
          GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (child));

          if (popover != NULL && GTK_IS_CALENDAR (gtk_popover_get_child (popover)))
            return gtk_popover_get_child (popover);
        }
      if ((found = find_calendar (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Entered on a Warsaw clock; the candidate's time follows Warsaw's change to winter time on
 * 25 October while Mexico City stays at UTC−6 */
static void
test_dialog_time_zones (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SlApplication) app = application (fixture);
  SlInterviewDialog *dialog =
    sl_interview_dialog_new (fixture->team.store, app, NULL, GTK_WINDOW (fixture->window));
  g_autofree char *summer = NULL;
  g_autofree char *winter = NULL;
  gint64 id;

  gtk_window_present (GTK_WINDOW (dialog));
  settle (fixture);
  sl_interview_dialog_set_when (dialog, "2026-10-24", "10:00");
  summer = sl_interview_dialog_dup_candidate_time (dialog);
  g_assert_nonnull (strstr (summer, "02:00"));
  g_assert_nonnull (strstr (summer, "UTC−6"));
  g_assert_nonnull (strstr (summer, "Mexico City (UTC−6)"));
  sl_interview_dialog_set_when (dialog, "2026-10-26", "10:00");
  winter = sl_interview_dialog_dup_candidate_time (dialog);
  g_assert_nonnull (strstr (winter, "03:00"));

  /* A time that does not exist is refused, and nothing is written */
  sl_interview_dialog_set_when (dialog, "2026-03-29", "02:30");
  g_assert_cmpint (sl_interview_dialog_save (dialog), ==, 0);
  sl_interview_dialog_set_when (dialog, "2026-10-26", "25:99");
  g_assert_cmpint (sl_interview_dialog_save (dialog), ==, 0);
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT count(*) FROM interviews"), ==, 0);

  /* A 12-hour time is taken as well as a 24-hour one, and a date picked from the calendar is
   * the date saved */
  sl_interview_dialog_set_when (dialog, "2026-10-24", "3:00 PM");
  summer = (g_free (summer), sl_interview_dialog_dup_candidate_time (dialog));
  g_assert_nonnull (strstr (summer, "07:00"));
  {
    GtkWidget *calendar = find_calendar (GTK_WIDGET (dialog));
    g_autoptr (GDateTime) day = g_date_time_new_local (2026, 10, 26, 0, 0, 0);

    g_assert_nonnull (calendar);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    /* The field shows the picked date as the locale writes dates (C: 10/26/2026), not ISO */
    {
      GtkWidget *popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
      GtkWidget *row = gtk_widget_get_ancestor (popover, ADW_TYPE_ENTRY_ROW);
      g_autofree char *shown = sl_time_format_numeric_date ("2026-10-26");

      g_assert_nonnull (row);
      g_assert_cmpstr (shown, !=, "2026-10-26");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, shown);
    }
  }

  /* Stored in UTC, with the member scheduling it as its interviewer */
  sl_interview_dialog_set_when (dialog, NULL, "10:00 am");
  id = sl_interview_dialog_save (dialog);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT starts_at FROM interviews"), ==,
                   utc (2026, 10, 26, 9, 0));
  g_assert_cmpint (
    sl_test_sql_int (fixture->team.store, "SELECT member_id FROM interview_interviewers"), ==,
    fixture->team.interviewer);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Someone else (here another program, on its own connection) rescheduled the interview while
 * the dialog was open: what the user changed is saved over their change where the two don't
 * clash; where both changed the time, theirs is shown, nothing is saved, and the user decides */
static void
test_reschedule_conflict (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SlStore) other = sl_store_open (fixture->dir.path, NULL);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  gint64 id = schedule (fixture, "technical", utc (2026, 11, 10, 9, 0));
  g_autoptr (SlInterview) interview = sl_store_get_interview (fixture->team.store, id, NULL);
  SlInterviewDialog *dialog =
    sl_interview_dialog_new (fixture->team.store, NULL, interview, GTK_WINDOW (fixture->window));
  g_autofree char *theirs = NULL;
  g_autofree char *place = NULL;

  g_assert_nonnull (other);
  g_array_append_val (ids, fixture->team.interviewer);
  gtk_window_present (GTK_WINDOW (dialog));
  settle (fixture);

  /* They move it to another room; this user, to 11:00 */
  g_assert_true (sl_store_update_interview (other, id, 0, "technical", utc (2026, 11, 10, 9, 0), 60,
                                            "Room 7", ids, &error));
  g_assert_no_error (error);
  sl_interview_dialog_set_when (dialog, "2026-11-10", "11:00");
  g_assert_cmpint (sl_interview_dialog_save (dialog), ==, id);
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT starts_at FROM interviews"), ==,
                   utc (2026, 11, 10, 10, 0));
  place = sl_test_sqlite_text (sl_database_get_handle (sl_store_get_database (fixture->team.store)),
                               "SELECT place FROM interviews");
  g_assert_cmpstr (place, ==, "Room 7");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT sequence FROM interviews"), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (fixture);

  /* Both change the time: theirs is kept and shown, and nothing of this user's is written */
  g_clear_object (&interview);
  interview = sl_store_get_interview (fixture->team.store, id, NULL);
  dialog =
    sl_interview_dialog_new (fixture->team.store, NULL, interview, GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  settle (fixture);
  g_assert_true (sl_store_update_interview (other, id, 2, "technical", utc (2026, 11, 10, 11, 0),
                                            60, "Room 7", ids, &error));
  sl_interview_dialog_set_when (dialog, "2026-11-10", "13:00");
  g_assert_cmpint (sl_interview_dialog_save (dialog), ==, 0);
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT starts_at FROM interviews"), ==,
                   utc (2026, 11, 10, 11, 0));
  /* 12:00 in Warsaw is 05:00 in Mexico City */
  theirs = sl_interview_dialog_dup_candidate_time (dialog);
  g_assert_nonnull (strstr (theirs, "05:00"));
  /* Saved again, the form as it now is goes through */
  g_assert_cmpint (sl_interview_dialog_save (dialog), ==, id);
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT sequence FROM interviews"), ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_my_interviews (Fixture *fixture, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 past = schedule (fixture, "technical", now - HOUR);
  g_autoptr (SlScorecard) scorecard = NULL;
  g_autoptr (GError) error = NULL;

  schedule (fixture, "culture", now + DAY);
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, "main_stack")),
    "interviews");
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sl_interviews_page_get_awaiting (fixture->page)), ==,
                    1);
  g_assert_cmpuint (g_list_model_get_n_items (sl_interviews_page_get_upcoming (fixture->page)), ==,
                    1);

  /* Once the scorecard is in, nothing awaits */
  scorecard =
    sl_store_open_scorecard (fixture->team.store, past, fixture->team.interviewer, &error);
  sl_scorecard_set_overall (scorecard, "yes");
  g_assert_true (sl_store_submit_scorecard (fixture->team.store, scorecard, &error));
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sl_interviews_page_get_awaiting (fixture->page)), ==,
                    0);

  /* Another member has other interviews: none here */
  act_as ("helen@example.com");
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sl_interviews_page_get_upcoming (fixture->page)), ==,
                    0);
}

static SlInterviewList *
find_list (GtkWidget *widget)
{
  if (SL_IS_INTERVIEW_LIST (widget))
    return SL_INTERVIEW_LIST (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SlInterviewList *found = find_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_application_interviews (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SlApplication) app = application (fixture);
  SlApplicationRow *row = sl_application_row_new (fixture->team.store, app);
  GtkWidget *list_box = gtk_list_box_new ();
  GtkWidget *window = gtk_window_new ();
  SlInterviewList *interviews;
  g_autoptr (GError) error = NULL;
  gint64 first = schedule (fixture, "pre-sell", utc (2026, 12, 1, 9, 0));

  gtk_list_box_append (GTK_LIST_BOX (list_box), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list_box);
  gtk_window_present (GTK_WINDOW (window));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  settle (fixture);
  interviews = find_list (GTK_WIDGET (row));
  g_assert_nonnull (interviews);
  g_assert_cmpuint (sl_interview_list_get_n_interviews (interviews), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (interviews)));

  /* It follows the store: a second one scheduled, the first cancelled */
  schedule (fixture, "technical", utc (2026, 12, 3, 9, 0));
  settle (fixture);
  g_assert_cmpuint (sl_interview_list_get_n_interviews (interviews), ==, 2);
  g_assert_true (sl_store_cancel_interview (fixture->team.store, first, &error));
  settle (fixture);
  g_assert_cmpuint (sl_interview_list_get_n_interviews (interviews), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget *widget, const char *what)
{
  const char *tag = g_object_get_data (G_OBJECT (widget), "sl-what");

  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && tag != NULL &&
      g_str_equal (tag, what))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, what);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (Fixture *fixture, GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle (fixture);
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_ENTRY (child) ? child : find_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The keyboard on @row, scrolled into view. The page scrolls to a focused row only if the row
 * was laid out when it took the focus, which a row just built may not be yet: the test then
 * scrolls to it itself, as a user would, once it is laid out. */
static void
focus_row (Fixture *fixture, GtkWidget *row)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkScrolledWindow *scrolled =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *content =
    gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (scrolled)));
  graphene_rect_t bounds;
  guint tries;

  gtk_widget_grab_focus (row);
  for (tries = 0; tries < 400; tries++)
    {
      graphene_rect_t place;

      if (gtk_widget_compute_bounds (row, window, &bounds) && bounds.origin.y >= 0 &&
          bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window))
        return;
      if (gtk_widget_compute_bounds (row, content, &place))
        gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (scrolled), place.origin.y,
                                   place.origin.y + place.size.height);
      /* Woken by the next frame, or soon anyway */
      g_timeout_add (25, wake_cb, NULL);
      g_main_context_iteration (NULL, TRUE);
    }
  g_error ("The row never came into view");
}

/* Names @row as a user does: activates it (Enter on it), types @name in the field it opens and
 * presses Enter there; the focus then goes back to the row's Rename button (or the one of the
 * item added) */
static void
name_row (Fixture *fixture, GtkWidget *row, const char *shown, const char *name)
{
  GtkPopover *popover;
  GtkWidget *entry;

  /* On the row, then Enter */
  focus_row (fixture, row);
  g_signal_emit_by_name (row, "activate");
  settle (fixture);
  popover = GTK_POPOVER (
    gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_TYPE_POPOVER));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  entry = find_entry (GTK_WIDGET (popover));
  /* The field starts with the name shown, ready to be typed over */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, shown);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  /* Gone with its row if the row is built again */
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  /* Enter in the field */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  settle (fixture);
  g_assert_true (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)));
  if (popover != NULL)
    g_object_remove_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
}

static const char *
row_name (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static GtkWidget *
kit_row (SlPositionEditor *editor, guint index)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (editor->kit_list));

  for (guint i = 0; i < index && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

static void
test_kit_editor (Fixture *fixture, gconstpointer data)
{
  SlPositionsPage *positions = sl_window_get_positions_page (fixture->window);
  SlPositionEditor *editor = SL_POSITION_EDITOR (
    gtk_widget_get_template_child (GTK_WIDGET (positions), SL_TYPE_POSITIONS_PAGE, "editor"));
  gint64 position = sl_position_get_id (fixture->position);

  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, "main_stack")),
    "positions");
  settle (fixture);
  g_assert_true (sl_positions_page_select (positions, position));
  settle (fixture);
  /* The pre-sell kit: its category, then its four attributes */
  adw_combo_row_set_selected (editor->kit_kind_row, 0);
  g_assert_cmpstr (row_name (kit_row (editor, 0)), ==, "Pre-sell");
  g_assert_cmpstr (row_name (kit_row (editor, 1)), ==, "Communication");

  /* Add an attribute to the category, rename it, move it up */
  click (fixture, find_button (kit_row (editor, 0), "add"));
  g_assert_cmpint (
    sl_test_sql_int (
      fixture->team.store,
      "SELECT count(*) FROM kit_items WHERE kind = 'pre-sell' AND position_id = %" G_GINT64_FORMAT,
      position),
    ==, 5);
  /* The keyboard is on the new attribute's Rename button */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         find_button (kit_row (editor, 5), "rename")));
  name_row (fixture, kit_row (editor, 5), "New attribute", "Can work EU hours");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         find_button (kit_row (editor, 5), "rename")));
  g_assert_cmpstr (row_name (kit_row (editor, 5)), ==, "Can work EU hours");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT rank FROM kit_items WHERE attribute_name ="
                                    " 'Can work EU hours'"),
                   ==, 4);
  click (fixture, find_button (kit_row (editor, 5), "up"));
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT rank FROM kit_items WHERE attribute_name ="
                                    " 'Can work EU hours'"),
                   ==, 3);

  /* A new category, then the first one moved below it */
  name_row (fixture, GTK_WIDGET (editor->new_category_row), "", "Logistics");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT rank FROM kit_items WHERE category_name = 'Logistics'"),
                   ==, 5);
  click (fixture, find_button (kit_row (editor, 0), "down"));
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT rank FROM kit_items WHERE category_name = 'Logistics'"),
                   ==, 0);
  g_assert_cmpstr (row_name (kit_row (editor, 0)), ==, "Logistics");
  /* The keyboard stays with the category just moved, in its new place: its Move down is
   * insensitive now, so on its Move up */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 find_button (kit_row (editor, 2), "up"));
  /* A category of one attribute moves past a bigger one whole */
  click (fixture, find_button (kit_row (editor, 0), "down"));
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT rank FROM kit_items WHERE category_name = 'Logistics'"),
                   ==, 5);
  g_assert_cmpstr (row_name (kit_row (editor, 6)), ==, "Logistics");
  click (fixture, find_button (kit_row (editor, 6), "up"));

  /* An interview's scorecard is built from it */
  {
    gint64 interview = schedule (fixture, "pre-sell", utc (2026, 12, 1, 9, 0));
    g_autoptr (GError) error = NULL;
    g_autoptr (SlScorecard) scorecard =
      sl_store_open_scorecard (fixture->team.store, interview, fixture->team.interviewer, &error);
    g_assert_cmpuint (sl_scorecard_get_n_ratings (scorecard), ==, 6);
  }

  /* Back to the playbook's kit */
  click (fixture, editor->kit_reset_button);
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT count(*) FROM kit_items"), ==, 0);
  g_assert_cmpstr (row_name (kit_row (editor, 0)), ==, "Pre-sell");
}

static gboolean
focus_in (Fixture *fixture, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A stage's name is a title that wraps; it is edited apart, from the keyboard */
static void
test_stage_names (Fixture *fixture, gconstpointer data)
{
  SlPositionsPage *positions = sl_window_get_positions_page (fixture->window);
  SlPositionEditor *editor = SL_POSITION_EDITOR (
    gtk_widget_get_template_child (GTK_WIDGET (positions), SL_TYPE_POSITIONS_PAGE, "editor"));
  gint64 n_stages;
  GtkWidget *row;
  GtkPopover *popover;

  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), SL_TYPE_WINDOW, "main_stack")),
    "positions");
  settle (fixture);
  g_assert_true (sl_positions_page_select (positions, sl_position_get_id (fixture->position)));
  settle (fixture);

  /* Renamed: saved, shown, and the keyboard back on the row's Rename button */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (editor->stages_list, 0));
  g_assert_cmpstr (row_name (row), ==, "Sourced");
  name_row (fixture, row, "Sourced", "Found through a referral or a search");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (editor->stages_list, 0));
  g_assert_cmpstr (row_name (row), ==, "Found through a referral or a search");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT count(*) FROM position_stages WHERE stage_id ="
                                    " 'sourced' AND name = 'Found through a referral or a search'"),
                   ==, 1);
  g_assert_true (focus_in (fixture, g_object_get_data (G_OBJECT (row), "sl-rename")));

  /* Closed without applying (Escape): nothing changes, the focus goes back to the button */
  focus_row (fixture, row);
  g_signal_emit_by_name (row, "activate");
  settle (fixture);
  popover = GTK_POPOVER (
    gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_TYPE_POPOVER));
  g_assert_nonnull (popover);
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (popover))), "Nope");
  gtk_popover_popdown (popover);
  settle (fixture);
  g_assert_cmpstr (row_name (row), ==, "Found through a referral or a search");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT count(*) FROM position_stages WHERE name = 'Nope'"),
                   ==, 0);
  g_assert_true (focus_in (fixture, g_object_get_data (G_OBJECT (row), "sl-rename")));

  /* Given back empty, it is the default name again */
  name_row (fixture, row, "Found through a referral or a search", "");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (editor->stages_list, 0));
  g_assert_cmpstr (row_name (row), ==, "Sourced");

  /* A new stage, named in the same field; one without a name is refused and nothing added */
  name_row (fixture, GTK_WIDGET (editor->new_stage_row), "", "Take-home exercise");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store,
                                    "SELECT count(*) FROM position_stages WHERE name ="
                                    " 'Take-home exercise'"),
                   ==, 1);
  n_stages = sl_test_sql_int (fixture->team.store, "SELECT count(*) FROM position_stages");
  name_row (fixture, GTK_WIDGET (editor->new_stage_row), "", "  ");
  g_assert_cmpint (sl_test_sql_int (fixture->team.store, "SELECT count(*) FROM position_stages"),
                   ==, n_stages);
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
  g_test_add ("/interviews/dialog-time-zones", Fixture, NULL, fixture_set_up,
              test_dialog_time_zones, fixture_tear_down);
  g_test_add ("/interviews/reschedule-conflict", Fixture, NULL, fixture_set_up,
              test_reschedule_conflict, fixture_tear_down);
  g_test_add ("/interviews/my-interviews", Fixture, NULL, fixture_set_up, test_my_interviews,
              fixture_tear_down);
  g_test_add ("/interviews/application-interviews", Fixture, NULL, fixture_set_up,
              test_application_interviews, fixture_tear_down);
  g_test_add ("/interviews/kit-editor", Fixture, NULL, fixture_set_up, test_kit_editor,
              fixture_tear_down);
  g_test_add ("/interviews/stage-names", Fixture, NULL, fixture_set_up, test_stage_names,
              fixture_tear_down);
  status = g_test_run ();
  g_object_unref (the_app);
  return status;
}
