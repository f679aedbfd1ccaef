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
