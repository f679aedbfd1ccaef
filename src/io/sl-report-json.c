/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-json.c — reports as JSON, for scripts: the same bytes in every language
 *
 * Nothing in it is translated: reports, tables and columns are named by their stable ids (see
 * sl-report.h), a label by the id it stands for (a stage, a country, a reason), and the titles
 * are left out. Numbers are JSON numbers written as the CSV writes them
 * (sl_report_export_append_number ()): a count is an integer, a rate a fraction from 0 to 1, a
 * duration a number of the days or hours its column's id ends in. A missing value, and a
 * label of nothing (“Not recorded”), is null. Rows a table keeps in the reader's alphabetical
 * order (people's names) are put in the order of their bytes instead.
 *
 *   {"report": "funnel", "filters": {…}, "tables": [{"id": "stages",
 *    "columns": [{"id": "stage", "type": "string"}, …], "rows": [{"stage": "sourced", …}, …]}]}
 *
 * Several reports are {"filters": {…}, "reports": [{"report": "funnel", "tables": […]}, …]}.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sl-candidate-json.h"
#include "sl-report-export-private.h"

static const char *const value_types[] = {
  [SL_REPORT_VALUE_STRING] = "string",
  [SL_REPORT_VALUE_INTEGER] = "integer",
  [SL_REPORT_VALUE_NUMBER] = "number",
  [SL_REPORT_VALUE_DATE] = "date",
};

static void
indent (GString *out, guint depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_member (GString *out, const char *name)
{
  sl_json_append_string (out, name);
  g_string_append (out, ": ");
}

static void
append_string_or_null (GString *out, const char *text)
{
  if (text == NULL || *text == '\0')
    g_string_append (out, "null");
  else
    sl_json_append_string (out, text);
}

/* A UTC day, “2026-03-31”, or null */
static void
append_day (GString *out, gint64 utc)
{
  g_autoptr (GDateTime) at = utc > 0 ? g_date_time_new_from_unix_utc (utc) : NULL;
  g_autofree char *day = at ? g_date_time_format (at, "%Y-%m-%d") : NULL;

  append_string_or_null (out, day);
}

/* The filters as they were given: --to is the last day counted, not the limit after it */
static void
append_filters (GString *out, const SlReportFilter *filter)
{
  append_member (out, "filters");
  g_string_append_c (out, '{');
  append_member (out, "position");
  if (filter->position_id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, filter->position_id);
  else
    g_string_append (out, "null");
  g_string_append (out, ", ");
  append_member (out, "from");
  append_day (out, filter->from);
  g_string_append (out, ", ");
  append_member (out, "to");
  append_day (out, filter->to > 0 ? filter->to - 1 : 0);
  g_string_append (out, ", ");
  append_member (out, "country");
  append_string_or_null (out, filter->country);
  g_string_append (out, ", ");
  append_member (out, "stack");
  append_string_or_null (out, filter->stack);
  g_string_append (out, ", ");
  append_member (out, "seniority");
  append_string_or_null (out, filter->seniority);
  g_string_append_c (out, '}');
}

static void
append_cell (GString *out, SlReportTable *table, guint row, guint column)
{
  SlReportColumnType type = sl_report_table_get_column_type (table, column);
  const char *key;
  char *end;
  gint64 whole;

  if (sl_report_table_is_missing (table, row, column))
    {
      g_string_append (out, "null");
      return;
    }
  if (type != SL_REPORT_TEXT)
    {
      sl_report_export_append_number (out, type, sl_report_table_get_number (table, row, column));
      return;
    }
  key = sl_report_table_get_key (table, row, column);
  if (key == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (sl_report_table_get_column_value_type (table, column) == SL_REPORT_VALUE_INTEGER)
    {
      whole = g_ascii_strtoll (key, &end, 10);
      if (*key != '\0' && *end == '\0')
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT, whole);
          return;
        }
    }
  sl_json_append_string (out, key);
}

typedef struct
{
  SlReportTable *table;
  guint row;
} RowRef;

/* By the bytes of the first column's value, then as the table had them */
static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const RowRef *x = a, *y = b;
  int order = g_strcmp0 (sl_report_table_get_key (x->table, x->row, 0),
                         sl_report_table_get_key (y->table, y->row, 0));

  if (order != 0)
    return order;
  return x->row < y->row ? -1 : x->row > y->row;
}

