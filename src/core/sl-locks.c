/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-locks.c — SQLite's locks that closing another descriptor of the file cannot drop
 *
 * SQLite locks a database (and its -shm) with POSIX record locks. Those belong to the process,
 * and the kernel drops all of a process's locks on a file as soon as the process closes *any*
 * descriptor of that file: not only SQLite's own. GTK's file chooser, GIO reading a file's type,
 * a thumbnailer or a plain g_file_get_contents() in the app's process, pointed at the database
 * or its -wal or -shm, silently unlocked the app's connections. Another program (shortlist-cli)
 * then believed itself alone, checkpointed and deleted the live WAL, and the app went on
 * writing into a deleted file: rows were lost and indexes left inconsistent.
 *
 * Keeping GTK away from the database's folder cannot cover every path (anything GIO does, a
 * drag and drop, an "open with"), so the locks themselves are changed. SQLite's unix VFS lets
 * a program replace the system calls it makes (xSetSystemCall). Here open() and close() note
 * which of SQLite's descriptors refer to which file, and fcntl() turns SQLite's lock requests
 * into open file description locks (F_OFD_SETLK, Linux 3.15) taken on one descriptor per file
 * that this module opens itself. An OFD lock belongs to that descriptor's open file description
 * and is released only when it is closed, which happens when SQLite closes its last descriptor
 * of the file: the point at which POSIX would have released them too. Other descriptors opened
 * and closed by anything else leave them alone.
 *
 * Other programs are unaffected: OFD locks and POSIX locks conflict with each other exactly
 * as two POSIX locks of two processes do, so the sqlite3 shell or any SQLite program sees
 * Shortlist's locks and Shortlist sees theirs. Within the process, all of a file's locks go
 * through the one descriptor, so they never conflict with each other, as POSIX locks of one
 * process don't (SQLite counts its connections' locks per file itself).
 *
 * Cost: an fstat() when SQLite opens a file, a hash lookup under a mutex per lock request (a
 * handful per transaction), and one more descriptor per open database and -shm file.
 */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-locks.h"

typedef struct
{
  dev_t dev;
  ino_t ino;
  int lock_fd; /* where the locks are taken; -1 until the first */
  guint n_fds; /* SQLite's descriptors of the file */
} File;

static GMutex lock;
static GHashTable *files_by_fd; /* SQLite's descriptor → File */
static GList *files;            /* File, few: the process's open databases and their -shm */
static sqlite3_syscall_ptr real_open;
static sqlite3_syscall_ptr real_close;
static sqlite3_syscall_ptr real_fcntl;

static File *
find_file (dev_t dev, ino_t ino)
{
  for (GList *l = files; l != NULL; l = l->next)
    {
      File *file = l->data;

      if (file->dev == dev && file->ino == ino)
        return file;
    }
  return NULL;
}

static int
locks_open (const char *path, int flags, int mode)
{
  int fd = ((int (*) (const char *, int, int)) real_open) (path, flags, mode);
  struct stat info;
  File *file;

  if (fd < 0 || fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    return fd;

  g_mutex_lock (&lock);
  file = find_file (info.st_dev, info.st_ino);
  if (file == NULL)
    {
      file = g_new0 (File, 1);
      file->dev = info.st_dev;
      file->ino = info.st_ino;
      file->lock_fd = -1;
      files = g_list_prepend (files, file);
    }
  file->n_fds++;
  g_hash_table_insert (files_by_fd, GINT_TO_POINTER (fd), file);
  g_mutex_unlock (&lock);
  return fd;
}

static int
locks_close (int fd)
{
  File *file;
  int lock_fd = -1;

  g_mutex_lock (&lock);
  file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      g_hash_table_remove (files_by_fd, GINT_TO_POINTER (fd));
      /* SQLite's last descriptor of the file: its locks go, as POSIX would have let them go */
      if (--file->n_fds == 0)
        {
          lock_fd = file->lock_fd;
          files = g_list_remove (files, file);
          g_free (file);
        }
    }
  g_mutex_unlock (&lock);
  if (lock_fd >= 0)
    ((int (*) (int)) real_close) (lock_fd);
  return ((int (*) (int)) real_close) (fd);
}

