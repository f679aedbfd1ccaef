/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-interviews.c — interviews across time zones, interview kits, scorecards and the blind
 * rule, checked against what the store wrote to the file
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-time.h"
#include "sl-zones.h"
#include "test-team.h"
#include "test-util.h"

#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct
{
  SlTestTeam team;
  gint64 second_interviewer;
  gint64 application;
  gint64 now;
} Hiring;

static void
hiring_init (Hiring *hiring, const char *path)
{
  g_autoptr (SlPosition) position = NULL;
  gint64 candidate;

  sl_test_team_init (&hiring->team, path);
  hiring->second_interviewer =
    sl_test_add_member (hiring->team.store, "Diego Ramírez", "diego@example.com", "interviewer");
  position = sl_test_open_position (&hiring->team, "Senior Go developer");
  candidate = sl_test_add_candidate (hiring->team.store, "Olena Kovalenko");
  hiring->application = sl_test_apply (&hiring->team, candidate, position, hiring->team.recruiter);
  hiring->now = g_get_real_time () / G_USEC_PER_SEC;
}

static GArray *
ids (gint64 first, gint64 second)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (array, first);
  if (second > 0)
    g_array_append_val (array, second);
  return array;
}

static gint64
schedule (Hiring *hiring, const char *kind, gint64 starts_at, gint64 first, gint64 second)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) interviewers = ids (first, second);
  gint64 id = sl_store_schedule_interview (hiring->team.store, hiring->application, kind, starts_at,
                                           60, "https://meet.example/abc", interviewers, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static SlScorecard *
open_scorecard (Hiring *hiring, gint64 interview, gint64 member)
{
  g_autoptr (GError) error = NULL;
  SlScorecard *scorecard = sl_store_open_scorecard (hiring->team.store, interview, member, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scorecard);
  return scorecard;
}

static void
rate (SlScorecard *scorecard, const char *attribute, const char *value)
{
  int index = sl_scorecard_find_rating (scorecard, attribute);

  g_assert_cmpint (index, >=, 0);
  sl_scorecard_set_rating (scorecard, (guint) index, value);
}

static void
save (Hiring *hiring, SlScorecard *scorecard, gboolean submit)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = submit ? sl_store_submit_scorecard (hiring->team.store, scorecard, &error)
                       : sl_store_save_scorecard (hiring->team.store, scorecard, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* The emails of the scorecards @viewer sees, in order, joined by spaces */
static char *
visible (Hiring *hiring, gint64 viewer, gboolean *blinded)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) scorecards =
    sl_store_list_scorecards (hiring->team.store, hiring->application, viewer, blinded, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (scorecards); i++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, i);
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, sl_scorecard_get_member_email (scorecard));
      if (sl_scorecard_get_submitted_at (scorecard) == 0)
        g_string_append (out, "(draft)");
    }
  return g_string_free (out, FALSE);
}

static void
assert_visible (Hiring *hiring, gint64 viewer, const char *expected, gboolean expect_blinded)
{
  gboolean blinded = !expect_blinded;
  g_autofree char *got = visible (hiring, viewer, &blinded);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (blinded, ==, expect_blinded);
}

