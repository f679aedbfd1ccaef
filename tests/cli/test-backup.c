/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-backup.c — the automatic backups: one a day per database, the newest kept */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-backup.h"
#include "sl-database.h"
#include "test-util.h"

static guint
count_with_prefix (const char *folder, const char *prefix)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static void
test_automatic (SlTestDir *dir, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = sl_database_open (dir->path, &error);
  g_autofree char *folder = g_build_filename (dir->dir, "backups", NULL);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *base = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *other = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d.db");

  g_assert_no_error (error);
  /* Off: nothing made */
  g_assert_null (sl_backup_automatic (dir->path, folder, 0, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  first = sl_backup_automatic (dir->path, folder, 7, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, today));
  g_assert_cmpuint (sl_test_file_mode (first), ==, 0600);
  g_assert_cmpuint (sl_test_file_mode (folder), ==, 0700);
  {
    sqlite3 *copy = sl_test_sqlite_open (first, TRUE);
    g_autofree char *check = sl_test_sqlite_text (copy, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
    sqlite3_close (copy);
  }

  /* One a day */
  again = sl_backup_automatic (dir->path, folder, 7, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  /* The newest are kept: nine older days, keep 3 */
  base = g_path_get_basename (first);
  prefix = g_strndup (base, strlen (base) - strlen (today));
  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("%s2020-01-0%d.db", prefix, day);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    }
  g_assert_cmpuint (count_with_prefix (folder, prefix), ==, 10);
  g_assert_null (sl_backup_automatic (dir->path, folder, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_with_prefix (folder, prefix), ==, 3);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  {
    g_autofree char *newest_old = g_strdup_printf ("%s/%s2020-01-09.db", folder, prefix);

    g_assert_true (g_file_test (newest_old, G_FILE_TEST_EXISTS));
  }

  /* Another database of the same name elsewhere has backups of its own */
  elsewhere = g_build_filename (dir->dir, "elsewhere", NULL);
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  other_path = g_build_filename (elsewhere, "shortlist.db", NULL);
  g_clear_object (&db);
  db = sl_database_open (other_path, &error);
  g_assert_no_error (error);
  other = sl_backup_automatic (other_path, folder, 7, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_false (g_str_has_prefix (strrchr (other, '/') + 1, prefix));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  SL_TEST_ADD ("/backup/automatic", test_automatic);

  return g_test_run ();
}
