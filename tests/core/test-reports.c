/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-reports.c — every report on a small known dataset, against numbers worked out by hand
 *
 * The dataset is written with plain SQL through the store's own connection, so the triggers
 * that keep `reached` and `until_at` run as they do for the app's own moves.
 *
 * Times are days after T0 (1 January 2026, 00:00 UTC); “now” is day 200 (20 July 2026).
 *   A1 Ana (PL, referral) → Go: sourced 0, screening 2, resume 3, pre-sell 5, technical 9,
 *      culture 10, feedback 12, offer 15, hired 20; started 2026-01-25, still there
 *   A2 Bohdan (UA, LinkedIn) → Go: sourced 1, screening 4, rejected 6 (rate)
 *   A3 Cyprian (PL, referral) → PHP: sourced 0 … offer 10, withdrawn 12 (declined the offer)
 *   A4 Dolores (MX, job board) → PHP: sourced 3, still there
 *   A5 Eduardo (BR, referral) → PHP: sourced 0 … offer 7, hired 10; started 2026-01-15,
 *      left 2026-05-01
 *   A6 Ana again → PHP: sourced 2, screening 3
 * Interviews: I1 (A1, technical, day 8 10:00, 60 min; Piotr submits 1 h after its end, Diego
 * 48 h after), I2 (A3, pre-sell, day 3 09:00, 30 min, Piotr, not submitted), I3 (A5, day 4
 * 15:00, 60 min, Diego submits 4 h after), I4 (A4, day 201: not held yet).
 */
#include "config.h"

#include <math.h>

#include "sl-report-queries-private.h"
#include "sl-schema.h"
#include "test-team.h"
#include "test-util.h"

#define T0 G_GINT64_CONSTANT (1767225600)
#define DAY (24 * 3600)
#define NOW (T0 + 200 * DAY)

static const char dataset[] =
  "INSERT INTO team_members (id, name, email, role, created_at) VALUES"
  " (1, 'Ana Ribeiro', 'ana@example.com', 'recruiter', 0),"
  " (2, 'Piotr Zając', 'piotr@example.com', 'interviewer', 0),"
  " (3, 'Diego Ramírez', 'diego@example.com', 'interviewer', 0);"
  "INSERT INTO positions (id, title, status, employment_type, created_at, updated_at) VALUES"
  " (1, 'Go', 'open', 'employee', 0, 0), (2, 'PHP', 'open', 'freelancer', 0, 0);"
  "INSERT INTO candidates (id, name, country, source, stack_id, seniority, created_at,"
  " updated_at) VALUES"
  " (1, 'Ana', 'PL', 'referral', 'go', 'senior', 0, 0),"
  " (2, 'Bohdan', 'UA', 'linkedin', 'go', 'mid', 0, 0),"
  " (3, 'Cyprian', 'PL', 'referral', 'php', 'senior', 0, 0),"
  " (4, 'Dolores', 'MX', 'job-board', 'php', 'junior', 0, 0),"
  " (5, 'Eduardo', 'BR', 'referral', 'go', 'senior', 0, 0);";

typedef struct
{
  gint64 id, candidate, position;
  const char *stages; /* space-separated stage:day */
  const char *start_date, *left_at;
} App;

static const App apps[] = {
  { 1, 1, 1,
    "sourced:0 screening:2 resume-review:3 pre-sell:5 technical:9 culture:10 feedback:12 offer:15 "
    "hired:20",
    "2026-01-25", NULL },
  { 2, 2, 1, "sourced:1 screening:4 rejected:6", NULL, NULL },
  { 3, 3, 2,
    "sourced:0 screening:1 resume-review:2 pre-sell:4 technical:6 culture:8 feedback:9 offer:10 "
    "withdrawn:12",
    NULL, NULL },
  { 4, 4, 2, "sourced:3", NULL, NULL },
  { 5, 5, 2,
    "sourced:0 screening:1 resume-review:2 pre-sell:3 technical:4 culture:5 feedback:6 offer:7 "
    "hired:10",
    "2026-01-15", "2026-05-01" },
  { 6, 1, 2, "sourced:2 screening:3", NULL, NULL },
};