static void
append_table (GString *out, SlReportTable *table, guint depth)
{
  guint n_columns = sl_report_table_get_n_columns (table);
  guint n_rows = sl_report_table_get_n_rows (table);
  g_autofree RowRef *order = g_new (RowRef, MAX (n_rows, 1));

  g_string_append_c (out, '{');
  indent (out, depth + 1);
  append_member (out, "id");
  sl_json_append_string (out, sl_report_table_get_id (table));
  g_string_append_c (out, ',');
  indent (out, depth + 1);
  append_member (out, "columns");
  g_string_append_c (out, '[');
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append (out, ", ");
      g_string_append_c (out, '{');
      append_member (out, "id");
      sl_json_append_string (out, sl_report_table_get_column_id (table, c));
      g_string_append (out, ", ");
      append_member (out, "type");
      sl_json_append_string (out, value_types[sl_report_table_get_column_value_type (table, c)]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],");
  indent (out, depth + 1);
  append_member (out, "rows");
  g_string_append_c (out, '[');
  for (guint r = 0; r < n_rows; r++)
    order[r] = (RowRef){ table, r };
  if (sl_report_table_get_collated (table) && n_columns > 0)
    qsort (order, n_rows, sizeof (RowRef), compare_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append_c (out, ',');
      indent (out, depth + 2);
      g_string_append_c (out, '{');
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, ", ");
          append_member (out, sl_report_table_get_column_id (table, c));
          append_cell (out, table, order[r].row, c);
        }
      g_string_append_c (out, '}');
    }
  if (n_rows > 0)
    indent (out, depth + 1);
  g_string_append (out, "]");
  indent (out, depth);
  g_string_append_c (out, '}');
}

/* The members of one report's object, from "report" to "tables", without the braces */
static void
append_report (GString *out, SlReport *report, const SlReportFilter *filter, guint depth)
{
  guint n_tables = sl_report_get_n_tables (report);

  indent (out, depth);
  append_member (out, "report");
  sl_json_append_string (out, sl_report_kind_id (sl_report_get_kind (report)));
  g_string_append_c (out, ',');
  if (filter != NULL)
    {
      indent (out, depth);
      append_filters (out, filter);
      g_string_append_c (out, ',');
    }
  indent (out, depth);
  append_member (out, "tables");
  g_string_append_c (out, '[');
  for (guint t = 0; t < n_tables; t++)
    {
      if (t > 0)
        g_string_append_c (out, ',');
      indent (out, depth + 1);
      append_table (out, sl_report_get_table (report, t), depth + 1);
    }
  if (n_tables > 0)
    indent (out, depth);
  g_string_append_c (out, ']');
}

void
sl_report_json_append (GString *out, GPtrArray *reports, const SlReportFilter *filter)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (reports != NULL);
  g_return_if_fail (filter != NULL);

  g_string_append_c (out, '{');
  if (reports->len == 1)
    append_report (out, reports->pdata[0], filter, 1);
  else
    {
      indent (out, 1);
      append_filters (out, filter);
      g_string_append_c (out, ',');
      indent (out, 1);
      append_member (out, "reports");
      g_string_append_c (out, '[');
      for (guint i = 0; i < reports->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          indent (out, 2);
          g_string_append_c (out, '{');
          append_report (out, reports->pdata[i], NULL, 3);
          indent (out, 2);
          g_string_append_c (out, '}');
        }
      if (reports->len > 0)
        indent (out, 1);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "\n}\n");
}

gboolean
sl_report_export_json (GPtrArray *reports, const SlReportFilter *filter, const char *path,
                       GError **error)
{
  SlExportFile file = { NULL, NULL, -1 };
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sl_report_json_append (out, reports, filter);
  if (!sl_export_file_open (&file, path, error))
    return FALSE;
  if (!sl_export_file_write (&file, out->str, out->len, error))
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  return sl_export_file_commit (&file, NULL, error);
}
