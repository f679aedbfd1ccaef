/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-people.c — the reports on the team and the hires: interviewers (interviews
 * held, scorecards on time) and retention. See sl-report-queries.c for the definitions and
 * what the reports share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sl-report-queries-private.h"
#include "sl-store-private.h"

/* Interviewers */

typedef struct
{
  gint64 id;
  char *name;
  double interviews;
  double submitted;
  double on_time;
  GArray *hours;
} Interviewer;

static void
interviewer_free (gpointer data)
{
  Interviewer *interviewer = data;

  if (interviewer == NULL)
    return;
  g_free (interviewer->name);
  g_array_unref (interviewer->hours);
  g_free (interviewer);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  const Interviewer *x = *(Interviewer *const *) a, *y = *(Interviewer *const *) b;

  int order = g_utf8_collate (x->name, y->name);

  /* Two of one name, in the order they joined */
  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* An interview held by the report's time, found by its id: ids are the rows' own and dense,
 * so a plain array indexed by id finds one in a step */
typedef struct
{
  gint64 ends_at;
  guint first; /* its interviewers: members[first … first + count) */
  guint count;
  gboolean held;
} Held;

/* The interview @id if it is among those held for the report, or NULL */
static Held *
find_held (Held *held, gint64 max_id, gint64 id)
{
  if (id < 0 || id > max_id || !held[id].held)
    return NULL;
  return &held[id];
}

/* The team members who interviewed, by id: a few dozen, in an array grown as they come */
static Interviewer *
interviewer_for (GPtrArray *people, gint64 id)
{
  Interviewer *person;

  if (id < 0 || id > G_MAXINT)
    id = 0;
  if ((guint) id >= people->len)
    g_ptr_array_set_size (people, (guint) id + 1);
  person = people->pdata[id];
  if (person == NULL)
    {
      person = g_new0 (Interviewer, 1);
      person->id = id;
      person->hours = g_array_new (FALSE, FALSE, sizeof (double));
      people->pdata[id] = person;
    }
  return person;
}

/* Three reads in the order the tables are stored, put together here: the interviews held, who
 * is on each (stored by interview, so each interview's interviewers come together), and the
 * scorecards submitted. (A join would look up an interview and a scorecard for each of a
 * quarter of a million interviewers, at twice the time.) A scorecard counts only while its
 * author is on the interview: someone taken off it keeps a submitted one, which is not theirs
 * to count any more. */
gboolean
sl_report_interviewers (SlDatabase *db, SlReport *report, const SlReportFilter *filter, gint64 now,
                        GError **error)
{
  SlReportTable *table = sl_report_table_new (
    "interviewers", _ ("Interviews and scorecards per interviewer"), SL_REPORT_CHART_BARS, 1);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) by_id = g_ptr_array_new_with_free_func (interviewer_free);
  g_autoptr (GArray) members = NULL;
  g_autofree Held *held = NULL;
  gint64 max_id = 0;
  guint n_held = 0;
  SlStmt *stmt;
  int rc;

  sl_report_add_table (report, table);
  /* By name, in the reader's alphabetical order */
  sl_report_table_set_collated (table, TRUE);
  sl_report_table_add_column (table, "interviewer", _ ("Interviewer"), SL_REPORT_TEXT);
  sl_report_table_add_column (table, "interviews", _ ("Interviews held"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "submitted", _ ("Scorecards submitted"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "on_time_rate", _ ("Submitted within a day"), SL_REPORT_RATE);
  sl_report_table_add_column (table, "median_submit_hours", _ ("Median time to submit"),
                              SL_REPORT_HOURS);

  if (!sl_report_max_id (db, "interviews", &max_id, error))
    return FALSE;
  held = g_new0 (Held, max_id + 1);

  /* The interviews held by now, and when each ended */
  stmt = sl_report_prepare (db,
                            "SELECT i.id, i.starts_at + i.duration_min * 60 FROM" APPS_FROM (
                              "interviews i") " WHERE +i.starts_at <= ?7 AND" APPS_WHERE ("i"),
                            filter, error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 7, now);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 id = sl_stmt_column_int64 (stmt, 0);

      /* The run reads one snapshot, so none is above max (id); the bound is a safeguard */
      if (id < 0 || id > max_id)
        continue;
      held[id].ends_at = sl_stmt_column_int64 (stmt, 1);
      held[id].held = TRUE;
      n_held++;
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return FALSE;

  /* Who sat on each: an interview's interviewers side by side, for its scorecards to be checked
   * against */
  members = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_held * 3 / 2 + 1);
  stmt = sl_database_prepare (
    db, "SELECT interview_id, member_id FROM interview_interviewers ORDER BY interview_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      Held *interview = find_held (held, max_id, sl_stmt_column_int64 (stmt, 0));
      gint64 member = sl_stmt_column_int64 (stmt, 1);

      if (interview == NULL)
        continue;
      if (interview->count == 0)
        interview->first = members->len;
      interview->count++;
      g_array_append_val (members, member);
      interviewer_for (by_id, member)->interviews++;
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return FALSE;

  stmt = sl_database_prepare (db,
                              "SELECT interview_id, member_id, submitted_at FROM scorecards"
                              " WHERE submitted_at IS NOT NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      const Held *interview = find_held (held, max_id, sl_stmt_column_int64 (stmt, 0));
      gint64 member = sl_stmt_column_int64 (stmt, 1);
      gboolean seated = FALSE;
      Interviewer *person;
      double hours;

      for (guint i = 0; interview != NULL && i < interview->count && !seated; i++)
        seated = g_array_index (members, gint64, interview->first + i) == member;
      if (!seated)
        continue;
      person = interviewer_for (by_id, member);
      /* Counted from the interview's end; filled in during it, that is no time at all */
      hours =
        MAX (0.0, (double) (sl_stmt_column_int64 (stmt, 2) - interview->ends_at) / SL_REPORT_HOUR);
      person->submitted++;
      if (hours <= 24)
        person->on_time++;
      g_array_append_val (person->hours, hours);
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return FALSE;
  people = g_ptr_array_new_with_free_func (interviewer_free);
  for (guint i = 0; i < by_id->len; i++)
    if (by_id->pdata[i] != NULL)
      {
        g_ptr_array_add (people, by_id->pdata[i]);
        by_id->pdata[i] = NULL;
      }

  /* By name: the few team members' names, once */
  stmt = sl_database_prepare (db, "SELECT name FROM team_members WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      Interviewer *person = people->pdata[i];

      sl_stmt_bind_int64 (stmt, 1, person->id);
      person->name =
        g_strdup (sl_stmt_step (stmt) == SL_STMT_ROW ? sl_store_column_text (stmt, 0) : "");
      sl_stmt_reset (stmt);
    }
  g_ptr_array_sort (people, compare_names);
  for (guint i = 0; i < people->len; i++)
    {
      Interviewer *person = people->pdata[i];
      guint row = sl_report_table_add_row (table);

      sl_report_table_set_text (table, row, 0, person->name);
      sl_report_table_set_number (table, row, 1, person->interviews);
      sl_report_table_set_number (table, row, 2, person->submitted);
      sl_report_table_set_number (table, row, 3,
                                  sl_report_rate (person->on_time, person->interviews));
      sl_report_table_set_number (table, row, 4, sl_report_quantile (person->hours, 0.5));
    }
  return TRUE;
}

/* Retention */

gboolean
sl_report_retention (SlDatabase *db, SlReport *report, const SlReportFilter *filter, gint64 now,
                     GError **error)
{
  SlReportTable *table =
    sl_report_table_new ("retention", _ ("Hires still there"), SL_REPORT_CHART_BARS, 3);
  static const int months[] = { 3, 6, 12 };

  sl_report_add_table (report, table);
  /* “3 months” to the reader, 3 to a program */
  sl_report_table_add_column (table, "after_months", _ ("After"), SL_REPORT_TEXT);
  sl_report_table_set_column_value_type (table, 0, SL_REPORT_VALUE_INTEGER);
  sl_report_table_add_column (table, "hires", _ ("Hires long enough ago"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "still_there", _ ("Still there"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "retained_rate", _ ("Retained"), SL_REPORT_RATE);
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *modifier = g_strdup_printf ("+%d months", months[i]);
      g_autofree char *label = NULL;
      g_autofree char *key = NULL;
      /* The dates are days (YYYY-MM-DD); today is UTC's */
      SlStmt *stmt = sl_report_prepare_dialect (
        db,
        "SELECT count (*), sum (apps.left_at IS NULL"
        "  OR apps.left_at >= date (apps.start_date, ?7))"
        " FROM apps WHERE apps.stage = 'hired' AND apps.start_date IS NOT NULL"
        " AND date (apps.start_date, ?7) <= date (?8, 'unixepoch')",
        "SELECT count (*), count (*) FILTER (WHERE apps.left_at IS NULL"
        "  OR apps.left_at::date >= apps.start_date::date + ?7::interval)"
        " FROM apps WHERE apps.stage = 'hired' AND apps.start_date IS NOT NULL"
        " AND apps.start_date::date + ?7::interval <= (to_timestamp (?8) AT TIME ZONE 'UTC')",
        filter, error);
      guint row;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_text (stmt, 7, modifier);
      sl_stmt_bind_int64 (stmt, 8, now);
      rc = sl_stmt_step (stmt);
      if (rc != SL_STMT_ROW)
        return sl_report_finish (db, stmt, rc, error);
      row = sl_report_table_add_row (table);
      label = g_strdup_printf (ngettext ("%d month", "%d months", months[i]), months[i]);
      key = g_strdup_printf ("%d", months[i]);
      sl_report_table_set_label (table, row, 0, key, label);
      sl_report_table_set_number (table, row, 1, (double) sl_stmt_column_int64 (stmt, 0));
      sl_report_table_set_number (table, row, 2, (double) sl_stmt_column_int64 (stmt, 1));
      sl_report_table_set_number (table, row, 3,
                                  sl_report_rate ((double) sl_stmt_column_int64 (stmt, 1),
                                                  (double) sl_stmt_column_int64 (stmt, 0)));
      sl_stmt_reset (stmt);
    }
  return TRUE;
}
