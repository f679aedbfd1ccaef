/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-csv.c — candidates as CSV rows with the same columns as their JSON
 *
 * The columns are the JSON members, from the one table of fields (sl-candidate-json.c), so the
 * two formats cannot drift apart: null is an empty field and a list is joined with "; ".
 */
#include "config.h"

#include "sl-candidate-csv.h"
#include "sl-candidate-json.h"
#include "sl-csv.h"

void
sl_candidate_csv_append_header (GString *out)
{
  sl_csv_append_row (out, sl_candidate_json_fields (), -1);
}

/* One row, written straight from the stored values */
void
sl_candidate_csv_append_record (GString *out, const SlCandidateRecord *row, GString *scratch)
{
  guint n = sl_candidate_n_fields ();

  for (guint i = 0; i < n; i++)
    {
      SlCandidateCell cell;
      char buffer[G_ASCII_DTOSTR_BUF_SIZE + SL_CANDIDATE_TIME_SIZE];

      if (i > 0)
        g_string_append_c (out, ',');
      sl_candidate_record_cell (row, i, scratch, &cell);
      switch (cell.kind)
        {
        case SL_CANDIDATE_CELL_TEXT:
        case SL_CANDIDATE_CELL_LIST:
          sl_csv_append_field (out, cell.text);
          break;
        case SL_CANDIDATE_CELL_NUMBER:
          sl_csv_append_field (out,
                               sl_candidate_format_number (cell.number, buffer, sizeof buffer));
          break;
        case SL_CANDIDATE_CELL_TIME:
          sl_csv_append_field (out, sl_candidate_format_time (cell.time, buffer));
          break;
        case SL_CANDIDATE_CELL_NULL:
        default:
          break;
        }
    }
  g_string_append (out, "\r\n");
}

void
sl_candidate_csv_append (GString *out, SlCandidate *candidate)
{
  g_autoptr (GString) scratch = g_string_new (NULL);
  SlCandidateRecord row;

  sl_candidate_record_init (&row, candidate);
  sl_candidate_csv_append_record (out, &row, scratch);
}
