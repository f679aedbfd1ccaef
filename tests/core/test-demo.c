/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-demo.c — the sample data: reproducible, complete, consistent, and all or nothing */
#include "config.h"

#include <string.h>

#include "sl-demo.h"
#include "sl-vocab.h"
#include "test-util.h"

#define N_DEMO 300

/* Everything the sample writes, in a stable order */
static const char *const dump_queries[] = {
  "SELECT * FROM team_members ORDER BY id",
  "SELECT * FROM positions ORDER BY id",
  "SELECT * FROM position_countries ORDER BY position_id, country",
  "SELECT * FROM skill_tags ORDER BY id",
  "SELECT * FROM candidates ORDER BY id",
  "SELECT * FROM candidate_skills ORDER BY candidate_id, tag_id",
  "SELECT * FROM applications ORDER BY id",
  "SELECT * FROM stage_events ORDER BY id",
};

static char *
dump (const char *path)
{
  sqlite3 *db = sl_test_sqlite_open (path, TRUE);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dump_queries); i++)
    {
      g_autofree char *part = sl_test_sqlite_dump (db, dump_queries[i]);
      g_string_append_printf (out, "-- %s\n%s", dump_queries[i], part);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
generate (const char *path, guint n, guint32 seed)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (sl_demo_generate (db, n, seed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
}

static void
test_reproducible (SlTestDir *fixture, gconstpointer data)
{
  g_autofree char *a = g_build_filename (fixture->dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.db", NULL);
  g_autofree char *c = g_build_filename (fixture->dir, "c.db", NULL);
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_c = NULL;

  generate (a, N_DEMO, 7);
  generate (b, N_DEMO, 7);
  generate (c, N_DEMO, 8);
  dump_a = dump (a);
  dump_b = dump (b);
  dump_c = dump (c);
  g_assert_cmpuint (strlen (dump_a), >, 10000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
}

static gint64
count (sqlite3 *db, const char *sql)
{
  return sl_test_sqlite_int (db, sql);
}

static void
test_complete (SlTestDir *fixture, gconstpointer data)
{
  sqlite3 *db;

  generate (fixture->path, N_DEMO, 7);
  db = sl_test_sqlite_open (fixture->path, TRUE);

  g_assert_cmpint (count (db, "SELECT count(*) FROM candidates"), ==, N_DEMO);
  g_assert_cmpint (count (db, "SELECT count(*) FROM team_members"), >, 0);
  /* Every position status */
  for (guint i = 0; i < 6; i++)
    {
      static const char *const statuses[] = { "kickoff", "draft",  "open",
                                              "on-hold", "filled", "closed" };
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM positions WHERE status = '%s'", statuses[i]);
      g_assert_cmpint (count (db, sql), >, 0);
    }
  /* Every stage, outcomes included, among the applications */
  for (guint i = 0; i < sl_vocab_size (SL_VOCAB_STAGE); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM applications WHERE stage = '%s'", sl_vocab_id (SL_VOCAB_STAGE, i));
      g_assert_cmpint (count (db, sql), >, 0);
    }
  /* Applications only to positions that were approved */
  g_assert_cmpint (count (db, "SELECT count(*) FROM applications a JOIN positions p"
                              " ON p.id = a.position_id WHERE p.status IN ('kickoff', 'draft')"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM candidates c WHERE NOT EXISTS"
                              " (SELECT 1 FROM candidate_skills WHERE candidate_id = c.id)"),
                   ==, 0);
  sqlite3_close (db);
}

static void
test_history (SlTestDir *fixture, gconstpointer data)
{
  sqlite3 *db;

  generate (fixture->path, N_DEMO, 7);
  db = sl_test_sqlite_open (fixture->path, TRUE);

  g_assert_cmpint (count (db, "SELECT count(*) FROM stage_events"), >,
                   count (db, "SELECT count(*) FROM applications"));
  /* Every application has a history that starts at Sourced… */
  g_assert_cmpint (count (db, "SELECT count(*) FROM applications a WHERE NOT EXISTS"
                              " (SELECT 1 FROM stage_events WHERE application_id = a.id)"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT from_stage, to_stage,"
                              " row_number() OVER (PARTITION BY application_id ORDER BY at, id)"
                              " AS n FROM stage_events) WHERE n = 1"
                              " AND (from_stage IS NOT NULL OR to_stage <> 'sourced')"),
                   ==, 0);
  /* …where each move starts from where the previous one ended… */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT from_stage, lag(to_stage) OVER"
                              " (PARTITION BY application_id ORDER BY at, id) AS previous"
                              " FROM stage_events) WHERE from_stage IS NOT previous"),
                   ==, 0);
  /* …and ends at the application's current stage */
  g_assert_cmpint (count (db, "SELECT count(*) FROM applications a WHERE a.stage IS NOT"
                              " (SELECT to_stage FROM stage_events WHERE application_id = a.id"
                              "  ORDER BY at DESC, id DESC LIMIT 1)"),
                   ==, 0);
  /* Forward moves go one stage at a time; outcomes carry a reason */
  g_assert_cmpint (count (db, "SELECT count(*) FROM stage_events e JOIN stages f"
                              " ON f.id = e.from_stage JOIN stages t ON t.id = e.to_stage"
                              " WHERE t.outcome = 0 AND t.rank <> f.rank + 1"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM stage_events"
                              " WHERE to_stage IN ('rejected', 'withdrawn')"
                              " AND coalesce(reason_id, '') = ''"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM applications"
                              " WHERE stage = 'hired' AND start_date IS NULL"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM applications a WHERE updated_at <>"
                              " (SELECT max(at) FROM stage_events WHERE application_id = a.id)"),
                   ==, 0);
  /* The candidate's current stage is its most advanced application still in the pipeline */
  g_assert_cmpint (count (db, "SELECT count(*) FROM candidates c WHERE c.stage IS NOT"
                              " (SELECT a.stage FROM applications a JOIN stages s ON s.id = a.stage"
                              "  WHERE a.candidate_id = c.id AND s.outcome = 0"
                              "  ORDER BY s.rank DESC LIMIT 1)"),
                   ==, 0);
  sqlite3_close (db);
}

/* Interviews at the interview stages, with scorecards from their own interviewers only */
static void
test_interviews (SlTestDir *fixture, gconstpointer data)
{
  sqlite3 *db;

  generate (fixture->path, N_DEMO, 7);
  db = sl_test_sqlite_open (fixture->path, TRUE);

  for (guint i = 0; i < sl_vocab_size (SL_VOCAB_INTERVIEW_KIND) - 1; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM interviews WHERE kind = '%s'",
                                              sl_vocab_id (SL_VOCAB_INTERVIEW_KIND, i));
      g_assert_cmpint (count (db, sql), >, 0);
    }
  /* Only applications that reached the interview's stage have one */
  g_assert_cmpint (count (db, "SELECT count(*) FROM interviews i JOIN stage_events e"
                              " ON e.application_id = i.application_id AND e.to_stage = i.kind"
                              " RIGHT JOIN interviews j ON j.id = i.id WHERE i.id IS NULL"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM interviews i WHERE NOT EXISTS"
                              " (SELECT 1 FROM interview_interviewers WHERE interview_id = i.id)"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM scorecards s WHERE NOT EXISTS"
                              " (SELECT 1 FROM interview_interviewers ii WHERE"
                              "  ii.interview_id = s.interview_id AND ii.member_id = s.member_id)"),
                   ==, 0);
  /* Submitted after the interview began, with a recommendation and valid ratings */
  g_assert_cmpint (count (db, "SELECT count(*) FROM scorecards s JOIN interviews i"
                              " ON i.id = s.interview_id WHERE s.submitted_at <= i.starts_at"
                              " OR s.overall IS NULL"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM scorecard_ratings"), >,
                   count (db, "SELECT count(*) FROM scorecards"));
  /* Some interviews still wait for feedback, as in a live team */
  g_assert_cmpint (count (db, "SELECT count(*) FROM interview_interviewers ii LEFT JOIN"
                              " scorecards s ON s.interview_id = ii.interview_id"
                              " AND s.member_id = ii.member_id WHERE s.id IS NULL"),
                   >, 0);
  sqlite3_close (db);
}

static gboolean
has_script (const char *text, GUnicodeScript script)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script && !g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

static void
test_names (SlTestDir *fixture, gconstpointer data)
{
  static const char *const countries[] = { "BR", "UA", "PL", "RO", "PH", "MX" };
  sqlite3 *db;
  sqlite3_stmt *stmt;

  generate (fixture->path, N_DEMO, 7);
  db = sl_test_sqlite_open (fixture->path, TRUE);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT country) FROM candidates"), ==, 6);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, email, city FROM candidates WHERE country = ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      guint n = 0;
      guint cyrillic = 0;
      guint accented = 0;

      sqlite3_bind_text (stmt, 1, countries[i], -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          const char *email = (const char *) sqlite3_column_text (stmt, 1);

          n++;
          g_assert_true (g_utf8_validate (name, -1, NULL));
          /* Addresses are made from the name in Latin letters */
          g_assert_true (g_str_is_ascii (email));
          g_assert_nonnull (strchr (email, '@'));
          g_assert_null (strstr (email, ".."));
          if (has_script (name, G_UNICODE_SCRIPT_CYRILLIC))
            cyrillic++;
          if (has_script (name, G_UNICODE_SCRIPT_LATIN))
            accented++;
        }
      sqlite3_reset (stmt);
      g_test_message ("%s: %u candidates, %u in Cyrillic, %u with accented letters", countries[i],
                      n, cyrillic, accented);
      g_assert_cmpuint (n, >, 0);
      if (g_str_equal (countries[i], "UA"))
        g_assert_cmpuint (cyrillic, ==, n);
      else
        g_assert_cmpuint (cyrillic, ==, 0);
      if (!g_str_equal (countries[i], "UA") && !g_str_equal (countries[i], "PH"))
        g_assert_cmpuint (accented, >, 0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

typedef struct
{
  GCancellable *cancellable;
  guint calls;
  guint last_done;
  guint total;
} Progress;

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (done >= 1000)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_cancel (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  Progress progress = { cancellable, 0, 0, 0 };
  SlDatabase *db;
  sqlite3 *raw;

  generate (fixture->path, 50, 3);
  before = dump (fixture->path);

  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (sl_demo_generate (db, 5000, 4, progress_cb, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.last_done, ==, 1000);
  g_assert_cmpuint (progress.total, ==, 5000);

  /* Nothing of the cancelled run is left, and the connection works on */
  g_assert_true (sqlite3_get_autocommit (sl_database_get_handle (db)));
  after = dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sl_database_check (db, &report, &error));
  g_assert_no_error (error);

  /* A second run adds to the first, with the new rows searchable */
  progress = (Progress){ NULL, 0, 0, 0 };
  g_cancellable_reset (cancellable);
  g_assert_true (sl_demo_generate (db, 100, 5, NULL, NULL, cancellable, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  raw = sl_test_sqlite_open (fixture->path, TRUE);
  g_assert_cmpint (count (raw, "SELECT count(*) FROM candidates"), ==, 150);
  g_assert_cmpint (count (raw, "SELECT count(*) FROM candidates_fts"), ==, 150);
  g_assert_cmpint (count (raw, "SELECT count(*) FROM candidates WHERE sort_key = ''"), ==, 0);
  /* The team is not added twice */
  g_assert_cmpint (count (raw, "SELECT count(*) FROM team_members"), ==,
                   count (raw, "SELECT count(DISTINCT email) FROM team_members"));
  sqlite3_close (raw);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/demo/reproducible", test_reproducible);
  SL_TEST_ADD ("/core/demo/complete", test_complete);
  SL_TEST_ADD ("/core/demo/history", test_history);
  SL_TEST_ADD ("/core/demo/interviews", test_interviews);
  SL_TEST_ADD ("/core/demo/names", test_names);
  SL_TEST_ADD ("/core/demo/cancel", test_cancel);

  return g_test_run ();
}
