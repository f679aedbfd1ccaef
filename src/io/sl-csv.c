/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-csv.c — RFC 4180 CSV output that spreadsheets cannot mistake for formulas
 *
 * Fields are UTF-8, separated by commas, rows end in CRLF, and a field holding a comma, a quote,
 * a CR or an LF is quoted with its quotes doubled. A field that a spreadsheet would run as a
 * formula (it starts with = + - @, a tab or a CR) gets a leading apostrophe, as OWASP advises
 * against CSV injection: candidate data comes from strangers.
 */
#include "config.h"

#include <string.h>

#include "sl-csv.h"

gboolean
sl_csv_needs_neutralizing (const char *field)
{
  return field != NULL && field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;
}

/* Appends one field, quoted and neutralized as needed, without a separator */
void
sl_csv_append_field (GString *out, const char *field)
{
  g_autofree char *valid = NULL;
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (field == NULL || *field == '\0')
    return;
  if (!g_utf8_validate (field, -1, NULL))
    field = valid = g_utf8_make_valid (field, -1);

  quote = strpbrk (field, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (sl_csv_needs_neutralizing (field))
    g_string_append_c (out, '\'');
  if (!quote)
    g_string_append (out, field);
  else
    /* Up to each quote, which is doubled */
    for (const char *p = field, *q; *p != '\0'; p = q + 1)
      {
        q = strchr (p, '"');
        if (q == NULL)
          {
            g_string_append (out, p);
            break;
          }
        g_string_append_len (out, p, q - p + 1);
        g_string_append_c (out, '"');
      }
  if (quote)
    g_string_append_c (out, '"');
}

/* Appends a row of @n_fields fields (or up to the NULL when @n_fields is -1) and its CRLF.
 * A NULL field in a counted row is written empty. */
void
sl_csv_append_row (GString *out, const char *const *fields, gssize n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields <= 0);

  for (gssize i = 0; n_fields < 0 ? fields[i] != NULL : i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sl_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* Writes one row to @stream; see sl_csv_append_row() */
gboolean
sl_csv_write_row (GOutputStream *stream, const char *const *fields, gssize n_fields,
                  GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) row = g_string_new (NULL);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  sl_csv_append_row (row, fields, n_fields);
  return g_output_stream_write_all (stream, row->str, row->len, NULL, cancellable, error);
}
