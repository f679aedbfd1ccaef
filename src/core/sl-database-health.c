/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database-health.c — is the file as Shortlist last left it, sound?
 *
 * A damaged file (a disk error, a copy gone wrong, random bytes over some of its pages) must not
 * be written to: SQLite reads only the pages a write touches, so a write lands beside damage it
 * never saw and builds on it. The check that finds such damage, quick_check, reads every page:
 * seconds at 100,000 candidates, about a minute at a million. Too much before every command.
 *
 * So a writer checks the whole file only when it changed since Shortlist last saw it sound. Each
 * writer that found (or made) the file sound records, after each commit and when it closes, a
 * stamp of the database and its WAL: device, inode, size, modification and change times. The
 * stamps live in $XDG_STATE_HOME/shortlist/checked/, one per database path. A file whose stamp
 * matches is the one Shortlist wrote; anything else that changed it — another program, a copy
 * put in its place, bytes written by something that is not SQLite — leaves a file that does not
 * match, and the next writer reads the whole file first.
 *
 * What it costs: a stat of two files on open and after each commit, and a small file rewritten
 * (to a temporary file renamed into place: a stamp lost in a crash costs one check). What it
 * misses: damage done while a writer has the file open and trusted is covered by that writer's
 * next stamp; it is found by `shortlist-cli check`, and by the next writer after any other
 * program's change.
 */
#include "config.h"

#include <stdint.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>

#include "sl-database-health.h"
#include "sl-database-private.h"

static char *
stamp_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "shortlist", "checked", NULL);
}

static char *
stamp_path (const char *database)
{
  g_autofree char *canonical = g_canonicalize_filename (database, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_autofree char *folder = stamp_folder ();

  return g_build_filename (folder, hash, NULL);
}

/* @empty_is_none: an empty file counts as none (a WAL is made empty by whoever opens the
 * database, and holds nothing until a write) */
static void
append_stat (GString *out, const char *path, gboolean empty_is_none)
{
  struct stat st;

  if (stat (path, &st) != 0 || (empty_is_none && st.st_size == 0))
    {
      g_string_append (out, " -");
      return;
    }
  g_string_append_printf (out, " %ju:%ju:%jd:%jd.%09ld:%jd.%09ld", (uintmax_t) st.st_dev,
                          (uintmax_t) st.st_ino, (intmax_t) st.st_size,
                          (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

/* One line: the database's canonical path (so stale stamps can be found), then the state of
 * the file and of its WAL */
static char *
current_stamp (const char *database)
{
  g_autofree char *canonical = g_canonicalize_filename (database, NULL);
  g_autofree char *wal = g_strconcat (canonical, "-wal", NULL);
  GString *out = g_string_new (canonical);

  append_stat (out, canonical, FALSE);
  append_stat (out, wal, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Whether @database is as the last sound writer left it */
gboolean
sl_health_stamp_matches (const char *database)
{
  g_autofree char *path = stamp_path (database);
  g_autofree char *recorded = NULL;
  g_autofree char *now = NULL;

  if (!g_file_get_contents (path, &recorded, NULL, NULL))
    return FALSE;
  now = current_stamp (database);
  return g_str_equal (recorded, now);
}

/* Records @database's present state as sound. Best effort: a stamp that cannot be written only
 * means the next writer checks the file. */
void
sl_health_stamp_record (const char *database)
{
  g_autofree char *folder = stamp_folder ();
  g_autofree char *path = stamp_path (database);
  g_autofree char *stamp = current_stamp (database);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return;
  g_file_set_contents_full (path, stamp, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

void
sl_health_stamp_forget (const char *database)
{
  g_autofree char *path = stamp_path (database);

  g_unlink (path);
}

/* Removes the stamps of databases that are no longer there (temporary files, deleted
 * databases): run when a check was needed anyway, so it costs nothing in the common case */
void
sl_health_stamp_prune (void)
{
  g_autofree char *folder = stamp_folder ();
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      char *space;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      space = strchr (contents, ' ');
      if (space == NULL)
        continue;
      *space = '\0';
      if (!g_file_test (contents, G_FILE_TEST_EXISTS))
        g_unlink (path);
    }
}

/* Reads every page of the file: SQLITE_OK when it could, with @finding NULL if it is sound and
 * else SQLite's first finding; another code when the check could not run (interrupted, busy) */
int
sl_health_quick_check (sqlite3 *db, char **finding)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *finding = NULL;
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (line == NULL)
        *finding = g_strdup ("?");
      else if (!g_str_equal (line, "ok"))
        {
          /* "*** in database main ***\nPage 24: ..." says which attached database: there is one */
          const char *newline = g_str_has_prefix (line, "***") ? strchr (line, '\n') : NULL;

          *finding = g_strdup (newline != NULL ? newline + 1 : line);
        }
      rc = SQLITE_OK;
    }
  else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      /* SQLite gave up reading: that is the finding */
      *finding = g_strdup (sqlite3_errmsg (db));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The database's own checks (shortlist-cli check, the window's check of a file another program
 * changed), moved here from sl-database.c: what a local file's health is */

static int
count_rows (SlDatabase *self, const char *sql, GString *out)
{
  sqlite3_stmt *stmt;
  int count = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    g_string_append_printf (out, _ ("The search index is damaged: %s\n"),
                            sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  return count;
}

/* The search index must hold exactly one row per candidate. FTS5's own 'integrity-check' is
 * a write statement, and checking must not write, so the rows are compared by reading. */
static gboolean
check_search_index (SlDatabase *self, GString *out)
{
  /* Index rows are keyed by the candidates' places in the list's order (sl-candidate-order.c),
   * and those places must follow the order itself: a place out of order is an index out of date */
  int missing = count_rows (self,
                            "SELECT count(*) FROM candidates c WHERE NOT EXISTS"
                            " (SELECT 1 FROM candidates_fts f WHERE f.rowid = c.sort_pos)",
                            out);
  int stale = count_rows (self,
                          "SELECT count(*) FROM candidates_fts f WHERE NOT EXISTS"
                          " (SELECT 1 FROM candidates c WHERE c.sort_pos = f.rowid)",
                          out);
  int differ =
    count_rows (self,
                "SELECT count(*) FROM candidates c JOIN candidates_fts f ON f.rowid = c.sort_pos"
                " WHERE f.name IS NOT sl_fold(c.name) OR f.email IS NOT sl_fold(c.email)"
                " OR f.city IS NOT sl_fold(c.city) OR f.notes IS NOT sl_fold(c.notes)",
                out) +
    count_rows (self,
                "SELECT count(*) FROM (SELECT sort_pos, lag (sort_pos) OVER"
                " (ORDER BY sort_key, id) AS before FROM candidates)"
                " WHERE sort_pos IS NULL OR before >= sort_pos",
                out);

  if (differ > 0)
    g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE, "The search index is out of date for %d candidate\n",
                   "The search index is out of date for %d candidates\n", differ),
      differ);
  if (missing > 0)
    g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE, "%d candidate is missing from the search index\n",
                   "%d candidates are missing from the search index\n", missing),
      missing);
  if (stale > 0)
    g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE, "The search index holds %d row of a deleted candidate\n",
                   "The search index holds %d rows of deleted candidates\n", stale),
      stale);
  return missing == 0 && stale == 0 && differ == 0;
}

