/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-stmt.c — a prepared statement on either backend
 *
 * The local file's statements are SQLite's own and these calls pass straight through to them.
 * The team database's are sent as text in PostgreSQL's extended protocol (sl-database-pg.c):
 * a bound value is kept as text until the statement runs, a column is read back from text.
 */
#include "config.h"

#include <stdlib.h>

#include "sl-database-private.h"

void
sl_stmt_free (gpointer data)
{
  SlStmt *stmt = data;

  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  if (stmt->pg != NULL)
    sl_pg_stmt_free (stmt->pg);
  g_free (stmt);
}

/* The local file's own statement, for what reads a local file only (a copy to a team
 * database reads the source's column types) */
sqlite3_stmt *
sl_stmt_get_sqlite (SlStmt *stmt)
{
  return stmt != NULL ? stmt->lite : NULL;
}

int
sl_stmt_step (SlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_step (stmt->lite);
  return sl_pg_stmt_step (stmt->db, stmt->pg);
}

void
sl_stmt_reset (SlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_reset (stmt->lite);
  else
    sl_pg_stmt_reset (stmt->pg);
}

void
sl_stmt_clear_bindings (SlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_clear_bindings (stmt->lite);
  else
    sl_pg_stmt_clear_bindings (stmt->pg);
}

void
sl_stmt_bind_int64 (SlStmt *stmt, int index, gint64 value)
{
  char text[24];

  if (G_LIKELY (stmt->lite != NULL))
    {
      sqlite3_bind_int64 (stmt->lite, index, value);
      return;
    }
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  sl_pg_stmt_bind (stmt->pg, index, text, -1, FALSE);
}

void
sl_stmt_bind_int (SlStmt *stmt, int index, int value)
{
  sl_stmt_bind_int64 (stmt, index, value);
}

void
sl_stmt_bind_double (SlStmt *stmt, int index, double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (G_LIKELY (stmt->lite != NULL))
    {
      sqlite3_bind_double (stmt->lite, index, value);
      return;
    }
  sl_pg_stmt_bind (stmt->pg, index, g_ascii_dtostr (text, sizeof text, value), -1, FALSE);
}

void
sl_stmt_bind_null (SlStmt *stmt, int index)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_bind_null (stmt->lite, index);
  else
    sl_pg_stmt_bind (stmt->pg, index, NULL, 0, FALSE);
}

/* NULL binds SQL's NULL */
void
sl_stmt_bind_text (SlStmt *stmt, int index, const char *value)
{
  sl_stmt_bind_text_len (stmt, index, value, -1);
}

void
sl_stmt_bind_text_len (SlStmt *stmt, int index, const char *value, int length)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_bind_text (stmt->lite, index, value, length, SQLITE_TRANSIENT);
  else
    sl_pg_stmt_bind (stmt->pg, index, value, length, FALSE);
}

void
sl_stmt_bind_blob (SlStmt *stmt, int index, const void *data, gsize size)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_bind_blob64 (stmt->lite, index, data, size, SQLITE_TRANSIENT);
  else
    sl_pg_stmt_bind (stmt->pg, index, data, (int) size, TRUE);
}

int
sl_stmt_column_count (SlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_count (stmt->lite);
  return sl_pg_stmt_column_count (stmt->pg);
}

gboolean
sl_stmt_column_is_null (SlStmt *stmt, int column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_type (stmt->lite, column) == SQLITE_NULL;
  return sl_pg_stmt_column_text (stmt->pg, column) == NULL;
}

/* PostgreSQL's booleans read as 1 and 0, as SQLite's do */
static gint64
text_to_int64 (const char *text)
{
  if (text == NULL)
    return 0;
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  if (text[0] == 'f' && text[1] == '\0')
    return 0;
  return g_ascii_strtoll (text, NULL, 10);
}

gint64
sl_stmt_column_int64 (SlStmt *stmt, int column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_int64 (stmt->lite, column);
  return text_to_int64 (sl_pg_stmt_column_text (stmt->pg, column));
}

int
sl_stmt_column_int (SlStmt *stmt, int column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_int (stmt->lite, column);
  return (int) text_to_int64 (sl_pg_stmt_column_text (stmt->pg, column));
}

double
sl_stmt_column_double (SlStmt *stmt, int column)
{
  const char *text;

  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_double (stmt->lite, column);
  text = sl_pg_stmt_column_text (stmt->pg, column);
  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

/* NULL for SQL's NULL */
const char *
sl_stmt_column_text (SlStmt *stmt, int column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return (const char *) sqlite3_column_text (stmt->lite, column);
  return sl_pg_stmt_column_text (stmt->pg, column);
}

const void *
sl_stmt_column_blob (SlStmt *stmt, int column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_blob (stmt->lite, column);
  return sl_pg_stmt_column_blob (stmt->pg, column, NULL);
}

int
sl_stmt_column_bytes (SlStmt *stmt, int column)
{
  int length = 0;

  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_bytes (stmt->lite, column);
  sl_pg_stmt_column_blob (stmt->pg, column, &length);
  return length;
}
