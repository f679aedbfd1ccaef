/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-export-file.c — every file Shortlist writes (exports, invitations) goes through here
 *
 * - Whole or not at all: the content goes to a temporary file beside the target, flushed and
 *   renamed into place only once complete; a failure or a cancel removes it, and a file already
 *   at the target stays as it was.
 * - Private from the start: the temporary file is 0600 while candidates' data is written into
 *   it. A file it replaces keeps its mode (the user made it readable, or not).
 * - Never over a database: a target that is an SQLite file (the open database, a backup, any
 *   other), or the -wal, -shm or -journal beside one, is refused before anything is written.
 * - A pipe or a device is written through, not replaced by a regular file: the content is made
 *   in a private temporary file, then copied into it.
 * - Nothing left behind: SIGINT, SIGTERM and SIGHUP remove the temporary file being written
 *   (sl_export_remove_on_signals); after a SIGKILL, the next export into the same folder
 *   removes it. Temporary files are named .NAME.shortlist-XXXXXX and locked (flock) while
 *   written, so only those whose writer has died are removed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-export-file.h"
#include "sl-report-export.h"

#define TEMPORARY_MARK ".shortlist-"
/* A temporary file unchanged for this long, and not locked, was left by a writer that died */
#define STALE_SECONDS 10

void
sl_export_file_set_error (SlExportFile *file, int saved_errno, GError **error)
{
  g_autofree char *display = g_filename_display_name (file->path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* TRANSLATORS: the first %s is a file name, the second why it failed */
               _ ("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
}

/* The temporary file being written, for a signal that ends the process to remove: Ctrl+C or
 * a kill must not leave half a file of candidates' data beside the real one. One at a time:
 * the app and the CLI write one export at a time. */
static char pending[4096];
static volatile sig_atomic_t has_pending;

static void
set_pending (const char *temporary)
{
  has_pending = 0;
  if (strlen (temporary) < sizeof pending)
    {
      memcpy (pending, temporary, strlen (temporary) + 1);
      has_pending = 1;
    }
}

static void
remove_pending_cb (int signum)
{
  /* Only what is safe in a signal handler: unlink, then the signal's own end */
  if (has_pending)
    unlink (pending);
  signal (signum, SIG_DFL);
  raise (signum);
}

/* From now on, SIGINT, SIGTERM and SIGHUP remove the export being written before they end the
 * process as they would have */
void
sl_export_remove_on_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action;

  memset (&action, 0, sizeof action);
  action.sa_handler = remove_pending_cb;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
}

static gboolean
starts_like_sqlite (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  gboolean result = FALSE;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  struct stat st;

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    result = read (fd, header, sizeof header) == sizeof header &&
             memcmp (header, magic, sizeof header) == 0;
  close (fd);
  return result;
}

/* @path is an SQLite database, or the -wal, -shm or -journal beside one */
gboolean
sl_export_file_is_database (const char *path)
{
  static const char *const sides[] = { "-wal", "-shm", "-journal" };

  if (starts_like_sqlite (path))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (g_str_has_suffix (path, sides[i]))
      {
        g_autofree char *main_file = g_strndup (path, strlen (path) - strlen (sides[i]));

        if (starts_like_sqlite (main_file))
          return TRUE;
      }
  return FALSE;
}

/* Removes the temporary files in @dir that a writer killed before it could remove them left */
static void
remove_stale (const char *dir)
{
  g_autoptr (GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (entries == NULL)
    return;
  while ((name = g_dir_read_name (entries)) != NULL)
    {
      const char *mark = g_strrstr (name, TEMPORARY_MARK);
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (name[0] != '.' || mark == NULL || strlen (mark) != strlen (TEMPORARY_MARK) + 6)
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      /* Ours, a regular file, left alone for a while, and its writer's lock gone */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          now - st.st_mtime >= STALE_SECONDS && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
open_temporary (SlExportFile *file, const char *dir, const char *name, GError **error)
{
  g_autofree char *pattern = g_strconcat (".", name, TEMPORARY_MARK, "XXXXXX", NULL);

  file->temporary = g_build_filename (dir, pattern, NULL);
  file->fd = g_mkstemp_full (file->temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (file->fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&file->temporary, g_free);
      sl_export_file_set_error (file, saved, error);
      return FALSE;
    }
  /* Held on a descriptor of its own: a library that writes by name closes file->fd */
  flock (file->fd, LOCK_EX);
  file->lock_fd = dup (file->fd);
  set_pending (file->temporary);
  return TRUE;
}

gboolean
sl_export_file_open (SlExportFile *file, const char *path, GError **error)
{
  return sl_export_file_open_full (file, path, FALSE, error);
}

/* @over_database: whether an SQLite file at @path may be replaced (a backup replacing an
 * older one; the caller makes sure it is not the open database) */
gboolean
sl_export_file_open_full (SlExportFile *file, const char *path, gboolean over_database,
                          GError **error)
{
  g_autofree char *target = realpath (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  gboolean exists;

  file->fd = file->lock_fd = -1;
  file->direct = FALSE;
  file->mode = 0;
  /* A link is followed: the file it names is replaced, and the link stays */
  file->path = g_strdup (target != NULL ? target : path);
  exists = g_stat (file->path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      sl_export_file_set_error (file, EISDIR, error);
      g_clear_pointer (&file->path, g_free);
      return FALSE;
    }
  if (!over_database && sl_export_file_is_database (file->path))
    {
      g_autofree char *display = g_filename_display_name (file->path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _ ("“%s” is a database: Shortlist does not write over it. Choose another "
                      "file."),
                   display);
      g_clear_pointer (&file->path, g_free);
      return FALSE;
    }

  file->direct = exists && !S_ISREG (st.st_mode);
  if (file->direct)
    {
      /* A pipe or a device: the content is made in a private file, then written through */
      g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "shortlist", NULL);

      if (g_mkdir_with_parents (cache, 0700) != 0)
        {
          sl_export_file_set_error (file, errno, error);
          g_clear_pointer (&file->path, g_free);
          return FALSE;
        }
      dir = g_steal_pointer (&cache);
      name = g_strdup ("export");
    }
  else
    {
      dir = g_path_get_dirname (file->path);
      name = g_path_get_basename (file->path);
      if (exists)
        file->mode = st.st_mode & 07777;
    }
  remove_stale (dir);
  if (!open_temporary (file, dir, name, error))
    {
      g_clear_pointer (&file->path, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_export_file_write (SlExportFile *file, const void *data, gsize length, GError **error)
{
  const char *p = data;

  while (length > 0)
    {
      gssize written = write (file->fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sl_export_file_set_error (file, written == 0 ? EIO : errno, error);
          return FALSE;
        }
      p += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Closes the descriptor, for a writer that opens the temporary file by its name */
gboolean
sl_export_file_close (SlExportFile *file, GError **error)
{
  int fd = file->fd;

  file->fd = -1;
  if (fd >= 0 && close (fd) != 0)
    {
      sl_export_file_set_error (file, errno, error);
      return FALSE;
    }
  return TRUE;
}

/* Copies the finished temporary file into the pipe or device at file->path; 0 or an errno */
static int
write_through (SlExportFile *file)
{
  char buffer[65536];
  int in = g_open (file->temporary, O_RDONLY | O_CLOEXEC, 0);
  int out, saved = 0;
  gssize n;

  if (in < 0)
    return errno;
  out = g_open (file->path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (out < 0)
    {
      saved = errno;
      close (in);
      return saved;
    }
  while (saved == 0 && (n = read (in, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          if (errno != EINTR)
            saved = errno;
          continue;
        }
      for (gssize done = 0; saved == 0 && done < n;)
        {
          gssize w = write (out, buffer + done, (gsize) (n - done));

          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            saved = w == 0 ? EIO : errno;
          else
            done += w;
        }
    }
  close (in);
  if (close (out) != 0 && saved == 0)
    saved = errno;
  return saved;
}

static void
release_lock (SlExportFile *file)
{
  if (file->lock_fd >= 0)
    close (file->lock_fd);
  file->lock_fd = -1;
}

/* Flushes the temporary file to the disk and moves it into place (or, for a pipe or a device,
 * writes it through); on failure, or if @cancellable was cancelled meanwhile, it is removed
 * instead */
gboolean
sl_export_file_commit (SlExportFile *file, GCancellable *cancellable, GError **error)
{
  int saved = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sl_export_file_abort (file);
      return FALSE;
    }
  if (file->fd < 0)
    {
      /* Written by a library by name: open it again to flush it */
      file->fd = g_open (file->temporary, O_RDONLY | O_CLOEXEC, 0);
      if (file->fd < 0)
        saved = errno;
    }
  if (saved == 0 && !file->direct && fsync (file->fd) != 0)
    saved = errno;
  if (saved == 0 && file->mode != 0 && fchmod (file->fd, file->mode) != 0)
    saved = errno;
  if (file->fd >= 0 && close (file->fd) != 0 && saved == 0)
    saved = errno;
  file->fd = -1;
  if (saved == 0 && file->direct)
    saved = write_through (file);
  else if (saved == 0)
    {
      has_pending = 0;
      if (g_rename (file->temporary, file->path) != 0)
        saved = errno;
    }
  if (saved != 0)
    {
      sl_export_file_set_error (file, saved, error);
      sl_export_file_abort (file);
      return FALSE;
    }
  if (file->direct)
    g_unlink (file->temporary);
  has_pending = 0;
  release_lock (file);
  g_clear_pointer (&file->temporary, g_free);
  g_clear_pointer (&file->path, g_free);
  return TRUE;
}

/* Removes the temporary file, if any, and forgets it; safe to call twice */
void
sl_export_file_abort (SlExportFile *file)
{
  has_pending = 0;
  if (file->fd >= 0)
    close (file->fd);
  file->fd = -1;
  if (file->temporary != NULL)
    g_unlink (file->temporary);
  release_lock (file);
  g_clear_pointer (&file->temporary, g_free);
  g_clear_pointer (&file->path, g_free);
}

/* Staging, for a writer on a worker thread whose cancel is decided on the main thread: the
 * writer writes (as above) to a staged file beside the target, and the main thread then either
 * puts it in place or discards it. A cancel requested before the export's end is reported
 * thus leaves no file, whatever the timing of the two threads. */

/* A new, empty, private file for the writer to write instead of @path: beside it, or for a
 * pipe or a device in the user's cache; NULL with @error set if @path cannot be written (a
 * folder, a database) */
char *
sl_export_file_stage (const char *path, GError **error)
{
  SlExportFile file = { 0 };
  char *staged;

  /* The same checks and the same kind of name as the writer's own temporary file */
  if (!sl_export_file_open (&file, path, error))
    return NULL;
  staged = g_strdup (file.temporary);
  has_pending = 0;
  close (file.fd);
  release_lock (&file);
  g_free (file.temporary);
  g_free (file.path);
  return staged;
}

/* Puts the file @staged, complete, in place at @path (written through a pipe or a device) */
gboolean
sl_export_file_place (const char *staged, const char *path, GError **error)
{
  g_autofree char *target = realpath (path, NULL);
  SlExportFile file = { 0 };
  GStatBuf st;
  int saved = 0;

  file.path = g_strdup (target != NULL ? target : path);
  file.temporary = g_strdup (staged);
  file.fd = file.lock_fd = -1;
  if (g_stat (file.path, &st) == 0)
    {
      file.direct = !S_ISREG (st.st_mode);
      if (S_ISREG (st.st_mode) && g_chmod (staged, st.st_mode & 07777) != 0)
        saved = errno;
    }
  if (saved == 0 && file.direct)
    saved = write_through (&file);
  else if (saved == 0 && g_rename (staged, file.path) != 0)
    saved = errno;
  if (saved != 0)
    sl_export_file_set_error (&file, saved, error);
  g_unlink (staged);
  g_free (file.temporary);
  g_free (file.path);
  return saved == 0;
}
