/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database-pg.c — the team database's statements, for SlStmt
 *
 * A statement is prepared on the server once per connection, under a name of its own, and run
 * with its values sent as text (a blob as bytes); its rows come back as text and are read from
 * there. Two things SQLite does that PostgreSQL does not are done here, so that the store's
 * code reads the same on both:
 * - `?` and `?N` become `$N`;
 * - an INSERT into a table whose rows have an id returns it (RETURNING id), which
 *   sl_database_last_insert_id() then gives, as sqlite3_last_insert_rowid() does. Rows a
 *   trigger inserts do not change it, as in SQLite.
 *
 * And the team database's connection itself: opened at the schema this Shortlist writes, made
 * anew by a worker thread when lost (SlDatabase's "offline"), traced for benchmarks.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "sl-database-private.h"
#include "sl-server-private.h"

/* PostgreSQL's type text (pg_type.h, which the client headers do not carry) */
#define TEXTOID 25

struct _SlPgStmt
{
  char *name; /* the server's name for it */
  char *sql;  /* in PostgreSQL's placeholders */
  int n_params;
  char **values; /* n_params of them: NULL for SQL's NULL */
  int *lengths;
  int *formats; /* 1 for a blob's bytes */
  gboolean returns_id;
  Oid *types;       /* what it is prepared with, again on a new connection */
  guint generation; /* of the connection it was prepared on */

  PGresult *result; /* once run, until reset */
  int row;
  int rows;
  guchar *blob; /* the last blob read, unescaped */
  size_t blob_length;
  int blob_row;
  int blob_column;
};

/* The tables whose rows have an identity id (sl-server-schema.c) */
static const char *const id_tables[] = {
  "team_members",         "skill_tags",   "positions",   "candidates",
  "applications",         "stage_events", "interviews",  "scorecards",
  "scorecard_amendments", "offers",       "attachments", NULL,
};

/* `?` and `?N` as `$N`, outside quotes and comments; the number of parameters in *n_params,
 * and in @used those the statement names */
static char *
number_placeholders (const char *sql, int *n_params, GArray *used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int next = 0;
  int most = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          end = end != NULL ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 1 : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (*p == '$' && (p[1] == '$' || g_ascii_isalpha (p[1]) || p[1] == '_'))
        {
          /* A dollar-quoted string ($$…$$, $tag$…$tag$) is kept as it is */
          const char *tag_end = p + 1;
          g_autofree char *tag = NULL;
          const char *close;

          while (g_ascii_isalnum (*tag_end) || *tag_end == '_')
            tag_end++;
          if (*tag_end != '$')
            {
              g_string_append_c (out, *p);
              continue;
            }
          tag = g_strndup (p, tag_end - p + 1);
          close = strstr (tag_end + 1, tag);
          close = close != NULL ? close + strlen (tag) - 1 : p + strlen (p) - 1;
          g_string_append_len (out, p, close - p + 1);
          p = close;
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        {
          int number;
          /* Already PostgreSQL's (a statement written for it alone) */
          char *end;

          number = (int) g_ascii_strtoll (p + 1, &end, 10);
          g_string_append_len (out, p, end - p);
          p = end - 1;
          /* $0 is none: left for the server to refuse */
          if (number < 1 || number > 65535)
            continue;
          most = MAX (most, number);
          g_array_append_val (used, number);
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int) g_ascii_strtoll (p + 1, &end, 10);
              p = end - 1;
            }
          else
            number = ++next;
          if (number < 1 || number > 65535)
            {
              g_string_append_printf (out, "$%d", number);
              continue;
            }
          next = MAX (next, number);
          most = MAX (most, number);
          g_array_append_val (used, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = most;
  return g_string_free (out, FALSE);
}

/* Whether @sql is an INSERT into a table with ids that does not say what it returns */
static gboolean
inserts_with_id (const char *sql)
{
  const char *p = sql;
  g_autofree char *table = NULL;
  gsize length;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT INTO ", strlen ("INSERT INTO ")) != 0 ||
      strstr (p, "RETURNING") != NULL)
    return FALSE;
  p += strlen ("INSERT INTO ");
  while (g_ascii_isspace (*p))
    p++;
  length = strcspn (p, " (\n");
  table = g_strndup (p, length);
  return g_strv_contains (id_tables, table);
}

/* A team database: connected as its login, at the schema this Shortlist writes. Its owner
 * sets it up and upgrades it (shortlist-cli server-setup); a member's connection never does. */
SlDatabase *
sl_pg_database_open (const char *uri, GError **error)
{
  g_autoptr (SlDatabase) self = NULL;
  g_autoptr (SlServer) server = sl_server_connect (uri, error);
  int version;

  if (server == NULL)
    return NULL;
  version = sl_server_get_version (server, error);
  if (version < 0)
    return NULL;
  if (version == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                   _ ("The team database “%s” is not set up: its owner runs shortlist-cli "
                      "server-setup first"),
                   PQdb (sl_server_get_handle (server)));
      return NULL;
    }
  if (version > SL_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                   _ ("The team database was set up by a newer Shortlist (schema version %d; "
                      "this one knows %d): update Shortlist"),
                   version, SL_SERVER_SCHEMA_VERSION);
      return NULL;
    }
  if (version < SL_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("The team database “%s” needs an upgrade: its owner runs shortlist-cli "
                      "server-setup"),
                   PQdb (sl_server_get_handle (server)));
      return NULL;
    }
  self = g_object_new (SL_TYPE_DATABASE, NULL);
  self->path = g_strdup (uri);
  self->owner = g_thread_self ();
  self->server = g_steal_pointer (&server);
  self->version = SL_DATABASE_SCHEMA_VERSION;
  self->trusted = TRUE;
  return g_steal_pointer (&self);
}

