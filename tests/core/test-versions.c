/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-versions.c — many hands on one file: two stores (two windows, or the app and
 * shortlist-cli) on one database never silently undo each other, and each sees what the other
 * committed
 *
 * Each test opens two stores on the same file, as two processes would: two connections with
 * their own caches of objects. What they wrote is read back with plain SQL.
 */
#include "config.h"

#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-scorecard.h"
#include "sl-store.h"
#include "test-team.h"
#include "test-util.h"

typedef struct
{
  SlTestTeam team; /* store A, with the team */
  SlStore *other;  /* store B, on the same file */
} Fixture;

static void
fixture_init (Fixture *fixture, SlTestDir *dir)
{
  sl_test_team_init (&fixture->team, dir->path);
  fixture->other = sl_test_open_store (dir->path);
  sl_store_set_actor (fixture->team.store, fixture->team.recruiter); /* Ana Ribeiro */
  sl_store_set_actor (fixture->other, fixture->team.lead);           /* Helen Carter */
}

static void
fixture_clear (Fixture *fixture)
{
  g_assert_finalize_object (fixture->other);
  sl_test_team_clear (&fixture->team);
}

static char *
column_of (SlStore *store, gint64 id, const char *column)
{
  return sl_test_sql_dump (store, "SELECT %s FROM candidates WHERE id = %" G_GINT64_FORMAT, column,
                           id);
}

/* The case from the issue: A sets the city, B (which read the candidate before) sets the notes.
 * Before versions, B's save wrote its stale city back over A's. */