static void sql (SlStore *store, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
sql (SlStore *store, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  sl_test_sqlite_exec (sl_test_handle (store), text);
}

static SlStore *
known_dataset (const char *path)
{
  SlStore *store = sl_test_open_store (path);

  sl_test_sqlite_exec (sl_test_handle (store), dataset);
  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    {
      g_auto (GStrv) moves = g_strsplit (apps[i].stages, " ", -1);
      const char *previous = NULL;
      g_autofree char *last_stage = NULL;

      for (guint m = 0; moves[m] != NULL; m++)
        {
          g_auto (GStrv) move = g_strsplit (moves[m], ":", 2);
          gint64 at = T0 + g_ascii_strtoll (move[1], NULL, 10) * DAY;
          const char *reason = g_str_equal (move[0], "rejected")    ? "'rate'"
                               : g_str_equal (move[0], "withdrawn") ? "'other-offer'"
                                                                    : "NULL";

          if (m == 0)
            sql (store,
                 "INSERT INTO applications (id, candidate_id, position_id, stage, start_date,"
                 " left_at, created_at, updated_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                 ", %" G_GINT64_FORMAT ", 'sourced', %s%s%s, %s%s%s, %" G_GINT64_FORMAT
                 ", %" G_GINT64_FORMAT ")",
                 apps[i].id, apps[i].candidate, apps[i].position, apps[i].start_date ? "'" : "",
                 apps[i].start_date ? apps[i].start_date : "NULL", apps[i].start_date ? "'" : "",
                 apps[i].left_at ? "'" : "", apps[i].left_at ? apps[i].left_at : "NULL",
                 apps[i].left_at ? "'" : "", at, at);
          sql (store,
               "INSERT INTO stage_events (application_id, from_stage, to_stage, at, reason_id)"
               " VALUES (%" G_GINT64_FORMAT ", %s%s%s, '%s', %" G_GINT64_FORMAT ", %s)",
               apps[i].id, previous ? "'" : "", previous ? previous : "NULL", previous ? "'" : "",
               move[0], at, reason);
          g_free (last_stage);
          last_stage = g_strdup (move[0]);
          previous = last_stage;
        }
      sql (store, "UPDATE applications SET stage = '%s' WHERE id = %" G_GINT64_FORMAT, last_stage,
           apps[i].id);
    }
  sql (store,
       "INSERT INTO interviews (id, application_id, kind, starts_at, duration_min, created_at)"
       " VALUES (1, 1, 'technical', %" G_GINT64_FORMAT
       ", 60, 0), (2, 3, 'pre-sell', %" G_GINT64_FORMAT
       ", 30, 0), (3, 5, 'technical', %" G_GINT64_FORMAT ", 60, 0),"
       " (4, 4, 'pre-sell', %" G_GINT64_FORMAT ", 30, 0);"
       "INSERT INTO interview_interviewers VALUES (1, 2), (1, 3), (2, 2), (3, 3), (4, 2);",
       T0 + 8 * DAY + 10 * 3600, T0 + 3 * DAY + 9 * 3600, T0 + 4 * DAY + 15 * 3600, T0 + 201 * DAY);
  sql (store,
       "INSERT INTO scorecards (interview_id, member_id, overall, submitted_at, updated_at)"
       " VALUES (1, 2, 'yes', %" G_GINT64_FORMAT ", 0), (1, 3, 'no', %" G_GINT64_FORMAT
       ", 0), (3, 3, 'strong-yes', %" G_GINT64_FORMAT ", 0)",
       T0 + 8 * DAY + 12 * 3600, T0 + 10 * DAY + 11 * 3600, T0 + 4 * DAY + 20 * 3600);
  return store;
}

static SlReport *
run (SlStore *store, SlReportKind kind, const SlReportFilter *filter)
{
  g_autoptr (GError) error = NULL;
  SlReportFilter none = { 0 };
  SlReport *report =
    sl_report_run (sl_store_get_database (store), kind, filter ? filter : &none, NOW, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_row (SlReportTable *table, guint row, const char *label, const double *values,
            guint n_values)
{
  g_assert_cmpuint (row, <, sl_report_table_get_n_rows (table));
  if (label != NULL)
    g_assert_cmpstr (sl_report_table_get_text (table, row, 0), ==, label);
  for (guint i = 0; i < n_values; i++)
    {
      double got = sl_report_table_get_number (table, row, i + 1);

      if (isnan (values[i]))
        g_assert_true (sl_report_table_is_missing (table, row, i + 1));
      else
        g_assert_cmpfloat_with_epsilon (got, values[i], 1e-9);
    }
}

#define ROW(table, row, label, ...)                                    \
  do                                                                   \
    {                                                                  \
      const double values_[] = { __VA_ARGS__ };                        \
      assert_row (table, row, label, values_, G_N_ELEMENTS (values_)); \
    }                                                                  \
  while (0)

static void
test_funnel (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (SlReport) report = run (store, SL_REPORT_FUNNEL, NULL);
  SlReportTable *stages = sl_report_get_table (report, 0);
  SlReportTable *months = sl_report_get_table (report, 1);
  SlReportTable *outcomes = sl_report_get_table (report, 2);

  ROW (stages, 0, "Sourced", 6, 5.0 / 6);
  ROW (stages, 1, "Initial screening", 5, 3.0 / 5);
  ROW (stages, 2, "Resume review", 3, 1);
  ROW (stages, 6, "Candidate feedback", 3, 1);
  ROW (stages, 7, "Offer", 3, 2.0 / 3);
  ROW (stages, 8, "Hired", 2, NAN);
  /* Over time: every application was made in January, two of them hired */
  g_assert_cmpuint (sl_report_table_get_n_rows (months), ==, 1);
  ROW (months, 0, "2026-01", 6, 2);
  g_assert_cmpuint (sl_report_table_get_n_rows (outcomes), ==, 2);
  g_assert_cmpstr (sl_report_table_get_text (outcomes, 0, 0), ==, "Initial screening");
  g_assert_cmpstr (sl_report_table_get_text (outcomes, 0, 1), ==, "Rejected");
  g_assert_cmpstr (sl_report_table_get_text (outcomes, 0, 2), ==, "Rate above the budget");
  g_assert_cmpfloat (sl_report_table_get_number (outcomes, 0, 3), ==, 1);
  g_assert_cmpstr (sl_report_table_get_text (outcomes, 1, 0), ==, "Offer");
  g_assert_cmpstr (sl_report_table_get_text (outcomes, 1, 1), ==, "Withdrawn");
  g_assert_cmpstr (sl_report_table_get_text (outcomes, 1, 2), ==, "Accepted another offer");

  /* Details typed beside the reason do not make rows of their own; a reason an older version
   * kept as text that is no label counts as that text, without its details */
  sql (store, "UPDATE stage_events SET reason = 'asked for 9000' WHERE to_stage = 'rejected'");
  sql (store, "UPDATE stage_events SET reason_id = NULL, reason = 'Went quiet — twice'"
              " WHERE to_stage = 'withdrawn'");
  {
    g_autoptr (SlReport) again = run (store, SL_REPORT_FUNNEL, NULL);
    SlReportTable *grouped = sl_report_get_table (again, 2);

    g_assert_cmpuint (sl_report_table_get_n_rows (grouped), ==, 2);
    g_assert_cmpstr (sl_report_table_get_text (grouped, 0, 2), ==, "Rate above the budget");
    g_assert_cmpstr (sl_report_table_get_text (grouped, 1, 2), ==, "Went quiet");
  }
}

static void
test_filters (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  SlReportFilter go = { .position_id = 1 };
  SlReportFilter poland = { .country = (char *) "PL" };
  SlReportFilter later = { .from = T0 + 1 * DAY, .to = T0 + 3 * DAY };
  g_autoptr (SlReport) by_position = run (store, SL_REPORT_FUNNEL, &go);
  g_autoptr (SlReport) by_country = run (store, SL_REPORT_FUNNEL, &poland);
  g_autoptr (SlReport) by_date = run (store, SL_REPORT_FUNNEL, &later);

  ROW (sl_report_get_table (by_position, 0), 0, "Sourced", 2, 1);
  ROW (sl_report_get_table (by_position, 0), 8, "Hired", 1, NAN);
  ROW (sl_report_get_table (by_country, 0), 0, "Sourced", 3, 1);
  /* Created on day 1 and day 2; day 3 is past the end */
  ROW (sl_report_get_table (by_date, 0), 0, "Sourced", 2, 1);
  ROW (sl_report_get_table (by_date, 0), 1, "Initial screening", 2, 0);

  /* A candidate in the trash is in no report */
  sql (store, "UPDATE candidates SET deleted_at = 1 WHERE id = 1");
  {
    g_autoptr (SlReport) without = run (store, SL_REPORT_FUNNEL, NULL);
    ROW (sl_report_get_table (without, 0), 0, "Sourced", 4, 3.0 / 4);
  }
}

static void
test_speed (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (SlReport) report = run (store, SL_REPORT_SPEED, NULL);
  SlReportTable *stages = sl_report_get_table (report, 0);
  SlReportTable *hire = sl_report_get_table (report, 1);

  /* Days in each stage, median and 90th percentile (linear between ranks) */
  ROW (stages, 0, "Sourced", 5, 1, 2.6);
  ROW (stages, 1, "Initial screening", 4, 1, 1.7);
  ROW (stages, 2, "Resume review", 3, 2, 2);
  ROW (stages, 3, "Pre-sell interview", 3, 2, 3.6);
  ROW (stages, 4, "Technical interview", 3, 1, 1.8);
  ROW (stages, 6, "Candidate feedback", 3, 1, 2.6);
  ROW (stages, 7, "Offer", 3, 3, 4.6);
  g_assert_cmpuint (sl_report_table_get_n_rows (stages), ==, 8);
  ROW (hire, 0, NULL, 2, 15, 19);
}

static void
test_sources_and_breakdowns (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (SlReport) sources = run (store, SL_REPORT_SOURCES, NULL);
  g_autoptr (SlReport) breakdown = run (store, SL_REPORT_BREAKDOWN, NULL);
  SlReportTable *by_source = sl_report_get_table (sources, 0);
  SlReportTable *by_country = sl_report_get_table (breakdown, 0);
  SlReportTable *by_employment = sl_report_get_table (breakdown, 3);

  /* People, in every column: candidates, those interviewed, with an offer, hired, and the
   * share hired. Ana's two applications are one candidate; Dolores's interview is not held
   * yet. */
  ROW (by_source, 0, "Referral", 3, 3, 3, 2, 2.0 / 3);
  ROW (by_source, 1, "Job board", 1, 0, 0, 0, 0);
  ROW (by_source, 2, "LinkedIn", 1, 0, 0, 0, 0);
  g_assert_cmpuint (sl_report_get_n_tables (breakdown), ==, 4);
  ROW (by_country, 0, "Poland", 3, 2, 2, 1, 1.0 / 3);
  ROW (by_country, 1, "Brazil", 1, 1, 1, 1, 1);
  ROW (by_country, 2, "Mexico", 1, 0, 0, 0, 0);
  ROW (by_country, 3, "Ukraine", 1, 0, 0, 0, 0);
  ROW (by_employment, 0, "Freelancer", 4, 2, 2, 1, 0.25);
  ROW (by_employment, 1, "Full-time employee", 2, 1, 1, 1, 0.5);
}

static void
test_offers (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (SlReport) report = run (store, SL_REPORT_OFFERS, NULL);
  SlReportTable *totals = sl_report_get_table (report, 0);
  SlReportTable *acceptance = sl_report_get_table (report, 1);
  SlReportTable *by_position = sl_report_get_table (report, 2);

  ROW (totals, 0, "Made", 3, 1);
  ROW (totals, 1, "Accepted", 2, 2.0 / 3);
  ROW (totals, 2, "Declined", 1, 1.0 / 3);
  ROW (totals, 3, "Rescinded", 0, 0);
  ROW (totals, 4, "Still open", 0, 0);
  g_assert_cmpuint (sl_report_table_get_n_rows (totals), ==, 5);
  ROW (acceptance, 0, "All positions", 2.0 / 3);
  ROW (by_position, 0, "PHP", 2, 1, 1, 0.5);
  ROW (by_position, 1, "Go", 1, 1, 0, 1);

  /* Two positions of one title are two rows, told apart by their ids */
  sql (store, "UPDATE positions SET title = 'Go'");
  {
    g_autoptr (SlReport) again = run (store, SL_REPORT_OFFERS, NULL);
    SlReportTable *rows = sl_report_get_table (again, 2);

    ROW (rows, 0, "Go (#2)", 2, 1, 1, 0.5);
    ROW (rows, 1, "Go (#1)", 1, 1, 0, 1);
  }

  /* An offer rejected by the company and then given again and taken is accepted, not
   * rescinded as well; one the company rejected for good is rescinded, not declined: the
   * acceptance rate counts the candidates' answers only */
  sql (store,
       "INSERT INTO applications (id, candidate_id, position_id, stage, created_at, updated_at)"
       " VALUES (7, 2, 2, 'hired', %" G_GINT64_FORMAT ", 0);"
       "INSERT INTO stage_events (application_id, from_stage, to_stage, at, reason_id) VALUES"
       " (7, NULL, 'sourced', %" G_GINT64_FORMAT ", NULL),"
       " (7, 'sourced', 'offer', %" G_GINT64_FORMAT ", NULL),"
       " (7, 'offer', 'rejected', %" G_GINT64_FORMAT ", 'rate'),"
       " (7, 'rejected', 'offer', %" G_GINT64_FORMAT ", NULL),"
       " (7, 'offer', 'hired', %" G_GINT64_FORMAT ", NULL);"
       "INSERT INTO applications (id, candidate_id, position_id, stage, created_at, updated_at)"
       " VALUES (8, 4, 1, 'rejected', %" G_GINT64_FORMAT ", 0);"
       "INSERT INTO stage_events (application_id, from_stage, to_stage, at, reason_id) VALUES"
       " (8, NULL, 'sourced', %" G_GINT64_FORMAT ", NULL),"
       " (8, 'sourced', 'offer', %" G_GINT64_FORMAT ", NULL),"
       " (8, 'offer', 'rejected', %" G_GINT64_FORMAT ", 'rate')",
       T0 + 20 * DAY, T0 + 20 * DAY, T0 + 21 * DAY, T0 + 22 * DAY, T0 + 23 * DAY, T0 + 24 * DAY,
       T0 + 20 * DAY, T0 + 20 * DAY, T0 + 21 * DAY, T0 + 22 * DAY);
  {
    g_autoptr (SlReport) reopened = run (store, SL_REPORT_OFFERS, NULL);
    SlReportTable *rows = sl_report_get_table (reopened, 0);

    ROW (rows, 0, "Made", 5, 1);
    ROW (rows, 1, "Accepted", 3, 3.0 / 5);
    ROW (rows, 2, "Declined", 1, 1.0 / 5);
    ROW (rows, 3, "Rescinded", 1, 1.0 / 5);
    ROW (rows, 4, "Still open", 0, 0);
    ROW (sl_report_get_table (reopened, 1), 0, "All positions", 3.0 / 4);
  }
}

static void
test_interviewers (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (SlReport) report = run (store, SL_REPORT_INTERVIEWERS, NULL);
  SlReportTable *table = sl_report_get_table (report, 0);

  /* Held, submitted, within a day, median hours from the interview's end */
  g_assert_cmpuint (sl_report_table_get_n_rows (table), ==, 2);
  ROW (table, 0, "Diego Ramírez", 2, 2, 0.5, 26);
  ROW (table, 1, "Piotr Zając", 2, 1, 0.5, 1);

  /* Taken off an interview after submitting, Diego keeps the scorecard (as the app does), but
   * it is no longer counted for him */
  sql (store, "DELETE FROM interview_interviewers WHERE interview_id = 1 AND member_id = 3");
  {
    g_autoptr (SlReport) again = run (store, SL_REPORT_INTERVIEWERS, NULL);
    SlReportTable *rows = sl_report_get_table (again, 0);

    g_assert_cmpint (sl_test_sql_int (store, "SELECT count (*) FROM scorecards"), ==, 3);
    ROW (rows, 0, "Diego Ramírez", 1, 1, 1, 4);
    ROW (rows, 1, "Piotr Zając", 2, 1, 0.5, 1);
  }
}

static void
test_retention (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (SlReport) report = run (store, SL_REPORT_RETENTION, NULL);
  SlReportTable *table = sl_report_get_table (report, 0);

  /* Eduardo left after three and a half months; Ana started less than six months ago */
  ROW (table, 0, "3 months", 2, 2, 1);
  ROW (table, 1, "6 months", 1, 0, 0);
  ROW (table, 2, "12 months", 0, 0, NAN);
}

static char *
dump_report (SlReport *report)
{
  GString *out = g_string_new (sl_report_get_title (report));

  for (guint t = 0; t < sl_report_get_n_tables (report); t++)
    {
      SlReportTable *table = sl_report_get_table (report, t);

      g_string_append_printf (out, "\n[%s]", sl_report_table_get_title (table));
      for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
        for (guint c = 0; c < sl_report_table_get_n_columns (table); c++)
          {
            g_autofree char *cell = sl_report_table_format (table, r, c);
            g_string_append_printf (out, "%s%s", c == 0 ? "\n" : " | ", cell);
          }
    }
  return g_string_free (out, FALSE);
}

/* All reports at once (two connections, one shared pass) give what each alone gives */
static void
test_run_many (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  SlReportKind kinds[SL_N_REPORTS];
  SlReportFilter poland = { .country = (char *) "PL" };

  for (guint k = 0; k < SL_N_REPORTS; k++)
    kinds[k] = (SlReportKind) (SL_N_REPORTS - 1 - k);
  all = sl_report_run_many (sl_store_get_database (store), kinds, SL_N_REPORTS, &poland, NOW, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, SL_N_REPORTS);
  for (guint k = 0; k < SL_N_REPORTS; k++)
    {
      g_autoptr (SlReport) alone = run (store, kinds[k], &poland);
      g_autofree char *expected = dump_report (alone);
      g_autofree char *got = dump_report (all->pdata[k]);

      g_assert_cmpint (sl_report_get_kind (all->pdata[k]), ==, kinds[k]);
      g_assert_cmpstr (got, ==, expected);
    }
}

static char *
dump_all (SlStore *store, const SlReportFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  SlReportKind kinds[SL_N_REPORTS];
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < SL_N_REPORTS; k++)
    kinds[k] = (SlReportKind) k;
  all = sl_report_run_many (sl_store_get_database (store), kinds, SL_N_REPORTS, filter, NOW, NULL,
                            &error);
  g_assert_no_error (error);
  for (guint k = 0; k < all->len; k++)
    {
      g_autofree char *dump = dump_report (all->pdata[k]);
      g_string_append_printf (out, "%s\n", dump);
    }
  return g_string_free (out, FALSE);
}

/* A filter's applications are reached in two ways, by how many it selects: both give the same
 * reports, and a filter that selects everything gives the reports without a filter */
static void
test_selection_ways (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  const SlReportFilter filters[] = {
    { .position_id = 2 },
    { .country = (char *) "PL" },
    { .from = T0 + 1 * DAY, .to = T0 + 3 * DAY },
    { .stack = (char *) "go", .seniority = (char *) "senior" },
  };
  SlReportFilter none = { 0 }, everything = { .from = 1 };
  g_autofree char *unfiltered = dump_all (store, &none);
  g_autofree char *all_selected = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autofree char *few = NULL, *many = NULL;

      sl_report_queries_force_selection (1);
      few = dump_all (store, &filters[f]);
      sl_report_queries_force_selection (2);
      many = dump_all (store, &filters[f]);
      sl_report_queries_force_selection (0);
      g_assert_cmpstr (few, ==, many);
      g_assert_cmpstr (few, !=, unfiltered);
    }
  all_selected = dump_all (store, &everything);
  g_assert_cmpstr (all_selected, ==, unfiltered);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Every rate has one decimal, so that they line up; one above zero too small for it reads as
 * under a tenth, not as none; English writes no space before the sign */
static void
test_rate_format (void)
{
  SlReportTable *table = sl_report_table_new ("rates", "Rates", SL_REPORT_CHART_NONE, 0);
  const double rates[] = { 0.452, 0.0046, 0.0004, 0, 1 };
  const char *expected[] = { "45.2%", "0.5%", "<0.1%", "0.0%", "100.0%" };

  sl_report_table_add_column (table, "share_rate", "Rate", SL_REPORT_RATE);
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      guint row = sl_report_table_add_row (table);
      g_autofree char *text = NULL;

      sl_report_table_set_number (table, row, 0, rates[i]);
      text = sl_report_table_format (table, row, 0);
      g_assert_cmpstr (text, ==, expected[i]);
    }
  sl_report_table_unref (table);
}

/* Medians and percentiles are found without sorting; they equal those read off a sorted copy,
 * linear between ranks, for any size, with repeats and already in order */
static void
test_quantiles (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  const double ps[] = { 0, 0.1, 0.5, 0.9, 1 };

  g_assert_true (isnan (sl_report_quantile (NULL, 0.5)));
  for (guint n = 1; n < 200; n += (n < 20 ? 1 : 37))
    for (guint shape = 0; shape < 3; shape++)
      for (guint p = 0; p < G_N_ELEMENTS (ps); p++)
        {
          g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr (GArray) sorted = NULL;
          double position, expected;
          guint low;

          for (guint i = 0; i < n; i++)
            {
              /* Spread out, a few values repeated, or rising */
              double v = shape == 0   ? g_rand_double_range (rand, -50, 50)
                         : shape == 1 ? (double) g_rand_int_range (rand, 0, 4)
                                      : (double) i;
              g_array_append_val (values, v);
            }
          sorted = g_array_copy (values);
          g_array_sort (sorted, compare_doubles);
          position = ps[p] * (n - 1);
          low = (guint) position;
          expected = g_array_index (sorted, double, low);
          if (low + 1 < n)
            expected += (position - low) * (g_array_index (sorted, double, low + 1) - expected);
          g_assert_cmpfloat_with_epsilon (sl_report_quantile (values, ps[p]), expected, 1e-9);
        }
}

/* The triggers keep `reached` and `until_at` as the bulk pass computes them */
static void
test_bulk_matches_live (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = known_dataset (fixture->path);
  g_autofree char *live =
    sl_test_sql_dump (store, "SELECT id, reached FROM applications ORDER BY id");
  g_autofree char *live_until =
    sl_test_sql_dump (store, "SELECT id, until_at FROM stage_events ORDER BY id");
  g_autofree char *bulk = NULL;
  g_autofree char *bulk_until = NULL;
  g_autoptr (GError) error = NULL;

  sql (store, "UPDATE applications SET reached = 0; UPDATE stage_events SET until_at = NULL");
  g_assert_true (sl_schema_index_applications (sl_store_get_database (store), 0, &error));
  g_assert_no_error (error);
  bulk = sl_test_sql_dump (store, "SELECT id, reached FROM applications ORDER BY id");
  bulk_until = sl_test_sql_dump (store, "SELECT id, until_at FROM stage_events ORDER BY id");
  g_assert_cmpstr (bulk, ==, live);
  g_assert_cmpstr (bulk_until, ==, live_until);
  g_assert_cmpint (sl_test_sql_int (store, "SELECT reached FROM applications WHERE id = 1"), ==,
                   0x3fe);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reports/quantiles", test_quantiles);
  g_test_add_func ("/reports/rate-format", test_rate_format);
  SL_TEST_ADD ("/reports/funnel", test_funnel);
  SL_TEST_ADD ("/reports/filters", test_filters);
  SL_TEST_ADD ("/reports/speed", test_speed);
  SL_TEST_ADD ("/reports/sources-and-breakdowns", test_sources_and_breakdowns);
  SL_TEST_ADD ("/reports/offers", test_offers);
  SL_TEST_ADD ("/reports/interviewers", test_interviewers);
  SL_TEST_ADD ("/reports/retention", test_retention);
  SL_TEST_ADD ("/reports/bulk-matches-live", test_bulk_matches_live);
  SL_TEST_ADD ("/reports/run-many", test_run_many);
  SL_TEST_ADD ("/reports/selection-ways", test_selection_ways);
  return g_test_run ();
}
