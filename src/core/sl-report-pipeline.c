/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-pipeline.c — the reports on the way through the pipeline: the funnel (how many
 * reached each stage, by month, and how they ended) and speed (time in each stage, time to
 * hire). See sl-report-queries.c for the definitions and what the reports share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-report-queries-private.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

/* The place of @stage in the default pipeline, or -1: by its first letters, then checked (it
 * is asked for every stage event) */
static int
pipeline_index (const char *stage)
{
  int i;

  switch (stage[0])
    {
    case 's':
      i = stage[1] == 'o' ? 0 : 1; /* sourced, screening */
      break;
    case 'r':
      i = 2;
      break;
    case 'p':
      i = 3;
      break;
    case 't':
      i = 4;
      break;
    case 'c':
      i = 5;
      break;
    case 'f':
      i = 6;
      break;
    case 'o':
      i = 7;
      break;
    case 'h':
      i = 8;
      break;
    default:
      return -1;
    }
  return strcmp (sl_report_pipeline[i], stage) == 0 ? i : -1;
}

/* Funnel */

/* The month (years × 12 + month − 1) of the UTC day @days since 1970-01-01: the civil calendar
 * from a day count, as in Howard Hinnant's “days_from_civil” turned around */
static int
month_of_day (gint64 days)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 month = mp < 10 ? mp + 3 : mp - 9;
  gint64 year = yoe + era * 400 + (month <= 2);

  return (int) (year * 12 + month - 1);
}

typedef struct
{
  int month;
  double applications;
  double hires;
} MonthCount;

static int
compare_months (gconstpointer a, gconstpointer b)
{
  return ((const MonthCount *) a)->month - ((const MonthCount *) b)->month;
}

/* Each rejection or withdrawal that ended an application, by stage, outcome and reason */
typedef struct
{
  int rank; /* of the stage it left */
  char *from;
  char *to;
  char *key;    /* the reason's id, or the text an older version stored */
  char *reason; /* as the reader reads it */
  double count;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->from);
  g_free (outcome->to);
  g_free (outcome->key);
  g_free (outcome->reason);
  g_free (outcome);
}

static int
compare_outcomes (gconstpointer a, gconstpointer b)
{
  const Outcome *x = *(Outcome *const *) a, *y = *(Outcome *const *) b;
  int order;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if ((order = strcmp (x->to, y->to)) != 0)
    return order;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  /* By the reason's id, not its label: the same order in every language */
  return strcmp (x->key, y->key);
}

/* The stages reached and the months, from one pass over the applications */
static gboolean
funnel_stages (SlDatabase *db, SlReportTable *stages, SlReportTable *months,
               const SlReportFilter *filter, GError **error)
{
  double reached[SL_REPORT_PIPELINE_LENGTH] = { 0 };
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (MonthCount));
  g_autoptr (GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  SlStmt *stmt = sl_report_prepare (db, "SELECT created_at, reached FROM apps", filter, error);
  gint64 last_day = G_MININT64;
  MonthCount *count = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 created = sl_stmt_column_int64 (stmt, 0);
      gint64 day = (created >= 0 ? created : created - 86399) / 86400;
      guint64 bits = (guint64) sl_stmt_column_int64 (stmt, 1);

      /* The stages of the default pipeline are ranks 1 to 9 */
      for (guint i = 0; i < SL_REPORT_PIPELINE_LENGTH; i++)
        reached[i] += (double) ((bits >> (i + 1)) & 1);
      if (count == NULL || day != last_day)
        {
          int month = month_of_day (day);
          gpointer at;

          if (g_hash_table_lookup_extended (index, GINT_TO_POINTER (month), NULL, &at))
            count = &g_array_index (counts, MonthCount, GPOINTER_TO_UINT (at));
          else
            {
              MonthCount fresh = { month, 0, 0 };

              g_hash_table_insert (index, GINT_TO_POINTER (month), GUINT_TO_POINTER (counts->len));
              g_array_append_val (counts, fresh);
              count = &g_array_index (counts, MonthCount, counts->len - 1);
            }
          last_day = day;
        }
      count->applications++;
      count->hires += (double) ((bits >> RANK_HIRED) & 1);
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < SL_REPORT_PIPELINE_LENGTH; i++)
    {
      guint row = sl_report_table_add_row (stages);

      sl_report_table_set_label (stages, row, 0, sl_report_pipeline[i],
                                 sl_report_stage_label (sl_report_pipeline[i]));
      sl_report_table_set_number (stages, row, 1, reached[i]);
      if (i + 1 < SL_REPORT_PIPELINE_LENGTH)
        sl_report_table_set_number (stages, row, 2, sl_report_rate (reached[i + 1], reached[i]));
    }
  g_array_sort (counts, compare_months);
  for (guint i = 0; i < counts->len; i++)
    {
      const MonthCount *month = &g_array_index (counts, MonthCount, i);
      g_autofree char *label =
        g_strdup_printf ("%04d-%02d", month->month / 12, month->month % 12 + 1);
      guint row = sl_report_table_add_row (months);

      sl_report_table_set_text (months, row, 0, label);
      sl_report_table_set_number (months, row, 1, month->applications);
      sl_report_table_set_number (months, row, 2, month->hires);
    }
  return TRUE;
}

