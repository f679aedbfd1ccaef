/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-pipeline.c — positions and the hiring pipeline: approval, applications, moves, history,
 * stages of a position's own, hires, the positions' counts and the board
 *
 * What the store wrote is read back with plain SQL on the same file, so each rule is checked
 * against the data, not against the store's own reading of it.
 */
#include "config.h"

#include <string.h>

#include "sl-board-card.h"
#include "sl-demo.h"
#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"
#include "sl-stage-event.h"
#include "sl-store.h"
#include "test-team.h"
#include "test-util.h"

static char *
stage_of (SlStore *store, gint64 application)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT stage FROM applications WHERE id = %" G_GINT64_FORMAT, application);

  return sl_test_sqlite_text (sl_test_handle (store), sql);
}

static gint64
n_events (SlStore *store, gint64 application)
{
  return sl_test_sql_int (
    store, "SELECT count(*) FROM stage_events WHERE application_id = %" G_GINT64_FORMAT,
    application);
}

/* The application's latest event as "from to by reason", ∅ for NULL */
static char *
last_event (SlStore *store, gint64 application)
{
  return sl_test_sql_dump (
    store,
    "SELECT from_stage, to_stage, by_member, reason_id, reason FROM stage_events"
    " WHERE application_id = %" G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1",
    application);
}

/* A sl_test_move the store refuses changes nothing: no event, the same stage */
static void
assert_move_refused (SlTestTeam *team, gint64 application, const char *stage, const char *reason,
                     GQuark domain, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = stage_of (team->store, application);
  gint64 events = n_events (team->store, application);

  g_assert_false (sl_store_move_application (team->store, application, stage, reason, NULL,
                                             team->recruiter, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (n_events (team->store, application), ==, events);
  {
    g_autofree char *after = stage_of (team->store, application);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
assert_apply_refused (SlTestTeam *team, gint64 candidate, gint64 position, const char *message_part)
{
  g_autoptr (GError) error = NULL;
  gint64 applications = sl_test_sql_int (team->store, "SELECT count(*) FROM applications");
  gint64 events = sl_test_sql_int (team->store, "SELECT count(*) FROM stage_events");

  g_assert_cmpint (sl_store_apply (team->store, candidate, position, team->recruiter, &error), ==,
                   0);
  g_assert_nonnull (error);
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (sl_test_sql_int (team->store, "SELECT count(*) FROM applications"), ==,
                   applications);
  g_assert_cmpint (sl_test_sql_int (team->store, "SELECT count(*) FROM stage_events"), ==, events);
}

static char *
stage_ids (GListModel *columns)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i);
      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", sl_stage_column_get_id (column));
    }
  return g_string_free (out, FALSE);
}

static char *
pipeline (SlStore *store, gint64 position, gboolean include_hidden)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) columns =
    sl_store_list_position_stages (store, position, include_hidden, &error);

  g_assert_no_error (error);
  return stage_ids (columns);
}

