/* sl-report-queries.c — the reports' SQL
 *
 * Every report counts the applications the filter selects (the `apps` CTE): created in the
 * date range, of the position, whose candidate (not in the trash) has the country, stack and
 * seniority asked. A stage is “reached” by an application with a stage event into it. Medians
 * and percentiles are taken in C over the durations SQL returns in order.
 *
 * Definitions, where the playbook leaves a choice:
 * - Pass-through from a stage is the share of the applications that reached it that reached
 *   the next stage of the default pipeline too.
 * - Time in a stage runs from the move into it to the move out of it; an application still
 *   there is not counted. Time to hire runs from the first stage event to the move to Hired.
 * - An offer is made when an application reaches Offer; accepted when it reaches Hired;
 *   declined when it ended rejected or withdrawn from Offer (one reopened since is not).
 * - A scorecard is on time when it is submitted within a day of the interview's end.
 * - Retention after N months counts the hires whose start date is at least N months ago;
 *   those still there have no leaving date, or one at least N months after the start.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sl-countries.h"
#include "sl-report-private.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

#define HOUR 3600.0
#define DAY (24 * HOUR)

typedef enum
{
  SELECTION_ALL, /* no filter: all but the trash */
  SELECTION_FEW, /* fewer than an eighth of all applications */
  SELECTION_MANY,
} SelectionKind;

/* The applications the filter selects, as bits by id, loaded once for all the reports of a
 * run on a connection; SQL asks through sl_report_selected(id) */
typedef struct
{
  guint64 *words;
  gsize n_words;
  SelectionKind kind;
} Selection;

static void
selection_free (gpointer data)
{
  Selection *selection = data;

  g_free (selection->words);
  g_free (selection);
}

static void
selected_cb (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const Selection *selection = sqlite3_user_data (context);
  sqlite3_int64 id = sqlite3_value_int64 (argv[0]);
  guint64 word = 0;

  if (id >= 0 && (guint64) id / 64 < selection->n_words)
    word = selection->words[id / 64];
  sqlite3_result_int (context, (int) ((word >> (id % 64)) & 1));
}

/* The selection of @db's connection, made (and its SQL function registered) the first time */
static Selection *
selection_of (SlDatabase *db)
{
  Selection *selection = g_object_get_data (G_OBJECT (db), "sl-report-selection");

  if (selection == NULL)
    {
      selection = g_new0 (Selection, 1);
      /* Freed with the database object, after its connection is closed */
      g_object_set_data_full (G_OBJECT (db), "sl-report-selection", selection, selection_free);
      sqlite3_create_function_v2 (sl_database_get_handle (db), "sl_report_selected", 1, SQLITE_UTF8,
                                  selection, selected_cb, NULL, NULL, NULL);
    }
  return selection;
}

/* A table of rows with an application_id, limited to the applications the filter selects:
 * APPS_FROM ("table alias") in FROM and APPS_WHERE ("alias") among the conditions.
 * - Without a filter, the table is read whole and the applications of the trash, a small set,
 *   are left out.
 * - When the filter selects few applications, they come first and their rows are looked up
 *   (CROSS JOIN keeps that order: without statistics SQLite would rather read the whole table
 *   and look up an application for each row).
 * - Otherwise the table is read whole and each row's application looked up in the bits of the
 *   selection, far quicker than in SQLite's own list of a quarter of a million. */
#define APPS_FROM(table) " {from " table "}"
#define APPS_WHERE(alias) " {where " alias "}"

static gboolean
expand_apps (const GMatchInfo *match, GString *out, gpointer data)
{
  SelectionKind kind = GPOINTER_TO_INT (data);
  g_autofree char *what = g_match_info_fetch (match, 1);
  /* “from TABLE ALIAS” or “where ALIAS” */
  g_autofree char *table = g_match_info_fetch (match, 2);
  g_autofree char *alias = g_match_info_fetch (match, 3);

  if (g_str_equal (what, "from"))
    {
      if (kind == SELECTION_FEW)
        g_string_append_printf (out, " apps CROSS JOIN %s %s ON %s.application_id = apps.id", table,
                                alias, alias);
      else
        g_string_append_printf (out, " %s %s", table, alias);
      return FALSE;
    }
  switch (kind)
    {
    case SELECTION_ALL:
      g_string_append_printf (out,
                              " %s.application_id NOT IN (SELECT a.id FROM applications a"
                              " JOIN candidates c ON c.id = a.candidate_id"
                              " WHERE c.deleted_at IS NOT NULL)",
                              table);
      break;
    case SELECTION_FEW:
      g_string_append (out, " 1");
      break;
    case SELECTION_MANY:
    default:
      g_string_append_printf (out, " sl_report_selected (%s.application_id)", table);
      break;
    }
  return FALSE;
}

/* The applications the filter selects, as the CTE `apps`, bound as ?1…?6. The candidates'
 * table is joined only when a filter asks about them; otherwise the trash is left out through
 * its small partial index. */
