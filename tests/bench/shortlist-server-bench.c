/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* shortlist-server-bench.c — the team database's candidate queries against the bare SQL
 *
 *   shortlist-server-bench --database postgresql://LOGIN@HOST/DB [--runs N]
 *
 * On a team database that holds candidates (copy one in with shortlist-cli copy): for each
 * search the window's list makes as a recruiter types, the first screen of ids (LIMIT 40) and
 * the whole list's ids through sl_server_query_ids(), beside the same statement run directly
 * through libpq with its rows only stepped over. Runs alternate; medians in ms. A benchmark
 * prints figures; it is not a test.
 */
#include "config.h"

#include <libpq-fe.h>
#include <locale.h>
#include <stdio.h>

#include "bench-util.h"
#include "sl-server.h"

static const char *const typed[] = { "o", "ol", "ole", "olek", "joao", "andrii", NULL };

static double
time_library (SlServer *server, const SlCandidateQuery *query, guint *rows)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GArray) ids = sl_server_query_ids (server, query, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  if (ids == NULL)
    g_error ("query: %s", error->message);
  *rows = ids->len;
  return ms;
}

static double
time_bare (PGconn *conn, const SlCandidateQuery *query)
{
  g_autoptr (GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = sl_server_candidate_query_sql (query, "c.id", TRUE, params);
  gint64 start = g_get_monotonic_time ();
  PGresult *result = PQexecParams (conn, sql, (int) params->len, NULL,
                                   (const char *const *) params->pdata, NULL, NULL, 0);
  volatile gint64 sum = 0;
  double ms;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  for (int row = 0; row < PQntuples (result); row++)
    sum += PQgetlength (result, row, 0);
  PQclear (result);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  return ms;
}

static void
measure (SlServer *server, PGconn *conn, const char *text, guint limit, int runs)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) library = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows = 0;
  Stats l, b;

  query->text = g_strdup (text);
  query->limit = limit;
  /* One of each untimed: the server's caches */
  time_library (server, query, &rows);
  time_bare (conn, query);
  for (int i = 0; i < runs; i++)
    {
      double ms = time_library (server, query, &rows);

      g_array_append_val (library, ms);
      ms = time_bare (conn, query);
      g_array_append_val (bare, ms);
    }
  l = bench_stats (library);
  b = bench_stats (bare);
  g_print ("   %-10s %-12s %7u %9.1f %13.1f %7.2f\n", text ? text : "(all)",
           limit ? "first screen" : "whole list", rows, l.median, b.median, l.median / b.median);
}

int
main (int argc, char **argv)
{
  g_autofree char *database = NULL;
  int runs = 15;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database,
      "The team database (postgresql://…), with candidates", "URI" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each query (default 15)", "N" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— the team database's searches");
  g_autoptr (GError) error = NULL;
  g_autoptr (SlServer) server = NULL;
  PGconn *conn;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--database URI is required");
      return 2;
    }
  server = sl_server_connect (database, &error);
  if (server == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  conn = PQconnectdb (database);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_printerr ("%s\n", PQerrorMessage (conn));
      return 1;
    }
  g_print ("Shortlist server benchmark: %s, libpq %d\n", PQparameterStatus (conn, "server_version"),
           PQlibVersion ());
  g_print ("\nThe window's list queries, through sl_server_query_ids() and as the bare statement"
           "\nthrough libpq; medians of %d runs, ms\n\n",
           runs);
  g_print ("   %-10s %-12s %7s %9s %13s %7s\n", "typed", "", "rows", "Shortlist", "bare libpq",
           "ratio");
  measure (server, conn, NULL, 40, runs);
  measure (server, conn, NULL, 0, runs);
  for (guint i = 0; typed[i] != NULL; i++)
    {
      measure (server, conn, typed[i], 40, runs);
      measure (server, conn, typed[i], 0, runs);
    }
  PQfinish (conn);
  return 0;
}
