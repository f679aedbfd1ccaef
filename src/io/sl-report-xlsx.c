/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-xlsx.c — reports and the candidate list as XLSX workbooks, with libxlsxwriter
 *
 * A report table is a sheet of its own, named after the report and the table, its header row
 * bold and frozen. Numbers are numbers: a count as a whole number, a rate as its fraction from
 * 0 to 1 shown with a percent format (0.4521 shows as 45.2%), days and hours with one decimal;
 * a missing value is an empty cell. Text is written as text cells, which a spreadsheet never
 * runs as a formula, so it is not altered as the CSV's is.
 *
 * libxlsxwriter writes to a file name: the temporary file sl-report-export.c made. Cancelling
 * frees the workbook without writing it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "sl-candidate-json.h"
#include "sl-report-export-private.h"

/* What Excel allows */
#define SHEET_NAME_MAX 31
#define STRING_MAX 32767

/* Column widths, in characters */
#define WIDTH_MIN 8
#define WIDTH_MAX 60

static void
set_lxw_error (const char *path, lxw_error code, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* TRANSLATORS: the first %s is a file name, the second why it failed */
               _ ("Cannot write “%s”: %s"), display, lxw_strerror (code));
}

/* Valid UTF-8 of at most the characters a cell holds */
static char *
cell_text (const char *text)
{
  char *valid = g_utf8_make_valid (text ? text : "", -1);

  if (g_utf8_strlen (valid, -1) > STRING_MAX)
    {
      char *cut = g_utf8_substring (valid, 0, STRING_MAX);
      g_free (valid);
      return cut;
    }
  return valid;
}

static gboolean
write_string (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column, const char *text,
              lxw_format *format, const char *path, GError **error)
{
  g_autofree char *valid = cell_text (text);
  lxw_error code = worksheet_write_string (sheet, row, column, valid, format);

  if (code != LXW_NO_ERROR)
    {
      set_lxw_error (path, code, error);
      return FALSE;
    }
  return TRUE;
}

static void
set_properties (lxw_workbook *workbook, const char *title, const SlExportInfo *info)
{
  g_autofree char *subject = g_strdup (info && info->filters ? info->filters : "");
  g_autofree char *author = g_strdup (info && info->author ? info->author : "");
  g_autofree char *title_copy = g_strdup (title);
  lxw_doc_properties properties = { 0 };

  properties.title = title_copy;
  properties.subject = subject;
  properties.author = author;
  properties.created = (time_t) (g_get_real_time () / G_USEC_PER_SEC);
  /* It copies the strings */
  workbook_set_properties (workbook, &properties);
}

/* Reports */

/* @title without what Excel refuses in a sheet name: any of []:*?/\ and control characters
 * become spaces (one between words), an apostrophe first or last goes */
static char *
sheet_clean (const char *title)
{
  g_autofree char *valid = g_utf8_make_valid (title ? title : "", -1);
  GString *clean = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == ' ' || (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL))
        {
          if (clean->len > 0 && clean->str[clean->len - 1] != ' ')
            g_string_append_c (clean, ' ');
        }
      else
        g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  while (clean->str[0] == '\'')
    memmove (clean->str, clean->str + 1, strlen (clean->str));
  while (clean->str[0] != '\0' && clean->str[strlen (clean->str) - 1] == '\'')
    clean->str[strlen (clean->str) - 1] = '\0';
  return g_string_free (clean, FALSE);
}

/* @text in at most @room characters: cut at a space when there is one not too far back, and
 * ended with an ellipsis */
static char *
sheet_shorten (const char *text, glong room)
{
  g_autofree char *cut = NULL;
  char *space;

  if (g_utf8_strlen (text, -1) <= room)
    return g_strdup (text);
  cut = g_utf8_substring (text, 0, room - 1);
  space = strrchr (cut, ' ');
  if (space != NULL && g_utf8_strlen (cut, space - cut) >= room / 2)
    *space = '\0';
  g_strchomp (cut);
  return g_strconcat (cut, "…", NULL);
}

/* A sheet name for @table that Excel accepts, unique in @used (where case does not count): its
 * full title with the report's, or its own when that is too long, or the full one shortened */
static char *
sheet_name (GHashTable *used, SlReport *report, SlReportTable *table)
{
  g_autofree char *title = sl_report_export_table_title (report, table);
  g_autofree char *full = sheet_clean (title);
  g_autofree char *own = sheet_clean (sl_report_table_get_title (table));
  const char *base = full;

  if (g_utf8_strlen (full, -1) > SHEET_NAME_MAX && *own != '\0' &&
      g_utf8_strlen (own, -1) <= SHEET_NAME_MAX)
    base = own;
  if (*base == '\0')
    /* Translators: a spreadsheet's sheet name when a table has no usable title */
    base = C_ ("sheet", "Table");

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      g_autofree char *stem = sheet_shorten (base, SHEET_NAME_MAX - (glong) strlen (suffix));
      g_autofree char *name = g_strconcat (stem, suffix, NULL);
      g_autofree char *key = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_steal_pointer (&name);
        }
    }
}

typedef struct
{
  lxw_format *header;
  lxw_format *count;
  lxw_format *rate;
  lxw_format *duration;
} Formats;

