/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-locks.c — the app's locks on its database survive anything else in its process opening
 * and closing the file, with shortlist-cli writing beside it
 *
 * POSIX locks are dropped when the process closes any descriptor of the file; GTK's file
 * chooser on the database's folder did that. shortlist-cli then took itself for the only user,
 * checkpointed and deleted the live WAL, and the app's later writes went into a deleted file.
 * Here the app's store writes, the file and its -wal and -shm are opened and closed the way the
 * chooser did, the real CLI writes, the app writes again, the CLI again; after the app closes,
 * every row is there and SQLite finds the file sound.
 *
 *   test-locks PATH-TO-SHORTLIST-CLI
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sl-store.h"
#include "test-util.h"

static const char *cli;

static void
store_add (SlStore *store, const char *name)
{
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;

  sl_candidate_set_name (candidate, name);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
}

static void
cli_add (const char *path, const char *name)
{
  const char *argv[] = { cli, "add-candidate", "--database", path, "--name", name, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("shortlist-cli add-candidate failed: %s", err);
}

/* What a file chooser, GIO reading a type or a thumbnailer does in the app's process */
static void
open_and_close (const char *path)
{
  const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int fd = g_open (file, O_RDONLY, 0);

      if (fd >= 0)
        close (fd);
    }
}

static void
test_locks_survive_other_descriptors (SlTestDir *dir, gconstpointer data)
{
  const char *const names[] = { "App Before", "Cli First", "App After", "Cli Second" };
  g_autoptr (GError) error = NULL;
  g_autoptr (SlStore) store = sl_store_open (dir->path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  store_add (store, names[0]);
  open_and_close (dir->path);
  cli_add (dir->path, names[1]);
  store_add (store, names[2]);
  open_and_close (dir->path);
  cli_add (dir->path, names[3]);
  g_clear_object (&store);

  db = sl_test_sqlite_open (dir->path, TRUE);
  {
    g_autofree char *check = sl_test_sqlite_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM candidates WHERE name = '%s'", names[i]);

      if (sl_test_sqlite_int (db, sql) != 1)
        g_error ("“%s”, written before the app closed, is not in the file", names[i]);
    }
  g_assert_cmpint (sl_test_sqlite_int (db, "SELECT count(*) FROM candidates"), ==, 4);
  sqlite3_close (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (argc < 2)
    g_error ("usage: test-locks PATH-TO-SHORTLIST-CLI");
  cli = argv[1];

  SL_TEST_ADD ("/locks/survive-other-descriptors", test_locks_survive_other_descriptors);

  return g_test_run ();
}
