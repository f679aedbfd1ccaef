/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-backup.c — copies of the database that are correct while it is in use, and restoring one
 *
 * A plain copy of the file misses what is still in its WAL, and can catch a write half done.
 * A backup goes through SQLite's online backup API instead: the whole database is copied in
 * one read transaction, so it is the database as it was when that began, WAL included, while
 * the app and shortlist-cli go on writing. It is written as every export is (sl-export-file.c):
 * to a private temporary file, checked (quick_check), then renamed into place. A backup is a
 * single file in rollback-journal mode, to be copied or mailed as it is.
 *
 * Restoring copies a backup into the database through the same API, in one write transaction,
 * so other connections see either the old database or the restored one. What it replaces is
 * first kept as a backup beside it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sl-backup.h"
#include "sl-database.h"
#include "sl-export-file.h"

/* How long a copy waits for a writer to finish its transaction, in steps of BUSY_SLEEP_MS */
#define BUSY_TRIES 200
#define BUSY_SLEEP_MS 25

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

/* @path is the database at @database, or the WAL, shared memory or journal beside it */
static gboolean
is_the_database (const char *database, const char *path, GError **error)
{
  static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (database, sides[i], NULL);
      g_autofree char *canonical_side = g_canonicalize_filename (side, NULL);

      /* By name too: the WAL is not there while no one has the database open */
      if (same_file (side, path) || g_str_equal (canonical, canonical_side))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _ ("“%s” is the database itself: a backup needs another file"), display);
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_sqlite_error (sqlite3 *db, const char *path, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
               /* TRANSLATORS: the first %s is a file name, the second why it failed */
               _ ("Cannot write “%s”: %s"), display,
               db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
}