static double
column_width (SlReportTable *table, guint column)
{
  glong width = g_utf8_strlen (sl_report_table_get_column_title (table, column), -1);

  if (sl_report_table_get_column_type (table, column) != SL_REPORT_TEXT)
    width = MAX (width, 10);
  else
    for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
      width = MAX (width, g_utf8_strlen (sl_report_table_get_text (table, r, column), -1));
  return CLAMP ((double) width + 2, WIDTH_MIN, WIDTH_MAX);
}

static gboolean
write_table (lxw_workbook *workbook, const Formats *formats, GHashTable *used, SlReport *report,
             SlReportTable *table, const char *path, SlExportTicker *ticker,
             GCancellable *cancellable, GError **error)
{
  g_autofree char *name = sheet_name (used, report, table);
  guint n_columns = MIN (sl_report_table_get_n_columns (table), LXW_COL_MAX);
  guint n_rows = MIN (sl_report_table_get_n_rows (table), LXW_ROW_MAX - 1);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);

  if (sheet == NULL)
    {
      set_lxw_error (path, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
      return FALSE;
    }
  worksheet_freeze_panes (sheet, 1, 0);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *title = sl_report_export_column_title (table, c);

      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, column_width (table, c), NULL);
      if (!write_string (sheet, 0, (lxw_col_t) c, title, formats->header, path, error))
        return FALSE;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint c = 0; c < n_columns; c++)
        {
          SlReportColumnType type = sl_report_table_get_column_type (table, c);
          double value = sl_report_table_get_number (table, r, c);
          lxw_format *format;

          if (sl_report_table_is_missing (table, r, c))
            continue;
          if (type == SL_REPORT_TEXT)
            {
              if (!write_string (sheet, (lxw_row_t) r + 1, (lxw_col_t) c,
                                 sl_report_table_get_text (table, r, c), NULL, path, error))
                return FALSE;
              continue;
            }
          if (!isfinite (value))
            continue;
          format = type == SL_REPORT_COUNT  ? formats->count
                   : type == SL_REPORT_RATE ? formats->rate
                                            : formats->duration;
          worksheet_write_number (sheet, (lxw_row_t) r + 1, (lxw_col_t) c, value, format);
        }
      sl_export_ticker_advance (ticker, 1);
    }
  sl_export_ticker_advance (ticker, 1);
  return TRUE;
}

/* libxlsxwriter writes the workbook's numbers with printf, which follows the locale: in Polish
 * “0,75”, which no spreadsheet reads. Closing writes them; it is done with C numbers on this
 * thread only (uselocale), so the rest of the app keeps its own. */
static lxw_error
close_in_c_locale (lxw_workbook *workbook)
{
  locale_t base = duplocale (LC_GLOBAL_LOCALE);
  locale_t numbers = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  locale_t previous = (locale_t) 0;
  lxw_error code;

  if (numbers == (locale_t) 0 && base != (locale_t) 0)
    freelocale (base);
  if (numbers != (locale_t) 0)
    previous = uselocale (numbers);
  code = workbook_close (workbook);
  if (numbers != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (numbers);
    }
  return code;
}

gboolean
sl_report_export_xlsx (GPtrArray *reports, const SlExportInfo *info, SlExportFile *file,
                       SlExportTicker *ticker, GCancellable *cancellable, GError **error)
{
  lxw_workbook *workbook = workbook_new (file->temporary);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Formats formats;
  lxw_error code;
  guint n_sheets = 0;

  if (workbook == NULL)
    {
      set_lxw_error (file->path, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
      return FALSE;
    }
  set_properties (workbook, _ ("Hiring report"), info);
  formats.header = workbook_add_format (workbook);
  format_set_bold (formats.header);
  format_set_bottom (formats.header, LXW_BORDER_THIN);
  format_set_text_wrap (formats.header);
  format_set_align (formats.header, LXW_ALIGN_VERTICAL_TOP);
  formats.count = workbook_add_format (workbook);
  format_set_num_format (formats.count, "#,##0");
  formats.rate = workbook_add_format (workbook);
  /* A second decimal when there is one: 0.04% is not 0.0% */
  format_set_num_format (formats.rate, "0.0#%");
  formats.duration = workbook_add_format (workbook);
  format_set_num_format (formats.duration, "0.0");

  for (guint i = 0; i < reports->len; i++)
    for (guint t = 0; t < sl_report_get_n_tables (reports->pdata[i]); t++)
      {
        if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
            !write_table (workbook, &formats, used, reports->pdata[i],
                          sl_report_get_table (reports->pdata[i], t), file->path, ticker,
                          cancellable, error))
          {
            lxw_workbook_free (workbook);
            return FALSE;
          }
        n_sheets++;
      }
  /* A workbook needs a sheet */
  if (n_sheets == 0)
    workbook_add_worksheet (workbook, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      lxw_workbook_free (workbook);
      return FALSE;
    }
  code = close_in_c_locale (workbook);
  if (code != LXW_NO_ERROR)
    {
      set_lxw_error (file->path, code, error);
      return FALSE;
    }
  return TRUE;
}
