/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-versions.c — many hands on one file: row versions, conflicts, changes from elsewhere
 *
 * Every editable row carries a version: the value of the file's change clock when it was last
 * written (schema version 8). A writer claims a row inside its transaction with the version it
 * read; if someone else wrote the row since, the claim is refused with who and when, and the
 * caller's form takes the other writer's values (see sl-record.c). Because versions come from
 * one clock, "what changed since I last looked" is the rows with a version above the clock seen
 * then: the watcher, polling PRAGMA data_version (which moves only when another connection
 * commits), turns those rows into the store's usual signals, so the window shows another
 * program's changes without reading again what did not change.
 *
 * Why a poll: SQLite offers no cross-process notification, and a file monitor on the WAL
 * would see this process's own writes and checkpoints too. PRAGMA data_version reads the WAL
 * index in shared memory (a few microseconds) and draws nothing, so the window stays idle.
 *
 * A team database's server does notify: every move of its clock is a NOTIFY, heard on a
 * connection of its own (sl_server_listen()), and the rows above the clock seen are read as
 * for the local file. Nothing polls.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-database-private.h"
#include "sl-store-private.h"

/* How often the watcher looks: changes from elsewhere appear within a second */
#define WATCH_INTERVAL_MS 400
/* More changed rows than this at once (an import, sample data) and the lists query again */
#define WATCH_MAX_ROWS 200

/* The change clock's next value, for the rows the caller's transaction writes */
gint64
sl_store_next_version (SlStore *self, GError **error)
{
  SlDatabase *db = sl_store_get_database (self);
  SlStmt *stmt = sl_database_prepare (
    db, "UPDATE change_clock SET clock = clock + 1 WHERE id = 1 RETURNING clock", error);
  gint64 version = 0;

  if (stmt == NULL)
    return 0;
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    version = sl_stmt_column_int64 (stmt, 0);
  else
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return version;
}

/* Translators: why a save was refused; the first %s is a team member's name */
static char *
conflict_message (const char *name, gint64 changed_at)
{
  gint64 age = g_get_real_time () / G_USEC_PER_SEC - changed_at;

  if (name == NULL || *name == '\0')
    return g_strdup (_ ("Changed elsewhere since you opened it"));
  if (changed_at > 0 && age < 60)
    return g_strdup_printf (_ ("Changed by %s a moment ago"), name);
  if (changed_at > 0 && age < 3600)
    return g_strdup_printf (
      /* Translators: %s is a team member's name, %d a number of minutes */
      g_dngettext (GETTEXT_PACKAGE, "Changed by %s %d minute ago", "Changed by %s %d minutes ago",
                   (gulong) (age / 60)),
      name, (int) (age / 60));
  return g_strdup_printf (_ ("Changed by %s since you opened it"), name);
}

/* Inside the caller's transaction: row @id of @table (a table with a version, written by the
 * store's own code) still has @version, unless @version is negative (the caller read it in
 * this same transaction), and is stamped with the next version, the actor and the time.
 * Returns the new version, or 0 with SL_DATABASE_ERROR_CONFLICT saying who changed it, or
 * SL_DATABASE_ERROR_NOT_FOUND. */
gint64
sl_store_claim_row (SlStore *self, const char *table, gint64 id, gint64 version, GError **error)
{
  SlDatabase *db = sl_store_get_database (self);
  g_autofree char *read_sql =
    g_strdup_printf ("SELECT t.version, m.name, t.changed_at FROM %s t"
                     " LEFT JOIN team_members m ON m.id = t.changed_by WHERE t.id = ?",
                     table);
  g_autofree char *write_sql = g_strdup_printf (
    "UPDATE %s SET version = ?, changed_by = nullif (?, 0), changed_at = ? WHERE id = ?", table);
  SlStmt *stmt;
  gint64 next;
  int rc;

  /* The clock first: moving it takes its lock until the transaction ends, so a writer who read
   * the row before another committed reads it again, committed, here (SQLite's BEGIN IMMEDIATE
   * already keeps writers apart; a team database's transactions are READ COMMITTED) */
  next = sl_store_next_version (self, error);
  if (next == 0)
    return 0;
  stmt = sl_database_prepare (db, read_sql, error);
  if (stmt == NULL)
    return 0;
  sl_stmt_bind_int64 (stmt, 1, id);
  rc = sl_stmt_step (stmt);
  if (rc != SL_STMT_ROW)
    {
      if (rc == SL_STMT_DONE)
        g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                             _ ("It was deleted elsewhere"));
      else
        sl_database_set_error (db, error);
      sl_stmt_reset (stmt);
      return 0;
    }
  if (version >= 0 && sl_stmt_column_int64 (stmt, 0) != version)
    {
      g_autofree char *message = conflict_message ((const char *) sl_stmt_column_text (stmt, 1),
                                                   sl_stmt_column_int64 (stmt, 2));

      sl_stmt_reset (stmt);
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT, message);
      return 0;
    }
  sl_stmt_reset (stmt);

  stmt = sl_database_prepare (db, write_sql, error);
  if (stmt == NULL)
    return 0;
  sl_stmt_bind_int64 (stmt, 1, next);
  sl_stmt_bind_int64 (stmt, 2, sl_store_get_actor (self));
  sl_stmt_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  sl_stmt_bind_int64 (stmt, 4, id);
  if (!sl_database_step_done (db, stmt, error))
    return 0;
  return next;
}