static char *
apps_sql (const SlReportFilter *filter, SelectionKind kind, const char *query)
{
  gboolean candidates = (filter->country && *filter->country) ||
                        (filter->stack && *filter->stack) ||
                        (filter->seniority && *filter->seniority);
  g_autoptr (GRegex) marker =
    g_regex_new (" \\{(from|where) (\\w+) ?(\\w*)\\}", G_REGEX_OPTIMIZE, 0, NULL);
  g_autofree char *expanded =
    g_regex_replace_eval (marker, query, -1, 0, 0, expand_apps, GINT_TO_POINTER (kind), NULL);

  return g_strconcat (
    "WITH apps AS (SELECT a.id, a.candidate_id, a.position_id, a.stage, a.start_date,"
    " a.left_at, a.reached, a.created_at FROM applications a",
    candidates ? " JOIN candidates c ON c.id = a.candidate_id WHERE c.deleted_at IS NULL"
                 " AND (?4 = '' OR c.country = ?4) AND (?5 = '' OR c.stack_id = ?5)"
                 " AND (?6 = '' OR c.seniority = ?6) AND"
               : " WHERE a.candidate_id NOT IN (SELECT id FROM candidates"
                 "  WHERE deleted_at IS NOT NULL) AND",
    " (?1 = 0 OR a.position_id = ?1) AND (?2 = 0 OR a.created_at >= ?2)"
    " AND (?3 = 0 OR a.created_at < ?3)) ",
    expanded, NULL);
}

/* Whether an application reached the stage of rank @rank (see `reached` in sl-schema.c) */
#define REACHED(rank) "((apps.reached >> " G_STRINGIFY (rank) ") & 1)"
#define RANK_OFFER 8
#define RANK_HIRED 9

/* The default pipeline, in order: what the funnel and the speed report go through */
static const char *const pipeline[] = { "sourced",  "screening", "resume-review",
                                        "pre-sell", "technical", "culture",
                                        "feedback", "offer",     "hired" };

static int
pipeline_index (const char *stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
    if (g_strcmp0 (pipeline[i], stage) == 0)
      return (int) i;
  return -1;
}