SlServer *
sl_database_get_server (SlDatabase *self)
{
  return self->server;
}

/* How often a lost team database is tried again; one that refused the login, seldom */
#define RECONNECT_SECONDS 3
#define RECONNECT_REFUSED_SECONDS 30

static gboolean reconnect_cb (gpointer data);

static void
connect_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  SlServer *server = sl_server_connect (data, &error);

  if (server == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, server, g_object_unref);
}

static void
reconnected_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  SlServer *server = g_task_propagate_pointer (G_TASK (result), &error);
  SlDatabase *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_DATABASE (source);
  g_clear_object (&self->reconnecting);
  if (server == NULL)
    {
      /* A login disabled or a password changed meanwhile: the window says why, and it is
       * tried again seldom (an admin may enable it again), not to fill the server's log */
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED) ||
          g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_PASSWORD))
        {
          g_free (self->refused);
          self->refused = g_strdup (error->message);
          sl_database_notify_offline (self);
          self->reconnect_source =
            g_timeout_add_seconds (RECONNECT_REFUSED_SECONDS, reconnect_cb, self);
          return;
        }
      g_debug ("The team database is still out of reach: %s", error->message);
      self->reconnect_source = g_timeout_add_seconds (RECONNECT_SECONDS, reconnect_cb, self);
      return;
    }
  g_clear_pointer (&self->refused, g_free);
  g_set_object (&self->server, server);
  g_object_unref (server);
  self->generation++;
  self->offline = FALSE;
  sl_database_notify_offline (self);
}

/* A new connection, made by a worker thread: the network may keep it waiting */
static gboolean
reconnect_cb (gpointer data)
{
  SlDatabase *self = data;
  g_autoptr (GTask) task = NULL;

  self->reconnect_source = 0;
  self->reconnecting = g_cancellable_new ();
  task = g_task_new (self, self->reconnecting, reconnected_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, connect_thread);
  return G_SOURCE_REMOVE;
}

/* The team database's connection was lost: its statements fail at once from now on and, if
 * it is kept connected, a new connection is made in the background */
