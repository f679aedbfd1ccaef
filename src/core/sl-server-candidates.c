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

/* The statement for @query; its parameters are added to @params (strings, freed by it) */
char *
sl_server_candidate_query_sql (const SlCandidateQuery *query, GPtrArray *params)
{
  g_auto (GStrv) words = query->text ? sl_fold_query_words (query->text) : NULL;
  g_autoptr (GString) where = g_string_new ("c.deleted_at IS NULL");
  g_autofree char *limit =
    query->limit > 0 ? g_strdup_printf (" LIMIT %u", query->limit) : g_strdup ("");

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
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
  /* A search takes its matches from the trigram index and then sorts them (OFFSET 0 keeps the
   * planner from walking the whole list in order, testing each row, to stop at the limit) */
  return g_strdup_printf ("SELECT id FROM (SELECT c.id, c.sort_key FROM shortlist.candidates c"
                          " WHERE %s%s) m ORDER BY sort_key, id%s",
                          where->str, words != NULL ? " OFFSET 0" : "", limit);
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

  sql = sl_server_candidate_query_sql (query, params);
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