static sqlite3_stmt *
prepare (SlDatabase *db, const char *query, const SlReportFilter *filter, GError **error)
{
  g_autofree char *sql = apps_sql (filter, selection_of (db)->kind, query);
  sqlite3_stmt *stmt = sl_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->position_id);
  sqlite3_bind_int64 (stmt, 2, filter->from);
  sqlite3_bind_int64 (stmt, 3, filter->to);
  sqlite3_bind_text (stmt, 4, filter->country ? filter->country : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, filter->stack ? filter->stack : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, filter->seniority ? filter->seniority : "", -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Steps @stmt to its end; FALSE with @error set on a failure (or a cancelled query) */
static gboolean
finish (SlDatabase *db, sqlite3_stmt *stmt, int rc, GError **error)
{
  if (rc != SQLITE_DONE)
    sl_database_set_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static int forced_selection;

void
sl_report_queries_force_selection (int how)
{
  forced_selection = how;
}

/* Fills in the selection of @db's connection: the applications @filter selects */
static gboolean
select_applications (SlDatabase *db, const SlReportFilter *filter, GError **error)
{
  Selection *selection = selection_of (db);
  sqlite3_stmt *stmt;
  gint64 last = 0, selected = 0;
  int rc;

  g_clear_pointer (&selection->words, g_free);
  selection->n_words = 0;
  selection->kind = SELECTION_ALL;
  if (!(filter->country && *filter->country) && !(filter->stack && *filter->stack) &&
      !(filter->seniority && *filter->seniority) && filter->position_id <= 0 && filter->from <= 0 &&
      filter->to <= 0)
    return TRUE;

  stmt = sl_database_prepare (db, "SELECT max (id) FROM applications", error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;
  selection->n_words = (gsize) last / 64 + 1;
  selection->words = g_new0 (guint64, selection->n_words);
  stmt = prepare (db, "SELECT id FROM apps", filter, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id <= last)
        {
          selection->words[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
          selected++;
        }
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;
  selection->kind = selected < last / 8 ? SELECTION_FEW : SELECTION_MANY;
  if (forced_selection == 1)
    selection->kind = SELECTION_FEW;
  else if (forced_selection == 2)
    selection->kind = SELECTION_MANY;
  return TRUE;
}

static double
rate (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
sort_values (GArray *values)
{
  if (values != NULL)
    g_array_sort (values, compare_doubles);
}

/* The @p quantile (0.5: the median) of @values, sorted (sort_values()); linear between ranks.
 * NaN for none. */
static double
quantile (GArray *values, double p)
{
  double position, below;
  guint low;

  if (values == NULL || values->len == 0)
    return NAN;
  position = p * (values->len - 1);
  low = (guint) floor (position);
  below = g_array_index (values, double, low);
  if (low + 1 >= values->len)
    return below;
  return below + (position - low) * (g_array_index (values, double, low + 1) - below);
}

static const char *
stage_label (const char *stage)
{
  return sl_vocab_label (SL_VOCAB_STAGE, stage);
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
  char *reason;
  double count;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->from);
  g_free (outcome->to);
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
  return strcmp (x->reason, y->reason);
}

/* The stages reached and the months, from one pass over the applications */
static gboolean
funnel_stages (SlDatabase *db, SlReportTable *stages, SlReportTable *months,
               const SlReportFilter *filter, GError **error)
{
  double reached[G_N_ELEMENTS (pipeline)] = { 0 };
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (MonthCount));
  g_autoptr (GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt = prepare (db, "SELECT created_at, reached FROM apps", filter, error);
  gint64 last_day = G_MININT64;
  MonthCount *count = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 created = sqlite3_column_int64 (stmt, 0);
      gint64 day = (created >= 0 ? created : created - 86399) / 86400;
      guint64 bits = (guint64) sqlite3_column_int64 (stmt, 1);

      /* The stages of the default pipeline are ranks 1 to 9 */
      for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
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
  if (!finish (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
    {
      guint row = sl_report_table_add_row (stages);

      sl_report_table_set_text (stages, row, 0, stage_label (pipeline[i]));
      sl_report_table_set_number (stages, row, 1, reached[i]);
      if (i + 1 < G_N_ELEMENTS (pipeline))
        sl_report_table_set_number (stages, row, 2, rate (reached[i + 1], reached[i]));
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
 * stage_events_ended), by the reason chosen from the list: the details typed after its dash
 * would give every rejection a row of its own */
static gboolean
funnel_outcomes (SlDatabase *db, SlReportTable *outcomes, const SlReportFilter *filter,
                 GError **error)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (outcome_free);
  sqlite3_stmt *stmt =
    prepare (db,
             "SELECT e.from_stage, e.to_stage, coalesce (e.reason, ''), count (*),"
             " (SELECT rank FROM stages WHERE id = e.from_stage)"
             " FROM" APPS_FROM (
               "stage_events e") " WHERE e.until_at IS NULL"
                                 " AND e.to_stage IN ('rejected', 'withdrawn') AND" APPS_WHERE (
                                   "e") " GROUP BY 1, 2, 3",
             filter, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *from = sl_store_column_text (stmt, 0), *to = sl_store_column_text (stmt, 1);
      const char *reason = sl_store_column_text (stmt, 2), *dash = strstr (reason, " — ");
      g_autofree char *chosen =
        g_strndup (reason, dash ? (gsize) (dash - reason) : strlen (reason));
      g_autofree char *key = g_strjoin ("\x1f", from, to, chosen, NULL);
      Outcome *outcome = g_hash_table_lookup (groups, key);

      if (outcome == NULL)
        {
          outcome = g_new0 (Outcome, 1);
          outcome->rank = sqlite3_column_int (stmt, 4);
          outcome->from = g_strdup (from);
          outcome->to = g_strdup (to);
          outcome->reason = g_steal_pointer (&chosen);
          g_ptr_array_add (rows, outcome);
          g_hash_table_insert (groups, g_steal_pointer (&key), outcome);
        }
      outcome->count += (double) sqlite3_column_int64 (stmt, 3);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;
  g_ptr_array_sort (rows, compare_outcomes);
  for (guint i = 0; i < rows->len; i++)
    {
      Outcome *outcome = rows->pdata[i];
      guint row = sl_report_table_add_row (outcomes);

      sl_report_table_set_text (outcomes, row, 0, stage_label (outcome->from));
      sl_report_table_set_text (outcomes, row, 1, stage_label (outcome->to));
      sl_report_table_set_text (outcomes, row, 2, outcome->reason);
      sl_report_table_set_number (outcomes, row, 3, outcome->count);
    }
  return TRUE;
}

static gboolean
funnel (SlDatabase *db, SlReport *report, const SlReportFilter *filter, GError **error)
{
  SlReportTable *stages =
    sl_report_table_new (_ ("Applications at each stage"), SL_REPORT_CHART_FUNNEL, 1);
  SlReportTable *outcomes =
    sl_report_table_new (_ ("Rejections and withdrawals"), SL_REPORT_CHART_NONE, 0);
  SlReportTable *months =
    sl_report_table_new (_ ("Applications by month"), SL_REPORT_CHART_BARS, 1);

  sl_report_add_table (report, stages);
  sl_report_add_table (report, months);
  sl_report_add_table (report, outcomes);
  sl_report_table_add_column (stages, _ ("Stage"), SL_REPORT_TEXT);
  sl_report_table_add_column (stages, _ ("Reached"), SL_REPORT_COUNT);
  sl_report_table_add_column (stages, _ ("Passed to the next stage"), SL_REPORT_RATE);
  /* Over time: the applications made each month (UTC), and how many of them were hired */
  sl_report_table_add_column (months, _ ("Month"), SL_REPORT_TEXT);
  sl_report_table_add_column (months, _ ("Applications"), SL_REPORT_COUNT);
  sl_report_table_add_column (months, _ ("Hires"), SL_REPORT_COUNT);
  sl_report_table_add_column (outcomes, _ ("Stage"), SL_REPORT_TEXT);
  sl_report_table_add_column (outcomes, _ ("Outcome"), SL_REPORT_TEXT);
  sl_report_table_add_column (outcomes, _ ("Reason"), SL_REPORT_TEXT);
  sl_report_table_add_column (outcomes, _ ("Applications"), SL_REPORT_COUNT);
  return funnel_stages (db, stages, months, filter, error) &&
         funnel_outcomes (db, outcomes, filter, error);
}

/* Speed */

static void
add_durations_row (SlReportTable *table, const char *label, GArray *days)
{
  guint row = sl_report_table_add_row (table);

  sort_values (days);
  sl_report_table_set_text (table, row, 0, label);
  sl_report_table_set_number (table, row, 1, days ? (double) days->len : 0);
  sl_report_table_set_number (table, row, 2, quantile (days, 0.5));
  sl_report_table_set_number (table, row, 3, quantile (days, 0.9));
}

static void
add_duration_columns (SlReportTable *table, const char *first, const char *count)
{
  sl_report_table_add_column (table, first, SL_REPORT_TEXT);
  sl_report_table_add_column (table, count, SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Median"), SL_REPORT_DAYS);
  sl_report_table_add_column (table, _ ("90th percentile"), SL_REPORT_DAYS);
}

static gboolean
speed (SlDatabase *db, SlReport *report, const SlReportFilter *filter, GError **error)
{
  SlReportTable *stages = sl_report_table_new (_ ("Time in each stage"), SL_REPORT_CHART_BARS, 2);
  SlReportTable *hire = sl_report_table_new (_ ("Time to hire"), SL_REPORT_CHART_NONE, 0);
  GArray *days[G_N_ELEMENTS (pipeline)] = { NULL };
  g_autoptr (GArray) to_hire = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  sl_report_add_table (report, stages);
  sl_report_add_table (report, hire);
  add_duration_columns (stages, _ ("Stage"), _ ("Applications"));
  add_duration_columns (hire, _ ("From first stage to Hired"), _ ("Hires"));
  for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
    days[i] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Each stage event that was moved on from, and for how long */
  stmt = prepare (db,
                  "SELECT e.to_stage, e.until_at - e.at FROM" APPS_FROM (
                    "stage_events e") " WHERE e.until_at IS NOT NULL AND" APPS_WHERE ("e"),
                  filter, error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = pipeline_index (sl_store_column_text (stmt, 0));
      double value = (double) sqlite3_column_int64 (stmt, 1) / DAY;

      if (index >= 0)
        g_array_append_val (days[index], value);
    }
  if (!finish (db, stmt, rc, error))
    goto out;
  /* Hired is where a hire stays: no time in it to measure */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (pipeline); i++)
    add_durations_row (stages, stage_label (pipeline[i]), days[i]);

  stmt = prepare (db,
                  "SELECT h.at - (SELECT min (f.at) FROM stage_events f"
                  "  WHERE f.application_id = apps.id)"
                  " FROM apps JOIN stage_events h ON h.application_id = apps.id"
                  " AND h.to_stage = 'hired' WHERE " REACHED (9),
                  filter, error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double value = (double) sqlite3_column_int64 (stmt, 0) / DAY;
      g_array_append_val (to_hire, value);
    }
  if (!finish (db, stmt, rc, error))
    goto out;
  add_durations_row (hire, _ ("Time to hire"), to_hire);
  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (pipeline); i++)
    g_array_unref (days[i]);
  return ok;
}

/* Sources, the breakdowns and the offers: one pass over the applications gives each one's
 * candidate, position, source, country, stack, seniority and employment type and whether it
 * had an interview, an offer, a hire or a declined offer; C adds them up per value. An offer
 * is declined when the application ended rejected or withdrawn from Offer: one reopened and
 * hired since is accepted, not both. */

enum
{
  FACT_CANDIDATE,
  FACT_APPLICATION,
  FACT_SOURCE,
  FACT_COUNTRY,
  FACT_STACK,
  FACT_SENIORITY,
  FACT_EMPLOYMENT,
  FACT_TITLE, /* the position's id, as text */
  FACT_OFFER,
  FACT_HIRED,
  FACT_DECLINED,
  FACT_LABEL, /* the position's title and client */
};

/* One application's row of the pass, read once for all the tallies */
typedef struct
{
  sqlite3_stmt *stmt;
  gint64 candidate;
  gboolean interviewed;
  gboolean offer;
  gboolean hired;
  gboolean declined;
} Facts;

/* What a candidate reached in any of their applications, for the tables that count people */
#define MET_INTERVIEW 1
#define MET_OFFER 2
#define MET_HIRE 4

typedef struct
{
  char *value; /* the id (or text) grouped by */
  char *label; /* for positions: what the row says */
  double applications;
  GHashTable *candidates; /* candidate id → MET_… of their applications in the group */
  double interviewed;
  double offers;
  double hires;
  double declined;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->value);
  g_free (group->label);
  g_clear_pointer (&group->candidates, g_hash_table_unref);
  g_free (group);
}

typedef struct
{
  int column;         /* FACT_… */
  GHashTable *groups; /* value → Group */
  gboolean people;    /* count candidates too */
  Group *last;        /* the previous row's: a candidate's applications come together */
} Tally;

static void
tally_add (Tally *tally, const Facts *facts)
{
  const char *value = sl_store_column_text (facts->stmt, tally->column);
  Group *group = tally->last;

  if (group == NULL || strcmp (group->value, value) != 0)
    group = g_hash_table_lookup (tally->groups, value);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->value = g_strdup (value);
      group->label = g_strdup (sl_store_column_text (facts->stmt, FACT_LABEL));
      group->candidates = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (tally->groups, group->value, group);
    }
  tally->last = group;
  group->applications++;
  /* Only the sources count people; the ids fit in a pointer, so nothing is allocated */
  if (tally->people)
    {
      gpointer candidate = GSIZE_TO_POINTER (facts->candidate);
      guint met = GPOINTER_TO_UINT (g_hash_table_lookup (group->candidates, candidate));

      met |= (facts->interviewed ? MET_INTERVIEW : 0) | (facts->offer ? MET_OFFER : 0) |
             (facts->hired ? MET_HIRE : 0);
      g_hash_table_insert (group->candidates, candidate, GUINT_TO_POINTER (met | 8));
    }
  group->interviewed += facts->interviewed;
  group->offers += facts->offer;
  group->hires += facts->hired;
  group->declined += facts->declined;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The applications with an interview held by @now, sorted: one read of the interviews instead
 * of a lookup in them for each application */
static GArray *
interviewed_applications (SlDatabase *db, gint64 now, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt =
    sl_database_prepare (db, "SELECT application_id FROM interviews WHERE +starts_at <= ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!finish (db, stmt, rc, error))
    return NULL;
  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

static gboolean
tally (SlDatabase *db, const SlReportFilter *filter, gint64 now, Tally *tallies, guint n_tallies,
       GError **error)
{
  g_autoptr (GArray) interviewed = interviewed_applications (db, now, error);
  /* Declined: the application ended rejected or withdrawn from Offer (stage_events_ended) */
  sqlite3_stmt *stmt =
    interviewed == NULL
      ? NULL
      : prepare (
          db,
          "SELECT apps.candidate_id, apps.id, c.source, c.country, coalesce (s.name, ''),"
          " coalesce (c.seniority, ''), coalesce (p.employment_type, ''), p.id,"
          " " REACHED (8) ", " REACHED (
            9) ","
               " apps.id IN (SELECT d.application_id FROM stage_events d WHERE d.until_at IS NULL"
               "  AND d.to_stage IN ('rejected', 'withdrawn') AND d.from_stage = 'offer'),"
               " p.title || CASE WHEN p.client <> '' THEN ' · ' || p.client ELSE '' END"
               " FROM apps JOIN candidates c ON c.id = apps.candidate_id"
               " JOIN positions p ON p.id = apps.position_id LEFT JOIN stacks s ON s.id = c.stack_id",
          filter, error);
  Facts facts = { stmt, 0, FALSE, FALSE, FALSE, FALSE };
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_tallies; i++)
    tallies[i].groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 application = sqlite3_column_int64 (stmt, FACT_APPLICATION);

      facts.candidate = sqlite3_column_int64 (stmt, FACT_CANDIDATE);
      facts.interviewed = bsearch (&application, interviewed->data, interviewed->len,
                                   sizeof (gint64), compare_ids) != NULL;
      facts.offer = sqlite3_column_int (stmt, FACT_OFFER);
      facts.hired = sqlite3_column_int (stmt, FACT_HIRED);
      facts.declined = sqlite3_column_int (stmt, FACT_DECLINED);
      for (guint i = 0; i < n_tallies; i++)
        tally_add (&tallies[i], &facts);
    }
  return finish (db, stmt, rc, error);
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const Group *x = *(Group *const *) a, *y = *(Group *const *) b;

  if (x->applications != y->applications)
    return x->applications > y->applications ? -1 : 1;
  return g_strcmp0 (x->value, y->value);
}

/* The groups, most applications first */
static GPtrArray *
sorted_groups (Tally *tally)
{
  GPtrArray *groups = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer group;

  g_hash_table_iter_init (&iter, tally->groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    g_ptr_array_add (groups, group);
  g_ptr_array_sort (groups, compare_groups);
  return groups;
}

typedef const char *(*LabelFunc) (const char *id);

static const char *
source_label (const char *id)
{
  return *id ? sl_vocab_label (SL_VOCAB_SOURCE, id) : _ ("Not recorded");
}

static const char *
country_label (const char *id)
{
  return *id ? sl_countries_name (id) : _ ("Not recorded");
}

static const char *
seniority_label (const char *id)
{
  return *id ? sl_vocab_label (SL_VOCAB_SENIORITY, id) : _ ("Not recorded");
}

static const char *
employment_label (const char *id)
{
  return *id ? sl_vocab_label (SL_VOCAB_EMPLOYMENT, id) : _ ("Not recorded");
}

static const char *
plain_label (const char *id)
{
  return *id ? id : _ ("Not recorded");
}

/* One row per value: applications (or candidates, for sources), those with an interview, an
 * offer, a hire, and the share hired */
static void
milestones_table (SlReport *report, Tally *tally, const char *title, const char *value_title,
                  LabelFunc label, gboolean candidates)
{
  SlReportTable *table = sl_report_table_new (title, SL_REPORT_CHART_BARS, 1);
  g_autoptr (GPtrArray) groups = sorted_groups (tally);

  sl_report_add_table (report, table);
  sl_report_table_add_column (table, value_title, SL_REPORT_TEXT);
  sl_report_table_add_column (table, candidates ? _ ("Candidates") : _ ("Applications"),
                              SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Interviewed"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Offers"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Hires"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Hired"), SL_REPORT_RATE);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      double total = group->applications, interviewed = group->interviewed, offers = group->offers,
             hires = group->hires;
      guint row = sl_report_table_add_row (table);

      /* Counting people, every column counts people: those with an application that got there */
      if (candidates)
        {
          GHashTableIter iter;
          gpointer met;

          total = interviewed = offers = hires = 0;
          g_hash_table_iter_init (&iter, group->candidates);
          while (g_hash_table_iter_next (&iter, NULL, &met))
            {
              total++;
              interviewed += (GPOINTER_TO_UINT (met) & MET_INTERVIEW) != 0;
              offers += (GPOINTER_TO_UINT (met) & MET_OFFER) != 0;
              hires += (GPOINTER_TO_UINT (met) & MET_HIRE) != 0;
            }
        }
      sl_report_table_set_text (table, row, 0, label (group->value));
      sl_report_table_set_number (table, row, 1, total);
      sl_report_table_set_number (table, row, 2, interviewed);
      sl_report_table_set_number (table, row, 3, offers);
      sl_report_table_set_number (table, row, 4, hires);
      sl_report_table_set_number (table, row, 5, rate (hires, total));
    }
}

static void
tallies_clear (Tally *tallies, guint n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&tallies[i].groups, g_hash_table_unref);
}

/* The one pass the sources, breakdown and offers reports share: one tally per column */
enum
{
  TALLY_SOURCE,
  TALLY_COUNTRY,
  TALLY_STACK,
  TALLY_SENIORITY,
  TALLY_EMPLOYMENT,
  TALLY_TITLE,
  N_TALLIES
};

static gboolean
tally_all (SlDatabase *db, const SlReportFilter *filter, gint64 now, Tally *tallies, GError **error)
{
  static const int columns[N_TALLIES] = { FACT_SOURCE,    FACT_COUNTRY,    FACT_STACK,
                                          FACT_SENIORITY, FACT_EMPLOYMENT, FACT_TITLE };

  for (guint i = 0; i < N_TALLIES; i++)
    {
      tallies[i].column = columns[i];
      tallies[i].people = i == TALLY_SOURCE;
    }
  return tally (db, filter, now, tallies, N_TALLIES, error);
}

static void
sources_tables (SlReport *report, Tally *tallies)
{
  milestones_table (report, &tallies[TALLY_SOURCE], _ ("Candidates by source"), _ ("Source"),
                    source_label, TRUE);
}

static void
breakdown_tables (SlReport *report, Tally *tallies)
{
  milestones_table (report, &tallies[TALLY_COUNTRY], _ ("By country"), _ ("Country"), country_label,
                    FALSE);
  milestones_table (report, &tallies[TALLY_STACK], _ ("By stack"), _ ("Stack"), plain_label, FALSE);
  milestones_table (report, &tallies[TALLY_SENIORITY], _ ("By seniority"), _ ("Seniority"),
                    seniority_label, FALSE);
  milestones_table (report, &tallies[TALLY_EMPLOYMENT], _ ("By employment type"),
                    _ ("Employment type"), employment_label, FALSE);
}

/* Offers */

static void
offers_tables (SlReport *report, Tally *tallies)
{
  SlReportTable *totals = sl_report_table_new (_ ("Offers"), SL_REPORT_CHART_BARS, 1);
  SlReportTable *acceptance = sl_report_table_new (_ ("Acceptance rate"), SL_REPORT_CHART_NONE, 0);
  SlReportTable *by_position =
    sl_report_table_new (_ ("Offers by position"), SL_REPORT_CHART_NONE, 0);
  const char *labels[] = { _ ("Made"), _ ("Accepted"), _ ("Declined"), _ ("Still open") };
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GHashTable) labels_seen = g_hash_table_new (g_str_hash, g_str_equal);
  double made = 0, accepted = 0, declined = 0;
  guint row;

  sl_report_add_table (report, totals);
  sl_report_add_table (report, acceptance);
  sl_report_add_table (report, by_position);
  sl_report_table_add_column (totals, _ ("Offers"), SL_REPORT_TEXT);
  sl_report_table_add_column (totals, _ ("Applications"), SL_REPORT_COUNT);
  sl_report_table_add_column (totals, _ ("Share of offers"), SL_REPORT_RATE);
  sl_report_table_add_column (acceptance, _ ("Offers"), SL_REPORT_TEXT);
  sl_report_table_add_column (acceptance, _ ("Acceptance rate"), SL_REPORT_RATE);
  sl_report_table_add_column (by_position, _ ("Position"), SL_REPORT_TEXT);
  sl_report_table_add_column (by_position, _ ("Made"), SL_REPORT_COUNT);
  sl_report_table_add_column (by_position, _ ("Accepted"), SL_REPORT_COUNT);
  sl_report_table_add_column (by_position, _ ("Declined"), SL_REPORT_COUNT);
  sl_report_table_add_column (by_position, _ ("Acceptance rate"), SL_REPORT_RATE);
  groups = sorted_groups (&tallies[TALLY_TITLE]);
  /* Two positions of the same title and client are told apart by their ids */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (labels_seen, group->label));

      g_hash_table_insert (labels_seen, group->label, GUINT_TO_POINTER (seen + 1));
    }
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      g_autofree char *label = NULL;

      if (group->offers == 0)
        continue;
      made += group->offers;
      accepted += group->hires;
      declined += group->declined;
      label = GPOINTER_TO_UINT (g_hash_table_lookup (labels_seen, group->label)) > 1
                ? g_strdup_printf ("%s (#%s)", group->label, group->value)
                : g_strdup (group->label);
      row = sl_report_table_add_row (by_position);
      sl_report_table_set_text (by_position, row, 0, label);
      sl_report_table_set_number (by_position, row, 1, group->offers);
      sl_report_table_set_number (by_position, row, 2, group->hires);
      sl_report_table_set_number (by_position, row, 3, group->declined);
      sl_report_table_set_number (by_position, row, 4,
                                  rate (group->hires, group->hires + group->declined));
    }
  {
    double values[] = { made, accepted, declined, made - accepted - declined };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        row = sl_report_table_add_row (totals);
        sl_report_table_set_text (totals, row, 0, labels[i]);
        sl_report_table_set_number (totals, row, 1, values[i]);
        sl_report_table_set_number (totals, row, 2, rate (values[i], made));
      }
  }
  /* A rate is no bar among counts: it has its own table */
  row = sl_report_table_add_row (acceptance);
  sl_report_table_set_text (acceptance, row, 0, _ ("All positions"));
  sl_report_table_set_number (acceptance, row, 1, rate (accepted, accepted + declined));
}

