/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database.h — a SQLite connection with migrations, cached statements and transactions */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SL_DATABASE_ERROR (sl_database_error_quark ())

typedef enum
{
  SL_DATABASE_ERROR_OPEN,
  SL_DATABASE_ERROR_NOT_SHORTLIST,
  SL_DATABASE_ERROR_TOO_NEW,
  SL_DATABASE_ERROR_CORRUPT,
  SL_DATABASE_ERROR_SQL,
  SL_DATABASE_ERROR_CONSTRAINT,
  SL_DATABASE_ERROR_NOT_FOUND,
  SL_DATABASE_ERROR_INVALID,
  SL_DATABASE_ERROR_CONFLICT, /* the row changed since it was read */
  SL_DATABASE_ERROR_DENIED,   /* the team database's rules refused it */
} SlDatabaseError;

/* 'SHLS' — written to PRAGMA application_id so foreign SQLite files are recognized */
#define SL_DATABASE_APPLICATION_ID 0x53484c53
#define SL_DATABASE_SCHEMA_VERSION 10

#define SL_TYPE_DATABASE (sl_database_get_type ())
G_DECLARE_FINAL_TYPE (SlDatabase, sl_database, SL, DATABASE, GObject)

GQuark sl_database_error_quark (void);
char *sl_database_default_path (void);
SlDatabase *sl_database_open (const char *path, GError **error);
SlDatabase *sl_database_open_deferring_check (const char *path, GError **error);
SlDatabase *sl_database_open_to_replace (const char *path, GError **error);
gboolean sl_database_needs_check (SlDatabase *self);
void sl_database_set_checked (SlDatabase *self, const char *finding);
const char *sl_database_get_damage (SlDatabase *self);
void sl_database_set_damaged_error (SlDatabase *self, GError **error);
gboolean sl_database_quick_check (SlDatabase *self, char **finding, GError **error);
SlDatabase *sl_database_open_readonly (const char *path, GError **error);
SlDatabase *sl_database_open_reader (const char *path, GError **error);
SlDatabase *sl_database_open_at_version (const char *path, int version, GError **error);
gboolean sl_database_map_file (SlDatabase *self, GError **error);
const char *sl_database_get_path (SlDatabase *self);
sqlite3 *sl_database_get_handle (SlDatabase *self);
int sl_database_get_version (SlDatabase *self);
int sl_database_peek_version (const char *path);
sqlite3_stmt *sl_database_prepare (SlDatabase *self, const char *sql, GError **error);
gboolean sl_database_exec (SlDatabase *self, const char *sql, GError **error);
gboolean sl_database_begin (SlDatabase *self, GError **error);
gboolean sl_database_commit (SlDatabase *self, GError **error);
void sl_database_rollback (SlDatabase *self);
gboolean sl_database_step_done (SlDatabase *self, sqlite3_stmt *stmt, GError **error);
void sl_database_set_error (SlDatabase *self, GError **error);
void sl_database_set_owner (SlDatabase *self, GThread *thread);
void sl_database_set_cancellable (SlDatabase *self, GCancellable *cancellable);
gboolean sl_database_check (SlDatabase *self, char **report, GError **error);
gboolean sl_database_check_full (SlDatabase *self, char **report, gboolean *damaged,
                                 GError **error);
void sl_database_set_bulk (SlDatabase *self, gboolean bulk);
gint64 sl_database_last_insert_id (SlDatabase *self);

G_END_DECLS
