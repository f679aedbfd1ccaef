/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* shortlist-bench.c — how long the candidate list and search-as-you-type take at scale
 *
 * Not a test: it prints figures. It times the path the window takes (a query on the store's
 * worker thread, then sl_candidate_list_set_ids() in the callback, from a main loop) and the
 * same SQL stepped directly through the sqlite3 API, so the overhead of the path shows.
 *
 *   shortlist-bench [--candidates N] [--runs R] [--database PATH]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "sl-candidate-list.h"
#include "bench-util.h"
#include "sl-demo.h"
#include "sl-fold.h"
#include "sl-store.h"

/* The text the core builds for a search and for the whole list (sl-candidate-query.c) */
#define SEARCH_SQL                                                                 \
  "SELECT c.id FROM candidates_fts f JOIN candidates c INDEXED BY candidates_pos"  \
  " ON c.sort_pos = f.rowid WHERE candidates_fts MATCH ? AND c.deleted_at IS NULL" \
  " ORDER BY f.rowid"
#define ALL_SQL "SELECT c.id FROM candidates c WHERE c.deleted_at IS NULL ORDER BY c.sort_key, c.id"

static const char *const typed[] = {
  NULL, /* the whole list, as the window opens */
  "o",  "ol", "ole", "olek", "oleks", "oleksa", "oleksan", "j", "jo", "joa", "joao",
};

/* One run of the window's path: query on the worker thread, set_ids in the callback */
typedef struct
{
  GMainLoop *loop;
  SlCandidateList *list;
  gint64 started;
  double elapsed_ms;
  guint rows;
  GMutex lock;
  GCond cond;
  gboolean task_gone;
} WindowRun;

/* Object data is dropped after GTask's finalize has released the source object; a weak
 * reference would tell too early, from dispose */
static void
task_finalized_cb (gpointer data)
{
  WindowRun *run = data;

  g_mutex_lock (&run->lock);
  run->task_gone = TRUE;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->lock);
}

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WindowRun *run = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = sl_store_query_candidates_finish (SL_STORE (source), result, &error);

  if (ids == NULL)
    g_error ("The query failed: %s", error->message);
  sl_candidate_list_set_ids (run->list, ids);
  run->elapsed_ms = (g_get_monotonic_time () - run->started) / 1000.0;
  run->rows = g_list_model_get_n_items (G_LIST_MODEL (run->list));
  /* Wait, untimed, for the worker to let go of the task before the next run */
  g_object_set_data_full (G_OBJECT (result), "finalized", run, task_finalized_cb);
  g_main_loop_quit (run->loop);
}

static double
window_run (SlStore *store, SlCandidateList *list, const char *text, guint *rows)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  WindowRun run = { 0 };

  query->text = g_strdup (text);
  run.loop = g_main_loop_new (NULL, FALSE);
  run.list = list;
  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);

  run.started = g_get_monotonic_time ();
  sl_store_query_candidates_async (store, query, cancellable, query_done_cb, &run);
  g_main_loop_run (run.loop);

  g_mutex_lock (&run.lock);
  while (!run.task_gone)
    g_cond_wait (&run.cond, &run.lock);
  g_mutex_unlock (&run.lock);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.cond);
  g_main_loop_unref (run.loop);
  *rows = run.rows;
  return run.elapsed_ms;
}

