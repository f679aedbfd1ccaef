/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-board.c — drives the pipeline board under a headless display
 *
 * Each test opens a real SQLite file in a temporary folder with an approved position and its
 * applications, shows the board in a window, moves cards by keyboard, by the board's actions
 * and shortcuts and by a drop, and checks the columns and the database.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sl-board-card-row.h"
#include "sl-board-column.h"
#include "sl-pipeline-board.h"
#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"

#define N_APPLICATIONS 5
#define N_LARGE 5000
/* GtkListView binds at most 200 rows around its anchor, plus a few (GTK_LIST_VIEW_MAX_LIST_ITEMS) */
#define MAX_LIST_ITEMS 210

typedef struct
{
  char *dir;
  char *path;
  SlStore *store;
  gint64 member_id;
  gint64 position_id;
  gint64 applications[N_APPLICATIONS];
  GtkWindow *window;
  SlPipelineBoard *board;
} Fixture;

/* Runs the main loop until @done says so; a failing feature ends in the test's timeout */
static void
iterate_until (gboolean (*done) (Fixture *fixture), Fixture *fixture)
{
  while (!done (fixture))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
board_idle (Fixture *fixture)
{
  return !sl_pipeline_board_is_busy (fixture->board);
}

static void
settle (Fixture *fixture)
{
  iterate_until (board_idle, fixture);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gint64
add_position (Fixture *fixture, const char *title)
{
  g_autoptr (SlPosition) position = sl_position_new ();
  g_autoptr (GError) error = NULL;

  sl_position_set_text (position, SL_POSITION_TITLE, title);
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, "Build and run the hiring tools.");
  g_assert_true (sl_store_save_position (fixture->store, position, &error));
  g_assert_no_error (error);
  g_assert_true (
    sl_store_approve_description (fixture->store, position, fixture->member_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");
  return sl_position_get_id (position);
}

static gint64
add_application (Fixture *fixture, const char *name, const char *country, const char *seniority)
{
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  sl_candidate_set_name (candidate, name);
  sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, country);
  sl_candidate_set_text (candidate, SL_CANDIDATE_SENIORITY, seniority);
  g_assert_true (sl_store_save_candidate (fixture->store, candidate, &error));
  g_assert_no_error (error);
  id = sl_store_apply (fixture->store, sl_candidate_get_id (candidate), fixture->position_id,
                       fixture->member_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  static const char *const people[N_APPLICATIONS][3] = {
    { "João Araújo", "BR", "senior" },  { "Ștefan Popescu", "RO", "mid" },
    { "Олександр Шевченко", "UA", "" }, { "Łukasz Wójcik", "PL", "junior" },
    { "Ximena Núñez", "MX", "senior" },
  };
  GtkWidget *overlay;
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("shortlist-board-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->member_id =
    sl_store_add_member (fixture->store, "Ana Lima", "ana@example.com", "hiring-lead", &error);
  g_assert_no_error (error);
  fixture->position_id = add_position (fixture, "Backend Engineer");
  for (guint i = 0; i < N_APPLICATIONS; i++)
    fixture->applications[i] = add_application (fixture, people[i][0], people[i][1], people[i][2]);
  /* Three sourced, two at screening */
  for (guint i = 3; i < N_APPLICATIONS; i++)
    {
      g_assert_true (sl_store_move_application (fixture->store, fixture->applications[i],
                                                "screening", NULL, NULL, fixture->member_id,
                                                &error));
      g_assert_no_error (error);
    }

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  overlay = adw_toast_overlay_new ();
  fixture->board = sl_pipeline_board_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->board));
  gtk_window_set_child (fixture->window, overlay);
  sl_pipeline_board_set_position (fixture->board, fixture->store, fixture->position_id,
                                  fixture->member_id);
  g_assert_true (sl_pipeline_board_is_busy (fixture->board));
  gtk_window_present (fixture->window);
  settle (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
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

static char *
stage_of (Fixture *fixture, gint64 application_id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT stage FROM applications WHERE id = %" G_GINT64_FORMAT, application_id);

  return query_text (fixture, sql);
}

static guint
n_events (Fixture *fixture, gint64 application_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM stage_events WHERE application_id = %" G_GINT64_FORMAT, application_id);
  g_autofree char *count = query_text (fixture, sql);

  return (guint) g_ascii_strtoull (count, NULL, 10);
}

/* The newest stage event of the application as “from>to by member” */
static char *
last_event (Fixture *fixture, gint64 application_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce(from_stage, '') || '>' || to_stage || ' by ' || coalesce(by_member, 0)"
    " FROM stage_events WHERE application_id = %" G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1",
    application_id);

  return query_text (fixture, sql);
}

static void
assert_last_event (Fixture *fixture, gint64 application_id, const char *from, const char *to)
{
  g_autofree char *event = last_event (fixture, application_id);
  g_autofree char *expected =
    g_strdup_printf ("%s>%s by %" G_GINT64_FORMAT, from, to, fixture->member_id);

  g_assert_cmpstr (event, ==, expected);
}

static void
assert_stage (Fixture *fixture, gint64 application_id, const char *stage)
{
  g_autofree char *actual = stage_of (fixture, application_id);

  g_assert_cmpstr (actual, ==, stage);
}

static SlBoardColumn *
find_column (GtkWidget *root, const char *stage)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      SlBoardColumn *found;

      if (SL_IS_BOARD_COLUMN (child) &&
          g_str_equal (sl_board_column_get_stage (SL_BOARD_COLUMN (child)), stage))
        return SL_BOARD_COLUMN (child);
      found = find_column (child, stage);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static SlBoardCardRow *
find_card_row (GtkWidget *root, gint64 application_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      SlBoardCardRow *found;

      if (SL_IS_BOARD_CARD_ROW (child) && sl_board_card_row_get_card (SL_BOARD_CARD_ROW (child)) &&
          sl_board_card_get_application_id (
            sl_board_card_row_get_card (SL_BOARD_CARD_ROW (child))) == application_id)
        return SL_BOARD_CARD_ROW (child);
      found = find_card_row (child, application_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_card_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    n += (SL_IS_BOARD_CARD_ROW (child) ? 1 : 0) + count_card_rows (child);
  return n;
}

static gpointer
find_controller (GtkWidget *widget, GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
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

/* The application whose card has the keyboard focus, and its stage there */
static gint64
focused_application (Fixture *fixture, const char **stage)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  SlBoardCard *card;

  if (focus == NULL || !SL_IS_BOARD_CARD_ROW (focus))
    return 0;
  card = sl_board_card_row_get_card (SL_BOARD_CARD_ROW (focus));
  if (stage != NULL)
    *stage = sl_board_card_get_stage (card);
  return sl_board_card_get_application_id (card);
}

static void
assert_focus_on (Fixture *fixture, gint64 application_id, const char *stage)
{
  const char *focus_stage = NULL;

  g_assert_cmpint (focused_application (fixture, &focus_stage), ==, application_id);
  g_assert_cmpstr (focus_stage, ==, stage);
  g_assert_cmpint (sl_pipeline_board_get_selected (fixture->board), ==, application_id);
}

/* Runs the board's own shortcut for @accelerator, as a key press on a card would */
static gboolean
press_shortcut (Fixture *fixture, const char *accelerator)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->board));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) ==
                GTK_PHASE_CAPTURE)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (fixture->board),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static const char *