static void
test_approval_gates_applying (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (SlPosition) by_admin = NULL;
  g_autoptr (SlPosition) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  gint64 candidate, id, before, after;
  g_autofree char *stored = NULL;

  sl_test_team_init (&team, fixture->path);
  candidate = sl_test_add_candidate (team.store, "Maria Santos");

  /* Kickoff: no description yet */
  position = sl_test_new_position (team.store, "Senior Java developer", "");
  id = sl_position_get_id (position);
  g_assert_cmpstr (sl_position_get_status (position), ==, "kickoff");
  g_assert_false (sl_position_is_approved (position));
  assert_apply_refused (&team, candidate, id, "not approved");
  g_assert_false (sl_store_approve_description (team.store, position, team.lead, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A description makes it a draft, still closed to candidates */
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, "Build payment services in Java.");
  g_assert_true (sl_store_save_position (team.store, position, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "draft");
  assert_apply_refused (&team, candidate, id, "not approved");

  /* Only a hiring lead or an admin approves; nobody, a recruiter or an interviewer cannot */
  for (guint i = 0; i < 3; i++)
    {
      gint64 member = i == 0 ? team.recruiter : i == 1 ? team.interviewer : 9999;

      g_assert_false (sl_store_approve_description (team.store, position, member, &error));
      g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (sl_position_is_approved (position));
      g_assert_cmpint (
        sl_test_sql_int (
          team.store, "SELECT approved_at IS NULL FROM positions WHERE id = %" G_GINT64_FORMAT, id),
        ==, 1);
    }
  g_assert_cmpstr (sl_position_get_status (position), ==, "draft");

  /* An open position must be approved: saving one as open is refused */
  sl_position_set_text (position, SL_POSITION_STATUS, "open");
  g_assert_false (sl_store_save_position (team.store, position, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  sl_position_set_text (position, SL_POSITION_STATUS, "draft");

  before = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (sl_store_approve_description (team.store, position, team.lead, &error));
  g_assert_no_error (error);
  after = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");
  g_assert_true (sl_position_is_approved (position));
  g_assert_cmpint (sl_position_get_approved_by (position), ==, team.lead);
  g_assert_cmpint (sl_position_get_approved_at (position), >=, before);
  g_assert_cmpint (sl_position_get_approved_at (position), <=, after);
  stored =
    sl_test_sql_dump (team.store,
                      "SELECT status, approved_by, approved_at BETWEEN %" G_GINT64_FORMAT
                      " AND %" G_GINT64_FORMAT " FROM positions WHERE id = %" G_GINT64_FORMAT,
                      before, after, id);
  {
    g_autofree char *expected = g_strdup_printf ("open\t%" G_GINT64_FORMAT "\t1\n", team.lead);
    g_assert_cmpstr (stored, ==, expected);
  }
  reloaded = sl_store_get_position (team.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_text (reloaded, SL_POSITION_APPROVED_BY_NAME), ==,
                   "Helen Carter");
  g_assert_cmpint (sl_position_get_approved_at (reloaded), ==,
                   sl_position_get_approved_at (position));

  /* Approving twice is refused; applying now works */
  g_assert_false (sl_store_approve_description (team.store, position, team.admin, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_position_get_approved_by (position), ==, team.lead);
  sl_test_apply (&team, candidate, position, team.recruiter);

  /* On hold, filled or closed: approved but not open, so no one is added */
  for (guint i = 0; i < 3; i++)
    {
      static const char *const statuses[] = { "on-hold", "filled", "closed" };
      gint64 other = sl_test_add_candidate (team.store, "Jose Reyes");

      g_assert_true (sl_store_set_position_status (team.store, position, statuses[i], &error));
      g_assert_no_error (error);
      assert_apply_refused (&team, other, id, "not open");
    }
  g_assert_true (sl_store_set_position_status (team.store, position, "open", &error));
  g_assert_no_error (error);
  g_assert_false (sl_store_set_position_status (team.store, position, "paused", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");

  /* An admin may approve too */
  by_admin = sl_test_new_position (team.store, "Python developer", "Data pipelines.");
  g_assert_true (sl_store_approve_description (team.store, by_admin, team.admin, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (by_admin), ==, "open");
  g_assert_cmpint (sl_position_get_approved_by (by_admin), ==, team.admin);

  /* Neither a missing position nor a missing candidate gets an application */
  assert_apply_refused (&team, candidate, 999999, NULL);
  assert_apply_refused (&team, 999999, sl_position_get_id (by_admin), NULL);

  g_clear_object (&position);
  g_clear_object (&by_admin);
  g_clear_object (&reloaded);
  sl_test_team_clear (&team);
}

static void
test_editing_approved_description (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GError) error = NULL;
  gint64 candidate, id;

  sl_test_team_init (&team, fixture->path);
  candidate = sl_test_add_candidate (team.store, "Olena Kovalenko");
  position = sl_test_open_position (&team, "Go developer");
  id = sl_position_get_id (position);

  /* Other fields change freely */
  sl_position_set_text (position, SL_POSITION_TITLE, "Senior Go developer");
  sl_position_set_headcount (position, 3);
  g_assert_true (sl_store_save_position (team.store, position, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");
  g_assert_true (sl_position_is_approved (position));

  /* A changed description goes back to draft, without its approval */
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, "Build and run Go services.");
  g_assert_true (sl_store_save_position (team.store, position, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "draft");
  g_assert_false (sl_position_is_approved (position));
  g_assert_cmpint (sl_position_get_approved_by (position), ==, 0);
  g_assert_cmpint (sl_position_get_approved_at (position), ==, 0);
  g_assert_cmpstr (sl_position_get_text (position, SL_POSITION_APPROVED_BY_NAME), ==, "");
  {
    g_autofree char *stored = sl_test_sql_dump (
      team.store,
      "SELECT status, approved_by, approved_at, headcount FROM positions WHERE id = %" G_GINT64_FORMAT,
      id);
    g_assert_cmpstr (stored, ==, "draft\t∅\t∅\t3\n");
  }
  assert_apply_refused (&team, candidate, id, "not approved");

  /* Approved again, it opens again */
  g_assert_true (sl_store_approve_description (team.store, position, team.admin, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");
  sl_test_apply (&team, candidate, position, 0);

  /* A filled position whose description changes loses the approval but stays filled */
  g_assert_true (sl_store_set_position_status (team.store, position, "filled", &error));
  g_assert_no_error (error);
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, "Build, run and own Go services.");
  g_assert_true (sl_store_save_position (team.store, position, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "filled");
  g_assert_false (sl_position_is_approved (position));

  g_clear_object (&position);
  sl_test_team_clear (&team);
}

static void
test_no_duplicate_application (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (SlPosition) other = NULL;
  g_autoptr (GError) error = NULL;
  gint64 candidate, trashed;

  sl_test_team_init (&team, fixture->path);
  candidate = sl_test_add_candidate (team.store, "Łukasz Nowak");
  position = sl_test_open_position (&team, "Kotlin developer");
  other = sl_test_open_position (&team, "Java developer");
  sl_test_apply (&team, candidate, position, team.recruiter);

  g_assert_cmpint (
    sl_store_apply (team.store, candidate, sl_position_get_id (position), team.lead, &error), ==,
    0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Łukasz Nowak"));
  g_assert_nonnull (strstr (error->message, "Kotlin developer"));
  g_clear_error (&error);
  assert_apply_refused (&team, candidate, sl_position_get_id (position), "already applied");
  g_assert_cmpint (sl_test_sql_int (team.store, "SELECT count(*) FROM applications"), ==, 1);
  g_assert_cmpint (sl_test_sql_int (team.store, "SELECT count(*) FROM stage_events"), ==, 1);

  /* A rejected application still counts: the candidate does not sl_test_apply again */
  sl_test_move (&team, sl_test_sql_int (team.store, "SELECT id FROM applications"), "rejected",
                "rate", 0);
  assert_apply_refused (&team, candidate, sl_position_get_id (position), "already applied");

  /* The same candidate may sl_test_apply to another position */
  sl_test_apply (&team, candidate, other, team.recruiter);

  /* A candidate in the trash cannot sl_test_apply */
  trashed = sl_test_add_candidate (team.store, "In the trash");
  g_assert_true (sl_store_delete_candidate (team.store, trashed, &error));
  g_assert_no_error (error);
  assert_apply_refused (&team, trashed, sl_position_get_id (other), NULL);

  g_clear_object (&position);
  g_clear_object (&other);
  sl_test_team_clear (&team);
}

static void
test_moves_and_history (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GListModel) events = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) got = g_string_new (NULL);
  g_autofree char *expected = NULL;
  gint64 candidate, application;
  char *event;

  sl_test_team_init (&team, fixture->path);
  candidate = sl_test_add_candidate (team.store, "Ioana Popescu");
  position = sl_test_open_position (&team, "PHP developer");
  application = sl_test_apply (&team, candidate, position, team.recruiter);

  g_assert_cmpint (n_events (team.store, application), ==, 1);
  event = last_event (team.store, application);
  {
    g_autofree char *want =
      g_strdup_printf ("∅\tsourced\t%" G_GINT64_FORMAT "\t∅\t∅\n", team.recruiter);
    g_assert_cmpstr (event, ==, want);
  }
  g_free (event);

  /* Forward, skipping stages, and back: one event each, with who and why */
  {
    static const struct
    {
      const char *to;
      const char *reason;
      const char *stored_reason;
    } moves[] = {
      { "screening", NULL, "∅" },      { "technical", "  Strong CV  ", "Strong CV" },
      { "resume-review", "", "∅" },    { "offer", NULL, "∅" },
      { "hired", "Signed", "Signed" }, { "feedback", "Offer withdrawn by client", NULL },
    };
    const char *from = "sourced";

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      {
        gint64 member = i % 2 ? team.lead : 0;
        g_autofree char *by =
          member ? g_strdup_printf ("%" G_GINT64_FORMAT, member) : g_strdup ("∅");
        g_autofree char *want = NULL;
        g_autofree char *stage = NULL;

        sl_test_move (&team, application, moves[i].to, moves[i].reason, member);
        g_assert_cmpint (n_events (team.store, application), ==, i + 2);
        stage = stage_of (team.store, application);
        g_assert_cmpstr (stage, ==, moves[i].to);
        want = g_strdup_printf ("%s\t%s\t%s\t∅\t%s\n", from, moves[i].to, by,
                                moves[i].stored_reason ? moves[i].stored_reason : moves[i].reason);
        event = last_event (team.store, application);
        g_assert_cmpstr (event, ==, want);
        g_free (event);
        from = moves[i].to;
      }
  }

  /* Refused moves leave no event */
  assert_move_refused (&team, application, "feedback", NULL, SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);
  assert_move_refused (&team, application, "interview", NULL, SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);
  assert_move_refused (&team, application, "custom-99", NULL, SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);
  assert_move_refused (&team, application, NULL, NULL, SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);
  assert_move_refused (&team, application, "rejected", NULL, SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);
  assert_move_refused (&team, application, "rejected", " \t\n", SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);
  g_assert_false (
    sl_store_move_application (team.store, 999999, "screening", NULL, NULL, 0, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The history as the store lists it: oldest first, by email, reasons as written */
  events = sl_store_list_stage_events (team.store, application, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (events) == SL_TYPE_STAGE_EVENT);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (SlStageEvent) item = g_list_model_get_item (events, i);
      const char *from = sl_stage_event_get_from_stage (item);
      const char *reason = sl_stage_event_get_reason (item);

      g_assert_cmpint (sl_stage_event_get_application_id (item), ==, application);
      g_string_append_printf (got, "%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\n",
                              sl_stage_event_get_id (item), from ? from : "∅",
                              sl_stage_event_get_to_stage (item), sl_stage_event_get_at (item),
                              *sl_stage_event_get_by_name (item) ? sl_stage_event_get_by_name (item)
                                                                 : "∅",
                              reason ? reason : "∅");
    }
  expected = sl_test_sql_dump (team.store,
                               "SELECT e.id, e.from_stage, e.to_stage, e.at, m.email, e.reason"
                               " FROM stage_events e LEFT JOIN team_members m ON m.id = e.by_member"
                               " WHERE e.application_id = %" G_GINT64_FORMAT " ORDER BY e.id",
                               application);
  g_assert_cmpstr (got->str, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 7);
  g_assert_nonnull (strstr (expected, "helen@example.com"));

  /* An application without events has an empty history */
  g_clear_object (&events);
  events = sl_store_list_stage_events (team.store, 999999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);

  g_clear_object (&events);
  g_clear_object (&position);
  sl_test_team_clear (&team);
}

static void
test_reject_withdraw_reopen (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GError) error = NULL;
  gint64 candidate, application;
  char *text;

  sl_test_team_init (&team, fixture->path);
  candidate = sl_test_add_candidate (team.store, "Andrés Muñoz");
  position = sl_test_open_position (&team, "Ruby developer");
  application = sl_test_apply (&team, candidate, position, 0);
  sl_test_move (&team, application, "technical", NULL, 0);

  /* Only an outcome can be reopened */
  g_assert_false (sl_store_reopen_application (team.store, application, team.lead, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_events (team.store, application), ==, 2);

  sl_test_move (&team, application, "rejected", "rate", team.recruiter);
  text = last_event (team.store, application);
  {
    g_autofree char *want =
      g_strdup_printf ("technical\trejected\t%" G_GINT64_FORMAT "\trate\t∅\n", team.recruiter);
    g_assert_cmpstr (text, ==, want);
  }
  g_free (text);

  /* Reopening goes back to the stage it was rejected from */
  g_assert_true (sl_store_reopen_application (team.store, application, team.lead, &error));
  g_assert_no_error (error);
  text = stage_of (team.store, application);
  g_assert_cmpstr (text, ==, "technical");
  g_free (text);
  text = last_event (team.store, application);
  {
    g_autofree char *want =
      g_strdup_printf ("rejected\ttechnical\t%" G_GINT64_FORMAT "\t∅\t∅\n", team.lead);
    g_assert_cmpstr (text, ==, want);
  }
  g_free (text);
  g_assert_cmpint (n_events (team.store, application), ==, 4);

  /* Withdrawn, with or without a reason, and back */
  sl_test_move (&team, application, "culture", NULL, 0);
  sl_test_move (&team, application, "withdrawn", NULL, 0);
  text = last_event (team.store, application);
  g_assert_cmpstr (text, ==, "culture\twithdrawn\t∅\t∅\t∅\n");
  g_free (text);
  g_assert_true (sl_store_reopen_application (team.store, application, 0, &error));
  g_assert_no_error (error);
  text = stage_of (team.store, application);
  g_assert_cmpstr (text, ==, "culture");
  g_free (text);

  /* Rejected, then marked withdrawn: reopening returns to the stage before both */
  sl_test_move (&team, application, "rejected", "other", 0);
  sl_test_move (&team, application, "withdrawn", "other-offer", 0);
  g_assert_true (sl_store_reopen_application (team.store, application, 0, &error));
  g_assert_no_error (error);
  text = stage_of (team.store, application);
  g_assert_cmpstr (text, ==, "culture");
  g_free (text);
  text = last_event (team.store, application);
  g_assert_cmpstr (text, ==, "withdrawn\tculture\t∅\t∅\t∅\n");
  g_free (text);

  /* Moving an outcome to any stage reopens it there */
  sl_test_move (&team, application, "rejected", "technical", 0);
  sl_test_move (&team, application, "screening", NULL, 0);
  text = stage_of (team.store, application);
  g_assert_cmpstr (text, ==, "screening");
  g_free (text);
  g_assert_cmpint (n_events (team.store, application), ==, 12);

  g_clear_object (&position);
  sl_test_team_clear (&team);
}

static void
test_adjacent_stages (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GListModel) columns = NULL;
  g_autoptr (GListStore) edited = g_list_store_new (SL_TYPE_STAGE_COLUMN);
  g_autoptr (GError) error = NULL;
  gint64 application, id;
  char *stage;

  sl_test_team_init (&team, fixture->path);
  position = sl_test_open_position (&team, ".NET developer");
  id = sl_position_get_id (position);
  application =
    sl_test_apply (&team, sl_test_add_candidate (team.store, "Mark Bautista"), position, 0);

  stage = pipeline (team.store, id, FALSE);
  g_assert_cmpstr (
    stage, ==, "sourced screening resume-review pre-sell technical culture feedback offer hired");
  g_free (stage);

  stage = sl_store_adjacent_stage (team.store, application, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stage, ==, "screening");
  g_free (stage);
  g_assert_null (sl_store_adjacent_stage (team.store, application, -1, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Hide screening and resume review: next and previous skip them */
  columns = sl_store_list_position_stages (team.store, id, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i);
      const char *column_id = sl_stage_column_get_id (column);
      gboolean hide =
        g_str_equal (column_id, "screening") || g_str_equal (column_id, "resume-review");
      g_autoptr (SlStageColumn) copy =
        sl_stage_column_new (column_id, sl_stage_column_get_name (column), 0, hide);

      g_list_store_append (edited, copy);
    }
  g_assert_true (sl_store_save_position_stages (team.store, sl_test_fresh_position (team.store, id),
                                                G_LIST_MODEL (edited), &error));
  g_assert_no_error (error);
  stage = pipeline (team.store, id, FALSE);
  g_assert_cmpstr (stage, ==, "sourced pre-sell technical culture feedback offer hired");
  g_free (stage);
  stage = pipeline (team.store, id, TRUE);
  g_assert_cmpstr (
    stage, ==, "sourced screening resume-review pre-sell technical culture feedback offer hired");
  g_free (stage);

  stage = sl_store_adjacent_stage (team.store, application, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stage, ==, "pre-sell");
  g_free (stage);
  sl_test_move (&team, application, "pre-sell", NULL, 0);
  stage = sl_store_adjacent_stage (team.store, application, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stage, ==, "sourced");
  g_free (stage);

  /* A hidden stage is on no board, so nothing moves to it */
  g_assert_false (
    sl_store_move_application (team.store, application, "screening", NULL, NULL, 0, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor can a stage be hidden while applications are at it */
  g_list_store_remove_all (edited);
  g_clear_object (&columns);
  columns = sl_store_list_position_stages (team.store, id, TRUE, &error);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i);
      g_autoptr (SlStageColumn) copy =
        sl_stage_column_new (sl_stage_column_get_id (column), sl_stage_column_get_name (column), 0,
                             g_str_equal (sl_stage_column_get_id (column), "pre-sell"));
      g_list_store_append (edited, copy);
    }
  g_assert_false (sl_store_save_position_stages (
    team.store, sl_test_fresh_position (team.store, id), G_LIST_MODEL (edited), &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* And Hired stays last */
  g_list_store_remove_all (edited);
  for (guint i = g_list_model_get_n_items (columns); i > 0; i--)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i - 1);
      g_list_store_append (edited, column);
    }
  g_assert_false (sl_store_save_position_stages (
    team.store, sl_test_fresh_position (team.store, id), G_LIST_MODEL (edited), &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* The last stage has no next, an outcome neither */
  sl_test_move (&team, application, "hired", NULL, 0);
  g_assert_null (sl_store_adjacent_stage (team.store, application, 1, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  stage = sl_store_adjacent_stage (team.store, application, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stage, ==, "offer");
  g_free (stage);
  sl_test_move (&team, application, "withdrawn", NULL, 0);
  g_assert_null (sl_store_adjacent_stage (team.store, application, 1, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sl_store_adjacent_stage (team.store, 999999, 1, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Hired cannot be hidden */
  g_list_store_remove_all (edited);
  {
    g_autoptr (SlStageColumn) hired = sl_stage_column_new ("hired", "Hired", 0, 1);
    g_list_store_append (edited, hired);
  }
  g_assert_false (sl_store_save_position_stages (
    team.store, sl_test_fresh_position (team.store, id), G_LIST_MODEL (edited), &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  stage = pipeline (team.store, id, FALSE);
  g_assert_cmpstr (stage, ==, "sourced pre-sell technical culture feedback offer hired");
  g_free (stage);

  g_clear_object (&columns);
  g_clear_object (&position);
  sl_test_team_clear (&team);
}

static void
test_custom_and_renamed_stages (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (SlPosition) other = NULL;
  g_autoptr (GListModel) columns = NULL;
  g_autoptr (GListStore) renamed = g_list_store_new (SL_TYPE_STAGE_COLUMN);
  g_autoptr (GError) error = NULL;
  g_autoptr (SlCandidate) candidate = NULL;
  g_autofree char *custom = NULL;
  g_autofree char *first = NULL;
  gint64 application, elsewhere, candidate_id, id;
  char *text;

  sl_test_team_init (&team, fixture->path);
  position = sl_test_open_position (&team, "Node.js developer");
  other = sl_test_open_position (&team, "Scala developer");
  id = sl_position_get_id (position);
  candidate_id = sl_test_add_candidate (team.store, "Sofía Ramírez");
  application = sl_test_apply (&team, candidate_id, position, 0);
  elsewhere = sl_test_apply (&team, sl_test_add_candidate (team.store, "Iván López"), other, 0);

  g_assert_null (sl_store_add_stage (team.store, sl_test_fresh_position (team.store, id), "   ",
                                     "technical", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  custom = sl_store_add_stage (team.store, sl_test_fresh_position (team.store, id),
                               " Take-home test ", "technical", &error);
  g_assert_no_error (error);
  g_assert_nonnull (custom);
  g_assert_true (g_str_has_prefix (custom, "custom-"));
  text = pipeline (team.store, id, FALSE);
  {
    g_autofree char *want =
      g_strdup_printf ("sourced screening resume-review pre-sell technical %s culture feedback "
                       "offer hired",
                       custom);
    g_assert_cmpstr (text, ==, want);
  }
  g_free (text);
  text = sl_store_stage_name (team.store, id, custom);
  g_assert_cmpstr (text, ==, "Take-home test");
  g_free (text);

  /* The other position's pipeline does not have it, and cannot sl_test_move there */
  text = pipeline (team.store, sl_position_get_id (other), TRUE);
  g_assert_null (strstr (text, custom));
  g_free (text);
  assert_move_refused (&team, elsewhere, custom, NULL, SL_DATABASE_ERROR,
                       SL_DATABASE_ERROR_INVALID);

  /* A stage added first goes to the front, and the next one gets another id */
  first = sl_store_add_stage (team.store, sl_test_fresh_position (team.store, id), "Referral check",
                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, custom);
  text = pipeline (team.store, id, FALSE);
  g_assert_true (g_str_has_prefix (text, first));
  g_free (text);

  /* Moving there and on */
  sl_test_move (&team, application, "technical", NULL, 0);
  text = sl_store_adjacent_stage (team.store, application, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, custom);
  g_free (text);
  sl_test_move (&team, application, custom, "Sent the task", 0);
  text = stage_of (team.store, application);
  g_assert_cmpstr (text, ==, custom);
  g_free (text);

  /* The candidate's current stage is the custom one: it ranks after technical */
  sl_test_move (&team, sl_test_apply (&team, candidate_id, other, 0), "technical", NULL, 0);
  candidate = sl_store_get_candidate (team.store, candidate_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_candidate_get_text (candidate, SL_CANDIDATE_STAGE), ==, custom);

  /* Renaming keeps the id; the application stays where it was */
  columns = sl_store_list_position_stages (team.store, id, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i);
      const char *column_id = sl_stage_column_get_id (column);
      const char *name = g_str_equal (column_id, "technical") ? "Coding interview"
                         : g_str_equal (column_id, custom)    ? "Homework"
                                                              : sl_stage_column_get_name (column);
      g_autoptr (SlStageColumn) copy = sl_stage_column_new (column_id, name, 0, 0);

      g_list_store_append (renamed, copy);
    }
  g_assert_true (sl_store_save_position_stages (team.store, sl_test_fresh_position (team.store, id),
                                                G_LIST_MODEL (renamed), &error));
  g_assert_no_error (error);
  text = sl_store_stage_name (team.store, id, "technical");
  g_assert_cmpstr (text, ==, "Coding interview");
  g_free (text);
  text = sl_store_stage_name (team.store, id, custom);
  g_assert_cmpstr (text, ==, "Homework");
  g_free (text);
  /* Default names stay unnamed, so they follow the language */
  g_assert_cmpint (
    sl_test_sql_int (team.store,
                     "SELECT count(*) FROM position_stages WHERE position_id = %" G_GINT64_FORMAT
                     " AND name IS NOT NULL",
                     id),
    ==, 3);
  text = sl_store_stage_name (team.store, sl_position_get_id (other), "technical");
  g_assert_cmpstr (text, ==, "Technical interview");
  g_free (text);
  text = stage_of (team.store, application);
  g_assert_cmpstr (text, ==, custom);
  g_free (text);
  sl_test_move (&team, application, "technical", NULL, 0);
  sl_test_move (&team, application, custom, NULL, 0);

  g_clear_object (&candidate);
  g_clear_object (&columns);
  g_clear_object (&position);
  g_clear_object (&other);
  sl_test_team_clear (&team);
}

static void
assert_candidate_stage (SlTestTeam *team, gint64 candidate_id, const char *stage)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlCandidate) candidate = sl_store_get_candidate (team->store, candidate_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sl_candidate_get_text (candidate, SL_CANDIDATE_STAGE), ==, stage);
}

static void
test_candidate_stage_follows_moves (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) java = NULL;
  g_autoptr (SlPosition) python = NULL;
  g_autoptr (SlCandidate) held = NULL;
  g_autoptr (GError) error = NULL;
  gint64 candidate, first, second;

  sl_test_team_init (&team, fixture->path);
  java = sl_test_open_position (&team, "Java developer");
  python = sl_test_open_position (&team, "Python developer");
  candidate = sl_test_add_candidate (team.store, "Kateryna Bondar");
  assert_candidate_stage (&team, candidate, "");

  /* A live object held by a view follows too */
  held = sl_store_get_candidate (team.store, candidate, &error);
  g_assert_no_error (error);

  first = sl_test_apply (&team, candidate, java, 0);
  assert_candidate_stage (&team, candidate, "sourced");
  g_assert_cmpstr (sl_candidate_get_text (held, SL_CANDIDATE_STAGE), ==, "sourced");
  sl_test_move (&team, first, "technical", NULL, 0);
  assert_candidate_stage (&team, candidate, "technical");
  g_assert_cmpstr (sl_candidate_get_text (held, SL_CANDIDATE_STAGE), ==, "technical");

  /* The most advanced active application decides */
  second = sl_test_apply (&team, candidate, python, 0);
  sl_test_move (&team, second, "screening", NULL, 0);
  assert_candidate_stage (&team, candidate, "technical");
  sl_test_move (&team, first, "rejected", "english", 0);
  assert_candidate_stage (&team, candidate, "screening");
  g_assert_cmpstr (sl_candidate_get_text (held, SL_CANDIDATE_STAGE), ==, "screening");
  sl_test_move (&team, second, "withdrawn", NULL, 0);
  assert_candidate_stage (&team, candidate, "");
  g_assert_true (sl_store_reopen_application (team.store, first, 0, &error));
  g_assert_no_error (error);
  assert_candidate_stage (&team, candidate, "technical");
  sl_test_move (&team, first, "hired", NULL, 0);
  assert_candidate_stage (&team, candidate, "hired");
  g_assert_cmpstr (sl_candidate_get_text (held, SL_CANDIDATE_STAGE), ==, "hired");

  g_clear_object (&held);
  g_clear_object (&java);
  g_clear_object (&python);
  sl_test_team_clear (&team);
}

static void
assert_dates_refused (SlTestTeam *team, gint64 application, const char *start, const char *left,
                      int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = sl_test_sql_dump (
    team->store,
    "SELECT start_date, left_at, left_reason FROM applications WHERE id = %" G_GINT64_FORMAT,
    application);
  g_autofree char *after = NULL;

  g_assert_false (
    sl_store_set_employment_dates (team->store, application, start, left, "Moved on", &error));
  g_assert_error (error, SL_DATABASE_ERROR, code);
  after = sl_test_sql_dump (
    team->store,
    "SELECT start_date, left_at, left_reason FROM applications WHERE id = %" G_GINT64_FORMAT,
    application);
  g_assert_cmpstr (after, ==, before);
}

static void
test_employment_dates (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GError) error = NULL;
  gint64 application;
  char *stored;

  sl_test_team_init (&team, fixture->path);
  position = sl_test_open_position (&team, "Elixir developer");
  application =
    sl_test_apply (&team, sl_test_add_candidate (team.store, "Renata Núñez"), position, 0);

  /* Only a hire has a start date */
  assert_dates_refused (&team, application, "2026-12-01", NULL, SL_DATABASE_ERROR_INVALID);
  sl_test_move (&team, application, "offer", NULL, 0);
  assert_dates_refused (&team, application, "2026-12-01", NULL, SL_DATABASE_ERROR_INVALID);
  assert_dates_refused (&team, 999999, "2026-12-01", NULL, SL_DATABASE_ERROR_NOT_FOUND);

  sl_test_move (&team, application, "hired", NULL, 0);
  assert_dates_refused (&team, application, "1 December 2026", NULL, SL_DATABASE_ERROR_INVALID);
  assert_dates_refused (&team, application, "2026-13-01", NULL, SL_DATABASE_ERROR_INVALID);
  assert_dates_refused (&team, application, "2026-12-01", "2026-11-30", SL_DATABASE_ERROR_INVALID);
  assert_dates_refused (&team, application, NULL, "2027-06-30", SL_DATABASE_ERROR_INVALID);

  g_assert_true (
    sl_store_set_employment_dates (team.store, application, "2026-12-01", NULL, NULL, &error));
  g_assert_no_error (error);
  stored = sl_test_sql_dump (
    team.store,
    "SELECT start_date, left_at, left_reason FROM applications WHERE id = %" G_GINT64_FORMAT,
    application);
  g_assert_cmpstr (stored, ==, "2026-12-01\t∅\t∅\n");
  g_free (stored);

  /* Leaving on the start day is possible; later, with why */
  g_assert_true (sl_store_set_employment_dates (team.store, application, "2026-12-01", "2027-06-30",
                                                "Relocated", &error));
  g_assert_no_error (error);
  stored = sl_test_sql_dump (
    team.store,
    "SELECT start_date, left_at, left_reason FROM applications WHERE id = %" G_GINT64_FORMAT,
    application);
  g_assert_cmpstr (stored, ==, "2026-12-01\t2027-06-30\tRelocated\n");
  g_free (stored);
  g_assert_true (sl_store_set_employment_dates (team.store, application, "2026-12-01", "2026-12-01",
                                                "Did not start", &error));
  g_assert_no_error (error);

  g_clear_object (&position);
  sl_test_team_clear (&team);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Every position's counts as "position stage count" lines, sorted */
static char *
counts_text (GListModel *positions)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr (SlPosition) position = g_list_model_get_item (positions, i);
      GHashTableIter iter;
      gpointer stage, count;

      g_hash_table_iter_init (&iter, sl_position_get_counts (position));
      while (g_hash_table_iter_next (&iter, &stage, &count))
        g_ptr_array_add (lines, g_strdup_printf ("%08" G_GINT64_FORMAT "\t%s\t%u\n",
                                                 sl_position_get_id (position), (char *) stage,
                                                 GPOINTER_TO_UINT (count)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

typedef struct
{
  GListModel *positions;
  GWeakRef task; /* the worker thread may drop its reference after the callback ran */
} ListRequest;

static void
list_positions_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ListRequest *request = user_data;
  g_autoptr (GError) error = NULL;

  request->positions = sl_store_list_positions_finish (SL_STORE (source), result, &error);
  g_assert_no_error (error);
  g_weak_ref_set (&request->task, result);
}

static void
test_list_positions (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (GListModel) positions = NULL;
  ListRequest request = { NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expected_ids = NULL;
  gint64 trashed;
  GString *order = g_string_new (NULL);
  gboolean seen_done = FALSE;

  sl_test_team_init (&team, fixture->path);
  g_assert_true (
    sl_demo_generate (sl_store_get_database (team.store), 400, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A candidate in the trash is on no board and in no count */
  trashed =
    sl_test_sql_int (team.store, "SELECT candidate_id FROM applications ORDER BY id LIMIT 1");
  g_assert_true (sl_store_delete_candidate (team.store, trashed, &error));
  g_assert_no_error (error);

  positions = sl_store_list_positions (team.store, sl_store_get_database (team.store), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (positions) == SL_TYPE_POSITION);
  got = counts_text (positions);
  expected =
    sl_test_sql_dump (team.store, "SELECT printf('%%08d', a.position_id), a.stage, count(*)"
                                  " FROM applications a JOIN candidates c ON c.id = a.candidate_id"
                                  " WHERE c.deleted_at IS NULL GROUP BY a.position_id, a.stage"
                                  " ORDER BY 1, 2");
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (got, !=, "");

  /* Every position, filled and closed ones last */
  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr (SlPosition) position = g_list_model_get_item (positions, i);
      const char *status = sl_position_get_status (position);
      gboolean done = g_str_equal (status, "filled") || g_str_equal (status, "closed");

      g_assert_true (done || !seen_done);
      seen_done = seen_done || done;
      g_string_append_printf (order, "%" G_GINT64_FORMAT "\n", sl_position_get_id (position));
    }
  ids = g_string_free (order, FALSE);
  expected_ids = sl_test_sql_dump (
    team.store, "SELECT id FROM positions"
                " ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'on-hold' THEN 1 WHEN 'draft' THEN 2"
                " WHEN 'kickoff' THEN 3 WHEN 'filled' THEN 4 ELSE 5 END, title, id");
  g_assert_cmpstr (ids, ==, expected_ids);

  /* The worker thread's answer is the same */
  g_weak_ref_init (&request.task, NULL);
  sl_store_list_positions_async (team.store, NULL, list_positions_done, &request);
  while (request.positions == NULL)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree char *async_got = counts_text (request.positions);
    g_assert_cmpstr (async_got, ==, expected);
  }
  /* The task holds the store until the worker lets it go */
  for (GObject *task; (task = g_weak_ref_get (&request.task)) != NULL;)
    {
      g_object_unref (task);
      g_usleep (1000);
    }
  g_weak_ref_clear (&request.task);
  g_clear_object (&request.positions);

  g_clear_object (&positions);
  sl_test_team_clear (&team);
}

static void
test_board_columns (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) stages = NULL;
  gint64 position, trashed;
  guint total = 0;

  sl_test_team_init (&team, fixture->path);
  g_assert_true (
    sl_demo_generate (sl_store_get_database (team.store), 300, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  position =
    sl_test_sql_int (team.store, "SELECT position_id FROM applications GROUP BY position_id"
                                 " ORDER BY count(*) DESC, position_id LIMIT 1");
  trashed =
    sl_test_sql_int (team.store,
                     "SELECT candidate_id FROM applications WHERE position_id = %" G_GINT64_FORMAT
                     " ORDER BY id LIMIT 1",
                     position);
  g_assert_true (sl_store_delete_candidate (team.store, trashed, &error));
  g_assert_no_error (error);

  stages = sl_store_list_position_stages (team.store, position, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (stages) + 2; i++)
    {
      g_autoptr (SlStageColumn) column =
        i < g_list_model_get_n_items (stages) ? g_list_model_get_item (stages, i) : NULL;
      const char *stage = column                                   ? sl_stage_column_get_id (column)
                          : i == g_list_model_get_n_items (stages) ? "rejected"
                                                                   : "withdrawn";
      g_autoptr (GListModel) cards = sl_store_list_board_column (
        team.store, sl_store_get_database (team.store), position, stage, &error);
      g_autoptr (GString) got = g_string_new (NULL);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      g_assert_true (g_list_model_get_item_type (cards) == SL_TYPE_BOARD_CARD);
      for (guint j = 0; j < g_list_model_get_n_items (cards); j++)
        {
          g_autoptr (SlBoardCard) card = g_list_model_get_item (cards, j);

          g_assert_cmpstr (sl_board_card_get_stage (card), ==, stage);
          g_assert_cmpint (sl_board_card_get_candidate_id (card), !=, trashed);
          g_string_append_printf (
            got, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n",
            sl_board_card_get_application_id (card), sl_board_card_get_candidate_id (card),
            sl_board_card_get_name (card), sl_board_card_get_country (card),
            *sl_board_card_get_seniority (card) ? sl_board_card_get_seniority (card) : "∅",
            sl_board_card_get_since (card));
        }
      expected = sl_test_sql_dump (
        team.store,
        "SELECT a.id, c.id, c.name, c.country, c.seniority,"
        " (SELECT max(at) FROM stage_events e WHERE e.application_id = a.id) AS since"
        " FROM applications a JOIN candidates c ON c.id = a.candidate_id"
        " WHERE a.position_id = %" G_GINT64_FORMAT " AND a.stage = '%s' AND c.deleted_at IS NULL"
        " ORDER BY since, a.id",
        position, stage);
      g_assert_cmpstr (got->str, ==, expected);
      total += g_list_model_get_n_items (cards);
    }
  g_assert_cmpint (total, ==,
                   sl_test_sql_int (team.store,
                                    "SELECT count(*) FROM applications a JOIN candidates c"
                                    " ON c.id = a.candidate_id WHERE c.deleted_at IS NULL"
                                    " AND a.position_id = %" G_GINT64_FORMAT,
                                    position));
  g_assert_cmpuint (total, >, 5);

  g_clear_object (&stages);
  sl_test_team_clear (&team);
}

typedef struct
{
  GArray *positions;
  GArray *candidates;
} ChangeLog;

static void
position_changed_cb (SlStore *store, gint64 id, ChangeLog *log)
{
  g_array_append_val (log->positions, id);
}

static void
candidate_changed_cb (SlStore *store, gint64 id, ChangeLog *log)
{
  g_array_append_val (log->candidates, id);
}

/* Exactly @n_positions position-changed for @position and @n_candidates candidate-changed for
 * @candidate since the last check */
static void
assert_changes (ChangeLog *log, gint64 position, guint n_positions, gint64 candidate,
                guint n_candidates)
{
  g_assert_cmpuint (log->positions->len, ==, n_positions);
  for (guint i = 0; i < log->positions->len; i++)
    g_assert_cmpint (g_array_index (log->positions, gint64, i), ==, position);
  g_assert_cmpuint (log->candidates->len, ==, n_candidates);
  for (guint i = 0; i < log->candidates->len; i++)
    g_assert_cmpint (g_array_index (log->candidates, gint64, i), ==, candidate);
  g_array_set_size (log->positions, 0);
  g_array_set_size (log->candidates, 0);
}

static void
test_signals (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team;
  ChangeLog log = { g_array_new (FALSE, FALSE, sizeof (gint64)),
                    g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GListModel) columns = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *custom = NULL;
  gint64 candidate, application, id;

  sl_test_team_init (&team, fixture->path);
  candidate = sl_test_add_candidate (team.store, "Taras Melnyk");
  g_signal_connect (team.store, "position-changed", G_CALLBACK (position_changed_cb), &log);
  g_signal_connect (team.store, "candidate-changed", G_CALLBACK (candidate_changed_cb), &log);

  position = sl_test_new_position (team.store, "Rust developer", "Systems work.");
  id = sl_position_get_id (position);
  assert_changes (&log, id, 1, 0, 0);
  g_assert_true (sl_store_approve_description (team.store, position, team.lead, &error));
  g_assert_no_error (error);
  assert_changes (&log, id, 1, 0, 0);

  application = sl_test_apply (&team, candidate, position, 0);
  assert_changes (&log, id, 1, candidate, 1);
  sl_test_move (&team, application, "screening", NULL, 0);
  assert_changes (&log, id, 1, candidate, 1);
  sl_test_move (&team, application, "rejected", "rate", 0);
  assert_changes (&log, id, 1, candidate, 1);
  g_assert_true (sl_store_reopen_application (team.store, application, 0, &error));
  g_assert_no_error (error);
  assert_changes (&log, id, 1, candidate, 1);

  custom = sl_store_add_stage (team.store, sl_test_fresh_position (team.store, id), "Trial day",
                               "screening", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.positions->len, >=, 1);
  assert_changes (&log, id, log.positions->len, 0, 0);
  columns = sl_store_list_position_stages (team.store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (sl_store_save_position_stages (team.store, sl_test_fresh_position (team.store, id),
                                                columns, &error));
  g_assert_no_error (error);
  assert_changes (&log, id, 1, 0, 0);

  sl_test_move (&team, application, "hired", NULL, 0);
  assert_changes (&log, id, 1, candidate, 1);
  g_assert_true (
    sl_store_set_employment_dates (team.store, application, "2026-12-01", NULL, NULL, &error));
  g_assert_no_error (error);
  assert_changes (&log, id, 1, 0, 0);

  /* What is refused says nothing */
  g_assert_false (
    sl_store_move_application (team.store, application, "hired", NULL, NULL, 0, &error));
  g_clear_error (&error);
  g_assert_cmpint (sl_store_apply (team.store, candidate, id, 0, &error), ==, 0);
  g_clear_error (&error);
  g_assert_false (sl_store_approve_description (team.store, position, team.recruiter, &error));
  g_clear_error (&error);
  assert_changes (&log, 0, 0, 0, 0);

  g_signal_handlers_disconnect_by_data (team.store, &log);
  g_array_unref (log.positions);
  g_array_unref (log.candidates);
  g_clear_object (&columns);
  g_clear_object (&position);
  sl_test_team_clear (&team);
}

/* The position's candidate picker offers only people not yet in its pipeline */
static void
test_picker_leaves_out_applicants (SlTestDir *fixture, gconstpointer data)
{
  SlTestTeam team = { 0 };
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  SlCandidateQuery query = { 0 };
  gint64 applied, free_one;

  sl_test_team_init (&team, fixture->path);
  position = sl_test_open_position (&team, "Go Developer");
  applied = sl_test_add_candidate (team.store, "Ana Applied");
  free_one = sl_test_add_candidate (team.store, "Bruno Free");
  sl_test_apply (&team, applied, position, team.lead);

  query.not_in_position = sl_position_get_id (position);
  ids = sl_candidate_query_run (&query, sl_store_get_database (team.store), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, free_one);
  sl_test_team_clear (&team);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/pipeline/approval-gates-applying", test_approval_gates_applying);
  SL_TEST_ADD ("/core/pipeline/picker-leaves-out-applicants", test_picker_leaves_out_applicants);
  SL_TEST_ADD ("/core/pipeline/editing-approved-description", test_editing_approved_description);
  SL_TEST_ADD ("/core/pipeline/no-duplicate-application", test_no_duplicate_application);
  SL_TEST_ADD ("/core/pipeline/moves-and-history", test_moves_and_history);
  SL_TEST_ADD ("/core/pipeline/reject-withdraw-reopen", test_reject_withdraw_reopen);
  SL_TEST_ADD ("/core/pipeline/adjacent-stages", test_adjacent_stages);
  SL_TEST_ADD ("/core/pipeline/custom-and-renamed-stages", test_custom_and_renamed_stages);
  SL_TEST_ADD ("/core/pipeline/candidate-stage", test_candidate_stage_follows_moves);
  SL_TEST_ADD ("/core/pipeline/employment-dates", test_employment_dates);
  SL_TEST_ADD ("/core/pipeline/list-positions", test_list_positions);
  SL_TEST_ADD ("/core/pipeline/board-columns", test_board_columns);
  SL_TEST_ADD ("/core/pipeline/signals", test_signals);

  return g_test_run ();
}