static void
test_city_and_notes (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  gint64 id;
  g_autoptr (SlCandidate) a = NULL;
  g_autoptr (SlCandidate) b = NULL;
  g_autofree char *city = NULL;
  g_autofree char *notes = NULL;
  gboolean clashed = TRUE;

  fixture_init (&fixture, dir);
  id = sl_test_add_candidate (fixture.team.store, "Oleksandr Bondarenko");
  a = sl_store_get_candidate (fixture.team.store, id, &error);
  g_assert_no_error (error);
  b = sl_store_get_candidate (fixture.other, id, &error);
  g_assert_no_error (error);

  sl_candidate_set_text (a, SL_CANDIDATE_CITY, "Lviv");
  g_assert_true (sl_store_save_candidate (fixture.team.store, a, &error));
  g_assert_no_error (error);

  /* B's save is refused, saying who changed it and when; nothing of B's is written */
  sl_candidate_set_text (b, SL_CANDIDATE_NOTES, "Strong on Kafka");
  g_assert_false (sl_store_save_candidate (fixture.other, b, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Changed by Ana Ribeiro a moment ago");
  g_clear_error (&error);
  notes = column_of (fixture.team.store, id, "notes");
  g_assert_cmpstr (notes, ==, "\n");
  g_clear_pointer (&notes, g_free);

  /* B takes A's city and keeps its own notes (A left them alone), then saves */
  g_assert_true (sl_store_rebase_candidate (fixture.other, b, &clashed, &error));
  g_assert_no_error (error);
  g_assert_false (clashed);
  g_assert_cmpstr (sl_candidate_get_text (b, SL_CANDIDATE_CITY), ==, "Lviv");
  g_assert_cmpstr (sl_candidate_get_text (b, SL_CANDIDATE_NOTES), ==, "Strong on Kafka");
  g_assert_true (sl_store_save_candidate (fixture.other, b, &error));
  g_assert_no_error (error);

  city = column_of (fixture.team.store, id, "city");
  notes = column_of (fixture.team.store, id, "notes");
  g_assert_cmpstr (city, ==, "Lviv\n");
  g_assert_cmpstr (notes, ==, "Strong on Kafka\n");
  g_assert_cmpint (
    sl_test_sql_int (fixture.team.store,
                     "SELECT changed_by FROM candidates WHERE id = %" G_GINT64_FORMAT, id),
    ==, fixture.team.lead);
  fixture_clear (&fixture);
}

/* Both change the same field: the second writer is refused and shown the first one's value */
static void
test_same_field (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  gint64 id;
  g_autoptr (SlCandidate) a = NULL;
  g_autoptr (SlCandidate) b = NULL;
  g_autofree char *city = NULL;
  gboolean clashed = FALSE;

  fixture_init (&fixture, dir);
  id = sl_test_add_candidate (fixture.team.store, "Ana Lima");
  a = sl_store_get_candidate (fixture.team.store, id, &error);
  b = sl_store_get_candidate (fixture.other, id, &error);
  g_assert_no_error (error);

  sl_candidate_set_text (a, SL_CANDIDATE_CITY, "Recife");
  sl_candidate_set_text (a, SL_CANDIDATE_PHONE, "+55 81 5555 0101");
  g_assert_true (sl_store_save_candidate (fixture.team.store, a, &error));
  sl_candidate_set_text (b, SL_CANDIDATE_CITY, "Olinda");
  sl_candidate_set_text (b, SL_CANDIDATE_SOURCE, "Referral");
  g_assert_false (sl_store_save_candidate (fixture.other, b, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (sl_store_rebase_candidate (fixture.other, b, &clashed, &error));
  g_assert_true (clashed);
  g_assert_cmpstr (sl_candidate_get_text (b, SL_CANDIDATE_CITY), ==, "Recife");
  g_assert_cmpstr (sl_candidate_get_text (b, SL_CANDIDATE_PHONE), ==, "+55 81 5555 0101");
  g_assert_cmpstr (sl_candidate_get_text (b, SL_CANDIDATE_SOURCE), ==, "Referral");
  g_assert_true (sl_store_save_candidate (fixture.other, b, &error));
  g_assert_no_error (error);
  city = sl_test_sql_dump (
    fixture.team.store, "SELECT city, phone, source FROM candidates WHERE id = %" G_GINT64_FORMAT,
    id);
  g_assert_cmpstr (city, ==, "Recife\t+55 81 5555 0101\tReferral\n");
  fixture_clear (&fixture);
}

/* A save writes only what changed: a field another writer set after this copy was read, and
 * that this copy never touched, is left alone even by an unchecked write */
static void
test_only_changed_fields (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  gint64 id, version;
  g_autoptr (SlCandidate) a = NULL;
  g_autofree char *row = NULL;

  fixture_init (&fixture, dir);
  id = sl_test_add_candidate (fixture.team.store, "Piotr Nowak");
  a = sl_store_get_candidate (fixture.team.store, id, &error);
  g_assert_no_error (error);
  version = sl_test_sql_int (fixture.team.store,
                             "SELECT version FROM candidates WHERE id = %" G_GINT64_FORMAT, id);

  /* Nothing changed: nothing written, the version stays */
  g_assert_true (sl_store_save_candidate (fixture.team.store, a, &error));
  g_assert_cmpint (sl_test_sql_int (fixture.team.store,
                                    "SELECT version FROM candidates WHERE id = %" G_GINT64_FORMAT,
                                    id),
                   ==, version);
  sl_candidate_set_text (a, SL_CANDIDATE_EMAIL, "piotr@example.pl");
  g_assert_true (sl_store_save_candidate (fixture.team.store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_sql_int (fixture.team.store,
                                    "SELECT version FROM candidates WHERE id = %" G_GINT64_FORMAT,
                                    id),
                   >, version);
  row = sl_test_sql_dump (fixture.team.store,
                          "SELECT name, email FROM candidates WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "Piotr Nowak\tpiotr@example.pl\n");
  fixture_clear (&fixture);
}

static void
count_cb (SlStore *store, gint64 id, gpointer data)
{
  GArray *ids = data;
  g_array_append_val (ids, id);
}

static void
count_plain_cb (SlStore *store, gpointer data)
{
  (*(int *) data)++;
}

/* What B commits reaches A's signals when A looks (the window's watcher looks every 400 ms;
 * here the test looks itself), and an edit A has not saved yet survives */
static void
test_changes_from_elsewhere (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (SlCandidate) a = NULL;
  g_autoptr (SlCandidate) b = NULL;
  int lists = 0, resets = 0;
  gint64 id, application;

  fixture_init (&fixture, dir);
  position = sl_test_open_position (&fixture.team, "Backend Developer (Go)");
  id = sl_test_add_candidate (fixture.team.store, "Mihai Popescu");
  application = sl_test_apply (&fixture.team, id, position, fixture.team.recruiter);
  a = sl_store_get_candidate (fixture.team.store, id, &error);
  g_assert_no_error (error);
  sl_store_watch_changes (fixture.team.store);
  g_signal_connect (fixture.team.store, "candidate-changed", G_CALLBACK (count_cb), changed);
  g_signal_connect (fixture.team.store, "position-changed", G_CALLBACK (count_cb), positions);
  g_signal_connect (fixture.team.store, "candidates-changed", G_CALLBACK (count_plain_cb), &lists);
  g_signal_connect (fixture.team.store, "reset", G_CALLBACK (count_plain_cb), &resets);

  /* Nothing committed elsewhere: nothing said */
  sl_store_check_changes (fixture.team.store);
  g_assert_cmpuint (changed->len, ==, 0);

  /* A is typing notes it has not saved; B saves a city */
  sl_candidate_set_text (a, SL_CANDIDATE_NOTES, "Call back on Monday");
  b = sl_store_get_candidate (fixture.other, id, &error);
  sl_candidate_set_text (b, SL_CANDIDATE_CITY, "Cluj-Napoca");
  g_assert_true (sl_store_save_candidate (fixture.other, b, &error));
  g_assert_no_error (error);
  sl_store_check_changes (fixture.team.store);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, id);
  g_assert_cmpint (lists, ==, 1);
  g_assert_cmpstr (sl_candidate_get_text (a, SL_CANDIDATE_CITY), ==, "Cluj-Napoca");
  g_assert_cmpstr (sl_candidate_get_text (a, SL_CANDIDATE_NOTES), ==, "Call back on Monday");
  /* … and A's save now goes through, against the version it has taken */
  g_assert_true (sl_store_save_candidate (fixture.team.store, a, &error));
  g_assert_no_error (error);

  /* B moves the application (as shortlist-cli move would): A's board hears of the position */
  g_array_set_size (changed, 0);
  g_assert_true (sl_store_move_application (fixture.other, application, "screening", NULL, NULL,
                                            fixture.team.lead, &error));
  g_assert_no_error (error);
  sl_store_check_changes (fixture.team.store);
  g_assert_cmpuint (positions->len, >=, 1);
  g_assert_cmpint (g_array_index (positions, gint64, 0), ==, sl_position_get_id (position));
  g_assert_cmpstr (sl_candidate_get_text (a, SL_CANDIDATE_STAGE), ==, "screening");
  g_assert_cmpint (resets, ==, 0);

  /* A bulk write moves no version: A cannot say what changed, so its lists start again */
  sl_test_sqlite_exec (sl_test_handle (fixture.other), "UPDATE candidates SET links = 'x'");
  sl_store_check_changes (fixture.team.store);
  g_assert_cmpint (resets, ==, 1);
  fixture_clear (&fixture);
}

/* A move from a stage the application has left since (another window moved it) is refused */
static void
test_stale_move (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlPosition) position = NULL;
  gint64 id, application;
  g_autofree char *stage = NULL;

  fixture_init (&fixture, dir);
  position = sl_test_open_position (&fixture.team, "Python Engineer");
  id = sl_test_add_candidate (fixture.team.store, "Joana Silva");
  application = sl_test_apply (&fixture.team, id, position, fixture.team.recruiter);

  /* Both boards show it in Sourced; B moves it on first */
  g_assert_true (sl_store_move_application_from (fixture.other, application, "sourced", "screening",
                                                 NULL, NULL, fixture.team.lead, &error));
  g_assert_no_error (error);
  g_assert_false (sl_store_move_application_from (fixture.team.store, application, "sourced",
                                                  "rejected", "culture", NULL,
                                                  fixture.team.recruiter, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Changed by Helen Carter a moment ago");
  stage = sl_test_sql_dump (
    fixture.team.store, "SELECT stage FROM applications WHERE id = %" G_GINT64_FORMAT, application);
  g_assert_cmpstr (stage, ==, "screening\n");
  fixture_clear (&fixture);
}

/* Two copies of one position's form: the second save is refused and takes the first's values */
static void
test_position_conflict (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlPosition) created = NULL;
  g_autoptr (SlPosition) a = NULL;
  g_autoptr (SlPosition) b = NULL;
  g_autofree char *row = NULL;
  gboolean clashed = TRUE;

  fixture_init (&fixture, dir);
  created = sl_test_new_position (fixture.team.store, "Java Developer", "");
  a = sl_store_get_position (fixture.team.store, sl_position_get_id (created), &error);
  b = sl_store_get_position (fixture.other, sl_position_get_id (created), &error);
  g_assert_no_error (error);

  sl_position_set_text (a, SL_POSITION_CLIENT, "Acme Bank");
  g_assert_true (sl_store_save_position (fixture.team.store, a, &error));
  g_assert_no_error (error);
  sl_position_set_headcount (b, 3);
  g_assert_false (sl_store_save_position (fixture.other, b, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sl_store_rebase_position (fixture.other, b, &clashed, &error));
  g_assert_false (clashed);
  g_assert_cmpstr (sl_position_get_text (b, SL_POSITION_CLIENT), ==, "Acme Bank");
  g_assert_cmpint (sl_position_get_headcount (b), ==, 3);
  g_assert_true (sl_store_save_position (fixture.other, b, &error));
  g_assert_no_error (error);
  row = sl_test_sql_dump (fixture.team.store,
                          "SELECT client, headcount FROM positions WHERE id = %" G_GINT64_FORMAT,
                          sl_position_get_id (created));
  g_assert_cmpstr (row, ==, "Acme Bank\t3\n");
  fixture_clear (&fixture);
}

/* A user edits a position's pipeline and kit, then its details, in one editor: their own
 * earlier saves are no conflict. Another's pipeline edit since the editor read the position is. */
static void
test_pipeline_and_kit_versions (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlPosition) created = NULL;
  g_autoptr (SlPosition) a = NULL;
  g_autoptr (SlPosition) b = NULL;
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (GListModel) kit = NULL;
  gboolean customized = FALSE;

  fixture_init (&fixture, dir);
  created = sl_test_new_position (fixture.team.store, "Go Developer", "");
  a = sl_store_get_position (fixture.team.store, sl_position_get_id (created), &error);
  b = sl_store_get_position (fixture.other, sl_position_get_id (created), &error);
  g_assert_no_error (error);

  stages = sl_store_list_position_stages (fixture.team.store, sl_position_get_id (a), TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (sl_store_save_position_stages (fixture.team.store, a, stages, &error));
  g_assert_no_error (error);
  kit =
    sl_store_get_kit (fixture.team.store, sl_position_get_id (a), "technical", &customized, &error);
  g_assert_no_error (error);
  g_assert_true (sl_store_save_kit (fixture.team.store, a, "technical", kit, &error));
  g_assert_no_error (error);
  sl_position_set_text (a, SL_POSITION_CLIENT, "Acme Bank");
  g_assert_true (sl_store_save_position (fixture.team.store, a, &error));
  g_assert_no_error (error);

  /* The other window read the position before all that */
  g_assert_false (sl_store_save_position_stages (fixture.other, b, stages, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sl_store_save_kit (fixture.other, b, "technical", kit, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  fixture_clear (&fixture);
}

/* Two admins edit one member in two windows: the name one set and the role the other set both
 * stay; a third edit of the role, from a list read before, is refused */
static void
test_member_edits (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlMember) a = NULL;
  g_autoptr (SlMember) b = NULL;
  g_autoptr (SlMember) now = NULL;

  fixture_init (&fixture, dir);
  a = sl_store_get_member (fixture.team.store, fixture.team.interviewer);
  b = sl_store_get_member (fixture.other, fixture.team.interviewer);
  g_assert_true (sl_store_edit_member (fixture.team.store, a, sl_member_get_name (a),
                                       sl_member_get_email (a), "hiring-lead", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sl_store_edit_member (fixture.other, b, "Piotr Nowak-Kowalski",
                                       sl_member_get_email (b), sl_member_get_role (b), TRUE,
                                       &error));
  g_assert_no_error (error);
  now = sl_store_get_member (fixture.team.store, fixture.team.interviewer);
  g_assert_cmpstr (sl_member_get_name (now), ==, "Piotr Nowak-Kowalski");
  g_assert_cmpstr (sl_member_get_role (now), ==, "hiring-lead");

  g_assert_false (sl_store_edit_member (fixture.other, b, sl_member_get_name (b),
                                        sl_member_get_email (b), "recruiter", TRUE, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_clear_object (&now);
  now = sl_store_get_member (fixture.team.store, fixture.team.interviewer);
  g_assert_cmpstr (sl_member_get_role (now), ==, "hiring-lead");
  fixture_clear (&fixture);
}

/* One interviewer's scorecard open in two windows: the later save of a stale copy is refused */
static void
test_scorecard_conflict (SlTestDir *dir, gconstpointer data)
{
  Fixture fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GArray) interviewers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (SlScorecard) first = NULL;
  g_autoptr (SlScorecard) a = NULL;
  g_autoptr (SlScorecard) b = NULL;
  g_autofree char *takeaways = NULL;
  gint64 application, interview;

  fixture_init (&fixture, dir);
  position = sl_test_open_position (&fixture.team, "Rust Engineer");
  application =
    sl_test_apply (&fixture.team, sl_test_add_candidate (fixture.team.store, "Taras Shevchenko"),
                   position, fixture.team.recruiter);
  g_array_append_val (interviewers, fixture.team.interviewer);
  interview = sl_store_schedule_interview (fixture.team.store, application, "technical",
                                           g_get_real_time () / G_USEC_PER_SEC + 86400, 60, "",
                                           interviewers, &error);
  g_assert_no_error (error);
  first = sl_store_open_scorecard (fixture.team.store, interview, fixture.team.interviewer, &error);
  sl_scorecard_set_takeaways (first, "Draft");
  g_assert_true (sl_store_save_scorecard (fixture.team.store, first, &error));
  g_assert_no_error (error);

  a = sl_store_open_scorecard (fixture.team.store, interview, fixture.team.interviewer, &error);
  b = sl_store_open_scorecard (fixture.other, interview, fixture.team.interviewer, &error);
  g_assert_no_error (error);
  sl_scorecard_set_takeaways (a, "Knows ownership well\n");
  g_assert_true (sl_store_save_scorecard (fixture.team.store, a, &error));
  g_assert_no_error (error);
  sl_scorecard_set_takeaways (b, "Needs help with lifetimes");
  g_assert_false (sl_store_save_scorecard (fixture.other, b, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  takeaways =
    sl_test_sql_dump (fixture.team.store, "SELECT rtrim (takeaways, char (10)) FROM scorecards");
  g_assert_cmpstr (takeaways, ==, "Knows ownership well\n");
  fixture_clear (&fixture);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/versions/city-and-notes", test_city_and_notes);
  SL_TEST_ADD ("/core/versions/same-field", test_same_field);
  SL_TEST_ADD ("/core/versions/only-changed-fields", test_only_changed_fields);
  SL_TEST_ADD ("/core/versions/changes-from-elsewhere", test_changes_from_elsewhere);
  SL_TEST_ADD ("/core/versions/stale-move", test_stale_move);
  SL_TEST_ADD ("/core/versions/position-conflict", test_position_conflict);
  SL_TEST_ADD ("/core/versions/scorecard-conflict", test_scorecard_conflict);
  SL_TEST_ADD ("/core/versions/pipeline-and-kit", test_pipeline_and_kit_versions);
  SL_TEST_ADD ("/core/versions/member-edits", test_member_edits);

  return g_test_run ();
}
