/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-csv.c — reports as CSV: RFC 4180, UTF-8, CRLF
 *
 * Each table is its title on a line of its own, the header row, its rows, and a blank line
 * before the next table. Text goes through sl-csv, which neutralizes what a spreadsheet would
 * run as a formula. Numbers are written plainly for a program or a spreadsheet in any language
 * to read: a dot before the decimals, no thousands separator, no unit (the column's title
 * says days or hours). A count is a whole number; a rate is a fraction from 0 to 1 with up to
 * 4 decimals (0.4521 is 45.21 %); days and hours have up to 2 decimals. A missing value is an
 * empty field.
 */
#include "config.h"

#include "sl-csv.h"
#include "sl-report-export-private.h"

static void
append_table (GString *out, SlReport *report, SlReportTable *table)
{
  guint n_columns = sl_report_table_get_n_columns (table);
  g_autofree char *title = sl_report_export_table_title (report, table);
  g_auto (GStrv) header = g_new0 (char *, n_columns + 1);

  sl_csv_append_row (out, (const char *const[]){ title, NULL }, -1);
  for (guint c = 0; c < n_columns; c++)
    header[c] = sl_report_export_column_title (table, c);
  sl_csv_append_row (out, (const char *const *) header, n_columns);

  for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          SlReportColumnType type = sl_report_table_get_column_type (table, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (sl_report_table_is_missing (table, r, c))
            continue;
          if (type == SL_REPORT_TEXT)
            sl_csv_append_field (out, sl_report_table_get_text (table, r, c));
          else
            sl_report_export_append_number (out, type, sl_report_table_get_number (table, r, c));
        }
      g_string_append (out, "\r\n");
    }
}

void
sl_report_csv_append (GString *out, GPtrArray *reports)
{
  gboolean first = TRUE;

  g_return_if_fail (out != NULL);
  g_return_if_fail (reports != NULL);

  for (guint i = 0; i < reports->len; i++)
    for (guint t = 0; t < sl_report_get_n_tables (reports->pdata[i]); t++)
      {
        if (!first)
          g_string_append (out, "\r\n");
        first = FALSE;
        append_table (out, reports->pdata[i], sl_report_get_table (reports->pdata[i], t));
      }
}

gboolean
sl_report_export_csv (GPtrArray *reports, SlExportFile *file, SlExportTicker *ticker,
                      GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) out = g_string_new (SL_CSV_UTF8_BOM);
  gboolean first = TRUE;

  for (guint i = 0; i < reports->len; i++)
    for (guint t = 0; t < sl_report_get_n_tables (reports->pdata[i]); t++)
      {
        SlReportTable *table = sl_report_get_table (reports->pdata[i], t);

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;
        if (!first)
          g_string_append (out, "\r\n");
        first = FALSE;
        append_table (out, reports->pdata[i], table);
        if (!sl_export_file_write (file, out->str, out->len, error))
          return FALSE;
        g_string_truncate (out, 0);
        sl_export_ticker_advance (ticker, sl_report_table_get_n_rows (table) + 1);
      }
  /* No table at all: the byte order mark alone */
  if (out->len > 0 && !sl_export_file_write (file, out->str, out->len, error))
    return FALSE;
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