/* The move that ended each application still rejected or withdrawn (the index
 * stage_events_ended), by the reason chosen from the list, shown in the reader's language; the
 * details typed beside it would give every rejection a row of its own. A reason stored as text
 * by an older version that matched no label in any language counts as that text. */
static gboolean
funnel_outcomes (SlDatabase *db, SlReportTable *outcomes, const SlReportFilter *filter,
                 GError **error)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (outcome_free);
  SlStmt *stmt = sl_report_prepare (
    db,
    "SELECT e.from_stage, e.to_stage, e.reason_id,"
    " CASE WHEN e.reason_id IS NULL THEN coalesce (e.reason, '') ELSE '' END, count (*),"
    " (SELECT rank FROM stages WHERE id = e.from_stage)"
    " FROM" APPS_FROM (
      "stage_events e") " WHERE e.until_at IS NULL"
                        " AND e.to_stage IN ('rejected', 'withdrawn') AND" APPS_WHERE (
                          "e") " GROUP BY 1, 2, 3, 4",
    filter, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      const char *from = sl_store_column_text (stmt, 0), *to = sl_store_column_text (stmt, 1);
      const char *reason_id = (const char *) sl_stmt_column_text (stmt, 2);
      const char *text = sl_store_column_text (stmt, 3), *dash = strstr (text, " — ");
      gboolean listed = reason_id != NULL && sl_vocab_is_outcome (to);
      g_autofree char *chosen = listed
                                  ? g_strdup (reason_id)
                                  : g_strndup (text, dash ? (gsize) (dash - text) : strlen (text));
      /* An id and a typed text that happen to be spelt alike are two reasons */
      g_autofree char *key = g_strjoin ("\x1f", from, to, listed ? "id" : "text", chosen, NULL);
      Outcome *outcome = g_hash_table_lookup (groups, key);

      if (outcome == NULL)
        {
          outcome = g_new0 (Outcome, 1);
          outcome->rank = sl_stmt_column_int (stmt, 5);
          outcome->from = g_strdup (from);
          outcome->to = g_strdup (to);
          outcome->reason =
            g_strdup (listed ? sl_vocab_label (sl_vocab_reasons_for (to), reason_id) : chosen);
          outcome->key = g_steal_pointer (&chosen);
          g_ptr_array_add (rows, outcome);
          g_hash_table_insert (groups, g_steal_pointer (&key), outcome);
        }
      outcome->count += (double) sl_stmt_column_int64 (stmt, 4);
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return FALSE;
  g_ptr_array_sort (rows, compare_outcomes);
  for (guint i = 0; i < rows->len; i++)
    {
      Outcome *outcome = rows->pdata[i];
      guint row = sl_report_table_add_row (outcomes);

      sl_report_table_set_label (outcomes, row, 0, outcome->from,
                                 sl_report_stage_label (outcome->from));
      sl_report_table_set_label (outcomes, row, 1, outcome->to,
                                 sl_report_stage_label (outcome->to));
      sl_report_table_set_label (outcomes, row, 2, *outcome->key ? outcome->key : NULL,
                                 outcome->reason);
      sl_report_table_set_number (outcomes, row, 3, outcome->count);
    }
  return TRUE;
}

gboolean
sl_report_funnel (SlDatabase *db, SlReport *report, const SlReportFilter *filter, GError **error)
{
  SlReportTable *stages =
    sl_report_table_new ("stages", _ ("Applications at each stage"), SL_REPORT_CHART_FUNNEL, 1);
  SlReportTable *outcomes =
    sl_report_table_new ("outcomes", _ ("Rejections and withdrawals"), SL_REPORT_CHART_NONE, 0);
  SlReportTable *months =
    sl_report_table_new ("months", _ ("Applications by month"), SL_REPORT_CHART_BARS, 1);

  sl_report_add_table (report, stages);
  sl_report_add_table (report, months);
  sl_report_add_table (report, outcomes);
  sl_report_table_add_column (stages, "stage", _ ("Stage"), SL_REPORT_TEXT);
  sl_report_table_add_column (stages, "reached", _ ("Reached"), SL_REPORT_COUNT);
  sl_report_table_add_column (stages, "passed_rate", _ ("Passed to the next stage"),
                              SL_REPORT_RATE);
  /* Over time: the applications made each month (UTC), and how many of them were hired */
  sl_report_table_add_column (months, "month", _ ("Month"), SL_REPORT_TEXT);
  sl_report_table_set_column_value_type (months, 0, SL_REPORT_VALUE_DATE);
  sl_report_table_add_column (months, "applications", _ ("Applications"), SL_REPORT_COUNT);
  sl_report_table_add_column (months, "hires", _ ("Hires"), SL_REPORT_COUNT);
  sl_report_table_add_column (outcomes, "stage", _ ("Stage"), SL_REPORT_TEXT);
  sl_report_table_add_column (outcomes, "outcome", _ ("Outcome"), SL_REPORT_TEXT);
  sl_report_table_add_column (outcomes, "reason", _ ("Reason"), SL_REPORT_TEXT);
  sl_report_table_add_column (outcomes, "applications", _ ("Applications"), SL_REPORT_COUNT);
  return funnel_stages (db, stages, months, filter, error) &&
         funnel_outcomes (db, outcomes, filter, error);
}

