/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-query.c — which candidates a list shows: search text and filters
 *
 * A query yields row ids only, sorted by name; the list model turns ids into objects when the
 * view asks. It runs on whichever connection it is given, so worker threads pass their own.
 */
#include "config.h"

#include <gio/gio.h>

#include "sl-candidate-query.h"
#include "sl-fold.h"
#include "sl-server.h"
#include "sl-vocab.h"

G_DEFINE_BOXED_TYPE (SlCandidateQuery, sl_candidate_query, sl_candidate_query_copy,
                     sl_candidate_query_free)

SlCandidateQuery *
sl_candidate_query_new (void)
{
  return g_new0 (SlCandidateQuery, 1);
}

SlCandidateQuery *
sl_candidate_query_copy (const SlCandidateQuery *query)
{
  SlCandidateQuery *copy = g_new0 (SlCandidateQuery, 1);

  copy->text = g_strdup (query->text);
  copy->country = g_strdup (query->country);
  copy->stage = g_strdup (query->stage);
  copy->seniority = g_strdup (query->seniority);
  copy->stack = g_strdup (query->stack);
  copy->limit = query->limit;
  copy->not_in_position = query->not_in_position;
  return copy;
}

void
sl_candidate_query_free (SlCandidateQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->country);
  g_free (query->stage);
  g_free (query->seniority);
  g_free (query->stack);
  g_free (query);
}

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

gboolean
sl_candidate_query_is_empty (const SlCandidateQuery *query)
{
  g_autofree char *fts = query->text ? sl_fold_fts_query (query->text) : NULL;

  return fts == NULL && !is_set (query->country) && !is_set (query->stage) &&
         !is_set (query->seniority) && !is_set (query->stack);
}

/* The team database has no full-text index of its own: its statement is sl-server's */
static SlStmt *
prepare_team (const SlCandidateQuery *query, SlDatabase *db, const char *columns, GError **error)
{
  g_autoptr (GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql =
    sl_server_candidate_query_sql (query, columns, !g_str_has_prefix (columns, "count"), params);
  SlStmt *stmt = sl_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < params->len; i++)
    sl_stmt_bind_text (stmt, (int) i + 1, params->pdata[i]);
  return stmt;
}

/* The statement of @query's candidates in the list's order (by name), selecting @columns of
 * `candidates c`, its values bound; NULL with @error set if it cannot be prepared */
SlStmt *
sl_candidate_query_prepare (const SlCandidateQuery *query, SlDatabase *db, const char *columns,
                            GError **error)
{
  g_autoptr (GString) sql = NULL;
  g_autofree char *fts = NULL;
  g_autofree char *position = NULL;
  const char *params[6];
  guint n_params = 0;
  SlStmt *stmt;

  if (sl_database_is_team (db))
    return prepare_team (query, db, columns, error);
  fts = query->text ? sl_fold_fts_query (query->text) : NULL;
  sql = g_string_new ("SELECT ");
  g_string_append (sql, columns);
  if (fts != NULL)
    {
      /* The search index's rowid is each candidate's place in the list (schema 10): the matches
       * come out of it in the list's order, so nothing is sorted and a limited search stops
       * after the rows it returns. The index of places says which are in the trash. */
      g_string_append (sql, " FROM candidates_fts f JOIN candidates c INDEXED BY candidates_pos"
                            " ON c.sort_pos = f.rowid WHERE candidates_fts MATCH ?"
                            " AND c.deleted_at IS NULL");
      params[n_params++] = fts;
    }
  else
    g_string_append (sql, " FROM candidates c WHERE c.deleted_at IS NULL");
  if (is_set (query->country))
    {
      g_string_append (sql, " AND c.country = ?");
      params[n_params++] = query->country;
    }
  if (is_set (query->stage))
    {
      /* An outcome is no one's current stage (that is their most advanced active one): rejected
       * or withdrawn are those with no active application and one that ended so */
      if (sl_vocab_is_outcome (query->stage))
        g_string_append (sql,
                         " AND c.stage IS NULL"
                         " AND c.id IN (SELECT candidate_id FROM applications WHERE stage = ?)");
      else
        g_string_append (sql, " AND c.stage = ?");
      params[n_params++] = query->stage;
    }
  if (is_set (query->seniority))
    {
      g_string_append (sql, " AND c.seniority = ?");
      params[n_params++] = query->seniority;
    }
  if (is_set (query->stack))
    {
      g_string_append (sql, " AND c.stack_id = ?");
      params[n_params++] = query->stack;
    }
  if (query->not_in_position > 0)
    {
      /* A parameter, not a literal, so the statement cache holds one statement for every position */
      position = g_strdup_printf ("%" G_GINT64_FORMAT, query->not_in_position);
      g_string_append (
        sql, " AND c.id NOT IN (SELECT candidate_id FROM applications WHERE position_id = ?)");
      params[n_params++] = position;
    }
  g_string_append (sql, fts != NULL ? " ORDER BY f.rowid" : " ORDER BY c.sort_key, c.id");
  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  stmt = sl_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_params; i++)
    sl_stmt_bind_text (stmt, (int) i + 1, params[i]);
  return stmt;
}

GArray *
sl_candidate_query_run (const SlCandidateQuery *query, SlDatabase *db, GCancellable *cancellable,
                        GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SlStmt *stmt;
  int rc;

  /* The progress handler looks only every few thousand steps: a short query would not notice */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  stmt = sl_candidate_query_prepare (query, db, "c.id", error);
  if (stmt == NULL)
    return NULL;

  sl_database_set_cancellable (db, cancellable);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 id = sl_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sl_database_set_cancellable (db, NULL);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      sl_stmt_reset (stmt);
      return NULL;
    }
  sl_stmt_reset (stmt);
  return g_steal_pointer (&ids);
}