column_page (Fixture *fixture, const char *stage)
{
  SlBoardColumn *column = find_column (GTK_WIDGET (fixture->board), stage);
  GtkStack *stack =
    GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (column), SL_TYPE_BOARD_COLUMN, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_days_in_stage (void)
{
  gint64 now = 1767225600;
  struct
  {
    gint64 since;
    const char *text;
  } cases[] = {
    { now, "Today" },
    { now - 3600, "Today" },
    { now + 3600, "Today" }, /* a clock set back */
    { now - 86400, "1 day in stage" },
    { now - 3 * 86400 - 60, "3 days in stage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sl_board_card_row_days_in_stage (cases[i].since, now);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_columns_and_counts (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GListModel) stages =
    sl_store_list_position_stages (fixture->store, fixture->position_id, FALSE, NULL);

  /* A column for every visible stage, in the pipeline's order */
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr (SlStageColumn) stage = g_list_model_get_item (stages, i);
      g_assert_nonnull (find_column (GTK_WIDGET (fixture->board), sl_stage_column_get_id (stage)));
    }
  g_assert_null (find_column (GTK_WIDGET (fixture->board), "rejected"));

  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, 3);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "screening"), ==, 2);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "technical"), ==, 0);
  g_assert_cmpstr (column_page (fixture, "sourced"), ==, "cards");
  g_assert_cmpstr (column_page (fixture, "technical"), ==, "empty");
  g_assert_nonnull (find_card_row (GTK_WIDGET (fixture->board), fixture->applications[0]));
  g_assert_true (gtk_widget_get_focusable (
    GTK_WIDGET (find_card_row (GTK_WIDGET (fixture->board), fixture->applications[0]))));

  /* A stage name that wraps (“Retroalimentación sobre el candidato”, “Попередня співбесіда”)
   * makes every column's header as tall as its own, so the cards of all stages start on one
   * line */
  {
    SlBoardColumn *sourced = find_column (GTK_WIDGET (fixture->board), "sourced");
    SlBoardColumn *screening = find_column (GTK_WIDGET (fixture->board), "screening");
    int width = gtk_widget_get_width (sl_board_column_get_header (sourced));
    int one_line, wrapped, beside;

    g_assert_cmpint (width, >, 0);
    gtk_widget_measure (sl_board_column_get_header (screening), GTK_ORIENTATION_VERTICAL, width,
                        &one_line, NULL, NULL, NULL);
    sl_board_column_set_name (sourced, "Retroalimentación sobre el candidato y referencias");
    gtk_widget_measure (sl_board_column_get_header (sourced), GTK_ORIENTATION_VERTICAL, width,
                        &wrapped, NULL, NULL, NULL);
    gtk_widget_measure (sl_board_column_get_header (screening), GTK_ORIENTATION_VERTICAL, width,
                        &beside, NULL, NULL, NULL);
    g_assert_cmpint (wrapped, >, one_line);
    g_assert_cmpint (beside, ==, wrapped);
  }
}