/* The conflict error for row @id of @table, which changed since the caller read it */
gboolean
sl_store_conflict (SlStore *self, const char *table, gint64 id, GError **error)
{
  /* A version no row has: the claim fails and says who changed the row */
  if (sl_store_claim_row (self, table, id, G_MAXINT64, error) != 0)
    g_return_val_if_reached (FALSE);
  return FALSE;
}

/* Stamps a row the caller's transaction just inserted, like sl_store_claim_row() */
gint64
sl_store_stamp_new_row (SlStore *self, const char *table, gint64 id, GError **error)
{
  return sl_store_claim_row (self, table, id, -1, error);
}

/* The ids in the first column of @sql's rows (bound to @since), at most WATCH_MAX_ROWS + 1 */
static GArray *
changed_ids (SlDatabase *db, const char *sql, gint64 since)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SlStmt *stmt = sl_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return ids;
  sl_stmt_bind_int64 (stmt, 1, since);
  sl_stmt_bind_int (stmt, 2, WATCH_MAX_ROWS + 1);
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      gint64 id = sl_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sl_stmt_reset (stmt);
  return ids;
}

/* Turns what another connection committed since the clock was at @since into the store's
 * signals; FALSE when it cannot say what changed (then the caller resets) */
static gboolean
announce_changes (SlStore *self, gint64 since)
{
  SlDatabase *db = sl_store_get_database (self);
  g_autoptr (GArray) candidates = changed_ids (
    db, "SELECT id FROM candidates WHERE version > ?1 AND version > 0 LIMIT ?2", since);
  g_autoptr (GArray) positions = changed_ids (
    db,
    "SELECT id FROM positions WHERE version > ?1 UNION"
    " SELECT position_id FROM applications WHERE version > ?1 AND version > 0 LIMIT ?2",
    since);
  g_autoptr (GArray) moved = changed_ids (
    db,
    "SELECT DISTINCT candidate_id FROM applications WHERE version > ?1 AND version > 0 LIMIT ?2",
    since);
  g_autoptr (GArray) interviewed = changed_ids (
    db,
    "SELECT id FROM applications WHERE version > ?1 AND version > 0 UNION"
    " SELECT application_id FROM interviews WHERE version > ?1 AND version > 0 UNION"
    " SELECT i.application_id FROM scorecards s JOIN interviews i ON i.id = s.interview_id"
    " WHERE s.version > ?1 AND s.version > 0 LIMIT ?2",
    since);

  if (candidates->len > WATCH_MAX_ROWS || positions->len > WATCH_MAX_ROWS ||
      moved->len > WATCH_MAX_ROWS || interviewed->len > WATCH_MAX_ROWS)
    return FALSE;
  for (guint i = 0; i < candidates->len; i++)
    sl_store_reread_candidate (self, g_array_index (candidates, gint64, i));
  for (guint i = 0; i < moved->len; i++)
    sl_store_refresh_candidate (self, g_array_index (moved, gint64, i));
  for (guint i = 0; i < positions->len; i++)
    sl_store_emit_position_changed (self, g_array_index (positions, gint64, i));
  for (guint i = 0; i < interviewed->len; i++)
    sl_store_emit_interviews_changed (self, g_array_index (interviewed, gint64, i));
  if (candidates->len > 0)
    sl_store_emit_candidates_changed (self);
  return TRUE;
}

