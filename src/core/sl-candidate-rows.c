/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-rows.c — the candidate list's reads, done on a worker thread's connection
 *
 * A list row shows five short texts. They are read by id, a batch of rows at a time, with one
 * cached statement stepped once per id: each is a primary-key lookup, so a batch of a hundred
 * rows costs well under a millisecond however many candidates there are.
 */
#include "config.h"

#include "sl-candidate-rows.h"

/* Begins a read transaction on @db, its snapshot taken at once, and numbers it: snapshots of
 * any connection begun later have higher numbers. Rows read on several threads come back in
 * any order; by their numbers the list keeps the newest. */
gboolean
sl_candidate_rows_begin (SlDatabase *db, guint64 *serial, GError **error)
{
  static GMutex lock;
  static guint64 last;
  SlStmt *stmt;
  gboolean ok = FALSE;

  g_mutex_lock (&lock);
  /* BEGIN takes no snapshot; the first read does */
  if (sl_database_begin_read (db, error))
    {
      int rc = SQLITE_ERROR;

      stmt = sl_database_prepare (db, "SELECT 1 FROM candidates LIMIT 1", error);
      if (stmt != NULL)
        rc = sl_stmt_step (stmt);
      ok = rc == SL_STMT_ROW || rc == SL_STMT_DONE;
      if (stmt != NULL)
        {
          if (!ok)
            sl_database_set_error (db, error);
          sl_stmt_reset (stmt);
        }
      if (!ok)
        sl_database_exec (db, "ROLLBACK", NULL);
    }
  *serial = ++last;
  g_mutex_unlock (&lock);
  return ok;
}

SlCandidateSummaries *
sl_candidate_summaries_new (void)
{
  SlCandidateSummaries *summaries = g_new0 (SlCandidateSummaries, 1);

  summaries->rows = g_array_new (FALSE, TRUE, sizeof (SlCandidateSummary));
  summaries->strings = g_string_chunk_new (4096);
  return summaries;
}

void
sl_candidate_summaries_free (SlCandidateSummaries *summaries)
{
  if (summaries == NULL)
    return;
  g_array_unref (summaries->rows);
  g_string_chunk_free (summaries->strings);
  g_free (summaries);
}

static const char *
keep (SlCandidateSummaries *summaries, SlStmt *stmt, int column)
{
  const char *text = (const char *) sl_stmt_column_text (stmt, column);

  return text ? g_string_chunk_insert_const (summaries->strings, text) : "";
}

/* Appends the summaries of @ids, in their order; a row deleted since is there, not found */
gboolean
sl_candidate_summaries_read (SlCandidateSummaries *summaries, SlDatabase *db, const gint64 *ids,
                             guint n_ids, GError **error)
{
  SlStmt *stmt = sl_database_prepare (db,
                                      "SELECT c.name, c.seniority, s.name, c.country, c.stage"
                                      " FROM candidates c LEFT JOIN stacks s ON s.id = c.stack_id"
                                      " WHERE c.id = ? AND c.deleted_at IS NULL",
                                      error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      SlCandidateSummary row = { ids[i], FALSE, "", "", "", "", "" };
      int rc;

      sl_stmt_bind_int64 (stmt, 1, ids[i]);
      rc = sl_stmt_step (stmt);
      if (rc == SL_STMT_ROW)
        {
          row.found = TRUE;
          row.name = keep (summaries, stmt, 0);
          row.seniority = keep (summaries, stmt, 1);
          row.stack_name = keep (summaries, stmt, 2);
          row.country = keep (summaries, stmt, 3);
          row.stage = keep (summaries, stmt, 4);
        }
      else if (rc != SL_STMT_DONE)
        {
          sl_database_set_error (db, error);
          sl_stmt_reset (stmt);
          return FALSE;
        }
      sl_stmt_reset (stmt);
      g_array_append_val (summaries->rows, row);
    }
  return TRUE;
}
