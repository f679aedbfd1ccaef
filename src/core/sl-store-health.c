/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-health.c — the window's check of a file that changed since Shortlist last saw it
 * sound
 *
 * A command checks such a file before it writes (sl-database-health.c); the window opens it at
 * once instead and reads every page on a worker thread, through a connection of its own: seconds
 * at 100,000 candidates, during which the window works. A damaged file is then written no more
 * (every save says why) and the window says so.
 */
#include "config.h"

#include "sl-store-private.h"

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SlReaders *readers = task_data;
  g_autoptr (SlDatabase) db = NULL;
  g_autofree char *finding = NULL;
  GError *error = NULL;

  db = sl_readers_open (readers, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sl_database_set_cancellable (db, cancellable);
  if (sl_database_quick_check (db, &finding, &error))
    g_task_return_pointer (task, g_steal_pointer (&finding), g_free);
  else
    g_task_return_error (task, error);
}

/* Checks the store's file if it needs it (sl_database_needs_check()); finishes at once if not */
void
sl_store_check_file_async (SlStore *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  SlDatabase *db;

  g_return_if_fail (SL_IS_STORE (self));

  db = sl_store_get_database (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_store_check_file_async);
  if (!sl_database_needs_check (db))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_set_task_data (task, sl_store_ref_readers (self), (GDestroyNotify) sl_readers_unref);
  g_task_run_in_thread (task, check_thread);
}

/* FALSE with SL_DATABASE_ERROR_CORRUPT when the file is damaged: from then on nothing is written
 * to it. A check that could not run (cancelled, the file gone) leaves the file unchecked. */
gboolean
sl_store_check_file_finish (SlStore *self, GAsyncResult *result, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *finding = NULL;
  SlDatabase *db;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  finding = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  db = sl_store_get_database (self);
  if (sl_database_needs_check (db))
    sl_database_set_checked (db, finding);
  if (sl_database_get_damage (db) == NULL)
    return TRUE;
  /* The message every refused write gives */
  sl_database_set_damaged_error (db, error);
  return FALSE;
}