/* Copies the whole of @from into @to in one step; @to_path names @to in a message */
static gboolean
copy_database (sqlite3 *from, sqlite3 *to, const char *to_path, GError **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc = SQLITE_OK;

  if (backup == NULL)
    {
      set_sqlite_error (to, to_path, error);
      return FALSE;
    }
  /* All pages at once: one read transaction, so one consistent state of the database. Busy
   * only while another connection writes to @to (a restore); then it waits, as a write does */
  for (guint tries = 0; tries < BUSY_TRIES; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      g_usleep (BUSY_SLEEP_MS * 1000);
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (to, to_path, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
first_row_is (sqlite3 *db, const char *sql, const char *expected)
{
  sqlite3_stmt *stmt = NULL;
  gboolean result = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_finalize (stmt);
  return result;
}

/* Copies the database at @database to @output; @verify: the copy is checked (a copy kept
 * before a restore is the database as it was, damaged or not, to recover from later) */
static gboolean
write_copy (const char *database, const char *output, gboolean verify, GError **error)
{
  g_autoptr (SlDatabase) source = NULL;
  SlExportFile file = { 0 };
  sqlite3 *copy = NULL;
  gboolean ok;

  g_return_val_if_fail (database != NULL && output != NULL, FALSE);

  if (is_the_database (database, output, error))
    return FALSE;
  source = sl_database_open_readonly (database, error);
  if (source == NULL)
    return FALSE;
  /* An older backup at @output is replaced */
  if (!sl_export_file_open_full (&file, output, TRUE, error))
    return FALSE;
  if (!sl_export_file_close (&file, error))
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  if (sqlite3_open_v2 (file.temporary, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (copy, output, error);
      sqlite3_close (copy);
      sl_export_file_abort (&file);
      return FALSE;
    }
  ok = copy_database (sl_database_get_handle (source), copy, output, error);
  if (ok && (sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK ||
             (verify && !first_row_is (copy, "PRAGMA quick_check", "ok"))))
    {
      set_sqlite_error (copy, output, error);
      ok = FALSE;
    }
  sqlite3_close (copy);
  if (!ok)
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  return sl_export_file_commit (&file, NULL, error);
}

/* Writes a backup of the database at @database to @output */
gboolean
sl_backup_write (const char *database, const char *output, GError **error)
{
  if (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"))
    return sl_backup_write_team (database, output, error);
  return write_copy (database, output, TRUE, error);
}

/* Opens the Shortlist database at @path read-only, as SQLite alone (no upgrade, no check), to
 * be copied whole: a backup to restore, a damaged file to recover. @version gets its schema
 * version. A file that is not Shortlist's, is from a newer version, or whose list of tables
 * cannot be read is refused with @error set. */
sqlite3 *
sl_backup_open_source (const char *path, int *version, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int application_id = 0, rc = SQLITE_CANTOPEN;

  *version = -1;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _ ("There is no database at “%s”"),
                   display);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      (rc = sqlite3_prepare_v2 (db, "SELECT * FROM pragma_application_id, pragma_user_version", -1,
                                &stmt, NULL)) == SQLITE_OK &&
      (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int (stmt, 0);
      *version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if ((rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT, _ ("“%s” is damaged: %s"),
                 display, sqlite3_errmsg (db));
  else if (application_id != SL_DATABASE_APPLICATION_ID || *version < 1)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                 _ ("“%s” is not a Shortlist database"), display);
  else if (*version > SL_DATABASE_SCHEMA_VERSION)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                 _ ("“%s” was written by a newer version of Shortlist (schema %d; this version "
                    "reads up to %d)"),
                 display, *version, SL_DATABASE_SCHEMA_VERSION);
  else
    return db;
  sqlite3_close (db);
  return NULL;
}

/* Opens @path read-only if it is a sound Shortlist database this version can open */
static sqlite3 *
open_backup (const char *path, GError **error)
{
  int version;
  sqlite3 *db = sl_backup_open_source (path, &version, error);

  if (db != NULL && !first_row_is (db, "PRAGMA quick_check", "ok"))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT, _ ("“%s” is damaged: %s"),
                   display, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* Beside @database, named for the moment: shortlist-before-restore-2026-12-07-093012.db */
static char *
kept_path (const char *database)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *stem = g_str_has_suffix (database, ".db")
                            ? g_strndup (database, strlen (database) - 3)
                            : g_strdup (database);

  return g_strdup_printf ("%s-before-restore-%s.db", stem, stamp);
}

/* Replaces the database at @database with the backup at @backup, after keeping it as a backup
 * beside it (its path in @kept, or NULL if there was no database). A file that is not a sound
 * Shortlist database, or is from a newer version, changes nothing. A backup from an older
 * version is upgraded. */
gboolean
sl_backup_restore (const char *database, const char *backup, char **kept, GError **error)
{
  g_autoptr (SlDatabase) target = NULL;
  g_autofree char *kept_file = NULL;
  sqlite3 *source;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (database != NULL && backup != NULL, FALSE);

  if (is_the_database (database, backup, error))
    return FALSE;
  source = open_backup (backup, error);
  if (source == NULL)
    return FALSE;
  if (g_stat (database, &st) == 0 && st.st_size > 0)
    {
      kept_file = kept_path (database);
      if (!write_copy (database, kept_file, FALSE, error))
        {
          sqlite3_close (source);
          return FALSE;
        }
    }
  /* A damaged database is what a restore is for: it is opened all the same */
  target = sl_database_open_to_replace (database, error);
  ok = target != NULL && copy_database (source, sl_database_get_handle (target), database, error);
  sqlite3_close (source);
  if (!ok)
    return FALSE;
  /* Opened again, a backup of an older schema is upgraded as any older database is */
  g_clear_object (&target);
  target = sl_database_open (database, error);
  if (target == NULL)
    return FALSE;
  if (kept != NULL)
    *kept = g_steal_pointer (&kept_file);
  return TRUE;
}

char *
sl_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "shortlist", "backups", NULL);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Removes all but the @keep newest of the backups in @folder whose names start with @prefix */
static void
prune (const char *folder, const char *prefix, guint keep)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  /* PREFIX-YYYY-MM-DD.db: the names sort by date */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db") &&
        strlen (name) == strlen (prefix) + strlen ("YYYY-MM-DD.db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
}

/* The day's automatic backup of @database in @folder, unless there is one already: its path,
 * or NULL (with @error set if it failed). The @keep newest of the database's automatic backups
 * are kept; @keep 0 turns them off. Each database has its own names, from its file name and
 * its whole path: shortlist-1a2b3c4d-2026-12-07.db */
char *
sl_backup_automatic (const char *database, const char *folder, guint keep, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (database != NULL && folder != NULL, NULL);

  if (keep == 0)
    return NULL;
  canonical = g_canonicalize_filename (database, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  base = g_path_get_basename (database);
  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  prefix = g_strdup_printf ("%s-%.8s-", base, hash);
  name = g_strconcat (prefix, today, ".db", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("Cannot write “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (folder, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      prune (folder, prefix, keep);
      return NULL;
    }
  if (!sl_backup_write (database, path, error))
    return NULL;
  prune (folder, prefix, keep);
  return g_steal_pointer (&path);
}