/* Speed */

static void
add_durations_row (SlReportTable *table, const char *key, const char *label, GArray *days)
{
  guint row = sl_report_table_add_row (table);

  sl_report_table_set_label (table, row, 0, key, label);
  sl_report_table_set_number (table, row, 1, days ? (double) days->len : 0);
  sl_report_table_set_number (table, row, 2, sl_report_quantile (days, 0.5));
  sl_report_table_set_number (table, row, 3, sl_report_quantile (days, 0.9));
}

static void
add_duration_columns (SlReportTable *table, const char *first_id, const char *first,
                      const char *count_id, const char *count)
{
  sl_report_table_add_column (table, first_id, first, SL_REPORT_TEXT);
  sl_report_table_add_column (table, count_id, count, SL_REPORT_COUNT);
  sl_report_table_add_column (table, "median_days", _ ("Median"), SL_REPORT_DAYS);
  sl_report_table_add_column (table, "p90_days", _ ("90th percentile"), SL_REPORT_DAYS);
}

gboolean
sl_report_speed (SlDatabase *db, SlReport *report, const SlReportFilter *filter, GError **error)
{
  SlReportTable *stages =
    sl_report_table_new ("stages", _ ("Median time in each stage"), SL_REPORT_CHART_BARS, 2);
  SlReportTable *hire =
    sl_report_table_new ("time_to_hire", _ ("Time to hire"), SL_REPORT_CHART_NONE, 0);
  GArray *days[SL_REPORT_PIPELINE_LENGTH] = { NULL };
  g_autoptr (GArray) to_hire = g_array_new (FALSE, FALSE, sizeof (double));
  SlStmt *stmt;
  gboolean ok = FALSE;
  int rc;

  sl_report_add_table (report, stages);
  sl_report_add_table (report, hire);
  add_duration_columns (stages, "stage", _ ("Stage"), "applications", _ ("Applications"));
  add_duration_columns (hire, "span", _ ("From first stage to Hired"), "hires", _ ("Hires"));
  for (guint i = 0; i < SL_REPORT_PIPELINE_LENGTH; i++)
    days[i] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Each stage event that was moved on from, and for how long */
  stmt =
    sl_report_prepare (db,
                       "SELECT e.to_stage, e.until_at - e.at FROM" APPS_FROM (
                         "stage_events e") " WHERE e.until_at IS NOT NULL AND" APPS_WHERE ("e"),
                       filter, error);
  if (stmt == NULL)
    goto out;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      int index = pipeline_index (sl_store_column_text (stmt, 0));
      double value = (double) sl_stmt_column_int64 (stmt, 1) / SL_REPORT_DAY;

      if (index >= 0)
        g_array_append_val (days[index], value);
    }
  if (!sl_report_finish (db, stmt, rc, error))
    goto out;
  /* Hired is where a hire stays: no time in it to measure */
  for (guint i = 0; i + 1 < SL_REPORT_PIPELINE_LENGTH; i++)
    add_durations_row (stages, sl_report_pipeline[i], sl_report_stage_label (sl_report_pipeline[i]),
                       days[i]);

  stmt = sl_report_prepare (db,
                            "SELECT h.at - (SELECT min (f.at) FROM stage_events f"
                            "  WHERE f.application_id = apps.id)"
                            " FROM apps JOIN stage_events h ON h.application_id = apps.id"
                            " AND h.to_stage = 'hired' WHERE " REACHED (9),
                            filter, error);
  if (stmt == NULL)
    goto out;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      double value = (double) sl_stmt_column_int64 (stmt, 0) / SL_REPORT_DAY;
      g_array_append_val (to_hire, value);
    }
  if (!sl_report_finish (db, stmt, rc, error))
    goto out;
  add_durations_row (hire, "first_stage_to_hired", _ ("Time to hire"), to_hire);
  ok = TRUE;

out:
  for (guint i = 0; i < SL_REPORT_PIPELINE_LENGTH; i++)
    g_array_unref (days[i]);
  return ok;
}