static gboolean
uses_tally (SlReportKind kind)
{
  return kind == SL_REPORT_SOURCES || kind == SL_REPORT_BREAKDOWN || kind == SL_REPORT_OFFERS;
}

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

  g_free (interviewer->name);
  g_array_unref (interviewer->hours);
  g_free (interviewer);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  const Interviewer *x = *(Interviewer *const *) a, *y = *(Interviewer *const *) b;

  return g_utf8_collate (x->name, y->name);
}

typedef struct
{
  gint64 id;
  gint64 ends_at;
} Held;

static int
compare_held (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const Held *) a)->id, y = ((const Held *) b)->id;

  return x < y ? -1 : x > y;
}

/* When the interview @id held for the report ended, or -1 if it is not one of them */
static gint64
held_end (GArray *held, gint64 id)
{
  Held key = { id, 0 };
  const Held *found = bsearch (&key, held->data, held->len, sizeof (Held), compare_held);

  return found ? found->ends_at : -1;
}

static Interviewer *
interviewer_for (GHashTable *people, gint64 id)
{
  Interviewer *person = g_hash_table_lookup (people, &id);

  if (person == NULL)
    {
      person = g_new0 (Interviewer, 1);
      person->id = id;
      person->hours = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (people, &person->id, person);
    }
  return person;
}