/* The same SQL through the sqlite3 API alone: one prepared statement, every row stepped */
static double
raw_run (sqlite3 *db, sqlite3_stmt *stmt, const char *match, guint *rows)
{
  g_autoptr (GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  gint64 started = g_get_monotonic_time ();
  int rc;

  sqlite3_reset (stmt);
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    g_error ("The raw query failed: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  *rows = ids->len;
  return (g_get_monotonic_time () - started) / 1000.0;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static gint64
count_candidates (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM candidates WHERE deleted_at IS NULL", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* printf pads by bytes; the table has “—” and “–” in it, so pad by characters */
static void
cell (GString *line, const char *text, int width, gboolean right)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

static void
print_row (const char *const *cells)
{
  static const int widths[] = { 8, 12, 7, 10, 17, 10, 17, 8 };
  static const gboolean right[] = { FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, FALSE, TRUE };
  g_autoptr (GString) line = g_string_new ("  ");

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    cell (line, cells[i], widths[i], right[i]);
  g_print ("%s\n", g_strchomp (line->str));
}

static const char *
label (const char *text)
{
  return text ? text : "(all)";
}

int
main (int argc, char *argv[])
{
  int candidates = 100000;
  int runs = 15;
  g_autofree char *database = NULL;
  GOptionEntry entries[] = {
    { "candidates", 'n', 0, G_OPTION_ARG_INT, &candidates,
      "Sample candidates to generate (default 100000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each measurement (default 15)", "R" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Use this file; reused as it is if it exists and is not empty", "PATH" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new ("— time the candidate list and search");
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GArray) model_times = g_array_new (FALSE, FALSE, sizeof (double));
  SlStore *store;
  SlCandidateList *list;
  sqlite3 *raw = NULL;
  sqlite3_stmt *search_stmt = NULL;
  sqlite3_stmt *all_stmt = NULL;
  GStatBuf st;
  double cold_ms;
  guint rows = 0;
  guint instances;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!bench_parse (context, &argc, &argv, &candidates, &runs))
    return 2;

  path = bench_database_path (database, &tmpdir);

  g_print ("Shortlist benchmark: SQLite %s, GLib %u.%u.%u, %d runs of each measurement\n",
           sqlite3_libversion (), glib_major_version, glib_minor_version, glib_micro_version, runs);
  if (g_stat (path, &st) == 0 && st.st_size > 0)
    g_print ("Database: %s (existing, %" G_GINT64_FORMAT " candidates)\n", path,
             count_candidates (path));
  else
    {
      g_autoptr (SlDatabase) db = sl_database_open (path, &error);
      gint64 started;

      if (db == NULL)
        g_error ("%s", error->message);
      started = g_get_monotonic_time ();
      if (!sl_demo_generate (db, (guint) candidates, 1, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("Database: %s\nSample data: %d candidates generated in %.2f s\n", path, candidates,
               (g_get_monotonic_time () - started) / 1e6);
    }

  store = sl_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  list = sl_candidate_list_new (store);

  /* (a) the window's model */
  instances = sl_candidate_get_n_instances ();
  cold_ms = window_run (store, list, NULL, &rows);
  for (int i = 0; i < runs; i++)
    {
      double ms = window_run (store, list, NULL, &rows);
      g_array_append_val (model_times, ms);
    }
  {
    Stats s = bench_stats (model_times);

    g_print ("\n(a) Building the window's candidate model: sl_store_query_candidates_async (empty "
             "query)\n    + sl_candidate_list_set_ids in the callback, timed from a GMainLoop\n");
    g_print ("    first run (opens the worker's connection): %8.2f ms\n", cold_ms);
    g_print ("    median %.2f ms   min %.2f ms   max %.2f ms   rows %u\n", s.median, s.min, s.max,
             rows);
    g_print ("    live SlCandidate objects after building it: %u (before: %u)\n",
             sl_candidate_get_n_instances (), instances);
  }

  /* (b) and (c): every query both ways */
  /* The page cache the app's readers have (sl-database.c): with SQLite's default 2 MB one
   * the raw side rereads the index of sort keys, and looks slower than it need be */
  if (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_exec (raw, "PRAGMA cache_size = -8192", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (raw, SEARCH_SQL, -1, SQLITE_PREPARE_PERSISTENT, &search_stmt, NULL) !=
        SQLITE_OK ||
      sqlite3_prepare_v3 (raw, ALL_SQL, -1, SQLITE_PREPARE_PERSISTENT, &all_stmt, NULL) !=
        SQLITE_OK)
    g_error ("Cannot open %s with sqlite3: %s", path, sqlite3_errmsg (raw));

  g_print ("\n(b) Search as you type through the same path as (a), per keystroke, against\n"
           "(c) the same SQL run directly with the sqlite3 API (read-only connection with the\n"
           "    readers' page cache, one prepared statement, the query folded by\n"
           "    sl_fold_fts_query, rows stepped into an array);\n"
           "    the two alternate run by run. (all) is the empty query of (a) again.\n\n");
  print_row (
    (const char *const[]){ "typed", "FTS query", "rows", "ours ms", "", "raw ms", "", "ours/raw" });
  print_row ((const char *const[]){ "", "", "", "median", "(min–max)", "median", "(min–max)", "" });
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) direct = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *match = typed[q] ? sl_fold_fts_query (typed[q]) : NULL;
      guint our_rows = 0;
      guint raw_rows = 0;
      Stats a;
      Stats b;

      /* Alternated, so that both see the same machine */
      for (int i = 0; i < runs; i++)
        {
          double ms = window_run (store, list, typed[q], &our_rows);
          g_array_append_val (ours, ms);
          ms = raw_run (raw, match ? search_stmt : all_stmt, match, &raw_rows);
          g_array_append_val (direct, ms);
        }
      if (our_rows != raw_rows)
        g_error ("“%s”: %u rows through the store, %u directly", label (typed[q]), our_rows,
                 raw_rows);
      a = bench_stats (ours);
      b = bench_stats (direct);
      {
        g_autofree char *n = g_strdup_printf ("%u", our_rows);
        g_autofree char *ours_median = g_strdup_printf ("%.2f", a.median);
        g_autofree char *ours_range = g_strdup_printf ("(%.2f–%.2f)", a.min, a.max);
        g_autofree char *raw_median = g_strdup_printf ("%.2f", b.median);
        g_autofree char *raw_range = g_strdup_printf ("(%.2f–%.2f)", b.min, b.max);
        g_autofree char *ratio = g_strdup_printf ("%.2f", b.median > 0 ? a.median / b.median : 0);

        print_row ((const char *const[]){ label (typed[q]), match ? match : "—", n, ours_median,
                                          ours_range, raw_median, raw_range, ratio });
      }
    }
  g_print ("\n  live SlCandidate objects at the end: %u\n", sl_candidate_get_n_instances ());

  sqlite3_finalize (search_stmt);
  sqlite3_finalize (all_stmt);
  sqlite3_close (raw);
  g_object_unref (list);
  g_object_unref (store);
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  return 0;
}
