/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-server-copy.c — a local file moved into an empty team database
 *
 * Every row of every table, ids kept and résumés included, in one transaction on the server:
 * a failure leaves the team database as it was. Rows go through COPY, table by table in the
 * order of their references. What the two schemas keep differently is converted on the way:
 * private notes move to their own table, the search text is folded from the same fields the
 * local file's index holds, members have no login yet (an admin gives them one), and the
 * columns the server's triggers keep (each candidate's stage, what each application reached,
 * when each stage ended) come as the local file computed them, the triggers off meanwhile.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sl-database.h"
#include "sl-database-private.h"
#include "sl-server-private.h"

/* Each table in the order its references need, and what its columns are read from in the local
 * file when they are not its own columns of the same name (NULL: the same name) */
typedef struct
{
  const char *table;
  const char *source;      /* the local table, or a FROM clause */
  const char *const *from; /* pairs: column, SQL expression on the local side */
} Table;

static const char *const members_from[] = { "login", "NULL", "active",
                                            "CASE WHEN active THEN 't' ELSE 'f' END", NULL };
static const char *const stages_from[] = { "hidden", "CASE WHEN hidden THEN 't' ELSE 'f' END",
                                           NULL };
/* What the local file's search index holds (sl-schema.c), folded alike */
static const char *const candidates_from[] = {
  "search_text",
  "sl_fold(name) || ' ' || sl_fold(email) || ' ' || sl_fold(city) || ' ' ||"
  " sl_fold(coalesce((SELECT name FROM stacks WHERE id = candidates.stack_id), '') || ' ' ||"
  " coalesce((SELECT group_concat(t.name, ' ') FROM candidate_skills cs"
  " JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = candidates.id), ''))"
  " || ' ' || sl_fold(notes)",
  NULL
};
static const char *const notes_from[] = { "scorecard_id", "id", "notes", "private_notes", NULL };
static const char *const amendments_from[] = { "by_member", "NULL", "xact", "NULL", NULL };
static const char *const scorecards_from[] = { "submitted_xact", "NULL", NULL };

static const Table tables[] = {
  { "team_members", "team_members", members_from },
  { "stacks", "stacks", NULL },
  { "skill_tags", "skill_tags", NULL },
  { "stages", "stages", NULL },
  { "positions", "positions", NULL },
  { "position_countries", "position_countries", NULL },
  { "position_skills", "position_skills", NULL },
  { "position_stages", "position_stages", stages_from },
  { "kit_items", "kit_items", NULL },
  { "candidates", "candidates", candidates_from },
  { "candidate_skills", "candidate_skills", NULL },
  { "applications", "applications", NULL },
  { "stage_events", "stage_events", NULL },
  { "interviews", "interviews", NULL },
  { "interview_interviewers", "interview_interviewers", NULL },
  { "scorecards", "scorecards", scorecards_from },
  { "scorecard_private_notes", "scorecards WHERE private_notes <> ''", notes_from },
  { "scorecard_ratings", "scorecard_ratings", NULL },
  { "scorecard_amendments", "scorecard_amendments", amendments_from },
  { "offers", "offers", NULL },
  { "attachments", "attachments", NULL },
  { "change_clock", "change_clock", NULL },
};

/* The tables whose triggers would recompute what the local file already computed, or check
 * row by row that the owner writes them (which the owner may) */
static const char *const triggered[] = {
  "applications",         "stage_events", "positions",
  "scorecard_amendments", "scorecards",   "scorecard_ratings",
  "candidates",           "interviews",   NULL
};

/* The server's columns of @table, in order */
static GStrv
server_columns (SlServer *server, const char *table, GError **error)
{
  const char *params[] = { table };
  PGresult *result = PQexecParams (sl_server_get_handle (server),
                                   "SELECT column_name FROM information_schema.columns"
                                   " WHERE table_schema = 'shortlist' AND table_name = $1"
                                   " ORDER BY ordinal_position",
                                   1, NULL, params, NULL, NULL, 0);
  g_autoptr (GStrvBuilder) columns = g_strv_builder_new ();

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      sl_server_check_result (server, result, NULL, error);
      return NULL;
    }
  for (int row = 0; row < PQntuples (result); row++)
    g_strv_builder_add (columns, PQgetvalue (result, row, 0));
  PQclear (result);
  return g_strv_builder_end (columns);
}

