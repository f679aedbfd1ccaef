/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-resume-cache.c — the owner-only copies of résumés handed to a viewer
 *
 * A viewer (Papers, LibreOffice) needs a file, so opening a résumé writes a copy, 0600 in a
 * 0700 folder under the user's cache: $XDG_CACHE_HOME/shortlist/resumes/PID/DB-ID/NAME (the
 * process, a hash of the database's path and the candidate, so two databases' candidate 5
 * never share a copy; the original name, so the viewer shows it). A copy goes when its résumé
 * is removed or its candidate deleted, all of them when the app quits, and the folders of
 * processes that died without quitting are removed by the next start.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>

#include "sl-resume-cache.h"

static char *
cache_root (void)
{
  return g_build_filename (g_get_user_cache_dir (), "shortlist", "resumes", NULL);
}

/* This process's folder of copies */
char *
sl_resume_cache_dir (void)
{
  g_autofree char *root = cache_root ();
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());

  return g_build_filename (root, pid, NULL);
}

static char *
candidate_dir (SlStore *store, gint64 candidate_id)
{
  g_autofree char *dir = sl_resume_cache_dir ();
  g_autofree char *name = g_strdup_printf (
    "%08x-%" G_GINT64_FORMAT, g_str_hash (sl_database_get_path (sl_store_get_database (store))),
    candidate_id);

  return g_build_filename (dir, name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Writes the copy of candidate @candidate_id's résumé @filename; returns its path */
char *
sl_resume_cache_write (SlStore *store, gint64 candidate_id, const char *filename, GBytes *bytes,
                       GError **error)
{
  g_autofree char *dir = candidate_dir (store, candidate_id);
  g_autofree char *basename = g_path_get_basename (filename);
  g_autofree char *path = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* One copy per candidate: an older one (another file attached since) goes */
  remove_tree (dir);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (dir, basename, NULL);
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 error))
    return NULL;
  return g_steal_pointer (&path);
}

/* The résumé was removed, or its candidate deleted: its copy goes */
void
sl_resume_cache_forget (SlStore *store, gint64 candidate_id)
{
  g_autofree char *dir = candidate_dir (store, candidate_id);

  remove_tree (dir);
}

/* When the app quits */
void
sl_resume_cache_clear (void)
{
  g_autofree char *dir = sl_resume_cache_dir ();

  remove_tree (dir);
}

/* When the app starts: the folders of processes no longer running (killed, crashed), and
 * copies an older version left directly in the folder */
void
sl_resume_cache_clear_stale (void)
{
  g_autofree char *root = cache_root ();
  g_autoptr (GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      char *end = NULL;
      long pid = strtol (name, &end, 10);

      if (end != name && *end == '\0' && pid > 0 &&
          (pid == (long) getpid () || kill ((pid_t) pid, 0) == 0 || errno != ESRCH))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
}
