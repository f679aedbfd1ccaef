/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
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
 *   declined when it ended withdrawn from Offer (the candidate said no); rescinded when it
 *   ended rejected from Offer (the company did). One reopened since is neither. The
 *   acceptance rate is accepted / (accepted + declined).
 * - A scorecard is on time when it is submitted within a day of the interview's end.
 * - Retention after N months counts the hires whose start date is at least N months ago;
 *   those still there have no leaving date, or one at least N months after the start.
 *
 * This file has what the reports share and runs them; the reports themselves are in
 * sl-report-pipeline.c (funnel, speed), sl-report-tally.c (sources, breakdowns, offers) and
 * sl-report-people.c (interviewers, retention).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "sl-report-queries-private.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

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
  gboolean asked; /* sl_report_selected() is registered on the connection */
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
    word = selection->words[id / 64] >> (id % 64);
  sqlite3_result_int (context, (int) (word & 1));
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
      /* The team database's server cannot call back: its selection is always looked up first */
      selection->asked = !sl_database_is_team (db) &&
                         sqlite3_create_function_v2 (
                           sl_database_get_handle (db), "sl_report_selected", 1, SQLITE_UTF8,
                           selection, selected_cb, NULL, NULL, NULL) == SQLITE_OK;
    }
  return selection;
}

/* A table of rows with an application_id, limited to the applications the filter selects:
 * APPS_FROM ("table alias") in FROM and APPS_WHERE ("alias") among the conditions.
 * - Without a filter, the table is read whole and the applications of the trash, a small set,
 *   are left out.
 * - When the filter selects few applications, they come first and their rows are looked up
 *   (CROSS JOIN keeps that order: without statistics SQLite would rather read the whole table
 *   and look up an application for each row; PostgreSQL plans it as any join).
 * - Otherwise the table is read whole and each row's application looked up in the bits of the
 *   selection, far quicker than in SQLite's own list of a quarter of a million. */

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
        g_string_append_printf (out, " apps CROSS JOIN %s %s", table, alias);
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
      g_string_append_printf (out, " %s.application_id = apps.id", table);
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
  static GRegex *marker;
  g_autofree char *expanded = NULL;

  if (g_once_init_enter (&marker))
    g_once_init_leave (
      &marker, g_regex_new (" \\{(from|where) (\\w+) ?(\\w*)\\}", G_REGEX_OPTIMIZE, 0, NULL));
  expanded =
    g_regex_replace_eval (marker, query, -1, 0, 0, expand_apps, GINT_TO_POINTER (kind), NULL);

  return g_strconcat (
    "WITH apps AS (SELECT a.id, a.candidate_id, a.position_id, a.stage, a.start_date,"
    " a.left_at, a.reached, a.created_at FROM applications a",
    candidates ? " JOIN candidates c ON c.id = a.candidate_id WHERE c.deleted_at IS NULL"
                 " AND (?4 = '' OR c.country = ?4) AND (?5 = '' OR c.stack_id = ?5)"
                 " AND (?6 = '' OR c.seniority = ?6) AND"
               : " WHERE a.candidate_id NOT IN (SELECT id FROM candidates"
                 "  WHERE deleted_at IS NOT NULL) AND",
    /* Each parameter's first use says its type to PostgreSQL: a time, not a small number */
    " (a.position_id = ?1 OR ?1 = 0) AND (a.created_at >= ?2 OR ?2 = 0)"
    " AND (a.created_at < ?3 OR ?3 = 0)) ",
    expanded, NULL);
}

const char *const sl_report_pipeline[SL_REPORT_PIPELINE_LENGTH] = {
  "sourced", "screening", "resume-review", "pre-sell", "technical",
  "culture", "feedback",  "offer",         "hired"
};

/* As sl_report_prepare(), for a query the two dialects write differently */
SlStmt *
sl_report_prepare_dialect (SlDatabase *db, const char *sqlite_query, const char *postgresql_query,
                           const SlReportFilter *filter, GError **error)
{
  return sl_report_prepare (db, sl_database_is_team (db) ? postgresql_query : sqlite_query, filter,
                            error);
}

SlStmt *
sl_report_prepare (SlDatabase *db, const char *query, const SlReportFilter *filter, GError **error)
{
  g_autofree char *sql = apps_sql (filter, selection_of (db)->kind, query);
  SlStmt *stmt = sl_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, filter->position_id);
  sl_stmt_bind_int64 (stmt, 2, filter->from);
  sl_stmt_bind_int64 (stmt, 3, filter->to);
  sl_stmt_bind_text (stmt, 4, filter->country ? filter->country : "");
  sl_stmt_bind_text (stmt, 5, filter->stack ? filter->stack : "");
  sl_stmt_bind_text (stmt, 6, filter->seniority ? filter->seniority : "");
  return stmt;
}

/* Steps @stmt to its end; FALSE with @error set on a failure (or a cancelled query) */
gboolean
sl_report_finish (SlDatabase *db, SlStmt *stmt, int rc, GError **error)
{
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_DONE;
}

/* The highest id in @table (0 if it is empty), for arrays indexed by id; @table is one of
 * Shortlist's own table names, never input */
