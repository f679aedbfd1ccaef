/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-util.h — what the core tests share: a fresh folder per test and plain SQLite reads */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct
{
  char *dir;  /* a new temporary folder, removed with everything in it after the test */
  char *path; /* dir/shortlist.db, not created yet */
} SlTestDir;

void sl_test_dir_setup (SlTestDir *fixture, gconstpointer data);
void sl_test_dir_teardown (SlTestDir *fixture, gconstpointer data);

#define SL_TEST_ADD(name, func) \
  g_test_add (name, SlTestDir, NULL, sl_test_dir_setup, func, sl_test_dir_teardown)

void sl_test_remove_tree (const char *path);
GBytes *sl_test_read_file (const char *path);
guint sl_test_file_mode (const char *path);

sqlite3 *sl_test_sqlite_open (const char *path, gboolean readonly);
void sl_test_sqlite_exec (sqlite3 *db, const char *sql);
gint64 sl_test_sqlite_int (sqlite3 *db, const char *sql);
char *sl_test_sqlite_text (sqlite3 *db, const char *sql);
char *sl_test_sqlite_dump (sqlite3 *db, const char *sql);
GArray *sl_test_sqlite_ids (sqlite3 *db, const char *sql, const char *const *params);
void sl_test_assert_ids_equal (GArray *got, GArray *expected);

G_END_DECLS