/* The descriptor that holds @fd's file's locks, opened on first use: a new open file
 * description of the same file (not a dup(), which would share SQLite's), read-write where
 * the file allows it so that write locks can be taken; -1 for a descriptor SQLite did not
 * open through locks_open() */
static int
lock_fd_for (int fd)
{
  File *file;
  int result = -1;

  g_mutex_lock (&lock);
  file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  if (file != NULL && file->lock_fd < 0)
    {
      char proc[64];

      g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
      file->lock_fd = ((int (*) (const char *, int, int)) real_open) (proc, O_RDWR | O_CLOEXEC, 0);
      if (file->lock_fd < 0)
        file->lock_fd =
          ((int (*) (const char *, int, int)) real_open) (proc, O_RDONLY | O_CLOEXEC, 0);
    }
  if (file != NULL)
    result = file->lock_fd;
  g_mutex_unlock (&lock);
  return result;
}

static int
locks_fcntl (int fd, int cmd, ...)
{
  va_list args;
  void *arg;
  int ofd_cmd;
  int lock_fd;

  va_start (args, cmd);
  arg = va_arg (args, void *);
  va_end (args);

  switch (cmd)
    {
    case F_SETLK:
      ofd_cmd = F_OFD_SETLK;
      break;
    case F_SETLKW:
      ofd_cmd = F_OFD_SETLKW;
      break;
    case F_GETLK:
      ofd_cmd = F_OFD_GETLK;
      break;
    default:
      /* F_GETFD, F_SETFD, F_GETFL…: an int or nothing, passed on as SQLite gave it */
      return ((int (*) (int, int, ...)) real_fcntl) (fd, cmd, arg);
    }

  lock_fd = lock_fd_for (fd);
  if (lock_fd < 0)
    return ((int (*) (int, int, ...)) real_fcntl) (fd, cmd, arg);
  {
    struct flock *request = arg;
    struct flock ofd = *request;
    int rc;

    /* The kernel refuses an OFD request whose l_pid is not 0; SQLite leaves it unset */
    ofd.l_pid = 0;
    rc = ((int (*) (int, int, ...)) real_fcntl) (lock_fd, ofd_cmd, &ofd);
    if (rc == 0 && cmd == F_GETLK)
      *request = ofd;
    return rc;
  }
}

static gboolean
install (void)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

  if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL)
    return FALSE;
  files_by_fd = g_hash_table_new (NULL, NULL);
  real_open = vfs->xGetSystemCall (vfs, "open");
  real_close = vfs->xGetSystemCall (vfs, "close");
  real_fcntl = vfs->xGetSystemCall (vfs, "fcntl");
  if (real_open == NULL || real_close == NULL || real_fcntl == NULL)
    return FALSE;
  /* The same table serves every unix VFS (unix, unix-none, unix-excl…) */
  return vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) locks_open) == SQLITE_OK &&
         vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) locks_close) == SQLITE_OK &&
         vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) locks_fcntl) == SQLITE_OK;
}

/* Before any connection is opened: a connection whose locks were POSIX ones would conflict
 * with the OFD locks of the process's other connections */
gboolean
sl_locks_install (void)
{
  static gsize done;
  static gboolean installed;

  if (g_once_init_enter (&done))
    {
      installed = install ();
      g_once_init_leave (&done, 1);
    }
  return installed;
}

/* As the program starts, before anything opens a database: sl_database_open() calls
 * sl_locks_install() too, which links this in wherever databases are opened */
__attribute__ ((constructor)) static void
install_at_start (void)
{
  sl_locks_install ();
}