gboolean
sl_report_max_id (SlDatabase *db, const char *table, gint64 *max_id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max (id) FROM %s", table);
  SlStmt *stmt = sl_database_prepare (db, sql, error);
  int rc;

  *max_id = 0;
  if (stmt == NULL)
    return FALSE;
  if ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      *max_id = MAX (0, sl_stmt_column_int64 (stmt, 0));
      rc = sl_stmt_step (stmt);
    }
  return sl_report_finish (db, stmt, rc, error);
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
  SlStmt *stmt;
  gint64 last = 0, selected = 0;
  int rc;

  g_clear_pointer (&selection->words, g_free);
  selection->n_words = 0;
  selection->kind = SELECTION_ALL;
  if (!(filter->country && *filter->country) && !(filter->stack && *filter->stack) &&
      !(filter->seniority && *filter->seniority) && filter->position_id <= 0 && filter->from <= 0 &&
      filter->to <= 0)
    return TRUE;

  if (!sl_report_max_id (db, "applications", &last, error))
    return FALSE;
  /* Ids too far apart for bits (past two thousand million), or no way to ask about them: the
   * applications selected are looked up first, however many */
  if (last > G_MAXINT32 || !selection->asked)
    {
      selection->kind = SELECTION_FEW;
      return TRUE;
    }
  selection->n_words = (gsize) MAX (last, 0) / 64 + 1;
  selection->words = g_new0 (guint64, selection->n_words);
  stmt = sl_report_prepare (db, "SELECT id FROM apps", filter, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 id = sl_stmt_column_int64 (stmt, 0);

      if (id >= 0 && id <= last)
        {
          selection->words[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
          selected++;
        }
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return FALSE;
  selection->kind = selected < last / 8 ? SELECTION_FEW : SELECTION_MANY;
  if (forced_selection == 1)
    selection->kind = SELECTION_FEW;
  else if (forced_selection == 2)
    selection->kind = SELECTION_MANY;
  return TRUE;
}

double
sl_report_rate (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

/* The @k-th smallest (from 0) of the @n values @a, which it reorders: those before @k are no
 * greater, those after no smaller (Hoare's selection: linear on average, where sorting the
 * millions of durations of a large database took seconds) */
static double
select_kth (double *a, gssize n, gssize k)
{
  gssize low = 0, high = n - 1;

  while (low < high)
    {
      double x = a[low], y = a[low + (high - low) / 2], z = a[high];
      /* The median of three as the pivot */
      double pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
      gssize i = low, j = high;

      while (i <= j)
        {
          while (a[i] < pivot)
            i++;
          while (a[j] > pivot)
            j--;
          if (i <= j)
            {
              double swap = a[i];

              a[i++] = a[j];
              a[j--] = swap;
            }
        }
      if (k <= j)
        high = j;
      else if (k >= i)
        low = i;
      else
        return a[k];
    }
  return a[k];
}

/* The @p quantile (0.5: the median) of @values, which it reorders; linear between ranks. NaN
 * for none. */
double
sl_report_quantile (GArray *values, double p)
{
  double *a, position, below, above;
  guint low;

  if (values == NULL || values->len == 0)
    return NAN;
  a = (double *) (gpointer) values->data;
  position = p * (values->len - 1);
  low = (guint) floor (position);
  below = select_kth (a, values->len, low);
  if (low + 1 >= values->len || position == low)
    return below;
  /* The next one up is the least of those after it */
  above = a[low + 1];
  for (guint i = low + 2; i < values->len; i++)
    above = MIN (above, a[i]);
  return below + (position - low) * (above - below);
}

const char *
sl_report_stage_label (const char *stage)
{
  return sl_vocab_label (SL_VOCAB_STAGE, stage);
}

/* Fills in @reports (each made with its kind) through @db. The sources, breakdown and offers
 * reports among them share one pass over the applications. */
gboolean
sl_report_queries_run_many (SlDatabase *db, SlReport *const *reports, guint n,
                            const SlReportFilter *filter, gint64 now, GError **error)
{
  SlReportTallies *tallies = NULL;
  gboolean ok = TRUE;
  gboolean began = FALSE;

  /* One snapshot for the selection and every query of the run (on this connection) */
  if (!sl_database_in_transaction (db))
    {
      if (!sl_database_begin_read (db, error))
        return FALSE;
      began = TRUE;
    }
  ok = select_applications (db, filter, error);

  for (guint i = 0; ok && i < n; i++)
    {
      SlReport *report = reports[i];
      SlReportKind kind = sl_report_get_kind (report);

      if ((kind == SL_REPORT_SOURCES || kind == SL_REPORT_BREAKDOWN || kind == SL_REPORT_OFFERS) &&
          tallies == NULL)
        {
          tallies = sl_report_tallies_new (db, filter, now, error);
          if (tallies == NULL)
            {
              ok = FALSE;
              break;
            }
        }
      switch (kind)
        {
        case SL_REPORT_FUNNEL:
          ok = sl_report_funnel (db, report, filter, error);
          break;
        case SL_REPORT_SPEED:
          ok = sl_report_speed (db, report, filter, error);
          break;
        case SL_REPORT_SOURCES:
          sl_report_tallies_sources (tallies, report);
          break;
        case SL_REPORT_BREAKDOWN:
          sl_report_tallies_breakdown (tallies, report);
          break;
        case SL_REPORT_OFFERS:
          sl_report_tallies_offers (tallies, report);
          break;
        case SL_REPORT_INTERVIEWERS:
          ok = sl_report_interviewers (db, report, filter, now, error);
          break;
        case SL_REPORT_RETENTION:
          ok = sl_report_retention (db, report, filter, now, error);
          break;
        case SL_N_REPORTS:
        default:
          g_return_val_if_reached (FALSE);
        }
    }
  sl_report_tallies_free (tallies);
  if (began)
    sl_database_exec (db, "COMMIT", NULL);
  return ok;
}

gboolean
sl_report_queries_run (SlDatabase *db, SlReport *report, const SlReportFilter *filter, gint64 now,
                       GError **error)
{
  return sl_report_queries_run_many (db, &report, 1, filter, now, error);
}