static const char *
source_expression (const Table *table, const char *column)
{
  for (guint i = 0; table->from != NULL && table->from[i] != NULL; i += 2)
    if (g_str_equal (table->from[i], column))
      return table->from[i + 1];
  return NULL;
}

/* One value in COPY's text format */
static void
append_value (GString *line, sqlite3_stmt *stmt, int column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (line, "\\N");
      break;
    case SQLITE_BLOB:
      {
        const guint8 *data = sqlite3_column_blob (stmt, column);
        int size = sqlite3_column_bytes (stmt, column);

        g_string_append (line, "\\\\x");
        for (int i = 0; i < size; i++)
          g_string_append_printf (line, "%02x", data[i]);
        break;
      }
    default:
      for (const char *c = (const char *) sqlite3_column_text (stmt, column); *c != '\0'; c++)
        switch (*c)
          {
          case '\\':
            g_string_append (line, "\\\\");
            break;
          case '\t':
            g_string_append (line, "\\t");
            break;
          case '\n':
            g_string_append (line, "\\n");
            break;
          case '\r':
            g_string_append (line, "\\r");
            break;
          default:
            g_string_append_c (line, *c);
          }
    }
}

static gboolean
copy_table (SlServer *server, SlDatabase *source, const Table *table, gint64 *copied,
            GError **error)
{
  PGconn *conn = sl_server_get_handle (server);
  g_auto (GStrv) columns = server_columns (server, table->table, error);
  g_autoptr (GString) select = g_string_new ("SELECT ");
  g_autofree char *names = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GString) buffer = g_string_new (NULL);
  sqlite3_stmt *stmt;
  PGresult *result;
  gboolean ok;
  int rc;

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *expression = source_expression (table, columns[i]);

      g_string_append_printf (select, "%s%s", i > 0 ? ", " : "",
                              expression != NULL ? expression : columns[i]);
    }
  g_string_append_printf (select, " FROM %s", table->source);
  stmt = sl_stmt_get_sqlite (sl_database_prepare (source, select->str, error));
  if (stmt == NULL)
    return FALSE;

  names = g_strjoinv (", ", columns);
  copy = g_strdup_printf ("COPY shortlist.%s (%s) FROM STDIN", table->table, names);
  result = PQexec (conn, copy);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      sqlite3_reset (stmt);
      return sl_server_check_result (server, result, NULL, error);
    }
  PQclear (result);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (buffer, '\t');
          append_value (buffer, stmt, i);
        }
      g_string_append_c (buffer, '\n');
      if (buffer->len > 256 * 1024)
        {
          if (PQputCopyData (conn, buffer->str, (int) buffer->len) != 1)
            break;
          g_string_truncate (buffer, 0);
        }
    }
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (source, error);
      sqlite3_reset (stmt);
      PQputCopyEnd (conn, "the local file could not be read");
      PQclear (PQgetResult (conn));
      return FALSE;
    }
  sqlite3_reset (stmt);
  if ((buffer->len > 0 && PQputCopyData (conn, buffer->str, (int) buffer->len) != 1) ||
      PQputCopyEnd (conn, NULL) != 1)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("The connection to the team database was lost: %s"), PQerrorMessage (conn));
      return FALSE;
    }
  result = PQgetResult (conn);
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    *copied = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  ok = sl_server_check_result (server, result, NULL, error);
  while ((result = PQgetResult (conn)) != NULL)
    PQclear (result);
  return ok;
}

/* Turns the server's own triggers on the tables it computes columns of off (@what "DISABLE")
 * or on again ("ENABLE") */
