/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-table.c — text in aligned columns for a terminal
 *
 * Widths are counted in terminal cells, not bytes or characters: “Олександр” is nine cells, a CJK
 * character two and a combining accent none. Control characters in the data (an escape sequence
 * in a name typed by a stranger) are shown as spaces so they cannot drive the terminal.
 */
#include "config.h"

#include "sl-cli-table.h"
#include "sl-cli.h"

struct _SlCliTable
{
  guint n_columns;
  GPtrArray *rows; /* of GStrv, sanitized and cut to the column's width */
  guint *max_widths;
  gboolean *align_end;
};

SlCliTable *
sl_cli_table_new (guint n_columns)
{
  SlCliTable *table = g_new0 (SlCliTable, 1);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->max_widths = g_new0 (guint, n_columns);
  table->align_end = g_new0 (gboolean, n_columns);
  return table;
}

void
sl_cli_table_free (SlCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->max_widths);
  g_free (table->align_end);
  g_free (table);
}

/* Longer cells in @column are cut with an ellipsis; 0 means no limit */
void
sl_cli_table_set_max_width (SlCliTable *table, guint column, guint max_width)
{
  g_return_if_fail (column < table->n_columns);
  table->max_widths[column] = max_width;
}

/* Numbers line up on the right */
void
sl_cli_table_set_align_end (SlCliTable *table, guint column, gboolean end)
{
  g_return_if_fail (column < table->n_columns);
  table->align_end[column] = end;
}

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
sl_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

static char *
prepare_cell (const char *text, guint max_width)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint width = 0;
  gboolean cut = max_width > 0 && sl_cli_display_width (valid) > max_width;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        c = ' ';
      if (cut && width + char_width (c) > max_width - 1)
        {
          g_string_append (out, "…");
          break;
        }
      width += char_width (c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Adds a row of n_columns cells; NULL cells are empty */
void
sl_cli_table_add_row (SlCliTable *table, const char *const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = prepare_cell (cells[i], table->max_widths[i]);
  g_ptr_array_add (table->rows, row);
}

static void
append_padding (GString *out, guint n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* The rows, columns two spaces apart, each line ended by \n and without trailing spaces */
char *
sl_cli_table_to_string (SlCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], sl_cli_display_width (row[c]));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      gsize line_start = out->len;

      for (guint c = 0; c < table->n_columns; c++)
        {
          guint padding = widths[c] - sl_cli_display_width (row[c]);

          if (c > 0)
            g_string_append (out, "  ");
          if (table->align_end[c])
            append_padding (out, padding);
          g_string_append (out, row[c]);
          if (!table->align_end[c])
            append_padding (out, padding);
        }
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Ends a listing: closes a JSON array of @n items, or prints @table (CSV went into @out as it
 * was built), then writes @out. FALSE with @status set when stdout cannot take it. */
gboolean
sl_cli_finish_listing (GString *out, gboolean json, guint n, SlCliTable *table, int *status)
{
  if (json)
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");
  else if (table != NULL)
    {
      g_autofree char *text = sl_cli_table_to_string (table);
      /* In the terminal's encoding, like every message */
      g_print ("%s", text);
    }
  return sl_cli_write (out->str, out->len, status) && sl_cli_finish_output (status);
}
