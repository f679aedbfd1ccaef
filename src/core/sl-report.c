/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report.c — the hiring reports' tables, their kinds and filters, and running them
 *
 * A report is one or more tables of typed columns. The numbers stay numbers (a rate is a
 * fraction, a duration a number of days or hours) so each writer presents them its own way:
 * the app and the PDF in the user's language, CSV plainly, XLSX as typed cells. The queries
 * themselves are in sl-report-queries.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-countries.h"
#include "sl-report-private.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

typedef struct
{
  char *text;
  char *key; /* the stable value of a label (an id), or NULL: the text is the value */
  double number;
  gboolean missing;
  gboolean keyed; /* set by sl_report_table_set_label (): the key is the value, NULL or not */
} Cell;

typedef struct
{
  char *id;
  char *title;
  SlReportColumnType type;
  SlReportValueType value_type;
} Column;

struct _SlReportTable
{
  gatomicrefcount ref_count;
  char *id;
  char *title;
  SlReportChart chart;
  guint chart_column;
  gboolean collated;
  GArray *columns; /* Column */
  GPtrArray *rows; /* GArray of Cell each */
};

struct _SlReport
{
  gatomicrefcount ref_count;
  SlReportKind kind;
  GPtrArray *tables;
};

static const struct
{
  const char *id;
  const char *title;
} kinds[SL_N_REPORTS] = {
  [SL_REPORT_FUNNEL] = { "funnel", N_ ("Funnel") },
  [SL_REPORT_SPEED] = { "speed", N_ ("Speed") },
  [SL_REPORT_SOURCES] = { "sources", N_ ("Sources") },
  [SL_REPORT_BREAKDOWN] = { "breakdown", N_ ("Breakdowns") },
  [SL_REPORT_OFFERS] = { "offers", N_ ("Offers") },
  [SL_REPORT_INTERVIEWERS] = { "interviewers", N_ ("Interviewers") },
  [SL_REPORT_RETENTION] = { "retention", N_ ("Retention") },
};

const char *
sl_report_kind_id (SlReportKind kind)
{
  g_return_val_if_fail (kind < SL_N_REPORTS, NULL);
  return kinds[kind].id;
}

const char *
sl_report_kind_title (SlReportKind kind)
{
  g_return_val_if_fail (kind < SL_N_REPORTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].title);
}

gboolean
sl_report_kind_from_id (const char *id, SlReportKind *kind)
{
  for (guint i = 0; i < SL_N_REPORTS; i++)
    if (g_strcmp0 (kinds[i].id, id) == 0)
      {
        *kind = (SlReportKind) i;
        return TRUE;
      }
  return FALSE;
}

static void
row_free (gpointer data)
{
  GArray *row = data;

  for (guint i = 0; i < row->len; i++)
    {
      g_free (g_array_index (row, Cell, i).text);
      g_free (g_array_index (row, Cell, i).key);
    }
  g_array_unref (row);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->id);
  g_free (column->title);
}

/* Whether @id is a stable id: lower-case ASCII letters and digits in words joined by “_” */
static gboolean
is_snake_case (const char *id)
{
  if (id == NULL || !g_ascii_islower (*id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) ||
          (*p == '_' && p[1] != '_' && p[1] != '\0')))
      return FALSE;
  return TRUE;
}

