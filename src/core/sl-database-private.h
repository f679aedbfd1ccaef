/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database-private.h — what the two backends of SlDatabase share */
#pragma once

#include "sl-database.h"
#include "sl-server.h"

G_BEGIN_DECLS

typedef struct _SlPgStmt SlPgStmt;

/* For benchmarks: each statement a team database runs, with its values, before it runs */
typedef void (*SlDatabaseTraceFunc) (const char *sql, int n_params, const guint *types,
                                     const char *const *values, gpointer data);

/* For the team database's side (sl-database-pg.c); each field is sl-database.c's to keep */
struct _SlDatabase
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  SlServer *server;       /* instead of db, for a team database */
  GHashTable *statements; /* sql → SlStmt */
  GCancellable *cancellable;
  int version;
  int transaction_depth;
  gboolean bulk;
  GThread *owner; /* the one thread that may use it: see sl_database_set_owner() */
  gboolean writer;
  gboolean trusted; /* known sound: its writes record the file's stamp (sl-database-health.c) */
  char *damage;     /* what made it refuse writes, or NULL */

  /* The team database's last statement: what SQLite keeps for the local file */
  gint64 changes;
  gint64 insert_id;
  GError *error;
  /* Its connection: lost (statements fail at once, without waiting for the network) until a
   * worker thread has made a new one; each new one's statements are prepared anew */
  gboolean offline;
  gboolean reconnects; /* sl_database_keep_connected() */
  SlDatabaseTraceFunc trace;
  gpointer trace_data;
  guint generation;
  guint reconnect_source;
  GCancellable *reconnecting;
  char *refused; /* why the server refused the login again, which no retry mends */
};

void sl_database_notify_offline (SlDatabase *self);
SlDatabase *sl_pg_database_open (const char *uri, GError **error);

struct _SlStmt
{
  SlDatabase *db;     /* not a reference: a connection owns its statements */
  sqlite3_stmt *lite; /* the local file's statement, or NULL */
  SlPgStmt *pg;       /* the team database's, or NULL */
};

void sl_stmt_free (gpointer data);
sqlite3_stmt *sl_stmt_get_sqlite (SlStmt *stmt);

/* sl-database-pg.c: the team database's side */
SlServer *sl_database_get_server (SlDatabase *self);
SlPgStmt *sl_pg_stmt_new (SlDatabase *db, const char *sql, GError **error);
void sl_pg_stmt_free (SlPgStmt *stmt);
int sl_pg_stmt_step (SlDatabase *db, SlPgStmt *stmt);
void sl_pg_stmt_reset (SlPgStmt *stmt);
void sl_pg_stmt_clear_bindings (SlPgStmt *stmt);
void sl_pg_stmt_bind (SlPgStmt *stmt, int index, const char *value, int length, gboolean binary);
int sl_pg_stmt_column_count (SlPgStmt *stmt);
const char *sl_pg_stmt_column_text (SlPgStmt *stmt, int column);
const void *sl_pg_stmt_column_blob (SlPgStmt *stmt, int column, int *length);
void sl_pg_database_set_last (SlDatabase *db, gint64 changes, gint64 insert_id);
void sl_pg_database_take_error (SlDatabase *db, GError *error);
void sl_pg_database_lost (SlDatabase *db);

/* For benchmarks */
void sl_database_trace (SlDatabase *db, SlDatabaseTraceFunc func, gpointer data);
void sl_pg_database_traced (SlDatabase *db, const char *sql, int n_params, const guint *types,
                            const char *const *values);
guint sl_pg_database_get_generation (SlDatabase *db);

G_END_DECLS
