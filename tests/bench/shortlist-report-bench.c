/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* shortlist-report-bench.c — how long each report and each export takes at scale, beside
 * its bare SQL
 *
 * Not a test: it prints figures. For each report it times sl_report_run () (what the app's
 * worker and shortlist-cli run: the SQL and the C that adds it up into tables), then replays
 * the very statements that run executed — caught with sqlite3_trace_v2, with their bound
 * values — on a plain sqlite3 connection, stepping every row and doing nothing with it.
 * Then the exports, as the app's Export and `shortlist-cli report all` / `candidates
 * --output` make them: all seven reports computed and written as CSV, XLSX, PDF and JSON (which
 * only `shortlist-cli report --format json` writes), and the whole candidate list as CSV and
 * XLSX, each into a file that is then removed.
 *
 *   shortlist-report-bench [--candidates N] [--runs R] [--database PATH]
 *
 * The default, 120,000 candidates, gives about a million stage events.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-util.h"
#include "sl-demo.h"
#include "sl-report-export.h"
#include "sl-report.h"

static int
trace_cb (unsigned type, void *data, void *statement, void *unused)
{
  GPtrArray *statements = data;
  char *sql = sqlite3_expanded_sql (statement);

  if (sql != NULL && g_ascii_strncasecmp (sql, "PRAGMA", 6) != 0)
    g_ptr_array_add (statements, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs @statements on @raw, stepping every row; how long that took, in ms */
static double
replay (sqlite3 *raw, GPtrArray *statements)
{
  double started = now_ms ();

  for (guint i = 0; i < statements->len; i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (raw, statements->pdata[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("The raw query failed: %s", sqlite3_errmsg (raw));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
    }
  return now_ms () - started;
}

static void
print_row (const char *what, Stats a, double raw, const char *raw_range)
{
  g_autofree char *ours_range = g_strdup_printf ("(%.1f–%.1f)", a.min, a.max);

  g_print ("%-18s %10.1f %19s %10.1f %19s %9.2f\n", what, a.median, ours_range, raw, raw_range,
           raw > 0 ? a.median / raw : 0);
}

typedef enum
{
  ALL_REPORTS,
  ALL_REPORTS_JSON,
  CANDIDATES,
} ExportWhat;

/* One export of @what as @format into @path */
static void
export_once (SlDatabase *db, ExportWhat what, SlExportFormat format, const char *path,
             const SlReportFilter *filter, gint64 now)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (what != CANDIDATES)
    {
      SlReportKind kinds[SL_N_REPORTS];
      SlExportInfo info = { "All applications", "" };
      g_autoptr (GPtrArray) reports = NULL;

      for (guint kind = 0; kind < SL_N_REPORTS; kind++)
        kinds[kind] = (SlReportKind) kind;
      reports = sl_report_run_many (db, kinds, SL_N_REPORTS, filter, now, NULL, &error);
      if (what == ALL_REPORTS_JSON)
        ok = reports != NULL && sl_report_export_json (reports, filter, path, &error);
      else
        ok = reports != NULL &&
             sl_report_export (reports, format, &info, path, NULL, NULL, NULL, &error);
    }
  else
    {
      g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
      ok = sl_candidates_export (db, query, format, path, NULL, NULL, NULL, &error);
    }
  if (!ok)
    g_error ("%s", error->message);
}

static gint64
scalar (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

int
main (int argc, char *argv[])
{
  int candidates = 120000;
  int runs = 9;
  g_autofree char *database = NULL;
  GOptionEntry entries[] = {
    { "candidates", 'n', 0, G_OPTION_ARG_INT, &candidates,
      "Sample candidates to generate (default 120000: about a million stage events)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each report (default 9)", "R" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Use this file; reused as it is if it exists and is not empty", "PATH" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time the reports");

  /* The XLSX and PDF writers: the formats module of this build, not an installed one */
  g_setenv ("SHORTLIST_MODULEDIR", MODULE_DIR, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (SlDatabase) db = NULL;
  SlReportFilter filter = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3 *raw = NULL;
  double raw_total = 0;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!bench_parse (context, &argc, &argv, &candidates, &runs))
    return 2;
  path = bench_database_path (database, &tmpdir);
  if (g_stat (path, &st) != 0 || st.st_size == 0)
    {
      g_autoptr (SlDatabase) writer = sl_database_open (path, &error);
      double started = now_ms ();

      if (writer == NULL ||
          !sl_demo_generate (writer, (guint) candidates, 1, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("Sample data: %d candidates generated in %.1f s\n", candidates,
               (now_ms () - started) / 1000);
    }
  else
    {
      /* A file of an older schema is brought up to date first, as the app would */
      g_autoptr (SlDatabase) writer = sl_database_open (path, &error);

      if (writer == NULL)
        g_error ("%s", error->message);
    }
  db = sl_database_open_reader (path, &error);
  if (db == NULL || sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Cannot open %s: %s", path, error ? error->message : sqlite3_errmsg (raw));
  g_print ("Shortlist report benchmark: SQLite %s, %d runs of each report\n", sqlite3_libversion (),
           runs);
  g_print ("Database: %s — %" G_GINT64_FORMAT " candidates, %" G_GINT64_FORMAT
           " applications, %" G_GINT64_FORMAT " stage events, %" G_GINT64_FORMAT " interviews\n\n",
           path, scalar (raw, "SELECT count(*) FROM candidates"),
           scalar (raw, "SELECT count(*) FROM applications"),
           scalar (raw, "SELECT count(*) FROM stage_events"),
           scalar (raw, "SELECT count(*) FROM interviews"));
  g_print ("%-18s %10s %19s %10s %19s %9s\n", "report", "ours ms", "(min–max)", "raw ms",
           "(min–max)", "ours/raw");

  for (guint kind = 0; kind < SL_N_REPORTS; kind++)
    {
      g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
      Stats a, b;

      /* One untimed run warms the caches and catches the statements */
      sqlite3_trace_v2 (sl_database_get_handle (db), SQLITE_TRACE_STMT, trace_cb, statements);
      {
        g_autoptr (SlReport) report = sl_report_run (db, kind, &filter, now, NULL, &error);
        if (report == NULL)
          g_error ("%s", error->message);
      }
      sqlite3_trace_v2 (sl_database_get_handle (db), 0, NULL, NULL);

      for (int r = 0; r < runs; r++)
        {
          double started = now_ms ();
          g_autoptr (SlReport) report = sl_report_run (db, kind, &filter, now, NULL, &error);
          double ms = now_ms () - started;

          if (report == NULL)
            g_error ("%s", error->message);
          g_array_append_val (ours, ms);

          ms = replay (raw, statements);
          g_array_append_val (bare, ms);
        }
      a = bench_stats (ours);
      b = bench_stats (bare);
      raw_total += b.median;
      {
        g_autofree char *raw_range = g_strdup_printf ("(%.1f–%.1f)", b.min, b.max);
        print_row (sl_report_kind_id (kind), a, b.median, raw_range);
      }
    }
  /* All seven together, as an export of them all computes them: two connections, the shared
   * pass; beside it, every report's bare SQL one after the other */
  {
    g_autoptr (GArray) together = g_array_new (FALSE, FALSE, sizeof (double));
    SlReportKind kinds[SL_N_REPORTS];
    Stats a;

    for (guint kind = 0; kind < SL_N_REPORTS; kind++)
      kinds[kind] = (SlReportKind) kind;
    for (int r = 0; r < runs; r++)
      {
        double started = now_ms ();
        g_autoptr (GPtrArray) reports =
          sl_report_run_many (db, kinds, SL_N_REPORTS, &filter, now, NULL, &error);
        double ms = now_ms () - started;

        if (reports == NULL)
          g_error ("%s", error->message);
        g_array_append_val (together, ms);
      }
    a = bench_stats (together);
    print_row ("all seven", a, raw_total, "(sum of medians)");
  }

  /* The exports. Beside all seven reports in a file, their bare SQL as above; beside the
   * candidate list, the statements its export executed (the list's order, then the
   * candidates in batches), replayed. */
  g_print ("\n%-18s %10s %19s %10s %19s %9s\n", "export", "ours ms", "(min–max)", "raw ms",
           "(min–max)", "ours/raw");
  {
    static const struct
    {
      const char *name;
      ExportWhat what;
      SlExportFormat format;
    } exports[] = {
      { "all seven, CSV", ALL_REPORTS, SL_EXPORT_CSV },
      { "all seven, XLSX", ALL_REPORTS, SL_EXPORT_XLSX },
      { "all seven, PDF", ALL_REPORTS, SL_EXPORT_PDF },
      { "all seven, JSON", ALL_REPORTS_JSON, SL_EXPORT_CSV /* not used */ },
      { "candidates, CSV", CANDIDATES, SL_EXPORT_CSV },
      { "candidates, XLSX", CANDIDATES, SL_EXPORT_XLSX },
    };
    g_autofree char *folder = g_dir_make_tmp ("shortlist-export-bench-XXXXXX", &error);
    g_autofree char *file = NULL;

    if (folder == NULL)
      g_error ("%s", error->message);
    file = g_build_filename (folder, "export", NULL);
    for (guint e = 0; e < G_N_ELEMENTS (exports); e++)
      {
        g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
        Stats a, b;

        sqlite3_trace_v2 (sl_database_get_handle (db), SQLITE_TRACE_STMT, trace_cb, statements);
        export_once (db, exports[e].what, exports[e].format, file, &filter, now);
        sqlite3_trace_v2 (sl_database_get_handle (db), 0, NULL, NULL);
        for (int r = 0; r < runs; r++)
          {
            double started = now_ms ();
            double ms;

            export_once (db, exports[e].what, exports[e].format, file, &filter, now);
            ms = now_ms () - started;
            g_array_append_val (ours, ms);
            if (exports[e].what == CANDIDATES)
              {
                ms = replay (raw, statements);
                g_array_append_val (bare, ms);
              }
          }
        a = bench_stats (ours);
        if (exports[e].what == CANDIDATES)
          {
            g_autofree char *raw_range = NULL;

            b = bench_stats (bare);
            raw_range = g_strdup_printf ("(%.1f–%.1f)", b.min, b.max);
            print_row (exports[e].name, a, b.median, raw_range);
          }
        else
          print_row (exports[e].name, a, raw_total, "(reports' SQL)");
      }
    g_unlink (file);
    g_rmdir (folder);
  }
  sqlite3_close (raw);
  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&db);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return 0;
}