SlReportTable *
sl_report_table_new (const char *id, const char *title, SlReportChart chart, guint chart_column)
{
  SlReportTable *table;

  g_return_val_if_fail (is_snake_case (id), NULL);

  table = g_new0 (SlReportTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->chart = chart;
  table->chart_column = chart_column;
  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

SlReportTable *
sl_report_table_ref (SlReportTable *table)
{
  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
sl_report_table_unref (SlReportTable *table)
{
  if (table == NULL || !g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_free (table->id);
  g_free (table->title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static const char *
unit_suffix (SlReportColumnType type)
{
  switch (type)
    {
    case SL_REPORT_RATE:
      return "_rate";
    case SL_REPORT_DAYS:
      return "_days";
    case SL_REPORT_HOURS:
      return "_hours";
    default:
      return NULL;
    }
}

/* A column of @type, its values of the type a program expects of it (see
 * SlReportValueType). @id says the unit of a rate or a duration: “median_days”. */
void
sl_report_table_add_column (SlReportTable *table, const char *id, const char *title,
                            SlReportColumnType type)
{
  Column column = { NULL, NULL, type, SL_REPORT_VALUE_NUMBER };

  g_return_if_fail (table->rows->len == 0);
  g_return_if_fail (is_snake_case (id));
  g_return_if_fail (unit_suffix (type) == NULL || g_str_has_suffix (id, unit_suffix (type)));
  for (guint i = 0; i < table->columns->len; i++)
    g_return_if_fail (!g_str_equal (g_array_index (table->columns, Column, i).id, id));

  column.id = g_strdup (id);
  column.title = g_strdup (title);
  if (type == SL_REPORT_TEXT)
    column.value_type = SL_REPORT_VALUE_STRING;
  else if (type == SL_REPORT_COUNT)
    column.value_type = SL_REPORT_VALUE_INTEGER;
  g_array_append_val (table->columns, column);
}

/* What the values of a text column are beside strings: dates, or whole numbers (each cell's
 * key, or its text, is one) */
void
sl_report_table_set_column_value_type (SlReportTable *table, guint column,
                                       SlReportValueType value_type)
{
  g_return_if_fail (column < table->columns->len);
  g_return_if_fail (g_array_index (table->columns, Column, column).type == SL_REPORT_TEXT);
  g_return_if_fail (value_type != SL_REPORT_VALUE_NUMBER);
  g_array_index (table->columns, Column, column).value_type = value_type;
}

/* The rows are in the reader's alphabetical order of their first column (people's names): a
 * writer that must not depend on the language orders them its own way */
void
sl_report_table_set_collated (SlReportTable *table, gboolean collated)
{
  table->collated = collated;
}

gboolean
sl_report_table_get_collated (SlReportTable *table)
{
  return table->collated;
}

/* A new row, every cell missing until set; returns its index */
guint
sl_report_table_add_row (SlReportTable *table)
{
  GArray *row = g_array_sized_new (FALSE, TRUE, sizeof (Cell), table->columns->len);

  g_array_set_size (row, table->columns->len);
  for (guint i = 0; i < row->len; i++)
    g_array_index (row, Cell, i).missing = TRUE;
  g_ptr_array_add (table->rows, row);
  return table->rows->len - 1;
}

static Cell *
cell (SlReportTable *table, guint row, guint column)
{
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);
  return &g_array_index ((GArray *) table->rows->pdata[row], Cell, column);
}

void
sl_report_table_set_text (SlReportTable *table, guint row, guint column, const char *text)
{
  Cell *c = cell (table, row, column);

  g_free (c->text);
  c->text = g_strdup (text ? text : "");
  g_clear_pointer (&c->key, g_free);
  c->keyed = FALSE;
  c->missing = FALSE;
}

/* A text in the reader's language (a stage, a country, “Not recorded”) and the stable value it
 * stands for: its id, or NULL for none */
void
sl_report_table_set_label (SlReportTable *table, guint row, guint column, const char *key,
                           const char *label)
{
  Cell *c = cell (table, row, column);

  g_free (c->text);
  c->text = g_strdup (label ? label : "");
  g_free (c->key);
  c->key = g_strdup (key);
  c->keyed = TRUE;
  c->missing = FALSE;
}

/* A NaN is a missing value (a rate of nothing, the median of none) */
void
sl_report_table_set_number (SlReportTable *table, guint row, guint column, double value)
{
  Cell *c = cell (table, row, column);

  c->number = value;
  c->missing = isnan (value);
}

const char *
sl_report_table_get_id (SlReportTable *table)
{
  return table->id;
}

const char *
sl_report_table_get_title (SlReportTable *table)
{
  return table->title;
}

SlReportChart
sl_report_table_get_chart (SlReportTable *table)
{
  return table->chart;
}

guint
sl_report_table_get_chart_column (SlReportTable *table)
{
  return table->chart_column;
}

guint
sl_report_table_get_n_columns (SlReportTable *table)
{
  return table->columns->len;
}

const char *
sl_report_table_get_column_id (SlReportTable *table, guint column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);
  return g_array_index (table->columns, Column, column).id;
}

const char *
sl_report_table_get_column_title (SlReportTable *table, guint column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);
  return g_array_index (table->columns, Column, column).title;
}

SlReportColumnType
sl_report_table_get_column_type (SlReportTable *table, guint column)
{
  g_return_val_if_fail (column < table->columns->len, SL_REPORT_TEXT);
  return g_array_index (table->columns, Column, column).type;
}

SlReportValueType
sl_report_table_get_column_value_type (SlReportTable *table, guint column)
{
  g_return_val_if_fail (column < table->columns->len, SL_REPORT_VALUE_STRING);
  return g_array_index (table->columns, Column, column).value_type;
}

guint
sl_report_table_get_n_rows (SlReportTable *table)
{
  return table->rows->len;
}

const char *
sl_report_table_get_text (SlReportTable *table, guint row, guint column)
{
  Cell *c = cell (table, row, column);

  return c && c->text ? c->text : "";
}

/* The stable value of a text cell, the same in every language: the id of a label, or the text
 * itself (a name, a month); NULL for a label of nothing (“Not recorded”) or a missing cell */
const char *
sl_report_table_get_key (SlReportTable *table, guint row, guint column)
{
  Cell *c = cell (table, row, column);

  if (c == NULL || c->missing)
    return NULL;
  return c->keyed ? c->key : c->text;
}

double
sl_report_table_get_number (SlReportTable *table, guint row, guint column)
{
  Cell *c = cell (table, row, column);

  return c == NULL || c->missing ? NAN : c->number;
}

gboolean
sl_report_table_is_missing (SlReportTable *table, guint row, guint column)
{
  Cell *c = cell (table, row, column);

  return c == NULL || c->missing;
}

/* A cell as the user reads it, in their language: “1 234”, “45.2 %”, “12.5 days”, “—” */
char *
sl_report_table_format (SlReportTable *table, guint row, guint column)
{
  Cell *c = cell (table, row, column);
  double value;

  if (c == NULL || c->missing)
    /* Translators: a report cell with no value (a rate of nothing, a median of none) */
    return g_strdup (C_ ("report", "—"));
  value = c->number;
  switch (sl_report_table_get_column_type (table, column))
    {
    case SL_REPORT_TEXT:
      return g_strdup (c->text ? c->text : "");
    case SL_REPORT_COUNT:
      return g_strdup_printf ("%'.0f", value);
    case SL_REPORT_RATE:
      {
        /* One decimal for every rate of a report, so that they line up and compare; what is
         * above zero but below a tenth of a per cent reads “<0.1”, not 0.0 (16 hires of 37,595) */
        gboolean tiny = value > 0 && value * 100 < 0.05;
        g_autofree char *number =
          g_strdup_printf ("%s%'.1f", tiny ? "<" : "", tiny ? 0.1 : value * 100);

        /* Translators: a rate in a report; %s is the number, such as 45.2. Put a space before
         * the sign where your language does (“45,2 %”) */
        return g_strdup_printf (C_ ("report", "%s%%"), number);
      }
    case SL_REPORT_DAYS:
      {
        g_autofree char *number = g_strdup_printf ("%'.1f", value);
        /* Translators: a duration in a report; %s is a number of days, such as 12.5 */
        return g_strdup_printf (C_ ("report", "%s d"), number);
      }
    case SL_REPORT_HOURS:
      {
        g_autofree char *number = g_strdup_printf ("%'.1f", value);
        /* Translators: a duration in a report; %s is a number of hours, such as 20.5 */
        return g_strdup_printf (C_ ("report", "%s h"), number);
      }
    default:
      return g_strdup ("");
    }
}

/* Reports */

SlReport *
sl_report_new (SlReportKind kind)
{
  SlReport *report = g_new0 (SlReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->kind = kind;
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_report_table_unref);
  return report;
}

void
sl_report_add_table (SlReport *report, SlReportTable *table)
{
  /* A table's id is unique within its report */
  for (guint t = 0; t < report->tables->len; t++)
    g_return_if_fail (!g_str_equal (sl_report_table_get_id (report->tables->pdata[t]), table->id));
  g_ptr_array_add (report->tables, table);
}

SlReport *
sl_report_ref (SlReport *report)
{
  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
sl_report_unref (SlReport *report)
{
  if (report == NULL || !g_atomic_ref_count_dec (&report->ref_count))
    return;
  g_ptr_array_unref (report->tables);
  g_free (report);
}

SlReportKind
sl_report_get_kind (SlReport *report)
{
  return report->kind;
}

const char *
sl_report_get_title (SlReport *report)
{
  return sl_report_kind_title (report->kind);
}

/* Whether any table counts anything: on an empty database, or with filters that match no
 * application, every count is zero and the charts would be bars of nothing */
gboolean
sl_report_has_data (SlReport *report)
{
  for (guint t = 0; t < report->tables->len; t++)
    {
      SlReportTable *table = report->tables->pdata[t];

      for (guint column = 0; column < table->columns->len; column++)
        {
          if (sl_report_table_get_column_type (table, column) != SL_REPORT_COUNT)
            continue;
          for (guint row = 0; row < table->rows->len; row++)
            {
              Cell *c = cell (table, row, column);

              if (!c->missing && c->number > 0)
                return TRUE;
            }
        }
    }
  return FALSE;
}

guint
sl_report_get_n_tables (SlReport *report)
{
  return report->tables->len;
}

SlReportTable *
sl_report_get_table (SlReport *report, guint index)
{
  g_return_val_if_fail (index < report->tables->len, NULL);
  return report->tables->pdata[index];
}

/* Filters */

void
sl_report_filter_clear (SlReportFilter *filter)
{
  g_clear_pointer (&filter->country, g_free);
  g_clear_pointer (&filter->stack, g_free);
  g_clear_pointer (&filter->seniority, g_free);
  filter->position_id = filter->from = filter->to = 0;
}

static char *
format_date (gint64 utc)
{
  g_autoptr (GDateTime) at = g_date_time_new_from_unix_utc (utc);

  return g_date_time_format (at, "%Y-%m-%d");
}

/* The filters in words, for the PDF's title page and the app: “Position: Senior Go
 * developer · From 2026-01-01 · Country: Poland”, or “All applications” */
char *
sl_report_filter_describe (const SlReportFilter *filter, SlDatabase *db)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (filter->position_id > 0)
    {
      SlStmt *stmt =
        sl_database_prepare (db, "SELECT title, client FROM positions WHERE id = ?", NULL);
      if (stmt != NULL)
        {
          sl_stmt_bind_int64 (stmt, 1, filter->position_id);
          if (sl_stmt_step (stmt) == SL_STMT_ROW)
            {
              /* With the client and the id: two positions may share a title */
              const char *client = sl_store_column_text (stmt, 1);
              g_autofree char *name =
                g_strdup_printf ("%s%s%s (#%" G_GINT64_FORMAT ")", sl_store_column_text (stmt, 0),
                                 *client ? " · " : "", client, filter->position_id);

              /* Translators: a report's filter */
              g_ptr_array_add (parts, g_strdup_printf (_ ("Position: %s"), name));
            }
          sl_stmt_reset (stmt);
        }
    }
  if (filter->from > 0)
    {
      g_autofree char *date = format_date (filter->from);
      /* Translators: a report's filter: applications since that date */
      g_ptr_array_add (parts, g_strdup_printf (_ ("From %s"), date));
    }
  if (filter->to > 0)
    {
      g_autofree char *date = format_date (filter->to - 1);
      /* Translators: a report's filter: applications up to that date, included */
      g_ptr_array_add (parts, g_strdup_printf (_ ("To %s"), date));
    }
  if (filter->country != NULL && *filter->country != '\0')
    /* Translators: a report's filter */
    g_ptr_array_add (parts,
                     g_strdup_printf (_ ("Country: %s"), sl_countries_name (filter->country)));
  if (filter->stack != NULL && *filter->stack != '\0')
    {
      SlStmt *stmt = sl_database_prepare (db, "SELECT name FROM stacks WHERE id = ?", NULL);
      if (stmt != NULL)
        {
          sl_stmt_bind_text (stmt, 1, filter->stack);
          /* Translators: a report's filter */
          g_ptr_array_add (parts,
                           g_strdup_printf (_ ("Stack: %s"), sl_stmt_step (stmt) == SL_STMT_ROW
                                                               ? sl_store_column_text (stmt, 0)
                                                               : filter->stack));
          sl_stmt_reset (stmt);
        }
    }
  if (filter->seniority != NULL && *filter->seniority != '\0')
    /* Translators: a report's filter */
    g_ptr_array_add (parts,
                     g_strdup_printf (_ ("Seniority: %s"),
                                      sl_vocab_label (SL_VOCAB_SENIORITY, filter->seniority)));
  if (parts->len == 0)
    return g_strdup (_ ("All applications"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Running */

SlReport *
sl_report_run (SlDatabase *db, SlReportKind kind, const SlReportFilter *filter, gint64 now,
               GCancellable *cancellable, GError **error)
{
  g_autoptr (SlReport) report = NULL;
  gboolean ok;

  g_return_val_if_fail (kind < SL_N_REPORTS, NULL);

  report = sl_report_new (kind);
  sl_database_set_cancellable (db, cancellable);
  ok = sl_report_queries_run (db, report, filter, now, error);
  sl_database_set_cancellable (db, NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

/* Several reports at once, as for an export of them all: those that share a pass over the
 * applications share it, and the work is split in two halves of about the same cost, the
 * second run on a thread of its own through a second read-only connection */

typedef struct
{
  SlDatabase *db;
  GPtrArray *reports;
  const SlReportFilter *filter;
  gint64 now;
  GCancellable *cancellable;
  gboolean ok;
  GError *error;
} Share;

static gpointer
share_run (gpointer data)
{
  Share *share = data;

  /* The second connection, opened by the caller, is this thread's while it runs */
  sl_database_set_owner (share->db, g_thread_self ());
  sl_database_set_cancellable (share->db, share->cancellable);
  share->ok =
    sl_report_queries_run_many (share->db, (SlReport *const *) share->reports->pdata,
                                share->reports->len, share->filter, share->now, &share->error);
  sl_database_set_cancellable (share->db, NULL);
  return NULL;
}

/* Roughly how long each report takes, relatively (tests/bench/shortlist-report-bench); the
 * sources, breakdown and offers share one pass, counted once */
static int
cost (SlReportKind kind)
{
  switch (kind)
    {
    case SL_REPORT_RETENTION:
      return 1;
    case SL_REPORT_FUNNEL:
    case SL_REPORT_INTERVIEWERS:
      return 2;
    case SL_REPORT_SPEED:
      return 5;
    default:
      return 6;
    }
}

static gboolean
shares_tally (SlReportKind kind)
{
  return kind == SL_REPORT_SOURCES || kind == SL_REPORT_BREAKDOWN || kind == SL_REPORT_OFFERS;
}

/* The reports of @kinds, in that order, as a GPtrArray of SlReport */
GPtrArray *
sl_report_run_many (SlDatabase *db, const SlReportKind *kinds, guint n,
                    const SlReportFilter *filter, gint64 now, GCancellable *cancellable,
                    GError **error)
{
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_report_unref);
  Share shares[2] = { { 0 } };
  g_autoptr (SlDatabase) second = NULL;
  GThread *thread = NULL;
  int loads[2] = { 0, 0 };
  int tally_share = -1;

  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (kinds[i] < SL_N_REPORTS, NULL);
      g_ptr_array_add (reports, sl_report_new (kinds[i]));
    }
  for (guint s = 0; s < 2; s++)
    {
      shares[s].reports = g_ptr_array_new ();
      shares[s].filter = filter;
      shares[s].now = now;
      shares[s].cancellable = cancellable;
    }
  /* The costliest first, each to the lighter half; the reports that share a pass, together */
  for (int wanted = 6; wanted >= 1; wanted--)
    for (guint i = 0; i < n; i++)
      {
        SlReportKind kind = kinds[i];
        int s;

        if (cost (kind) != wanted)
          continue;
        if (shares_tally (kind) && tally_share >= 0)
          s = tally_share;
        else
          {
            s = loads[1] < loads[0] ? 1 : 0;
            loads[s] += cost (kind);
            if (shares_tally (kind))
              tally_share = s;
          }
        g_ptr_array_add (shares[s].reports, reports->pdata[i]);
      }
  shares[0].db = db;
  if (shares[1].reports->len > 0)
    second = sl_database_open_reader (sl_database_get_path (db), NULL);
  if (second == NULL)
    {
      /* One connection only: the second half after the first */
      g_ptr_array_extend_and_steal (shares[0].reports, g_steal_pointer (&shares[1].reports));
      shares[1].reports = g_ptr_array_new ();
    }
  else
    {
      shares[1].db = second;
      sl_database_set_owner (second, NULL);
      thread = g_thread_new ("sl-reports", share_run, &shares[1]);
    }
  share_run (&shares[0]);
  if (thread != NULL)
    g_thread_join (thread);
  else
    shares[1].ok = TRUE;
  for (guint s = 0; s < 2; s++)
    g_ptr_array_unref (shares[s].reports);
  if (!shares[0].ok || !shares[1].ok)
    {
      GError *failure = !shares[0].ok ? shares[0].error : shares[1].error;

      g_propagate_error (error, g_steal_pointer (&failure));
      if (!shares[0].ok)
        shares[0].error = NULL;
      else
        shares[1].error = NULL;
      g_clear_error (&shares[0].error);
      g_clear_error (&shares[1].error);
      return NULL;
    }
  return g_steal_pointer (&reports);
}

typedef struct
{
  GArray *kinds;
  SlReportFilter filter;
  gint64 now;
} ReportsRequest;

static void
reports_request_free (gpointer data)
{
  ReportsRequest *request = data;

  g_array_unref (request->kinds);
  sl_report_filter_clear (&request->filter);
  g_free (request);
}

static void
reports_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SlStore *store = source;
  ReportsRequest *request = task_data;
  GError *error = NULL;
  SlDatabase *reader = sl_store_lock_reader (store, SL_STORE_READER_WORK, &error);
  GPtrArray *reports = NULL;

  if (reader != NULL)
    reports =
      sl_report_run_many (reader, (const SlReportKind *) (gpointer) request->kinds->data,
                          request->kinds->len, &request->filter, request->now, cancellable, &error);
  sl_store_unlock_reader (store, SL_STORE_READER_WORK);
  if (reports == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);
}

void
sl_store_run_reports_async (SlStore *store, const SlReportKind *kinds, guint n_kinds,
                            const SlReportFilter *filter, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  ReportsRequest *request = g_new0 (ReportsRequest, 1);

  request->kinds = g_array_new (FALSE, FALSE, sizeof (SlReportKind));
  g_array_append_vals (request->kinds, kinds, n_kinds);
  request->filter.position_id = filter->position_id;
  request->filter.from = filter->from;
  request->filter.to = filter->to;
  request->filter.country = g_strdup (filter->country);
  request->filter.stack = g_strdup (filter->stack);
  request->filter.seniority = g_strdup (filter->seniority);
  request->now = g_get_real_time () / G_USEC_PER_SEC;
  g_task_set_source_tag (task, sl_store_run_reports_async);
  g_task_set_task_data (task, request, reports_request_free);
  g_task_run_in_thread (task, reports_thread);
}

GPtrArray *
sl_store_run_reports_finish (SlStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