static gboolean
set_triggers (SlServer *server, const char *what, GError **error)
{
  for (guint i = 0; triggered[i] != NULL; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("ALTER TABLE shortlist.%s %s TRIGGER USER", triggered[i], what);

      if (!sl_server_exec (server, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
count_rows (SlDatabase *source, const char *table, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = sl_stmt_get_sqlite (sl_database_prepare (source, sql, error));
  gint64 count = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    sl_database_set_error (source, error);
  sqlite3_reset (stmt);
  return count;
}

void
sl_server_copy_count_free (gpointer data)
{
  g_free (((SlServerCopyCount *) data)->table);
  g_free (data);
}

/* Whether the team database holds any data: a copy goes only into an empty one */
static gboolean
check_empty (SlServer *server, GError **error)
{
  PGconn *conn = sl_server_get_handle (server);
  PGresult *result = PQexec (conn, "SELECT (SELECT count(*) FROM shortlist.team_members)"
                                   " + (SELECT count(*) FROM shortlist.candidates)"
                                   " + (SELECT count(*) FROM shortlist.positions)");
  gboolean empty =
    PQresultStatus (result) == PGRES_TUPLES_OK && g_str_equal (PQgetvalue (result, 0, 0), "0");

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL,
                 _ ("The team database refused it: %s"), PQerrorMessage (conn));
  else if (!empty)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT,
                 _ ("The team database “%s” already holds a team’s data: a local file is "
                    "copied only into an empty one"),
                 PQdb (conn));
  PQclear (result);
  return empty;
}

/* Copies the local database at @path into the team database, which must be empty (it is set
 * up first when it is new; only its owner can). Returns the rows per table as
 * SlServerCopyCount (the local file's count and the copied one, always equal on success),
 * or NULL with @error, the team database unchanged. */
GPtrArray *
sl_server_copy_from_file (SlServer *server, const char *path, GError **error)
{
  g_autoptr (SlDatabase) source = NULL;
  g_autoptr (GPtrArray) counts = g_ptr_array_new_with_free_func (sl_server_copy_count_free);
  PGconn *conn;

  g_return_val_if_fail (SL_IS_SERVER (server), NULL);

  source = sl_database_open_readonly (path, error);
  if (source == NULL || !sl_server_setup (server, NULL, error) || !check_empty (server, error))
    return NULL;
  conn = sl_server_get_handle (server);
  if (!sl_server_exec (server, "BEGIN", error))
    return NULL;
  /* The seeded rows come again from the file, with any it added */
  if (!sl_server_exec (server,
                       "DELETE FROM shortlist.stacks; DELETE FROM shortlist.stages;"
                       " DELETE FROM shortlist.change_clock",
                       error))
    goto fail;
  if (!set_triggers (server, "DISABLE", error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      SlServerCopyCount *count = g_new0 (SlServerCopyCount, 1);

      count->table = g_strdup (tables[i].table);
      g_ptr_array_add (counts, count);
      count->source = count_rows (source, tables[i].source, error);
      if (count->source < 0 || !copy_table (server, source, &tables[i], &count->copied, error))
        goto fail;
      if (count->copied != count->source)
        {
          g_autofree char *copied = g_strdup_printf ("%" G_GINT64_FORMAT, count->copied);
          g_autofree char *read = g_strdup_printf ("%" G_GINT64_FORMAT, count->source);

          /* TRANSLATORS: the table's name, the rows copied, the rows in the local file */
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL,
                       _ ("%s: %s rows were copied of %s"), count->table, copied, read);
          goto fail;
        }
    }
  if (!set_triggers (server, "ENABLE", error))
    goto fail;
  /* New rows take ids after the copied ones */
  if (!sl_server_exec (server,
                       "DO $$ DECLARE t text; BEGIN"
                       " FOR t IN SELECT c.table_name FROM information_schema.columns c"
                       "   WHERE c.table_schema = 'shortlist' AND c.column_name = 'id'"
                       "   AND c.is_identity = 'YES' LOOP"
                       "   EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''),"
                       "     coalesce((SELECT max(id) FROM shortlist.%I), 0) + 1, false)',"
                       "     'shortlist.' || t, t);"
                       " END LOOP; END $$",
                       error) ||
      !sl_server_exec (server, "COMMIT", error))
    goto fail;
  return g_steal_pointer (&counts);

fail:
  PQclear (PQexec (conn, "ROLLBACK"));
  return NULL;
}