void
sl_pg_database_lost (SlDatabase *self)
{
  if (self->offline)
    return;
  self->offline = TRUE;
  sl_database_notify_offline (self);
  if (self->reconnects && self->reconnect_source == 0 && self->reconnecting == NULL)
    self->reconnect_source = g_idle_add (reconnect_cb, self);
}

/* For the window's own connection, on the main thread: when a team database's connection is
 * lost, the main context makes a new one (a worker thread waits for the network), every few
 * seconds until it can; "offline" says meanwhile. A worker's connection is instead opened
 * anew by its pool. */
void
sl_database_keep_connected (SlDatabase *self)
{
  g_return_if_fail (SL_IS_DATABASE (self));
  self->reconnects = TRUE;
}

void
sl_database_trace (SlDatabase *self, SlDatabaseTraceFunc func, gpointer data)
{
  self->trace = func;
  self->trace_data = data;
}

void
sl_pg_database_traced (SlDatabase *self, const char *sql, int n_params, const guint *types,
                       const char *const *values)
{
  if (self->trace != NULL)
    self->trace (sql, n_params, types, values, self->trace_data);
}

/* Why an offline team database's server refuses the login (it is not tried again), or NULL
 * while it is only out of reach */
const char *
sl_database_get_refused (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->refused;
}

gboolean
sl_database_is_offline (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  return self->offline;
}

guint
sl_pg_database_get_generation (SlDatabase *self)
{
  return self->generation;
}

void
sl_pg_database_set_last (SlDatabase *self, gint64 changes, gint64 insert_id)
{
  self->changes = changes;
  if (insert_id >= 0)
    self->insert_id = insert_id;
}

void
sl_pg_database_take_error (SlDatabase *self, GError *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

/* What a statement says while the connection is being made anew */
static void
lost_error (GError **error)
{
  g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                       _ ("The team database cannot be reached: Shortlist tries again by itself"));
}

static gboolean
prepare (SlDatabase *db, SlPgStmt *stmt, GError **error)
{
  SlServer *server = sl_database_get_server (db);

  stmt->generation = sl_pg_database_get_generation (db);
  if (sl_server_check_result (server,
                              PQprepare (sl_server_get_handle (server), stmt->name, stmt->sql,
                                         stmt->n_params, stmt->types),
                              NULL, error))
    return TRUE;
  g_debug ("Not prepared: %s", stmt->sql);
  if (PQstatus (sl_server_get_handle (server)) != CONNECTION_OK)
    sl_pg_database_lost (db);
  return FALSE;
}

SlPgStmt *
sl_pg_stmt_new (SlDatabase *db, const char *sql, GError **error)
{
  static gint counter;
  SlPgStmt *stmt = g_new0 (SlPgStmt, 1);
  g_autoptr (GArray) used = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *numbered = number_placeholders (sql, &stmt->n_params, used);

  stmt->returns_id = inserts_with_id (sql);
  stmt->sql =
    stmt->returns_id ? g_strconcat (numbered, " RETURNING id", NULL) : g_steal_pointer (&numbered);
  stmt->name = g_strdup_printf ("sl%d", g_atomic_int_add (&counter, 1));
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
  /* A parameter the statement does not name (bound for another variant of it, as SQLite
   * allows) is text; the others are what the statement makes them */
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    stmt->types[i] = TEXTOID;
  for (guint i = 0; i < used->len; i++)
    stmt->types[g_array_index (used, int, i) - 1] = 0;
  if (sl_database_is_offline (db))
    lost_error (error);
  if (sl_database_is_offline (db) || !prepare (db, stmt, error))
    {
      sl_pg_stmt_free (stmt);
      return NULL;
    }
  return stmt;
}

void
sl_pg_stmt_free (SlPgStmt *stmt)
{
  sl_pg_stmt_reset (stmt);
  sl_pg_stmt_clear_bindings (stmt);
  g_free (stmt->values);
  g_free (stmt->types);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->name);
  g_free (stmt->sql);
  g_free (stmt);
}

