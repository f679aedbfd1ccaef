/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-recover.c — what can still be read of a damaged database, saved into a new one
 *
 * SQLite's own recovery library (sqlite3_recover_*) is not part of the libsqlite3 Debian ships,
 * so this salvages through plain reads, which SQLite checks page by page: each table of the
 * damaged file is read in its key's order, from the start until a damaged page stops the read,
 * and again from the end backwards until one stops it. Between the two, for tables keyed by
 * rowid, a probe looks for the first key past the damage that can be reached again (doubling
 * its step, then narrowing it down), and reading goes on from there. Rows land in a new
 * database at the damaged file's schema version, built as a new database is; rows whose parent
 * row was lost go with it (or lose the reference, where the schema says SET NULL); the search
 * index and the reports' summaries are rebuilt; an older schema is upgraded when the new file is
 * opened. The new file is written under a temporary name and renamed into place, as every file
 * Shortlist writes. The damaged file is only read.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-backup.h"
#include "sl-database.h"
#include "sl-export-file.h"
#include "sl-recover.h"
#include "sl-database-private.h"
#include "sl-schema.h"

void
sl_recovered_table_free (SlRecoveredTable *table)
{
  g_free (table->name);
  g_free (table);
}

typedef struct
{
  sqlite3 *source;
  SlDatabase *target;
  const char *table;
  GPtrArray *columns; /* of char *, the table's columns, quoted */
  char *key;          /* the ORDER BY that walks the table's b-tree */
  gboolean rowid;     /* keyed by rowid (else WITHOUT ROWID) */
  sqlite3_stmt *insert;
  gint64 saved;
  gboolean incomplete;
} Salvage;

static char *
quote (const char *name)
{
  g_autoptr (GString) out = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_columns (Salvage *salvage)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < salvage->columns->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (salvage->columns, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The columns and the key order of @table, from the new database (the same schema version) */
static gboolean
describe (Salvage *salvage, GError **error)
{
  sqlite3 *db = sl_database_get_handle (salvage->target);
  g_autoptr (GString) key = g_string_new (NULL);
  sqlite3_stmt *stmt = sl_stmt_get_sqlite (sl_database_prepare (
    salvage->target, "SELECT name, pk FROM pragma_table_info(?) ORDER BY pk = 0, pk, cid", error));
  sqlite3_stmt *probe = NULL;
  g_autofree char *quoted = quote (salvage->table);
  g_autofree char *probe_sql = g_strdup_printf ("SELECT rowid FROM %s", quoted);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, salvage->table, -1, SQLITE_TRANSIENT);
  salvage->columns = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *column = quote ((const char *) sqlite3_column_text (stmt, 0));

      g_ptr_array_add (salvage->columns, column);
      if (sqlite3_column_int (stmt, 1) > 0)
        g_string_append_printf (key, "%s%s", key->len > 0 ? ", " : "", column);
    }
  sqlite3_reset (stmt);
  /* A table WITHOUT ROWID has no rowid to ask for */
  salvage->rowid = sqlite3_prepare_v2 (db, probe_sql, -1, &probe, NULL) == SQLITE_OK;
  sqlite3_finalize (probe);
  salvage->key =
    salvage->rowid ? g_strdup ("rowid") : g_string_free (g_steal_pointer (&key), FALSE);
  return TRUE;
}