/* Looks once whether another connection committed since the last look, and says what changed.
 * The watcher calls it; tests call it to look at once. */
void
sl_store_check_changes (SlStore *self)
{
  SlDatabase *db = sl_store_get_database (self);
  SlStoreWatch *watch = sl_store_get_watch (self);
  gint64 seen = watch->seen_clock;
  gint64 clock;

  /* The server told the team database's listener; the local file's is asked */
  if (!sl_database_is_team (db))
    {
      gint64 data_version = sl_database_query_int64 (db, "PRAGMA data_version", -1);

      if (data_version < 0 || data_version == watch->data_version)
        return;
      watch->data_version = data_version;
    }
  clock = sl_database_query_int64 (db, "SELECT clock FROM change_clock", -1);
  if (clock < 0)
    return;
  watch->seen_clock = clock;
  /* A commit that moved no version (a bulk write, a restore) may have changed anything */
  if (clock == seen || !announce_changes (self, seen))
    sl_store_notify_reset (self);
}

static void listen_to_server (SlStore *self);

/* The listening connection was lost: the writer's surely was too (a server restarted, a
 * network gone); it is made anew, and the listener with it */
static void
listener_lost_cb (gpointer data)
{
  SlStore *self = data;
  SlStoreWatch *watch = sl_store_get_watch (self);

  g_clear_pointer (&watch->listener, sl_server_listener_free);
  sl_pg_database_lost (sl_store_get_database (self));
}

static gboolean
listen_again_cb (gpointer data)
{
  SlStore *self = data;
  SlStoreWatch *watch = sl_store_get_watch (self);

  watch->source = 0;
  if (watch->listener == NULL && !sl_database_is_offline (sl_store_get_database (self)))
    {
      listen_to_server (self);
      if (watch->listener != NULL)
        sl_store_check_changes (self);
    }
  return G_SOURCE_REMOVE;
}

static void
listen_to_server (SlStore *self)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_store_get_database (self);
  SlStoreWatch *watch = sl_store_get_watch (self);

  watch->listener = sl_server_listen (sl_database_get_path (db), sl_database_get_server (db),
                                      (SlServerListenerFunc) sl_store_check_changes,
                                      listener_lost_cb, self, &error);
  /* The writer's connection works (it was just made): only the listener is tried again */
  if (watch->listener == NULL)
    {
      g_debug ("Not listening to the team database: %s", error->message);
      watch->source = g_timeout_add_seconds (3, listen_again_cb, self);
    }
}

/* Back online: what others committed meanwhile is read, and listened for from now on */
static void
offline_changed_cb (SlStore *self)
{
  SlDatabase *db = sl_store_get_database (self);
  SlStoreWatch *watch = sl_store_get_watch (self);

  if (sl_database_is_offline (db))
    {
      g_clear_pointer (&watch->listener, sl_server_listener_free);
      return;
    }
  if (watch->listener == NULL)
    listen_to_server (self);
  sl_store_check_changes (self);
}

static gboolean
watch_cb (gpointer data)
{
  sl_store_check_changes (data);
  return G_SOURCE_CONTINUE;
}

/* From now on, changes committed by other programs (or other connections) show up as the
 * store's signals within a second, on the thread that calls this (the UI thread) */
void
sl_store_watch_changes (SlStore *self)
{
  SlDatabase *db;
  SlStoreWatch *watch;

  g_return_if_fail (SL_IS_STORE (self));

  db = sl_store_get_database (self);
  watch = sl_store_get_watch (self);
  if (watch->source != 0 || watch->listener != NULL)
    return;
  if (sl_database_is_team (db))
    {
      watch->seen_clock = sl_database_query_int64 (db, "SELECT clock FROM change_clock", -1);
      sl_database_keep_connected (db);
      g_signal_connect_object (db, "notify::offline", G_CALLBACK (offline_changed_cb), self,
                               G_CONNECT_SWAPPED);
      listen_to_server (self);
      return;
    }
  watch->data_version = sl_database_query_int64 (db, "PRAGMA data_version", -1);
  watch->seen_clock = sl_database_query_int64 (db, "SELECT clock FROM change_clock", -1);
  /* Removed by the store's dispose */
  watch->source = g_timeout_add_full (G_PRIORITY_LOW, WATCH_INTERVAL_MS, watch_cb, self, NULL);
}