/* Three reads in the order the tables are stored, put together here: the interviews held, who
 * was on each, and the scorecards submitted. (A join would look up an interview and a scorecard
 * for each of a quarter of a million interviewers, at twice the time.) A scorecard's interviewer
 * is always on its interview: taking someone off an interview removes their scorecard. */
static gboolean
interviewers (SlDatabase *db, SlReport *report, const SlReportFilter *filter, gint64 now,
              GError **error)
{
  SlReportTable *table =
    sl_report_table_new (_ ("Interviews and scorecards per interviewer"), SL_REPORT_CHART_BARS, 1);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) by_id =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, interviewer_free);
  g_autoptr (GArray) held = g_array_new (FALSE, FALSE, sizeof (Held));
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  int rc;

  sl_report_add_table (report, table);
  sl_report_table_add_column (table, _ ("Interviewer"), SL_REPORT_TEXT);
  sl_report_table_add_column (table, _ ("Interviews held"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Scorecards submitted"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Submitted within a day"), SL_REPORT_RATE);
  sl_report_table_add_column (table, _ ("Median time to submit"), SL_REPORT_HOURS);
  /* The interviews held by now, and when each ended */
  stmt = prepare (db,
                  "SELECT i.id, i.starts_at + i.duration_min * 60 FROM" APPS_FROM (
                    "interviews i") " WHERE +i.starts_at <= ?7 AND" APPS_WHERE ("i"),
                  filter, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 7, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Held interview = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (held, interview);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;
  g_array_sort (held, compare_held);

  stmt =
    sl_database_prepare (db, "SELECT interview_id, member_id FROM interview_interviewers", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (held_end (held, sqlite3_column_int64 (stmt, 0)) >= 0)
      interviewer_for (by_id, sqlite3_column_int64 (stmt, 1))->interviews++;
  if (!finish (db, stmt, rc, error))
    return FALSE;

  stmt = sl_database_prepare (db,
                              "SELECT interview_id, member_id, submitted_at FROM scorecards"
                              " WHERE submitted_at IS NOT NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ends_at = held_end (held, sqlite3_column_int64 (stmt, 0));
      Interviewer *person;
      double hours;

      if (ends_at < 0)
        continue;
      person = interviewer_for (by_id, sqlite3_column_int64 (stmt, 1));
      /* Counted from the interview's end; filled in during it, that is no time at all */
      hours = MAX (0.0, (double) (sqlite3_column_int64 (stmt, 2) - ends_at) / HOUR);
      person->submitted++;
      if (hours <= 24)
        person->on_time++;
      g_array_append_val (person->hours, hours);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;
  people = g_ptr_array_new_with_free_func (interviewer_free);
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (people, value);
      g_hash_table_iter_steal (&iter);
    }

  /* By name: the few team members' names, once */
  stmt = sl_database_prepare (db, "SELECT name FROM team_members WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      Interviewer *person = people->pdata[i];

      sqlite3_bind_int64 (stmt, 1, person->id);
      person->name =
        g_strdup (sqlite3_step (stmt) == SQLITE_ROW ? sl_store_column_text (stmt, 0) : "");
      sqlite3_reset (stmt);
    }
  g_ptr_array_sort (people, compare_names);
  for (guint i = 0; i < people->len; i++)
    {
      Interviewer *person = people->pdata[i];
      guint row = sl_report_table_add_row (table);

      sl_report_table_set_text (table, row, 0, person->name);
      sl_report_table_set_number (table, row, 1, person->interviews);
      sl_report_table_set_number (table, row, 2, person->submitted);
      sl_report_table_set_number (table, row, 3, rate (person->on_time, person->interviews));
      sort_values (person->hours);
      sl_report_table_set_number (table, row, 4, quantile (person->hours, 0.5));
    }
  return TRUE;
}

/* Retention */

static gboolean
retention (SlDatabase *db, SlReport *report, const SlReportFilter *filter, gint64 now,
           GError **error)
{
  SlReportTable *table = sl_report_table_new (_ ("Hires still there"), SL_REPORT_CHART_BARS, 3);
  static const int months[] = { 3, 6, 12 };

  sl_report_add_table (report, table);
  sl_report_table_add_column (table, _ ("After"), SL_REPORT_TEXT);
  sl_report_table_add_column (table, _ ("Hires long enough ago"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Still there"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, _ ("Retained"), SL_REPORT_RATE);
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *modifier = g_strdup_printf ("+%d months", months[i]);
      g_autofree char *label = NULL;
      sqlite3_stmt *stmt =
        prepare (db,
                 "SELECT count (*), sum (apps.left_at IS NULL"
                 "  OR apps.left_at >= date (apps.start_date, ?7))"
                 " FROM apps WHERE apps.stage = 'hired' AND apps.start_date IS NOT NULL"
                 " AND date (apps.start_date, ?7) <= date (?8, 'unixepoch')",
                 filter, error);
      guint row;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 7, modifier, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 8, now);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return finish (db, stmt, rc, error);
      row = sl_report_table_add_row (table);
      label = g_strdup_printf (ngettext ("%d month", "%d months", months[i]), months[i]);
      sl_report_table_set_text (table, row, 0, label);
      sl_report_table_set_number (table, row, 1, (double) sqlite3_column_int64 (stmt, 0));
      sl_report_table_set_number (table, row, 2, (double) sqlite3_column_int64 (stmt, 1));
      sl_report_table_set_number (
        table, row, 3,
        rate ((double) sqlite3_column_int64 (stmt, 1), (double) sqlite3_column_int64 (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Fills in @reports (each made with its kind) through @db. The sources, breakdown and offers
 * reports among them share one pass over the applications. */
gboolean
sl_report_queries_run_many (SlDatabase *db, SlReport *const *reports, guint n,
                            const SlReportFilter *filter, gint64 now, GError **error)
{
  Tally tallies[N_TALLIES] = { { 0, NULL } };
  gboolean tallied = FALSE, ok = TRUE;

  if (!select_applications (db, filter, error))
    return FALSE;

  for (guint i = 0; ok && i < n; i++)
    {
      SlReport *report = reports[i];

      if (uses_tally (sl_report_get_kind (report)) && !tallied)
        {
          ok = tally_all (db, filter, now, tallies, error);
          tallied = TRUE;
          if (!ok)
            break;
        }
      switch (sl_report_get_kind (report))
        {
        case SL_REPORT_FUNNEL:
          ok = funnel (db, report, filter, error);
          break;
        case SL_REPORT_SPEED:
          ok = speed (db, report, filter, error);
          break;
        case SL_REPORT_SOURCES:
          sources_tables (report, tallies);
          break;
        case SL_REPORT_BREAKDOWN:
          breakdown_tables (report, tallies);
          break;
        case SL_REPORT_OFFERS:
          offers_tables (report, tallies);
          break;
        case SL_REPORT_INTERVIEWERS:
          ok = interviewers (db, report, filter, now, error);
          break;
        case SL_REPORT_RETENTION:
          ok = retention (db, report, filter, now, error);
          break;
        case SL_N_REPORTS:
        default:
          g_return_val_if_reached (FALSE);
        }
    }
  tallies_clear (tallies, N_TALLIES);
  return ok;
}

gboolean
sl_report_queries_run (SlDatabase *db, SlReport *report, const SlReportFilter *filter, gint64 now,
                       GError **error)
{
  return sl_report_queries_run_many (db, &report, 1, filter, now, error);
}
