/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* bench-util.h — what the benchmarks share: the figures of a set of timings, the options */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double median;
  double min;
  double max;
} Stats;

Stats bench_stats (GArray *times);
char *bench_database_path (const char *database, char **tmpdir);
gboolean bench_parse (GOptionContext *context, int *argc, char ***argv, const int *candidates,
                      const int *runs);

G_END_DECLS
