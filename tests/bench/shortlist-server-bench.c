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
#include "sl-database-private.h"
#include "sl-report.h"
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

/* A statement a report ran, with its values */
typedef struct
{
  char *sql;
  GStrv values;
  Oid *types;
  int n_values;
} Traced;

static void
traced_free (gpointer data)
{
  Traced *traced = data;

  g_free (traced->sql);
  for (int i = 0; i < traced->n_values; i++)
    g_free (traced->values[i]);
  g_free (traced->values);
  g_free (traced->types);
  g_free (traced);
}

static void
trace_cb (const char *sql, int n_params, const guint *types, const char *const *values,
          gpointer data)
{
  Traced *traced = g_new0 (Traced, 1);

  traced->sql = g_strdup (sql);
  traced->n_values = n_params;
  traced->types = g_memdup2 (types, sizeof (Oid) * MAX (n_params, 1));
  traced->values = g_new0 (char *, MAX (n_params, 1));
  for (int i = 0; i < n_params; i++)
    traced->values[i] = g_strdup (values[i]);
  g_ptr_array_add (data, traced);
}

/* The statements @statements as they ran, on a plain connection, every row read */
static double
replay (PGconn *conn, GPtrArray *statements)
{
  gint64 start = g_get_monotonic_time ();
  volatile gint64 sum = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      Traced *traced = g_ptr_array_index (statements, i);
      PGresult *result = PQexecParams (conn, traced->sql, traced->n_values, traced->types,
                                       (const char *const *) traced->values, NULL, NULL, 0);

      if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
        g_error ("%s: %s", traced->sql, PQerrorMessage (conn));
      for (int row = 0; row < PQntuples (result); row++)
        for (int column = 0; column < PQnfields (result); column++)
          sum += PQgetlength (result, row, column);
      PQclear (result);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Report @kind (or all seven, SL_N_REPORTS) through sl_report_run(), and its statements bare */
static void
measure_report (SlDatabase *db, PGconn *conn, SlReportKind kind, int runs)
{
  g_autoptr (GArray) library = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (traced_free);
  SlReportKind all[SL_N_REPORTS];
  SlReportFilter filter = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  Stats l, b;

  for (int i = 0; i < SL_N_REPORTS; i++)
    all[i] = i;
  sl_database_trace (db, trace_cb, statements);
  for (int i = -1; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) reports = NULL;
      gint64 start;
      double ms;

      g_ptr_array_set_size (statements, 0);
      start = g_get_monotonic_time ();
      reports =
        sl_report_run_many (db, kind == SL_N_REPORTS ? all : &kind,
                            kind == SL_N_REPORTS ? SL_N_REPORTS : 1, &filter, now, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (reports == NULL)
        g_error ("report: %s", error->message);
      /* The first of each is untimed: the server's caches */
      if (i < 0)
        continue;
      g_array_append_val (library, ms);
      ms = replay (conn, statements);
      g_array_append_val (bare, ms);
    }
  sl_database_trace (db, NULL, NULL);
  l = bench_stats (library);
  b = bench_stats (bare);
  g_print ("   %-14s %10u %9.1f %11.1f %7.2f\n",
           kind == SL_N_REPORTS ? "all seven" : sl_report_kind_id (kind), statements->len, l.median,
           b.median, l.median / b.median);
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
  {
    g_autoptr (SlDatabase) db = sl_database_open (database, &error);

    if (db == NULL)
      g_error ("%s", error->message);
    g_print ("\nThe reports, through sl_report_run_many() (the SQL and the C that adds it up) and"
             "\ntheir statements replayed bare through libpq; medians of %d runs, ms\n\n",
             runs);
    g_print ("   %-14s %10s %9s %11s %7s\n", "report", "statements", "Shortlist", "bare libpq",
             "ratio");
    for (int kind = 0; kind <= SL_N_REPORTS; kind++)
      measure_report (db, conn, kind, runs);
  }
  PQfinish (conn);
  return 0;
}
