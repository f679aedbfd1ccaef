/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-export.c — reports and the candidate list as files: the formats, the temporary file
 * every writer goes through, progress, and the candidate list export
 *
 * Each format has its own file (sl-report-csv.c, sl-report-xlsx.c, sl-report-pdf.c). They all
 * write beside the target under a temporary name made by mkstemp and rename it into place only
 * once it is complete: a failed or cancelled export removes it, and a file already at @path
 * stays as it was.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-candidate-csv.h"
#include "sl-candidate-json.h"
#include "sl-csv.h"
#include "sl-formats.h"
#include "sl-report-export-private.h"
#include "sl-store.h"

/* Progress is told, and cancellation checked, every so many candidates of a list */
#define CANDIDATE_BATCH 256

/* CSV is written to the file in pieces of about this size */
#define FLUSH_SIZE 65536

static const struct
{
  const char *id;
  const char *extension;
} formats[] = {
  [SL_EXPORT_CSV] = { "csv", ".csv" },
  [SL_EXPORT_XLSX] = { "xlsx", ".xlsx" },
  [SL_EXPORT_PDF] = { "pdf", ".pdf" },
};

gboolean
sl_export_format_from_id (const char *id, SlExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      {
        *format = (SlExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* With its dot: ".csv" */
const char *
sl_export_format_extension (SlExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

/* Progress */

void
sl_export_ticker_init (SlExportTicker *ticker, SlExportProgress callback, gpointer user_data,
                       guint64 total)
{
  ticker->callback = callback;
  ticker->user_data = user_data;
  ticker->total = MAX (total, 1);
  ticker->done = 0;
  ticker->last = -1;
  sl_export_ticker_advance (ticker, 0);
}

void
sl_export_ticker_advance (SlExportTicker *ticker, guint64 steps)
{
  int percent;

  ticker->done = MIN (ticker->done + steps, ticker->total);
  percent = (int) (ticker->done * 100 / ticker->total);
  if (ticker->callback != NULL && percent != ticker->last)
    {
      ticker->last = percent;
      ticker->callback ((double) ticker->done / (double) ticker->total, ticker->user_data);
    }
}

/* What the writers share */

guint64
sl_report_export_count_rows (GPtrArray *reports)
{
  guint64 n = 0;

  for (guint i = 0; i < reports->len; i++)
    for (guint t = 0; t < sl_report_get_n_tables (reports->pdata[i]); t++)
      n += sl_report_table_get_n_rows (sl_report_get_table (reports->pdata[i], t)) + 1;
  return n;
}

/* A table's title with its report's: “Funnel – By stage”; the report's alone when the table
 * has no title of its own or the same one */
char *
sl_report_export_table_title (SlReport *report, SlReportTable *table)
{
  const char *report_title = sl_report_get_title (report);
  const char *table_title = sl_report_table_get_title (table);

  if (table_title == NULL || *table_title == '\0' || g_str_equal (table_title, report_title))
    return g_strdup (report_title);
  /* Translators: a report table's full title in an export: the report's title (such as
   * “Funnel”) and the table's (such as “By stage”) */
  return g_strdup_printf (C_ ("report", "%s – %s"), report_title, table_title);
}

/* A column's title in a file whose cells are bare numbers (CSV, XLSX): with the unit when the
 * column holds days or hours, “Median (days)” */
char *
sl_report_export_column_title (SlReportTable *table, guint column)
{
  const char *title = sl_report_table_get_column_title (table, column);

  switch (sl_report_table_get_column_type (table, column))
    {
    case SL_REPORT_DAYS:
      /* Translators: a report column's title in a CSV or XLSX file, whose cells are numbers of
       * days, such as “Median (days)” */
      return g_strdup_printf (_ ("%s (days)"), title);
    case SL_REPORT_HOURS:
      /* Translators: a report column's title in a CSV or XLSX file, whose cells are numbers of
       * hours, such as “Median time to submit (hours)” */
      return g_strdup_printf (_ ("%s (hours)"), title);
    default:
      return g_strdup (title);
    }
}

/* A number as CSV and JSON write it, for a program in any language to read: a dot before the
 * decimals, no thousands separator, no unit (the column's title or id says days or hours). A
 * count is a whole number; a rate a fraction from 0 to 1 with up to 4 decimals (0.4521 is
 * 45.21 %); days and hours have up to 2 decimals; no trailing zeros. Nothing for a missing
 * value. */
void
sl_report_export_append_number (GString *out, SlReportColumnType type, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *format;
  char *end;

  if (!isfinite (value))
    return;
  switch (type)
    {
    case SL_REPORT_COUNT:
      format = "%.0f";
      break;
    case SL_REPORT_RATE:
      format = "%.4f";
      break;
    default:
      format = "%.2f";
      break;
    }
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  /* 0.5000 is 0.5 and 12.00 is 12 */
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  /* Rounding can leave “-0” */
  g_string_append (out, g_str_equal (buffer, "-0") ? "0" : buffer);
}

/* The end of every export: the file moved into place once it is whole, or removed */
static gboolean
finish_export (SlExportFile *file, gboolean ok, SlExportTicker *ticker, SlExportProgress progress,
               gpointer user_data, GCancellable *cancellable, GError **error)
{
  if (!ok)
    {
      sl_export_file_abort (file);
      return FALSE;
    }
  if (!sl_export_file_commit (file, cancellable, error))
    return FALSE;
  if (progress != NULL && ticker->last != 100)
    progress (1.0, user_data);
  return TRUE;
}

/* Reports */

gboolean
sl_report_export (GPtrArray *reports, SlExportFormat format, const SlExportInfo *info,
                  const char *path, SlExportProgress progress, gpointer user_data,
                  GCancellable *cancellable, GError **error)
{
  SlExportFile file = { NULL, NULL, -1 };
  SlExportTicker ticker;
  const SlExportInfo no_info = { "", "" };
  const SlFormats *module = NULL;
  gboolean ok;

  g_return_val_if_fail (reports != NULL, FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info == NULL)
    info = &no_info;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Loaded before the file is made, so a missing module leaves nothing behind */
  if (format != SL_EXPORT_CSV && (module = sl_formats_get (error)) == NULL)
    return FALSE;
  if (!sl_export_file_open (&file, path, error))
    return FALSE;

  /* The PDF lays everything out twice: to count the pages, then to draw them */
  sl_export_ticker_init (&ticker, progress, user_data,
                         sl_report_export_count_rows (reports) * (format == SL_EXPORT_PDF ? 2 : 1));
  switch (format)
    {
    case SL_EXPORT_CSV:
      ok = sl_report_export_csv (reports, &file, &ticker, cancellable, error);
      break;
    case SL_EXPORT_XLSX:
      ok = sl_export_file_close (&file, error) &&
           module->report_xlsx (reports, info, &file, &ticker, cancellable, error);
      break;
    case SL_EXPORT_PDF:
      ok = module->report_pdf (reports, info, &file, &ticker, cancellable, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return finish_export (&file, ok, &ticker, progress, user_data, cancellable, error);
}

/* The candidate list */

typedef struct
{
  SlExportFormat format;
  SlExportFile *file;
  SlCandidateSheet *sheet;
  GString *out;
  GString *scratch;
  SlExportTicker *ticker;
  GCancellable *cancellable;
  guint since_tick; /* candidates since progress was last told */
} CandidateWriter;

static gboolean
write_candidate_record (const SlCandidateRecord *row, gpointer data, GError **error)
{
  CandidateWriter *writer = data;

  if (writer->format == SL_EXPORT_XLSX)
    {
      if (!sl_candidate_sheet_add (writer->sheet, row, error))
        return FALSE;
    }
  else
    {
      sl_candidate_csv_append_record (writer->out, row, writer->scratch);
      if (writer->out->len >= FLUSH_SIZE)
        {
          if (!sl_export_file_write (writer->file, writer->out->str, writer->out->len, error))
            return FALSE;
          g_string_truncate (writer->out, 0);
        }
    }
  /* Every so many candidates: how far, and whether to stop */
  if (++writer->since_tick == CANDIDATE_BATCH)
    {
      sl_export_ticker_advance (writer->ticker, writer->since_tick);
      writer->since_tick = 0;
      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Rows straight from the database to the file, in one statement */
static gboolean
write_candidates (SlDatabase *db, const SlCandidateQuery *query, SlExportFormat format,
                  SlExportFile *file, SlCandidateSheet *sheet, SlExportTicker *ticker,
                  GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) scratch = g_string_new (NULL);
  CandidateWriter writer = { format, file, sheet, out, scratch, ticker, cancellable, 0 };

  if (format == SL_EXPORT_CSV)
    {
      g_string_append (out, SL_CSV_UTF8_BOM);
      sl_candidate_csv_append_header (out);
    }
  if (!sl_store_read_candidates (db, query, write_candidate_record, &writer, error))
    return FALSE;
  sl_export_ticker_advance (ticker, writer.since_tick);
  if (out->len > 0 && !sl_export_file_write (file, out->str, out->len, error))
    return FALSE;
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* How many candidates @query selects, for the progress bar */
static gboolean
count_candidates (SlDatabase *db, const SlCandidateQuery *query, guint64 *total, GError **error)
{
  SlStmt *stmt = sl_candidate_query_prepare (query, db, "count (*)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sl_stmt_step (stmt);
  if (rc == SL_STMT_ROW)
    {
      *total = (guint64) sl_stmt_column_int64 (stmt, 0);
      if (query->limit > 0)
        *total = MIN (*total, query->limit);
      rc = sl_stmt_step (stmt);
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_DONE;
}

gboolean
sl_candidates_export (SlDatabase *db, const SlCandidateQuery *query, SlExportFormat format,
                      const char *path, SlExportProgress progress, gpointer user_data,
                      GCancellable *cancellable, GError **error)
{
  SlExportFile file = { NULL, NULL, -1 };
  SlExportTicker ticker;
  SlCandidateSheet *sheet = NULL;
  guint64 total = 0;
  gboolean ok;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != SL_EXPORT_CSV && format != SL_EXPORT_XLSX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("The candidate list can be exported as CSV or XLSX only"));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !sl_database_map_file (db, error) || !sl_export_file_open (&file, path, error))
    return FALSE;

  /* In one read transaction: the count and the rows from one snapshot */
  if (!sl_database_begin_read (db, error))
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  if (!count_candidates (db, query, &total, error))
    {
      sl_database_exec (db, "COMMIT", NULL);
      sl_export_file_abort (&file);
      return FALSE;
    }
  sl_export_ticker_init (&ticker, progress, user_data, total);
  /* A cancel interrupts a long statement too, not only between rows */
  sl_database_set_cancellable (db, cancellable);
  if (format == SL_EXPORT_XLSX)
    {
      ok = (sheet = sl_candidate_sheet_new (&file, error)) != NULL;
      ok = ok && write_candidates (db, query, format, &file, sheet, &ticker, cancellable, error);
      ok = ok && sl_candidate_sheet_close (g_steal_pointer (&sheet), error);
      g_clear_pointer (&sheet, sl_candidate_sheet_free);
    }
  else
    ok = write_candidates (db, query, format, &file, NULL, &ticker, cancellable, error);
  sl_database_set_cancellable (db, NULL);
  sl_database_exec (db, "COMMIT", NULL);
  return finish_export (&file, ok, &ticker, progress, user_data, cancellable, error);
}