static gboolean
prepare_insert (Salvage *salvage, GError **error)
{
  g_autofree char *columns = join_columns (salvage);
  g_autofree char *quoted = quote (salvage->table);
  g_autoptr (GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT OR REPLACE INTO %s (%s) VALUES (", quoted, columns);
  for (guint i = 0; i < salvage->columns->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  salvage->insert = sl_stmt_get_sqlite (sl_database_prepare (salvage->target, sql->str, error));
  return salvage->insert != NULL;
}

/* Copies the rows @select gives until it ends (@ended set) or cannot read on. The key of the
 * last row read goes to @last (rowid tables: it is the select's last column). FALSE only when
 * the new file cannot be written. */
static gboolean
copy_rows (Salvage *salvage, sqlite3_stmt *select, gint64 *last, gboolean *ended, GError **error)
{
  guint n = salvage->columns->len;
  int rc;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n; i++)
        sqlite3_bind_value (salvage->insert, i + 1, sqlite3_column_value (select, i));
      if (sqlite3_step (salvage->insert) != SQLITE_DONE)
        {
          sl_database_set_error (salvage->target, error);
          sqlite3_reset (salvage->insert);
          return FALSE;
        }
      sqlite3_reset (salvage->insert);
      if (salvage->rowid)
        *last = sqlite3_column_int64 (select, n);
    }
  *ended = rc == SQLITE_DONE;
  if (!*ended)
    salvage->incomplete = TRUE;
  return TRUE;
}

static sqlite3_stmt *
prepare_select (Salvage *salvage, const char *where, gboolean descending)
{
  g_autofree char *columns = join_columns (salvage);
  g_autofree char *quoted = quote (salvage->table);
  g_autofree char *sql = g_strdup_printf ("SELECT %s%s FROM %s%s ORDER BY %s%s", columns,
                                          salvage->rowid ? ", rowid" : "", quoted, where,
                                          salvage->key, descending ? " DESC" : "");
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (salvage->source, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Whether the first row with a rowid of at least @from can be reached: TRUE with @found set
 * (or @found FALSE when there is none), FALSE when damage is in the way */
static gboolean
probe (Salvage *salvage, gint64 from, gboolean *found)
{
  g_autofree char *quoted = quote (salvage->table);
  g_autofree char *sql =
    g_strdup_printf ("SELECT rowid FROM %s WHERE rowid >= ? ORDER BY rowid LIMIT 1", quoted);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_ERROR;

  if (sqlite3_prepare_v2 (salvage->source, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  *found = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The smallest key above @after that can be read again, below @before: FALSE if none */
static gboolean
past_damage (Salvage *salvage, gint64 after, gint64 before, gint64 *next)
{
  gint64 failed = after;
  gint64 step = 1;
  gint64 good = 0;
  gboolean found = FALSE;

  /* Doubling steps until one lands past the damage... */
  for (;;)
    {
      /* (in unsigned arithmetic: the distance from the smallest key to the largest overflows) */
      if ((guint64) step >= (guint64) before - (guint64) failed)
        return FALSE;
      if (probe (salvage, failed + step, &found))
        {
          if (!found)
            return FALSE;
          good = failed + step;
          break;
        }
      failed += step;
      step = step < G_MAXINT64 / 2 ? step * 2 : step;
    }
  /* ...then halving back to the first key that can be reached */
  while ((guint64) good - (guint64) failed > 1)
    {
      gint64 middle = (gint64) ((guint64) failed + ((guint64) good - (guint64) failed) / 2);

      if (probe (salvage, middle, &found) && found)
        good = middle;
      else
        failed = middle;
    }
  *next = good;
  return TRUE;
}

static gboolean
salvage_table (Salvage *salvage, GError **error)
{
  sqlite3_stmt *select;
  gint64 low = G_MAXINT64;
  gboolean ended = FALSE;
  gboolean ok;

  if (!describe (salvage, error) || !prepare_insert (salvage, error))
    return FALSE;

  /* From the end backwards: where forwards stops at damage, this has what lies past it */
  select = prepare_select (salvage, "", TRUE);
  if (select == NULL)
    {
      salvage->incomplete = TRUE;
      return TRUE;
    }
  ok = copy_rows (salvage, select, &low, &ended, error);
  sqlite3_finalize (select);
  if (!ok || ended)
    return ok; /* an error writing, or the whole table read */

  /* From the start forwards, and past each damaged stretch the probe finds a way around */
  select = prepare_select (salvage, salvage->rowid ? " WHERE rowid > ?" : "", FALSE);
  for (gint64 from = G_MININT64; ok && select != NULL;)
    {
      gint64 last = from, next;

      if (salvage->rowid)
        sqlite3_bind_int64 (select, 1, from);
      ok = copy_rows (salvage, select, &last, &ended, error);
      sqlite3_reset (select);
      if (!ok || ended || !salvage->rowid || last >= low)
        break;
      /* Past the damage: after the last row read, or past the first key when none could be */
      if (!past_damage (salvage, last == from ? from + 1 : last, low, &next))
        break;
      from = next - 1;
    }
  sqlite3_finalize (select);
  return ok;
}

/* Rows whose parent was lost: removed, or their reference cleared where the schema says
 * ON DELETE SET NULL. Repeated until none is left (a removed row may be another's parent). */
static gboolean
drop_orphans (SlDatabase *db, GHashTable *lost, GError **error)
{
  gboolean changed = TRUE;

  while (changed)
    {
      sqlite3_stmt *keys = sl_stmt_get_sqlite (sl_database_prepare (
        db,
        "SELECT m.name, f.\"from\", f.\"table\", coalesce (f.\"to\", 'rowid'), f.on_delete"
        " FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
        error));
      g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

      if (keys == NULL)
        return FALSE;
      while (sqlite3_step (keys) == SQLITE_ROW)
        {
          g_autofree char *table = quote ((const char *) sqlite3_column_text (keys, 0));
          g_autofree char *column = quote ((const char *) sqlite3_column_text (keys, 1));
          g_autofree char *parent = quote ((const char *) sqlite3_column_text (keys, 2));
          g_autofree char *parent_column = quote ((const char *) sqlite3_column_text (keys, 3));
          const char *on_delete = (const char *) sqlite3_column_text (keys, 4);
          g_autofree char *missing = g_strdup_printf (
            "%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%s = %s.%s)", column, parent,
            parent_column, table, column);

          if (g_strcmp0 (on_delete, "SET NULL") == 0)
            g_ptr_array_add (statements, g_strdup_printf ("UPDATE %s SET %s = NULL WHERE %s", table,
                                                          column, missing));
          else
            {
              g_ptr_array_add (statements,
                               g_strdup_printf ("DELETE FROM %s WHERE %s", table, missing));
              g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (keys, 0)));
              continue;
            }
          g_ptr_array_add (tables, NULL);
        }
      sqlite3_reset (keys);
      changed = FALSE;
      for (guint i = 0; i < statements->len; i++)
        {
          sqlite3 *handle = sl_database_get_handle (db);
          const char *table = g_ptr_array_index (tables, i);

          if (!sl_database_exec (db, g_ptr_array_index (statements, i), error))
            return FALSE;
          if (sqlite3_changes (handle) > 0 && table != NULL)
            {
              changed = TRUE;
              g_hash_table_insert (
                lost, g_strdup (table),
                GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (lost, table)) +
                                 sqlite3_changes (handle)));
            }
        }
    }
  return TRUE;
}

static gint64
count_rows (SlDatabase *db, const char *table)
{
  g_autofree char *quoted = quote (table);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  sqlite3_stmt *stmt = sl_stmt_get_sqlite (sl_database_prepare (db, sql, NULL));
  gint64 count =
    stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/* Copies every table's readable rows from @source into @target, then mends what the lost rows
 * leave behind */
static GPtrArray *
salvage_all (sqlite3 *source, SlDatabase *target, GError **error)
{
  g_autoptr (GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sl_recovered_table_free);
  g_autoptr (GHashTable) lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *tables;

  /* The tables of the schema, in the order they were made (parents before children); the
   * search index is not copied but rebuilt */
  tables = sl_stmt_get_sqlite (
    sl_database_prepare (target,
                         "SELECT name FROM sqlite_schema WHERE type = 'table'"
                         " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'candidates_fts%'"
                         " ORDER BY rowid",
                         error));
  if (tables == NULL)
    return NULL;
  while (sqlite3_step (tables) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (tables, 0)));
  sqlite3_reset (tables);

  /* The triggers that keep the search index and summaries are off; both are rebuilt below */
  sl_database_set_bulk (target, TRUE);
  if (!sl_database_exec (target, "PRAGMA foreign_keys = OFF", error) ||
      !sl_database_begin (target, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      Salvage salvage = { .source = source, .target = target, .table = names->pdata[i] };
      SlRecoveredTable *table;
      gboolean ok;

      /* What a new database starts with (stages, stacks, the change clock) is replaced by the
       * damaged file's rows where they can be read, and stays where they cannot */
      ok = salvage_table (&salvage, error);
      g_clear_pointer (&salvage.columns, g_ptr_array_unref);
      g_free (salvage.key);
      if (!ok)
        {
          sl_database_rollback (target);
          return NULL;
        }
      table = g_new0 (SlRecoveredTable, 1);
      table->name = g_strdup (salvage.table);
      table->incomplete = salvage.incomplete;
      g_ptr_array_add (result, table);
    }
  if (!drop_orphans (target, lost, error) || !sl_schema_index_candidates (target, 0, error) ||
      !sl_schema_index_applications (target, 0, error) || !sl_database_commit (target, error))
    {
      sl_database_rollback (target);
      return NULL;
    }
  sl_database_set_bulk (target, FALSE);
  for (guint i = 0; i < result->len; i++)
    {
      SlRecoveredTable *table = result->pdata[i];

      table->rows = count_rows (target, table->name);
      if (g_hash_table_contains (lost, table->name))
        table->incomplete = TRUE;
    }
  return g_steal_pointer (&result);
}

/* Saves what can be read of the database at @database into a new database at @output: for each
 * table, how many rows were saved and whether some could not be. */
GPtrArray *
sl_recover (const char *database, const char *output, GError **error)
{
  g_autoptr (SlDatabase) target = NULL;
  g_autoptr (GPtrArray) result = NULL;
  SlExportFile file = { 0 };
  sqlite3 *source;
  int version;

  g_return_val_if_fail (database != NULL && output != NULL, NULL);

  source = sl_backup_open_source (database, &version, error);
  if (source == NULL)
    return NULL;
  if (!sl_export_file_open (&file, output, error))
    {
      sqlite3_close (source);
      return NULL;
    }
  if (!sl_export_file_close (&file, error))
    {
      sl_export_file_abort (&file);
      sqlite3_close (source);
      return NULL;
    }
  target = sl_database_open_at_version (file.temporary, version, error);
  if (target != NULL)
    result = salvage_all (source, target, error);
  sqlite3_close (source);
  g_clear_object (&target);
  /* Opened again, an older schema is upgraded as any older database is */
  if (result != NULL && version < SL_DATABASE_SCHEMA_VERSION)
    {
      target = sl_database_open (file.temporary, error);
      if (target == NULL)
        g_clear_pointer (&result, g_ptr_array_unref);
      g_clear_object (&target);
    }
  if (result == NULL || !sl_export_file_commit (&file, NULL, error))
    {
      sl_export_file_abort (&file);
      return NULL;
    }
  return g_steal_pointer (&result);
}
