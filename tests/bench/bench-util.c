/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* bench-util.c — what the benchmarks share (see bench-util.h) */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "bench-util.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Median, min and max of @times (sorted in place) */
Stats
bench_stats (GArray *times)
{
  Stats s = { 0 };
  double *t = (double *) (gpointer) times->data;
  guint n = times->len;

  qsort (t, n, sizeof (double), compare_doubles);
  s.min = t[0];
  s.max = t[n - 1];
  s.median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
  return s;
}

/* @database, or a file in a new temporary folder (returned in @tmpdir) */
char *
bench_database_path (const char *database, char **tmpdir)
{
  g_autoptr (GError) error = NULL;

  *tmpdir = NULL;
  if (database != NULL)
    return g_strdup (database);
  *tmpdir = g_dir_make_tmp ("shortlist-bench-XXXXXX", &error);
  if (*tmpdir == NULL)
    g_error ("%s", error->message);
  return g_build_filename (*tmpdir, "shortlist.db", NULL);
}

/* Parses the command line; FALSE (after saying why) when it is wrong */
gboolean
bench_parse (GOptionContext *context, int *argc, char ***argv, const int *candidates,
             const int *runs)
{
  g_autoptr (GError) error = NULL;

  setlocale (LC_ALL, "");
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (*candidates <= 0 || *runs <= 0)
    {
      g_printerr ("--candidates and --runs must be positive\n");
      return FALSE;
    }
  return TRUE;
}
