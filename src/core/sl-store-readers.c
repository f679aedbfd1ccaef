/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-readers.c — the connections worker threads read (and bulk-write) the store's file
 * through
 *
 * The store's own connection belongs to the UI thread. A worker gets one of a small pool, under
 * its lock, or for a long job a connection of its own; either way it is opened here, from the
 * store's path, and held by one thread at a time (sl_database_set_owner()).
 */
#include "config.h"

#include "sl-store-private.h"

/* Read-only connections for worker threads, one per kind of work, so that a long report never
 * makes a search or the list's rows wait; each used only under its lock. Reference-counted
 * apart from the store, so a worker that holds them does not keep the store alive. */
struct _SlReaders
{
  gatomicrefcount ref_count;
  char *path;
  GMutex locks[SL_STORE_N_READERS];
  SlDatabase *databases[SL_STORE_N_READERS];
};

SlReaders *
sl_readers_new (const char *path)
{
  SlReaders *readers = g_new0 (SlReaders, 1);

  g_atomic_ref_count_init (&readers->ref_count);
  readers->path = g_strdup (path);
  for (guint i = 0; i < SL_STORE_N_READERS; i++)
    g_mutex_init (&readers->locks[i]);
  return readers;
}

SlReaders *
sl_readers_ref (SlReaders *readers)
{
  g_atomic_ref_count_inc (&readers->ref_count);
  return readers;
}

void
sl_readers_unref (SlReaders *readers)
{
  if (readers == NULL || !g_atomic_ref_count_dec (&readers->ref_count))
    return;
  for (guint i = 0; i < SL_STORE_N_READERS; i++)
    {
      g_clear_object (&readers->databases[i]);
      g_mutex_clear (&readers->locks[i]);
    }
  g_free (readers->path);
  g_free (readers);
}

/* A worker thread's read-only connection for @which work, opened on first use; hold it only
 * in a worker, and let go with sl_readers_unlock() even when this returns NULL */
SlDatabase *
sl_readers_lock (SlReaders *readers, SlStoreReader which, GError **error)
{
  g_mutex_lock (&readers->locks[which]);
  /* A team database's connection lost since: made anew here, on the worker's time */
  if (readers->databases[which] != NULL && sl_database_is_offline (readers->databases[which]))
    g_clear_object (&readers->databases[which]);
  if (readers->databases[which] == NULL)
    readers->databases[which] = sl_database_open_reader (readers->path, error);
  /* Each worker that takes it holds it until it lets go */
  if (readers->databases[which] != NULL)
    sl_database_set_owner (readers->databases[which], g_thread_self ());
  return readers->databases[which];
}

void
sl_readers_unlock (SlReaders *readers, SlStoreReader which)
{
  if (readers->databases[which] != NULL)
    sl_database_set_owner (readers->databases[which], NULL);
  g_mutex_unlock (&readers->locks[which]);
}

/* A read-only connection of its own for a long job on the calling worker thread (an export, a
 * file check), outside the pool: it makes no other work wait */
SlDatabase *
sl_readers_open (SlReaders *readers, GError **error)
{
  return sl_database_open_reader (readers->path, error);
}

/* A writing connection of its own for the calling worker thread (a bulk write such as the
 * sample data); a file that changed since it was last seen sound is checked first */
SlDatabase *
sl_readers_open_writer (SlReaders *readers, GError **error)
{
  return sl_database_open (readers->path, error);
}
