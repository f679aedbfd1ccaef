/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database.h — a connection to the hiring data, with migrations, cached statements and
 * transactions
 *
 * The seam between the store and its two backends. An SlDatabase is either a local SQLite file
 * or a team database on PostgreSQL (named by a postgresql:// URI); the store, the reports and
 * the exports above it speak only to SlDatabase and SlStmt, never to sqlite3 or libpq, so one
 * store serves both. The SQL they send is written once, in the subset both dialects read:
 * `?` placeholders (numbered for PostgreSQL when prepared), Unix seconds for times, integers
 * compared with 0/1 only through bound values, INSERT … ON CONFLICT. The few statements that
 * must differ are written twice, side by side, with sl_database_prepare_dialect(). What only
 * one backend has — the file's health checks, backups and recovery for SQLite; roles, grants
 * and row-level security for PostgreSQL (sl-server*.c) — stays behind its own functions.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A prepared statement, cached by its connection: sl_database_prepare() hands out the same one
 * for the same SQL, reset. Its functions mirror SQLite's: columns count from 0, parameters
 * from 1; text is copied when bound and valid until the next step or reset when read. */
typedef struct _SlStmt SlStmt;

#define SL_STMT_ROW 100  /* sl_stmt_step(): a row is ready */
#define SL_STMT_DONE 101 /* sl_stmt_step(): no more rows; any other value is an error */

int sl_stmt_step (SlStmt *stmt);
void sl_stmt_reset (SlStmt *stmt);
void sl_stmt_clear_bindings (SlStmt *stmt);
void sl_stmt_bind_int64 (SlStmt *stmt, int index, gint64 value);
void sl_stmt_bind_int (SlStmt *stmt, int index, int value);
void sl_stmt_bind_double (SlStmt *stmt, int index, double value);
void sl_stmt_bind_null (SlStmt *stmt, int index);
void sl_stmt_bind_text (SlStmt *stmt, int index, const char *value);
void sl_stmt_bind_text_len (SlStmt *stmt, int index, const char *value, int length);
void sl_stmt_bind_blob (SlStmt *stmt, int index, const void *data, gsize size);
int sl_stmt_column_count (SlStmt *stmt);
gboolean sl_stmt_column_is_null (SlStmt *stmt, int column);
gint64 sl_stmt_column_int64 (SlStmt *stmt, int column);
int sl_stmt_column_int (SlStmt *stmt, int column);
double sl_stmt_column_double (SlStmt *stmt, int column);
const char *sl_stmt_column_text (SlStmt *stmt, int column);
const void *sl_stmt_column_blob (SlStmt *stmt, int column);
int sl_stmt_column_bytes (SlStmt *stmt, int column);

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
  SL_DATABASE_ERROR_PASSWORD, /* the team database wants a password, or another one */
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
gboolean sl_database_is_team (SlDatabase *self);
gint64 sl_database_query_int64 (SlDatabase *self, const char *sql, gint64 otherwise);
gboolean sl_database_is_offline (SlDatabase *self);
const char *sl_database_get_refused (SlDatabase *self);
void sl_database_keep_connected (SlDatabase *self);
SlStmt *sl_database_prepare (SlDatabase *self, const char *sql, GError **error);
SlStmt *sl_database_prepare_dialect (SlDatabase *self, const char *sqlite_sql,
                                     const char *postgresql_sql, GError **error);
gboolean sl_database_exec (SlDatabase *self, const char *sql, GError **error);
gboolean sl_database_begin (SlDatabase *self, GError **error);
gboolean sl_database_begin_read (SlDatabase *self, GError **error);
gboolean sl_database_commit (SlDatabase *self, GError **error);
void sl_database_rollback (SlDatabase *self);
gboolean sl_database_step_done (SlDatabase *self, SlStmt *stmt, GError **error);
gint64 sl_database_changes (SlDatabase *self);
gboolean sl_database_in_transaction (SlDatabase *self);
void sl_database_set_error (SlDatabase *self, GError **error);
void sl_database_set_owner (SlDatabase *self, GThread *thread);
void sl_database_set_cancellable (SlDatabase *self, GCancellable *cancellable);
gboolean sl_database_check (SlDatabase *self, char **report, GError **error);
gboolean sl_database_check_full (SlDatabase *self, char **report, gboolean *damaged,
                                 GError **error);
void sl_database_set_bulk (SlDatabase *self, gboolean bulk);
gint64 sl_database_last_insert_id (SlDatabase *self);

G_END_DECLS