static void
test_keyboard_move (Fixture *fixture, gconstpointer data)
{
  gint64 id = fixture->applications[0];

  g_assert_true (sl_pipeline_board_select (fixture->board, id));
  g_assert_true (sl_pipeline_board_move_selected (fixture->board, 1));
  settle (fixture);
  assert_stage (fixture, id, "screening");
  g_assert_cmpuint (n_events (fixture, id), ==, 2);
  assert_last_event (fixture, id, "sourced", "screening");
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, 2);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "screening"), ==, 3);
  /* The focus followed the card into its new column */
  assert_focus_on (fixture, id, "screening");

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-forward", NULL));
  settle (fixture);
  assert_stage (fixture, id, "resume-review");
  g_assert_cmpuint (n_events (fixture, id), ==, 3);
  assert_last_event (fixture, id, "screening", "resume-review");
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "screening"), ==, 2);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "resume-review"), ==, 1);
  g_assert_cmpstr (column_page (fixture, "resume-review"), ==, "cards");
  assert_focus_on (fixture, id, "resume-review");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-back", NULL));
  settle (fixture);
  assert_stage (fixture, id, "screening");
  assert_last_event (fixture, id, "resume-review", "screening");
  g_assert_cmpstr (column_page (fixture, "resume-review"), ==, "empty");
  assert_focus_on (fixture, id, "screening");

  /* The shortcuts the board catches before the focused list view does */
  g_assert_true (press_shortcut (fixture, "<Control>Left"));
  settle (fixture);
  assert_stage (fixture, id, "sourced");
  g_assert_cmpuint (n_events (fixture, id), ==, 5);
  assert_focus_on (fixture, id, "sourced");
  g_assert_true (press_shortcut (fixture, "<Control>Right"));
  settle (fixture);
  assert_stage (fixture, id, "screening");
  g_assert_cmpuint (n_events (fixture, id), ==, 6);
  g_assert_true (press_shortcut (fixture, "<Control>Left"));
  settle (fixture);
  assert_stage (fixture, id, "sourced");

  /* Nothing before the first stage: refused with a toast, and nothing written */
  g_assert_null (find_label (GTK_WIDGET (fixture->window), "There is no earlier stage"));
  g_assert_false (sl_pipeline_board_move_selected (fixture->board, -1));
  settle (fixture);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "There is no earlier stage"));
  assert_stage (fixture, id, "sourced");
  g_assert_cmpuint (n_events (fixture, id), ==, 7);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, 3);
}