/* Integrity, foreign keys and the schema version. @report gets one line a finding. */
gboolean
sl_database_check (SlDatabase *self, char **report, GError **error)
{
  return sl_database_check_full (self, report, NULL, error);
}

/* As sl_database_check(); @damaged (if not NULL) says whether the file itself is damaged (what
 * SQLite's integrity_check finds, or SQLite could not read), as opposed to rows that disagree */
gboolean
sl_database_check_full (SlDatabase *self, char **report, gboolean *damaged, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean sound = TRUE;
  int rc;

  if (damaged != NULL)
    *damaged = FALSE;
  /* At most ten findings: a badly damaged file has thousands, and the first say enough */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(10)", -1, &stmt, NULL) != SQLITE_OK)
    {
      sl_database_set_error (self, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          sound = FALSE;
          g_string_append_printf (out, "%s\n", line);
        }
    }
  if (rc != SQLITE_DONE)
    {
      int code = sqlite3_extended_errcode (self->db) & 0xff;

      if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
        {
          sl_database_set_error (self, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      /* SQLite gave up reading: that is a finding too, with what it found until then */
      sound = FALSE;
      g_string_append_printf (out, _ ("SQLite could not read the whole file: %s\n"),
                              sqlite3_errmsg (self->db));
    }
  sqlite3_finalize (stmt);
  if (!sound)
    {
      /* The other checks read the same damaged pages: the file's damage is the report */
      if (damaged != NULL)
        *damaged = TRUE;
      if (report != NULL)
        *report = g_string_free (g_steal_pointer (&out), FALSE);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      sl_database_set_error (self, error);
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sound = FALSE;
      g_string_append_printf (out, _ ("Row %lld of table %s refers to a missing row in %s\n"),
                              (long long) sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);

  if (!check_search_index (self, out))
    sound = FALSE;

  if (report != NULL)
    *report = g_string_free (g_steal_pointer (&out), FALSE);
  return sound;
}

/* Reads every page of the file (seconds at 100,000 candidates): TRUE when it could, with
 * @finding NULL if the file is sound and else what SQLite found first */
gboolean
sl_database_quick_check (SlDatabase *self, char **finding, GError **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  if (sl_health_quick_check (self->db, finding) == SQLITE_OK)
    return TRUE;
  sl_database_set_error (self, error);
  return FALSE;
}