static void
test_schedule_and_find (SlTestDir *fixture, gconstpointer data)
{
  Hiring hiring;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) nobody = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) piotr = NULL;
  g_autoptr (GListModel) mine = NULL;
  g_autoptr (GListModel) everyone = NULL;
  g_autoptr (SlInterview) got = NULL;
  gint64 past, future;

  hiring_init (&hiring, fixture->path);
  piotr = ids (hiring.team.interviewer, 0);

  /* Refused, and nothing written */
  g_assert_cmpint (sl_store_schedule_interview (hiring.team.store, hiring.application, "lunch",
                                                hiring.now, 60, "", piotr, &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_schedule_interview (hiring.team.store, hiring.application, "technical",
                                                hiring.now, 60, "", nobody, &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_schedule_interview (hiring.team.store, hiring.application, "technical",
                                                hiring.now, 0, "", piotr, &error),
                   ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_schedule_interview (hiring.team.store, 9999, "technical", hiring.now,
                                                60, "", piotr, &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM interviews"), ==, 0);

  past = schedule (&hiring, "pre-sell", hiring.now - 2 * DAY, hiring.team.interviewer, 0);
  future = schedule (&hiring, "technical", hiring.now + 2 * DAY, hiring.team.interviewer,
                     hiring.second_interviewer);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store,
                                    "SELECT starts_at FROM interviews WHERE id = %" G_GINT64_FORMAT,
                                    future),
                   ==, hiring.now + 2 * DAY);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store,
                                    "SELECT count(*) FROM interview_interviewers"
                                    " WHERE interview_id = %" G_GINT64_FORMAT,
                                    future),
                   ==, 2);

  got = sl_store_get_interview (hiring.team.store, future, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_interview_get_candidate_name (got), ==, "Olena Kovalenko");
  g_assert_cmpstr (sl_interview_get_position_title (got), ==, "Senior Go developer");
  g_assert_cmpuint (sl_interview_get_n_interviewers (got), ==, 2);
  g_assert_true (sl_interview_is_upcoming (got, hiring.now));

  /* Piotr: the past one awaits his feedback, the future one is upcoming */
  mine =
    sl_store_list_member_interviews (hiring.team.store, sl_store_get_database (hiring.team.store),
                                     hiring.team.interviewer, hiring.now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 2);
  {
    g_autoptr (SlInterview) first = g_list_model_get_item (mine, 0);
    g_assert_cmpint (sl_interview_get_id (first), ==, past);
    g_assert_true (sl_interview_awaits_feedback (first, hiring.team.interviewer, hiring.now));
  }
  /* Once his pre-sell scorecard is in, it is off his list */
  {
    g_autoptr (SlScorecard) scorecard = open_scorecard (&hiring, past, hiring.team.interviewer);
    sl_scorecard_set_overall (scorecard, "yes");
    save (&hiring, scorecard, TRUE);
  }
  g_clear_object (&mine);
  mine =
    sl_store_list_member_interviews (hiring.team.store, sl_store_get_database (hiring.team.store),
                                     hiring.team.interviewer, hiring.now, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
  /* The recruiter is on neither */
  g_clear_object (&mine);
  mine =
    sl_store_list_member_interviews (hiring.team.store, sl_store_get_database (hiring.team.store),
                                     hiring.team.recruiter, hiring.now, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 0);
  everyone = sl_store_list_member_interviews (
    hiring.team.store, sl_store_get_database (hiring.team.store), 0, hiring.now, &error);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 1);

  /* Rescheduling counts up the invitation's sequence */
  {
    g_autoptr (GArray) both = ids (hiring.team.interviewer, hiring.second_interviewer);
    g_autoptr (SlInterview) moved = NULL;

    g_assert_cmpint (sl_interview_get_sequence (got), ==, 0);
    g_assert_true (sl_store_update_interview (hiring.team.store, future, 0, "technical",
                                              hiring.now + 3 * DAY, 90, "Room 2", both, &error));
    g_assert_no_error (error);
    moved = sl_store_get_interview (hiring.team.store, future, &error);
    g_assert_cmpint (sl_interview_get_sequence (moved), ==, 1);
    g_assert_cmpint (sl_interview_get_starts_at (moved), ==, hiring.now + 3 * DAY);
    g_assert_cmpint (sl_interview_get_duration (moved), ==, 90);

    /* A reschedule from a form read before that one is refused, and changes nothing */
    g_assert_false (sl_store_update_interview (hiring.team.store, future, 0, "culture",
                                               hiring.now + 4 * DAY, 30, "Room 9", both, &error));
    g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_clear_object (&moved);
    moved = sl_store_get_interview (hiring.team.store, future, &error);
    g_assert_cmpint (sl_interview_get_sequence (moved), ==, 1);
    g_assert_cmpint (sl_interview_get_starts_at (moved), ==, hiring.now + 3 * DAY);
    g_assert_cmpstr (sl_interview_get_place (moved), ==, "Room 2");
  }

  /* One with a submitted scorecard happened: it is kept. The future one can be called off. */
  g_assert_false (sl_store_cancel_interview (hiring.team.store, past, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sl_store_cancel_interview (hiring.team.store, future, &error));
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM interviews"), ==, 1);

  /* A rejected application gets no new interviews */
  sl_test_move (&hiring.team, hiring.application, "rejected", "rate", hiring.team.recruiter);
  g_assert_cmpint (sl_store_schedule_interview (hiring.team.store, hiring.application, "technical",
                                                hiring.now, 60, "", piotr, &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  sl_test_team_clear (&hiring.team);
}

static void
test_blind_rule (SlTestDir *fixture, gconstpointer data)
{
  Hiring hiring;
  g_autoptr (SlScorecard) piotr = NULL;
  g_autoptr (SlScorecard) diego = NULL;
  g_autoptr (SlScorecard) piotr_culture = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) seen = NULL;
  gint64 technical, culture;

  hiring_init (&hiring, fixture->path);
  technical = schedule (&hiring, "technical", hiring.now - DAY, hiring.team.interviewer,
                        hiring.second_interviewer);

  /* Nobody has written anything */
  assert_visible (&hiring, hiring.team.interviewer, "", TRUE);
  assert_visible (&hiring, hiring.team.lead, "", FALSE);

  /* Piotr's draft: his own, and the leads'; Diego (not submitted) sees nothing of it */
  piotr = open_scorecard (&hiring, technical, hiring.team.interviewer);
  rate (piotr, "algorithms", "strong-yes");
  sl_scorecard_set_private_notes (piotr, "Reminds me of a former colleague");
  save (&hiring, piotr, FALSE);
  assert_visible (&hiring, hiring.team.interviewer, "piotr@example.com(draft)", TRUE);
  assert_visible (&hiring, hiring.second_interviewer, "", TRUE);
  assert_visible (&hiring, hiring.team.lead, "piotr@example.com(draft)", FALSE);
  assert_visible (&hiring, hiring.team.admin, "piotr@example.com(draft)", FALSE);
  assert_visible (&hiring, hiring.team.recruiter, "", TRUE);

  /* Diego writes a draft too: still blind to each other */
  diego = open_scorecard (&hiring, technical, hiring.second_interviewer);
  rate (diego, "algorithms", "no");
  save (&hiring, diego, FALSE);
  assert_visible (&hiring, hiring.team.interviewer, "piotr@example.com(draft)", TRUE);
  assert_visible (&hiring, hiring.second_interviewer, "diego@example.com(draft)", TRUE);

  /* Piotr submits: no longer blind, yet Diego's draft stays Diego's (and the leads') until
   * Diego submits it; Diego still sees only his own */
  sl_scorecard_set_overall (piotr, "strong-yes");
  save (&hiring, piotr, TRUE);
  assert_visible (&hiring, hiring.team.interviewer, "piotr@example.com", FALSE);
  assert_visible (&hiring, hiring.team.lead, "diego@example.com(draft) piotr@example.com", FALSE);
  assert_visible (&hiring, hiring.second_interviewer, "diego@example.com(draft)", TRUE);

  /* Private notes are the author's and the leads' */
  seen = sl_store_list_scorecards (hiring.team.store, hiring.application, hiring.second_interviewer,
                                   NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 1);
  g_clear_object (&seen);
  sl_scorecard_set_overall (diego, "no");
  save (&hiring, diego, TRUE);
  seen = sl_store_list_scorecards (hiring.team.store, hiring.application, hiring.second_interviewer,
                                   NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (seen, i);
      if (sl_scorecard_get_member_id (scorecard) == hiring.team.interviewer)
        {
          g_assert_cmpstr (sl_scorecard_get_private_notes (scorecard), ==, "");
          g_assert_true (sl_scorecard_get_notes_hidden (scorecard));
        }
    }
  g_clear_object (&seen);
  seen = sl_store_list_scorecards (hiring.team.store, hiring.application, hiring.team.lead, NULL,
                                   &error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (seen, i);
      if (sl_scorecard_get_member_id (scorecard) == hiring.team.interviewer)
        g_assert_cmpstr (sl_scorecard_get_private_notes (scorecard), ==,
                         "Reminds me of a former colleague");
    }

  /* A new interview Piotr owes a scorecard for blinds him again until he submits it */
  culture = schedule (&hiring, "culture", hiring.now - HOUR, hiring.team.interviewer, 0);
  assert_visible (&hiring, hiring.team.interviewer, "piotr@example.com", TRUE);
  piotr_culture = open_scorecard (&hiring, culture, hiring.team.interviewer);
  g_assert_cmpint (sl_scorecard_find_rating (piotr_culture, "values"), >=, 0);
  g_assert_cmpint (sl_scorecard_find_rating (piotr_culture, "algorithms"), <, 0);
  sl_scorecard_set_overall (piotr_culture, "yes");
  save (&hiring, piotr_culture, TRUE);
  assert_visible (&hiring, hiring.team.interviewer,
                  "diego@example.com piotr@example.com piotr@example.com", FALSE);
  /* The leads never were blind */
  assert_visible (&hiring, hiring.team.lead,
                  "diego@example.com piotr@example.com piotr@example.com", FALSE);
  sl_test_team_clear (&hiring.team);
}

/* A scorecard only its interviewers write; an unknown viewer is an error */
static void
test_scorecard_rights (SlTestDir *fixture, gconstpointer data)
{
  Hiring hiring;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlScorecard) stranger = NULL;
  g_autoptr (SlScorecard) piotr = NULL;
  g_autoptr (GListModel) none = NULL;
  gint64 technical;

  hiring_init (&hiring, fixture->path);
  technical = schedule (&hiring, "technical", hiring.now, hiring.team.interviewer, 0);
  stranger =
    sl_store_open_scorecard (hiring.team.store, technical, hiring.second_interviewer, &error);
  g_assert_null (stranger);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  none = sl_store_list_scorecards (hiring.team.store, hiring.application, 4242, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Submitting needs the overall recommendation; nothing is written without it */
  piotr = open_scorecard (&hiring, technical, hiring.team.interviewer);
  rate (piotr, "apis", "yes");
  g_assert_false (sl_store_submit_scorecard (hiring.team.store, piotr, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM scorecards"), ==, 0);
  /* An interview still ahead is not submitted yet; its draft is fine */
  {
    gint64 ahead = schedule (&hiring, "culture", hiring.now + DAY, hiring.team.interviewer, 0);
    g_autoptr (SlScorecard) early = open_scorecard (&hiring, ahead, hiring.team.interviewer);

    sl_scorecard_set_overall (early, "yes");
    g_assert_false (sl_store_submit_scorecard (hiring.team.store, early, &error));
    g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
    g_clear_error (&error);
    save (&hiring, early, FALSE);
    g_assert_cmpint (sl_test_sql_int (hiring.team.store,
                                      "SELECT count(*) FROM scorecards WHERE submitted_at IS NULL"),
                     ==, 1);
    g_assert_true (sl_test_sql_int (hiring.team.store, "DELETE FROM scorecards RETURNING 0") == 0);
  }
  /* A value off the scale is refused */
  rate (piotr, "apis", "maybe");
  g_assert_false (sl_store_save_scorecard (hiring.team.store, piotr, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM scorecards"), ==, 0);
  sl_test_team_clear (&hiring.team);
}

static void
test_draft_survives_reopening (SlTestDir *fixture, gconstpointer data)
{
  Hiring hiring;
  g_autoptr (SlScorecard) draft = NULL;
  g_autoptr (SlScorecard) again = NULL;
  gint64 technical;
  const SlRating *rating;

  hiring_init (&hiring, fixture->path);
  technical = schedule (&hiring, "technical", hiring.now, hiring.team.interviewer, 0);
  draft = open_scorecard (&hiring, technical, hiring.team.interviewer);
  /* The default technical kit: technical skills, then soft skills */
  g_assert_cmpuint (sl_scorecard_get_n_ratings (draft), ==, 19);
  g_assert_cmpstr (sl_scorecard_get_rating (draft, 0)->attribute, ==, "language");
  g_assert_cmpstr (sl_scorecard_get_rating (draft, 11)->category, ==, "soft-skills");
  rate (draft, "databases", "mixed");
  sl_scorecard_set_rating_note (draft, (guint) sl_scorecard_find_rating (draft, "databases"),
                                "Knows PostgreSQL, not Redis");
  sl_scorecard_set_takeaways (draft, "Strong on Go concurrency");
  save (&hiring, draft, FALSE);
  g_clear_object (&draft);
  sl_test_team_clear (&hiring.team);

  /* A new process, as after closing the app */
  hiring.team.store = sl_test_open_store (fixture->path);
  again = open_scorecard (&hiring, technical, hiring.team.interviewer);
  g_assert_cmpint (sl_scorecard_get_id (again), >, 0);
  g_assert_cmpint (sl_scorecard_get_submitted_at (again), ==, 0);
  g_assert_cmpstr (sl_scorecard_get_takeaways (again), ==, "Strong on Go concurrency");
  g_assert_null (sl_scorecard_get_overall (again));
  g_assert_cmpuint (sl_scorecard_get_n_ratings (again), ==, 19);
  rating = sl_scorecard_get_rating (again, (guint) sl_scorecard_find_rating (again, "databases"));
  g_assert_cmpstr (rating->value, ==, "mixed");
  g_assert_cmpstr (rating->note, ==, "Knows PostgreSQL, not Redis");
  g_assert_cmpstr (sl_scorecard_get_rating (again, 0)->value, ==, "no-decision");
  g_clear_object (&again);
  g_assert_finalize_object (hiring.team.store);
}

static void
test_amendments (SlTestDir *fixture, gconstpointer data)
{
  Hiring hiring;
  g_autoptr (SlScorecard) scorecard = NULL;
  g_autoptr (GPtrArray) amendments = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *previous = NULL;
  gint64 technical, submitted_at;

  hiring_init (&hiring, fixture->path);
  technical = schedule (&hiring, "technical", hiring.now, hiring.team.interviewer, 0);
  scorecard = open_scorecard (&hiring, technical, hiring.team.interviewer);
  rate (scorecard, "cloud", "no");
  sl_scorecard_set_overall (scorecard, "no");
  save (&hiring, scorecard, TRUE);
  submitted_at = sl_test_sql_int (hiring.team.store, "SELECT submitted_at FROM scorecards");
  g_assert_cmpint (submitted_at, >, 0);
  g_assert_cmpint (sl_scorecard_get_submitted_at (scorecard), ==, submitted_at);

  /* Saving it unchanged records nothing */
  save (&hiring, scorecard, FALSE);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM scorecard_amendments"),
                   ==, 0);

  /* A change after submitting is an amendment that keeps what it replaced */
  rate (scorecard, "cloud", "yes");
  sl_scorecard_set_overall (scorecard, "yes");
  save (&hiring, scorecard, FALSE);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM scorecard_amendments"),
                   ==, 1);
  g_assert_cmpint (sl_test_sql_int (hiring.team.store, "SELECT submitted_at FROM scorecards"), ==,
                   submitted_at);
  g_assert_cmpuint (sl_scorecard_get_n_amendments (scorecard), ==, 1);
  previous = sl_test_sqlite_text (sl_test_handle (hiring.team.store),
                                  "SELECT previous FROM scorecard_amendments");
  g_assert_nonnull (strstr (previous, "\"overall\":\"no\""));
  g_assert_nonnull (strstr (previous, "\"attribute\":\"cloud\""));
  g_assert_cmpint (sl_test_sql_int (hiring.team.store,
                                    "SELECT count(*) FROM scorecard_ratings"
                                    " WHERE attribute = 'cloud' AND value = 'yes'"),
                   ==, 1);
  /* Submitting again is one more amendment */
  sl_scorecard_set_overall (scorecard, "strong-yes");
  save (&hiring, scorecard, TRUE);
  amendments =
    sl_store_list_amendments (hiring.team.store, sl_scorecard_get_id (scorecard), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 2);
  g_assert_nonnull (strstr (((SlAmendment *) amendments->pdata[1])->previous, "\"yes\""));
  g_clear_object (&scorecard);
  sl_test_team_clear (&hiring.team);
}

static SlKitItem *
item (const char *category, const char *category_name, const char *attribute,
      const char *attribute_name)
{
  return sl_kit_item_new (category, category_name, attribute, attribute_name);
}

static void
test_kits (SlTestDir *fixture, gconstpointer data)
{
  Hiring hiring;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) kit = g_list_store_new (SL_TYPE_KIT_ITEM);
  g_autoptr (GListStore) split = g_list_store_new (SL_TYPE_KIT_ITEM);
  g_autoptr (GListModel) got = NULL;
  g_autoptr (SlScorecard) before = NULL;
  g_autoptr (SlScorecard) after = NULL;
  gboolean customized = TRUE;
  gint64 position, first, second;
  SlKitItem *items[4];

  hiring_init (&hiring, fixture->path);
  position = sl_test_sql_int (hiring.team.store, "SELECT id FROM positions");
  got = sl_store_get_kit (hiring.team.store, position, "pre-sell", &customized, &error);
  g_assert_no_error (error);
  g_assert_false (customized);
  g_assert_cmpuint (g_list_model_get_n_items (got), ==, 4);
  g_clear_object (&got);

  /* A scorecard started before the kit changes keeps the attributes it was built from */
  first = schedule (&hiring, "pre-sell", hiring.now, hiring.team.interviewer, 0);
  before = open_scorecard (&hiring, first, hiring.team.interviewer);
  save (&hiring, before, FALSE);

  /* Reordered, one removed, one added in a new category of its own */
  items[0] = item ("pre-sell", NULL, "motivation", NULL);
  items[1] = item ("pre-sell", NULL, "english", NULL);
  items[2] = item ("pre-sell", "Pre-sell (client)", "communication", NULL);
  items[3] = item ("custom-1", "Logistics", "custom-1", "Can work EU hours");
  g_list_store_splice (kit, 0, 0, (gpointer *) items, 4);
  for (guint i = 0; i < 4; i++)
    g_object_unref (items[i]);
  g_assert_true (sl_store_save_kit (hiring.team.store,
                                    sl_test_fresh_position (hiring.team.store, position),
                                    "pre-sell", G_LIST_MODEL (kit), &error));
  g_assert_no_error (error);
  got = sl_store_get_kit (hiring.team.store, position, "pre-sell", &customized, &error);
  g_assert_true (customized);
  g_assert_cmpuint (g_list_model_get_n_items (got), ==, 4);
  {
    g_autoptr (SlKitItem) last = g_list_model_get_item (got, 3);
    g_autoptr (SlKitItem) renamed = g_list_model_get_item (got, 2);
    g_assert_cmpstr (sl_kit_item_get_attribute_label (last), ==, "Can work EU hours");
    g_assert_cmpstr (sl_kit_item_get_category_label (last), ==, "Logistics");
    g_assert_cmpstr (sl_kit_item_get_category_label (renamed), ==, "Pre-sell (client)");
  }
  /* Other kinds keep the default */
  g_clear_object (&got);
  got = sl_store_get_kit (hiring.team.store, position, "technical", &customized, &error);
  g_assert_false (customized);

  second = schedule (&hiring, "pre-sell", hiring.now + HOUR, hiring.team.interviewer, 0);
  after = open_scorecard (&hiring, second, hiring.team.interviewer);
  g_assert_cmpuint (sl_scorecard_get_n_ratings (after), ==, 4);
  g_assert_cmpstr (sl_scorecard_get_rating (after, 0)->attribute, ==, "motivation");
  g_assert_cmpstr (sl_scorecard_get_rating (after, 3)->attribute_name, ==, "Can work EU hours");
  g_clear_object (&before);
  before = open_scorecard (&hiring, first, hiring.team.interviewer);
  g_assert_cmpuint (sl_scorecard_get_n_ratings (before), ==, 4);
  g_assert_cmpstr (sl_scorecard_get_rating (before, 0)->attribute, ==, "communication");
  g_assert_cmpint (sl_scorecard_find_rating (before, "availability-rate"), >=, 0);

  /* A category split in two, a repeated attribute and an empty kit are refused */
  items[0] = item ("a", "A", "x", "X");
  items[1] = item ("b", "B", "y", "Y");
  items[2] = item ("a", "A", "z", "Z");
  g_list_store_splice (split, 0, 0, (gpointer *) items, 3);
  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  g_assert_false (sl_store_save_kit (hiring.team.store,
                                     sl_test_fresh_position (hiring.team.store, position),
                                     "culture", G_LIST_MODEL (split), &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_list_store_remove (split, 1);
  items[0] = item ("a", "A", "x", "Another X");
  g_list_store_append (split, items[0]);
  g_object_unref (items[0]);
  g_assert_false (sl_store_save_kit (hiring.team.store,
                                     sl_test_fresh_position (hiring.team.store, position),
                                     "culture", G_LIST_MODEL (split), &error));
  g_clear_error (&error);
  g_list_store_remove_all (split);
  g_assert_false (sl_store_save_kit (hiring.team.store,
                                     sl_test_fresh_position (hiring.team.store, position),
                                     "culture", G_LIST_MODEL (split), &error));
  g_clear_error (&error);
  g_assert_cmpint (
    sl_test_sql_int (hiring.team.store, "SELECT count(*) FROM kit_items WHERE kind = 'culture'"),
    ==, 0);

  /* Back to the playbook */
  g_assert_true (sl_store_reset_kit (
    hiring.team.store, sl_test_fresh_position (hiring.team.store, position), "pre-sell", &error));
  g_clear_object (&got);
  got = sl_store_get_kit (hiring.team.store, position, "pre-sell", &customized, &error);
  g_assert_false (customized);
  g_clear_object (&before);
  g_clear_object (&after);
  g_clear_object (&got);
  sl_test_team_clear (&hiring.team);
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) at = g_date_time_new_utc (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (at);
}

/* Warsaw goes to summer time on 29 March 2026 and back on 25 October; Mexico City has no
 * daylight saving time any more; Kyiv changes on the same days as Warsaw */
static void
test_time_zones (void)
{
  g_autoptr (GTimeZone) warsaw = sl_time_zone_new ("Europe/Warsaw");
  g_autoptr (GTimeZone) mexico = sl_time_zone_new ("America/Mexico_City");
  g_autoptr (GTimeZone) kyiv = sl_time_zone_new ("Europe/Kyiv");
  g_autoptr (GTimeZone) utc_zone = g_time_zone_new_utc ();
  g_autoptr (GError) error = NULL;
  g_autofree char *summer = NULL;
  g_autofree char *winter = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  g_assert_nonnull (warsaw);
  g_assert_nonnull (mexico);
  g_assert_nonnull (kyiv);
  g_assert_null (sl_time_zone_new ("Mars/Olympus_Mons"));
  g_assert_false (sl_time_zone_is_known ("Mars/Olympus_Mons"));

  /* 10:00 in Warsaw: 09:00 UTC the day before the change, 08:00 UTC on it */
  g_assert_cmpint (sl_time_from_local (warsaw, 2026, 3, 28, 10, 0, &error), ==,
                   utc (2026, 3, 28, 9, 0));
  g_assert_cmpint (sl_time_from_local (warsaw, 2026, 3, 29, 10, 0, &error), ==,
                   utc (2026, 3, 29, 8, 0));
  g_assert_no_error (error);
  /* 02:30 on that night does not exist */
  g_assert_cmpint (sl_time_from_local (warsaw, 2026, 3, 29, 2, 30, &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  /* 02:30 on 25 October happens twice: the first one is meant */
  g_assert_cmpint (sl_time_from_local (warsaw, 2026, 10, 25, 2, 30, &error), ==,
                   utc (2026, 10, 25, 0, 30));
  g_assert_cmpint (sl_time_from_local (warsaw, 2026, 10, 25, 10, 0, &error), ==,
                   utc (2026, 10, 25, 9, 0));
  /* Lord Howe Island goes back half an hour (02:00 → 01:30 on 5 April 2026): 01:45 happens
   * twice, first at UTC+11 */
  {
    g_autoptr (GTimeZone) lord_howe = sl_time_zone_new ("Australia/Lord_Howe");
    g_assert_cmpint (sl_time_from_local (lord_howe, 2026, 4, 5, 1, 45, &error), ==,
                     utc (2026, 4, 4, 14, 45));
  }
  /* Mexico City is UTC-6 all year */
  g_assert_cmpint (sl_time_from_local (mexico, 2026, 10, 24, 10, 0, &error), ==,
                   utc (2026, 10, 24, 16, 0));
  g_assert_cmpint (sl_time_from_local (mexico, 2026, 10, 26, 10, 0, &error), ==,
                   utc (2026, 10, 26, 16, 0));
  g_assert_cmpint (sl_time_from_local (warsaw, 2026, 2, 30, 10, 0, &error), ==, 0);
  g_clear_error (&error);

  /* The same interview shown to a Warsaw recruiter and a Kyiv candidate: an hour apart,
   * before and after the change */
  summer = sl_time_format_offset (utc (2026, 10, 24, 9, 0), kyiv);
  winter = sl_time_format_offset (utc (2026, 10, 26, 9, 0), kyiv);
  g_assert_cmpstr (summer, ==, "UTC+3");
  g_assert_cmpstr (winter, ==, "UTC+2");
  g_free (summer);
  summer = sl_time_format_offset (utc (2026, 10, 24, 9, 0), mexico);
  g_assert_cmpstr (summer, ==, "UTC−6");
  shown = sl_time_format_time (utc (2026, 10, 26, 9, 0), kyiv);
  g_assert_nonnull (strstr (shown, "11:00"));

  /* ISO 8601 with and without an offset */
  g_assert_cmpint (sl_time_parse_iso8601 ("2026-10-25T10:00", warsaw, &error), ==,
                   utc (2026, 10, 25, 9, 0));
  g_assert_cmpint (sl_time_parse_iso8601 ("2026-10-24 10:00", warsaw, &error), ==,
                   utc (2026, 10, 24, 8, 0));
  g_assert_cmpint (sl_time_parse_iso8601 ("2026-10-24T10:00:00-06:00", warsaw, &error), ==,
                   utc (2026, 10, 24, 16, 0));
  g_assert_cmpint (sl_time_parse_iso8601 ("2026-10-24T10:00Z", utc_zone, &error), ==,
                   utc (2026, 10, 24, 10, 0));
  g_assert_no_error (error);
  g_assert_cmpint (sl_time_parse_iso8601 ("tomorrow at ten", warsaw, &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_time_parse_iso8601 ("2026-03-29T02:30", warsaw, &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  iso = sl_time_format_iso8601 (utc (2026, 10, 25, 9, 0));
  g_assert_cmpstr (iso, ==, "2026-10-25T09:00:00Z");
}

/* Formats @utc every way the app shows times, in @locale with its catalog */
static char *
formats_in (const char *language, const char *locale, gint64 utc, gint64 now)
{
  g_autoptr (GTimeZone) warsaw = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autofree char *planned = NULL, *moment = NULL, *day = NULL, *time = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, locale));
  planned = sl_time_format (utc, warsaw);
  time = sl_time_format_time (utc, warsaw);
  moment = sl_time_format_moment_at (utc, now);
  day = sl_time_format_date ("2026-03-24");
  return g_strjoin (" | ", planned, time, moment, day, NULL);
}

/* One style of dates and times everywhere: no seconds, a date-only value as a date, the
 * month in the form a date needs (Polish “maja”), 12 or 24 hours as the locale or the desktop
 * says, and “Today”/“Yesterday” for what just happened */
static void
test_time_formats (void)
{
  gint64 at = utc (2026, 5, 25, 14, 54);
  gint64 next_day = utc (2026, 5, 26, 8, 0);
  gint64 later = utc (2026, 6, 10, 8, 0);
  char *got;

  g_setenv ("TZ", "Europe/Warsaw", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHORTLIST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  got = formats_in ("en", "C.UTF-8", at, later);
  g_assert_cmpstr (got, ==,
                   "Mon 25 May 2026, 16:54 | Mon 16:54 | 25 May 2026, 16:54 | 24 Mar 2026");
  g_free (got);
  got = formats_in ("en", "C.UTF-8", at, at + 60);
  g_assert_true (g_str_has_suffix (got, "| Today, 16:54 | 24 Mar 2026"));
  g_free (got);
  got = formats_in ("en", "C.UTF-8", at, next_day);
  g_assert_true (g_str_has_suffix (got, "| Yesterday, 16:54 | 24 Mar 2026"));
  g_free (got);

  /* The desktop's clock format wins over the locale's */
  sl_time_set_clock (SL_CLOCK_12H);
  got = formats_in ("en", "C.UTF-8", at, later);
  g_assert_cmpstr (got, ==,
                   "Mon 25 May 2026, 4:54 PM | Mon 4:54 PM | 25 May 2026, 4:54 PM | 24 Mar 2026");
  g_free (got);
  sl_time_set_clock (SL_CLOCK_LOCALE);

  got = formats_in ("pl", "pl_PL.UTF-8", at, later);
  g_assert_cmpstr (got, ==,
                   "pon, 25 maja 2026, 16:54 | pon, 16:54 | 25 maja 2026, 16:54 | 24 marca 2026");
  g_free (got);
  got = formats_in ("uk", "uk_UA.UTF-8", at, next_day);
  g_assert_cmpstr (got, ==,
                   "пн, 25 травня 2026, 16:54 | пн, 16:54 | Учора, 16:54 | 24 березня 2026");
  g_free (got);
  /* Zones read as places, in the reader's language where Shortlist names them */
  got = sl_time_zone_place ("Europe/Kyiv");
  g_assert_cmpstr (got, ==, "Київ");
  g_free (got);
  got = sl_time_zone_place ("America/Argentina/Rio_Gallegos");
  g_assert_cmpstr (got, ==, "Rio Gallegos");
  g_free (got);
  got = sl_time_zone_place ("Etc/UTC");
  g_assert_cmpstr (got, ==, "UTC");
  g_free (got);
  /* Filipino reads a 12-hour clock, as its locale does */
  got = formats_in ("fil", "fil_PH.UTF-8", at, later);
  g_assert_cmpstr (
    got, ==, "Lun, Mayo 25, 2026, 4:54 PM | Lun 4:54 PM | Mayo 25, 2026, 4:54 PM | Marso 24, 2026");
  g_free (got);

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("TZ");
}

/* Whether @text, searched in @language, finds @zone, and where in the list (-1 if nowhere) */
static int
zone_found_at (const char *language, const char *locale, const char *text, const char *zone)
{
  g_autoptr (SlZones) zones = NULL;
  g_autoptr (GPtrArray) found = NULL;
  guint index;

  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, locale));
  zones = sl_zones_new ();
  found = sl_zones_search (zones, text, NULL);
  if (!g_ptr_array_find_with_equal_func (found, zone, g_str_equal, &index))
    return -1;
  return (int) index;
}

/* The zone picker finds a zone by its city in the user's language or in English, by its country
 * in either, or by its id, whatever the case, the accents or the script */
static void
test_zone_search (void)
{
  static const struct
  {
    const char *language, *locale, *text, *zone;
    int first; /* the zone is the first found */
  } cases[] = {
    { "uk", "uk_UA.UTF-8", "київ", "Europe/Kyiv", TRUE },
    { "uk", "uk_UA.UTF-8", "Київ", "Europe/Kyiv", TRUE },
    { "uk", "uk_UA.UTF-8", "kyiv", "Europe/Kyiv", TRUE },
    { "uk", "uk_UA.UTF-8", "україна", "Europe/Kyiv", TRUE },
    { "uk", "uk_UA.UTF-8", "ukraine", "Europe/Kyiv", TRUE },
    { "uk", "uk_UA.UTF-8", "варшава", "Europe/Warsaw", TRUE },
    { "uk", "uk_UA.UTF-8", "мехіко", "America/Mexico_City", TRUE },
    { "uk", "uk_UA.UTF-8", "бразилія", "America/Sao_Paulo", TRUE },
    { "pl", "pl_PL.UTF-8", "warszawa", "Europe/Warsaw", TRUE },
    { "pl", "pl_PL.UTF-8", "kijow", "Europe/Kyiv", TRUE },
    { "pl", "pl_PL.UTF-8", "Polska", "Europe/Warsaw", TRUE },
    /* Cyrillic finds the Latin names too */
    { "pl", "pl_PL.UTF-8", "Київ", "Europe/Kyiv", TRUE },
    { "pl", "pl_PL.UTF-8", "Україна", "Europe/Kyiv", TRUE },
    { "pt_BR", "pt_BR.UTF-8", "Київ", "Europe/Kyiv", TRUE },
    { "es_MX", "es_MX.UTF-8", "Київ", "Europe/Kyiv", TRUE },
    { "ro", "ro_RO.UTF-8", "varșovia", "Europe/Warsaw", TRUE },
    { "ro", "ro_RO.UTF-8", "bucuresti", "Europe/Bucharest", TRUE },
    { "es_MX", "es_MX.UTF-8", "mexico", "America/Mexico_City", TRUE },
    { "es_MX", "es_MX.UTF-8", "ciudad de méxico", "America/Mexico_City", TRUE },
    { "es_MX", "es_MX.UTF-8", "cancun", "America/Cancun", TRUE },
    { "pt_BR", "pt_BR.UTF-8", "brasil", "America/Sao_Paulo", TRUE },
    { "pt_BR", "pt_BR.UTF-8", "brazil", "America/Sao_Paulo", TRUE },
    { "pt_BR", "pt_BR.UTF-8", "sao paulo", "America/Sao_Paulo", TRUE },
    { "pt_BR", "pt_BR.UTF-8", "cuiaba", "America/Cuiaba", TRUE },
    { "fil", "fil_PH.UTF-8", "maynila", "Asia/Manila", TRUE },
    { "fil", "fil_PH.UTF-8", "manila", "Asia/Manila", TRUE },
    { "fil", "fil_PH.UTF-8", "pilipinas", "Asia/Manila", TRUE },
    { "en", "C.UTF-8", "america/mexico_city", "America/Mexico_City", TRUE },
    { "en", "C.UTF-8", "buenos", "America/Argentina/Buenos_Aires", TRUE },
    { "en", "C.UTF-8", "norway", "Europe/Oslo", TRUE },
    { "en", "C.UTF-8", "utc", "UTC", TRUE },
    /* Every word counts, in any order */
    { "en", "C.UTF-8", "city mexico", "America/Mexico_City", TRUE },
    { "en", "C.UTF-8", "mexico tijuana", "America/Tijuana", TRUE },
  };
  g_autoptr (SlZones) zones = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autofree char *label = NULL;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHORTLIST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int at = zone_found_at (cases[i].language, cases[i].locale, cases[i].text, cases[i].zone);

      if (at < 0 || (cases[i].first && at != 0))
        g_error ("“%s” in %s: %s found at %d", cases[i].text, cases[i].language, cases[i].zone, at);
    }
  /* Not every zone matches */
  g_assert_cmpint (zone_found_at ("uk", "uk_UA.UTF-8", "київ", "Europe/Warsaw"), ==, -1);
  g_assert_cmpint (zone_found_at ("en", "C.UTF-8", "mexico tijuana", "America/Cancun"), ==, -1);

  /* With nothing typed: the candidate's country, then the offshore six, main zones first */
  zones = sl_zones_new ();
  g_assert_cmpuint (sl_zones_get_n_zones (zones), >, 300);
  g_assert_cmpstr (sl_zones_get_country (zones, "Europe/Kyiv"), ==, "UA");
  g_assert_cmpstr (sl_zones_get_country (zones, "UTC"), ==, "");
  g_assert_null (sl_zones_get_country (zones, "Mars/Olympus_Mons"));
  all = sl_zones_search (zones, "", "AR");
  g_assert_cmpuint (all->len, ==, sl_zones_get_n_zones (zones));
  g_assert_cmpstr (all->pdata[0], ==, "America/Argentina/Buenos_Aires");
  {
    guint sao_paulo, kyiv, warsaw, manila, london;

    g_assert_true (
      g_ptr_array_find_with_equal_func (all, "America/Sao_Paulo", g_str_equal, &sao_paulo));
    g_assert_true (g_ptr_array_find_with_equal_func (all, "Europe/Kyiv", g_str_equal, &kyiv));
    g_assert_true (g_ptr_array_find_with_equal_func (all, "Europe/Warsaw", g_str_equal, &warsaw));
    g_assert_true (g_ptr_array_find_with_equal_func (all, "Asia/Manila", g_str_equal, &manila));
    g_assert_true (g_ptr_array_find_with_equal_func (all, "Europe/London", g_str_equal, &london));
    g_assert_cmpstr (all->pdata[sao_paulo - 1], !=, "America/Noronha");
    g_assert_cmpuint (sao_paulo, <, kyiv);
    g_assert_cmpuint (kyiv, <, warsaw);
    g_assert_cmpuint (warsaw, <, manila);
    g_assert_cmpuint (manila, <, london);
    g_assert_cmpuint (london, >, 40);
  }
  none = sl_zones_search (zones, "zzqx", NULL);
  g_assert_cmpuint (none->len, ==, 0);

  /* Named in the user's language where Shortlist knows the city, else after the id */
  g_setenv ("LANGUAGE", "pl", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "pl_PL.UTF-8"));
  label = sl_time_zone_label ("Europe/Kyiv", utc (2026, 12, 1, 12, 0));
  g_assert_cmpstr (label, ==, "Kijów (UTC+2)");
  g_free (label);
  label = sl_time_zone_label ("America/Argentina/Buenos_Aires", utc (2026, 12, 1, 12, 0));
  g_assert_cmpstr (label, ==, "Buenos Aires (UTC−3)");
  g_free (label);
  label = sl_time_zone_label ("Asia/Kolkata", utc (2026, 12, 1, 12, 0));
  g_assert_cmpstr (label, ==, "Kalkuta (UTC+5:30)");
  g_free (label);
  /* An old value the tz database does not know reads as it was typed */
  label = sl_time_zone_label ("GMT+2 Kyiv", utc (2026, 12, 1, 12, 0));
  g_assert_cmpstr (label, ==, "GMT+2 Kyiv");
  g_free (label);
  label = sl_time_zone_label ("UTC", utc (2026, 12, 1, 12, 0));
  g_assert_cmpstr (label, ==, "UTC");
  g_free (label);
  label = sl_time_zone_place_english ("America/Sao_Paulo");
  g_assert_cmpstr (label, ==, "São Paulo");
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

static char *
parsed_clock (const char *text)
{
  int hour, minute;

  if (!sl_time_parse_clock (text, &hour, &minute))
    return g_strdup ("none");
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

static char *
parsed_date (const char *text)
{
  int year, month, day;

  if (!sl_time_parse_date (text, &year, &month, &day))
    return g_strdup ("none");
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Times and dates are taken as people type them: the locale's own form as well as ISO */
static void
test_time_entry (void)
{
  static const struct
  {
    const char *language, *locale, *text, *clock, *date;
  } cases[] = {
    { "en", "C.UTF-8", "14:30", "14:30", "none" },
    { "en", "C.UTF-8", "9.05", "09:05", "none" },
    { "en", "C.UTF-8", "3:00 PM", "15:00", "none" },
    { "en", "C.UTF-8", "12:15 am", "00:15", "none" },
    { "en", "C.UTF-8", "12 p.m.", "12:00", "none" },
    { "en", "C.UTF-8", "13:00 PM", "none", "none" },
    { "en", "C.UTF-8", "24:00", "none", "none" },
    { "en", "C.UTF-8", "10:7", "none", "none" },
    { "en", "C.UTF-8", "2026-12-31", "none", "2026-12-31" },
    { "en", "C.UTF-8", "2026-02-30", "none", "none" },
    { "es_MX", "es_MX.UTF-8", "3:00 p. m.", "15:00", "none" },
    { "es_MX", "es_MX.UTF-8", "31/12/2026", "none", "2026-12-31" },
    { "fil", "fil_PH.UTF-8", "4:54 PM", "16:54", "none" },
    { "fil", "fil_PH.UTF-8", "4:54 N.H.", "16:54", "none" },
    { "fil", "fil_PH.UTF-8", "12/31/2026", "none", "2026-12-31" },
    { "pl", "pl_PL.UTF-8", "31.12.2026", "none", "2026-12-31" },
    { "pl", "pl_PL.UTF-8", "31.12.26", "none", "none" },
    { "uk", "uk_UA.UTF-8", "16:54", "16:54", "none" },
  };

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHORTLIST_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clock = NULL, *date = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      g_assert_nonnull (setlocale (LC_ALL, cases[i].locale));
      clock = parsed_clock (cases[i].text);
      date = parsed_date (cases[i].text);
      g_assert_cmpstr (clock, ==, cases[i].clock);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/zones", test_time_zones);
  g_test_add_func ("/time/formats", test_time_formats);
  g_test_add_func ("/time/zone-search", test_zone_search);
  g_test_add_func ("/time/entry", test_time_entry);
  SL_TEST_ADD ("/interviews/schedule-and-find", test_schedule_and_find);
  SL_TEST_ADD ("/interviews/blind-rule", test_blind_rule);
  SL_TEST_ADD ("/interviews/rights", test_scorecard_rights);
  SL_TEST_ADD ("/interviews/draft-survives-reopening", test_draft_survives_reopening);
  SL_TEST_ADD ("/interviews/amendments", test_amendments);
  SL_TEST_ADD ("/interviews/kits", test_kits);
  return g_test_run ();
}