static void
test_arrows_between_columns (Fixture *fixture, gconstpointer data)
{
  gint64 first_screening = fixture->applications[3];
  const char *stage = NULL;

  /* Focus on the second sourced card; Right goes to the second card at screening */
  g_assert_true (sl_pipeline_board_select (fixture->board, fixture->applications[1]));
  g_assert_true (gtk_widget_grab_focus (
    GTK_WIDGET (find_card_row (GTK_WIDGET (fixture->board), fixture->applications[1]))));
  g_assert_true (press_shortcut (fixture, "Right"));
  g_assert_cmpint (focused_application (fixture, &stage), ==, fixture->applications[4]);
  g_assert_cmpstr (stage, ==, "screening");
  g_assert_cmpint (sl_pipeline_board_get_selected (fixture->board), ==, fixture->applications[4]);
  /* Empty columns are skipped; past the last column with cards the key is left to the list */
  g_assert_false (press_shortcut (fixture, "Right"));
  g_assert_true (press_shortcut (fixture, "Left"));
  g_assert_cmpint (focused_application (fixture, &stage), ==, fixture->applications[1]);
  g_assert_cmpstr (stage, ==, "sourced");
  g_assert_true (sl_pipeline_board_select (fixture->board, first_screening));
  g_assert_cmpint (sl_pipeline_board_get_selected (fixture->board), ==, first_screening);
  g_assert_false (sl_pipeline_board_select (fixture->board, 424242));
}

static void
test_drag_and_drop (Fixture *fixture, gconstpointer data)
{
  gint64 id = fixture->applications[3];
  SlBoardColumn *technical = find_column (GTK_WIDGET (fixture->board), "technical");
  SlBoardCardRow *row = find_card_row (GTK_WIDGET (fixture->board), id);
  GtkDropTarget *target;
  GtkDragSource *source;
  g_autoptr (GdkContentProvider) content = NULL;
  g_autoptr (GError) error = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  /* The card offers its application id */
  g_assert_nonnull (row);
  source = find_controller (GTK_WIDGET (row), GTK_TYPE_DRAG_SOURCE);
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int64 (&value), ==, id);

  /* Dropped on the technical column, it moves there */
  target = find_controller (GTK_WIDGET (technical), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &dropped);
  g_assert_true (dropped);
  settle (fixture);
  assert_stage (fixture, id, "technical");
  assert_last_event (fixture, id, "screening", "technical");
  g_assert_cmpuint (n_events (fixture, id), ==, 3);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "screening"), ==, 1);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "technical"), ==, 1);
  assert_focus_on (fixture, id, "technical");

  /* Dropped where it already is: nothing happens */
  dropped = TRUE;
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &dropped);
  g_assert_false (dropped);
  settle (fixture);
  g_assert_cmpuint (n_events (fixture, id), ==, 3);

  /* An application that is not on this board is refused */
  g_value_set_int64 (&value, 424242);
  dropped = TRUE;
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &dropped);
  g_assert_false (dropped);
  g_value_unset (&value);

  /* The path a drop takes, straight */
  g_assert_true (sl_pipeline_board_move_to (fixture->board, id, "offer"));
  settle (fixture);
  assert_stage (fixture, id, "offer");
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "technical"), ==, 0);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "offer"), ==, 1);
  /* A stage outside the pipeline is refused by the store and shown, not written */
  g_assert_false (sl_pipeline_board_move_to (fixture->board, id, "no-such-stage"));
  settle (fixture);
  assert_stage (fixture, id, "offer");
  g_assert_cmpuint (n_events (fixture, id), ==, 4);
}

static void
test_outside_changes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* A move made elsewhere (the candidate pane, the CLI through the store) shows up */
  g_assert_true (sl_store_move_application (fixture->store, fixture->applications[2], "offer", NULL,
                                            NULL, fixture->member_id, &error));
  g_assert_no_error (error);
  g_assert_true (sl_pipeline_board_is_busy (fixture->board));
  settle (fixture);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, 2);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "offer"), ==, 1);

  /* A rejected application leaves the board: rejected is no column */
  g_assert_true (sl_store_move_application (fixture->store, fixture->applications[2], "rejected",
                                            "filled", "Chose another offer", fixture->member_id,
                                            &error));
  g_assert_no_error (error);
  settle (fixture);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "offer"), ==, 0);
  g_assert_false (sl_pipeline_board_select (fixture->board, fixture->applications[2]));
}

static gboolean
cli_move_shown (Fixture *fixture)
{
  return sl_pipeline_board_get_count (fixture->board, "technical") == 1 &&
         !sl_pipeline_board_is_busy (fixture->board);
}

/* Another program's move (shortlist-cli, another process on the file) appears on the open
 * board, through the store's watcher alone */
static void
test_cli_move (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->applications[0]);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = {
    g_getenv ("SHORTLIST_CLI"), "move", id, "technical", "--database", fixture->path, "--as",
    "ana@example.com",          NULL
  };
  int status = -1;

  g_assert_nonnull (argv[0]);
  sl_store_watch_changes (fixture->store);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, 3);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* No waiting for a time: the main loop runs until the card is in its new column */
  iterate_until (cli_move_shown, fixture);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, 2);
  assert_stage (fixture, fixture->applications[0], "technical");
}