int
sl_pg_stmt_step (SlDatabase *db, SlPgStmt *stmt)
{
  SlServer *server;
  ExecStatusType status;
  GError *error = NULL;

  if (stmt->result != NULL)
    {
      if (stmt->row + 1 < stmt->rows)
        {
          stmt->row++;
          return SL_STMT_ROW;
        }
      stmt->row = stmt->rows;
      return SL_STMT_DONE;
    }

  if (sl_database_is_offline (db))
    {
      lost_error (&error);
      sl_pg_database_take_error (db, error);
      return SQLITE_ERROR;
    }
  /* Prepared on a connection since lost: prepared again on the new one */
  if (stmt->generation != sl_pg_database_get_generation (db) && !prepare (db, stmt, &error))
    {
      sl_pg_database_take_error (db, error);
      return SQLITE_ERROR;
    }
  server = sl_database_get_server (db);
  sl_pg_database_traced (db, stmt->sql, stmt->n_params, stmt->types,
                         (const char *const *) stmt->values);
  stmt->result =
    PQexecPrepared (sl_server_get_handle (server), stmt->name, stmt->n_params,
                    (const char *const *) stmt->values, stmt->lengths, stmt->formats, 0);
  status = PQresultStatus (stmt->result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      sl_server_check_result (server, g_steal_pointer (&stmt->result), NULL, &error);
      g_debug ("Refused: %s", stmt->sql);
      if (PQstatus (sl_server_get_handle (server)) != CONNECTION_OK)
        sl_pg_database_lost (db);
      sl_pg_database_take_error (db, error);
      return SQLITE_ERROR;
    }
  stmt->rows = PQntuples (stmt->result);
  stmt->row = -1;
  if (stmt->returns_id)
    {
      sl_pg_database_set_last (
        db, stmt->rows,
        stmt->rows > 0 ? g_ascii_strtoll (PQgetvalue (stmt->result, 0, 0), NULL, 10) : 0);
      stmt->row = stmt->rows;
      return SL_STMT_DONE;
    }
  sl_pg_database_set_last (db, g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10), -1);
  return sl_pg_stmt_step (db, stmt);
}

void
sl_pg_stmt_reset (SlPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->row = -1;
  stmt->rows = 0;
}

void
sl_pg_stmt_clear_bindings (SlPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->values[i], g_free);
}

void
sl_pg_stmt_bind (SlPgStmt *stmt, int index, const char *value, int length, gboolean binary)
{
  /* As SQLite does, a parameter the statement does not have is no error */
  if (index < 1 || index > stmt->n_params)
    return;
  index--;
  g_free (stmt->values[index]);
  stmt->values[index] = NULL;
  stmt->formats[index] = binary ? 1 : 0;
  stmt->lengths[index] = 0;
  if (value == NULL)
    return;
  if (binary)
    {
      stmt->values[index] = g_memdup2 (length > 0 ? value : "", MAX (length, 1));
      stmt->lengths[index] = length;
    }
  else
    stmt->values[index] = length < 0 ? g_strdup (value) : g_strndup (value, length);
}

int
sl_pg_stmt_column_count (SlPgStmt *stmt)
{
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
sl_pg_stmt_column_text (SlPgStmt *stmt, int column)
{
  if (stmt->result == NULL || stmt->row < 0 || stmt->row >= stmt->rows ||
      column >= PQnfields (stmt->result) || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

/* A bytea column's bytes, unescaped from the text they came as */
const void *
sl_pg_stmt_column_blob (SlPgStmt *stmt, int column, int *length)
{
  const char *text = sl_pg_stmt_column_text (stmt, column);

  if (length != NULL)
    *length = 0;
  if (text == NULL)
    return NULL;
  if (stmt->blob == NULL || stmt->blob_row != stmt->row || stmt->blob_column != column)
    {
      g_clear_pointer (&stmt->blob, PQfreemem);
      stmt->blob = PQunescapeBytea ((const unsigned char *) text, &stmt->blob_length);
      stmt->blob_row = stmt->row;
      stmt->blob_column = column;
    }
  if (length != NULL)
    *length = (int) stmt->blob_length;
  return stmt->blob;
}
