/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-server-candidates.c — which candidates a list shows, asked of the team database
 *
 * The PostgreSQL side of sl_candidate_query_run(): the same filters and the same order (by
 * name), and a search that finds what the local file finds. Each candidate's search text is
 * folded by the same code as the local index (sl-fold.c, written with the row), and each word
 * typed must start a word of it, as a prefix term does in the local file's full-text index;
 * the trigram index on that text narrows the rows, and the matches are then put in order.
 */
#include "config.h"

#include "sl-fold.h"
#include "sl-server-private.h"
#include "sl-vocab.h"

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

/* The statement selecting @columns of `candidates c` for @query, in the list's order unless
 * @columns is an aggregate (@ordered FALSE); its parameters are added to @params (strings,
 * freed by it) */
char *
sl_server_candidate_query_sql (const SlCandidateQuery *query, const char *columns, gboolean ordered,
                               GPtrArray *params)
{
  g_auto (GStrv) words = query->text ? sl_fold_query_words (query->text) : NULL;
  g_autoptr (GString) where = g_string_new ("c.deleted_at IS NULL");
  g_autofree char *limit =
    query->limit > 0 ? g_strdup_printf (" LIMIT %u", query->limit) : g_strdup ("");
  gboolean fence = words != NULL;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      /* A word of one or two letters starts a word of a good share of the candidates (a
       * quarter for “o”): the first screen of them is found soonest walking the list in its
       * order, where the trigram index, which cannot narrow so short a word, would test every
       * row and sort the matches */
      if (query->limit > 0 && g_utf8_strlen (words[i], -1) <= 2 && words[i + 1] == NULL && i == 0)
        fence = FALSE;
      /* The words are letters and digits only: nothing in them is a regular expression's */
      g_ptr_array_add (params, g_strconcat ("\\m", words[i], NULL));
      g_string_append_printf (where, " AND c.search_text ~ $%u", params->len);
    }
  if (is_set (query->country))
    {
      g_ptr_array_add (params, g_strdup (query->country));
      g_string_append_printf (where, " AND c.country = $%u", params->len);
    }
  if (is_set (query->stage))
    {
      g_ptr_array_add (params, g_strdup (query->stage));
      /* As in the local file: an outcome is no one's current stage */
      if (sl_vocab_is_outcome (query->stage))
        g_string_append_printf (where,
                                " AND c.stage IS NULL AND c.id IN (SELECT candidate_id FROM"
                                " shortlist.applications WHERE stage = $%u)",
                                params->len);
      else
        g_string_append_printf (where, " AND c.stage = $%u", params->len);
    }
  if (is_set (query->seniority))
    {
      g_ptr_array_add (params, g_strdup (query->seniority));
      g_string_append_printf (where, " AND c.seniority = $%u", params->len);
    }
  if (is_set (query->stack))
    {
      g_ptr_array_add (params, g_strdup (query->stack));
      g_string_append_printf (where, " AND c.stack_id = $%u", params->len);
    }
  if (query->not_in_position > 0)
    {
      g_ptr_array_add (params, g_strdup_printf ("%" G_GINT64_FORMAT, query->not_in_position));
      g_string_append_printf (where,
                              " AND c.id NOT IN (SELECT candidate_id FROM shortlist.applications"
                              " WHERE position_id = $%u)",
                              params->len);
    }
  if (!ordered)
    return g_strdup_printf ("SELECT %s FROM (SELECT c.* FROM shortlist.candidates c WHERE %s%s) c",
                            columns, where->str, limit);
  /* A search takes its matches from the trigram index and then sorts them (OFFSET 0 keeps the
   * planner from walking the whole list in order, testing each row, to stop at the limit) */
  return g_strdup_printf ("SELECT %s FROM (SELECT c.* FROM shortlist.candidates c"
                          " WHERE %s%s) c ORDER BY c.sort_key, c.id%s",
                          columns, where->str, fence ? " OFFSET 0" : "", limit);
}

/* The ids of @query's candidates in the list's order, or NULL with @error set */
GArray *
sl_server_query_ids (SlServer *server, const SlCandidateQuery *query, GError **error)
{
  g_autoptr (GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  g_autoptr (GArray) ids = NULL;
  PGresult *result;

  g_return_val_if_fail (SL_IS_SERVER (server), NULL);

  sql = sl_server_candidate_query_sql (query, "c.id", TRUE, params);
  result = PQexecParams (sl_server_get_handle (server), sql, (int) params->len, NULL,
                         (const char *const *) params->pdata, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      sl_server_check_result (server, result, NULL, error);
      return NULL;
    }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) PQntuples (result));
  for (int row = 0; row < PQntuples (result); row++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  PQclear (result);
  return g_steal_pointer (&ids);
}

static void
append_folded (GString *out, const char *text)
{
  g_autofree char *folded = sl_fold_for_index (text != NULL ? text : "");

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, folded);
}

/* Writes candidate @id's sort key and search text, folded by the same code as the local
 * file's (whose triggers call it): the server cannot run Shortlist's folding. Part of the
 * caller's transaction. */
gboolean
sl_server_index_candidate (SlDatabase *db, gint64 id, GError **error)
{
  g_autoptr (GString) search = g_string_new (NULL);
  g_autofree char *sort_key = NULL;
  g_autofree char *skills = NULL;
  SlStmt *stmt;

  stmt = sl_database_prepare (
    db,
    "SELECT c.name, c.email, c.city, c.notes,"
    " coalesce((SELECT name FROM stacks WHERE id = c.stack_id), '') || ' ' ||"
    " coalesce((SELECT group_concat(t.name, ' ') FROM candidate_skills cs"
    "   JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = c.id), '')"
    " FROM candidates c WHERE c.id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (sl_stmt_step (stmt) != SL_STMT_ROW)
    {
      sl_database_set_error (db, error);
      sl_stmt_reset (stmt);
      return FALSE;
    }
  sort_key = sl_fold_text (sl_stmt_column_text (stmt, 0));
  append_folded (search, sl_stmt_column_text (stmt, 0));
  append_folded (search, sl_stmt_column_text (stmt, 1));
  append_folded (search, sl_stmt_column_text (stmt, 2));
  skills = g_strdup (sl_stmt_column_text (stmt, 4));
  append_folded (search, skills);
  append_folded (search, sl_stmt_column_text (stmt, 3));
  sl_stmt_reset (stmt);

  stmt = sl_database_prepare (
    db, "UPDATE candidates SET sort_key = ?, search_text = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_text (stmt, 1, sort_key);
  sl_stmt_bind_text (stmt, 2, search->str);
  sl_stmt_bind_int64 (stmt, 3, id);
  return sl_database_step_done (db, stmt, error);
}