static void
test_large_position (Fixture *fixture, gconstpointer data)
{
  sqlite3 *db = sl_database_get_handle (sl_store_get_database (fixture->store));
  g_autofree char *sql = NULL;
  g_autofree char *sourced_text = NULL;
  g_autofree char *last_sql = NULL;
  g_autofree char *last_text = NULL;
  char *message = NULL;
  guint sourced, screening, rows;
  gint64 last;
  gint64 large;

  large = add_position (fixture, "Many Applicants");
  /* Straight SQL on the store's own connection, which has the functions the triggers call */
  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO candidates (name, country, seniority, created_at, updated_at)"
    " SELECT printf('Bulk Candidate %%04d', i), 'PL', 'senior', 1700000000, 1700000000 FROM n;"
    "INSERT INTO applications (candidate_id, position_id, stage, created_at, updated_at)"
    " SELECT id, %" G_GINT64_FORMAT ", CASE WHEN id %% 10 = 0 THEN 'screening' ELSE 'sourced' END,"
    " 1700000000 + id, 1700000000 + id FROM candidates WHERE name LIKE 'Bulk Candidate %%';"
    "COMMIT;",
    N_LARGE, large);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM applications WHERE position_id = %" G_GINT64_FORMAT
                         " AND stage = 'sourced'",
                         large);
  sourced_text = query_text (fixture, sql);
  sourced = (guint) g_ascii_strtoull (sourced_text, NULL, 10);
  screening = N_LARGE - sourced;
  g_assert_cmpuint (screening, >, 0);

  sl_pipeline_board_set_position (fixture->board, fixture->store, large, fixture->member_id);
  g_assert_cmpint (sl_pipeline_board_get_position_id (fixture->board), ==, large);
  settle (fixture);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, sourced);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "screening"), ==, screening);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced") +
                      sl_pipeline_board_get_count (fixture->board, "screening"),
                    ==, N_LARGE);
  /* Widgets only around what is in sight: GTK 4.8's list view keeps a window of at most
   * MAX_LIST_ITEMS rows, whatever the number of cards */
  rows = count_card_rows (GTK_WIDGET (find_column (GTK_WIDGET (fixture->board), "sourced")));
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <=, MAX_LIST_ITEMS);
  g_assert_cmpuint (count_card_rows (GTK_WIDGET (fixture->board)), <=, 2 * MAX_LIST_ITEMS);

  /* The card that waited least, at the bottom of the column, moves and keeps the focus */
  last_sql =
    g_strdup_printf ("SELECT max(id) FROM applications WHERE position_id = %" G_GINT64_FORMAT
                     " AND stage = 'sourced'",
                     large);
  last_text = query_text (fixture, last_sql);
  last = g_ascii_strtoll (last_text, NULL, 10);
  g_assert_true (sl_pipeline_board_select (fixture->board, last));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-forward", NULL));
  settle (fixture);
  assert_stage (fixture, last, "screening");
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "sourced"), ==, sourced - 1);
  g_assert_cmpuint (sl_pipeline_board_get_count (fixture->board, "screening"), ==, screening + 1);
  assert_focus_on (fixture, last, "screening");
  g_assert_cmpuint (count_card_rows (GTK_WIDGET (fixture->board)), <=, 2 * MAX_LIST_ITEMS);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/board/days-in-stage", test_days_in_stage);
  g_test_add ("/board/columns-and-counts", Fixture, NULL, fixture_set_up, test_columns_and_counts,
              fixture_tear_down);
  g_test_add ("/board/keyboard-move", Fixture, NULL, fixture_set_up, test_keyboard_move,
              fixture_tear_down);
  g_test_add ("/board/arrows-between-columns", Fixture, NULL, fixture_set_up,
              test_arrows_between_columns, fixture_tear_down);
  g_test_add ("/board/drag-and-drop", Fixture, NULL, fixture_set_up, test_drag_and_drop,
              fixture_tear_down);
  g_test_add ("/board/outside-changes", Fixture, NULL, fixture_set_up, test_outside_changes,
              fixture_tear_down);
  g_test_add ("/board/cli-move", Fixture, NULL, fixture_set_up, test_cli_move, fixture_tear_down);
  g_test_add ("/board/large-position", Fixture, NULL, fixture_set_up, test_large_position,
              fixture_tear_down);
  return g_test_run ();
}
