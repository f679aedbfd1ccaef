/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-backup-team.c — a local Shortlist file from a team database: Back Up… on one
 *
 * The team database's server keeps its own backups (pg_dump, README). What Back Up… writes
 * from it is what a member can take away: a local Shortlist file holding every row the member
 * may read, as the server's rules let them read it — an interviewer's file has no other
 * interviewer's drafts or private notes. The rows are read in one snapshot (a read-only,
 * repeatable-read transaction), written into a new file with its search index and list order
 * built once at the end, checked, and only then put in place, as every export is.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-backup.h"
#include "sl-database.h"
#include "sl-export-file.h"
#include "sl-schema.h"

typedef struct
{
  const char *table;
  /* The columns, as read from the team database (an expression where it keeps them
   * otherwise), in the order of the local file's columns that follow */
  const char *select;
  const char *insert;
} Table;

/* Parents before children; the seeded stacks, stages and clock are replaced by the team's */
static const Table tables[] = {
  { "team_members",
    "id, name, email, role, CASE WHEN active THEN 1 ELSE 0 END, created_at, version, changed_by,"
    " changed_at",
    "id, name, email, role, active, created_at, version, changed_by, changed_at" },
  { "stacks", "id, name, rank", "id, name, rank" },
  { "skill_tags", "id, name", "id, name" },
  { "stages", "id, rank, outcome", "id, rank, outcome" },
  { "positions",
    "id, title, client, seniority, stack_id, employment_type, contract_end, headcount, rate_min,"
    " rate_max, currency, rate_period, status, kickoff_notes, description, approved_by,"
    " approved_at, created_at, updated_at, version, changed_by, changed_at",
    "id, title, client, seniority, stack_id, employment_type, contract_end, headcount, rate_min,"
    " rate_max, currency, rate_period, status, kickoff_notes, description, approved_by,"
    " approved_at, created_at, updated_at, version, changed_by, changed_at" },
  { "position_countries", "position_id, country", "position_id, country" },
  { "position_skills", "position_id, tag_id", "position_id, tag_id" },
  { "position_stages", "position_id, stage_id, name, rank, CASE WHEN hidden THEN 1 ELSE 0 END",
    "position_id, stage_id, name, rank, hidden" },
  { "kit_items", "position_id, kind, rank, category, category_name, attribute, attribute_name",
    "position_id, kind, rank, category, category_name, attribute, attribute_name" },
  { "candidates",
    "id, name, email, phone, country, city, timezone, english_level, seniority,"
    " years_experience, stack_id, employment_type, expected_rate, currency, rate_period,"
    " availability, source, links, notes, consent_at, created_at, updated_at, sort_key, stage,"
    " deleted_at, version, changed_by, changed_at",
    "id, name, email, phone, country, city, timezone, english_level, seniority,"
    " years_experience, stack_id, employment_type, expected_rate, currency, rate_period,"
    " availability, source, links, notes, consent_at, created_at, updated_at, sort_key, stage,"
    " deleted_at, version, changed_by, changed_at" },
  { "candidate_skills", "candidate_id, tag_id", "candidate_id, tag_id" },
  { "applications",
    "id, candidate_id, position_id, stage, start_date, left_at, left_reason, created_at,"
    " updated_at, reached, version, changed_by, changed_at",
    "id, candidate_id, position_id, stage, start_date, left_at, left_reason, created_at,"
    " updated_at, reached, version, changed_by, changed_at" },
  { "stage_events",
    "id, application_id, from_stage, to_stage, at, by_member, reason, until_at, reason_id",
    "id, application_id, from_stage, to_stage, at, by_member, reason, until_at, reason_id" },
  { "interviews",
    "id, application_id, kind, starts_at, duration_min, place, sequence, created_at, version,"
    " changed_by, changed_at",
    "id, application_id, kind, starts_at, duration_min, place, sequence, created_at, version,"
    " changed_by, changed_at" },
  { "interview_interviewers", "interview_id, member_id", "interview_id, member_id" },
  { "scorecards",
    "s.id, s.interview_id, s.member_id, s.overall, s.takeaways,"
    " coalesce ((SELECT notes FROM scorecard_private_notes WHERE scorecard_id = s.id), ''),"
    " s.submitted_at, s.updated_at, s.version, s.changed_by, s.changed_at",
    "id, interview_id, member_id, overall, takeaways, private_notes, submitted_at, updated_at,"
    " version, changed_by, changed_at" },
  { "scorecard_ratings",
    "scorecard_id, category, attribute, value, note, rank, category_name, attribute_name",
    "scorecard_id, category, attribute, value, note, rank, category_name, attribute_name" },
  { "scorecard_amendments", "id, scorecard_id, at, previous", "id, scorecard_id, at, previous" },
  { "offers", NULL, NULL },
  { "attachments", "id, candidate_id, filename, mime_type, data, created_at",
    "id, candidate_id, filename, mime_type, data, created_at" },
  { "change_clock", "id, clock", "id, clock" },
};

/* The columns both sides have, for a table listed with NULL: read from the local file */
static char *
local_columns (SlDatabase *local, const char *table, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", table);
  SlStmt *stmt = sl_database_prepare (local, sql, error);
  g_autoptr (GString) columns = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "",
                            sl_stmt_column_text (stmt, 0));
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (local, error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

static gboolean
copy_table (SlDatabase *team, SlDatabase *local, const Table *table, GError **error)
{
  g_autofree char *columns =
    table->select == NULL ? local_columns (local, table->table, error) : NULL;
  const char *select = table->select != NULL ? table->select : columns;
  const char *insert = table->insert != NULL ? table->insert : columns;
  g_autofree char *read_sql = NULL;
  g_autofree char *write_sql = NULL;
  g_autoptr (GString) marks = g_string_new (NULL);
  gboolean is_attachment = g_str_equal (table->table, "attachments");
  SlStmt *read, *write;
  int n, rc;

  if (select == NULL)
    return FALSE;
  read_sql = g_strdup_printf ("SELECT %s FROM %s%s", select, table->table,
                              g_str_equal (table->table, "scorecards") ? " s" : "");
  read = sl_database_prepare (team, read_sql, error);
  if (read == NULL)
    return FALSE;
  n = 1;
  for (const char *p = insert; *p != '\0'; p++)
    n += *p == ',';
  for (int i = 0; i < n; i++)
    g_string_append (marks, i > 0 ? ", ?" : "?");
  write_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table->table, insert, marks->str);
  write = sl_database_prepare (local, write_sql, error);
  if (write == NULL)
    {
      sl_stmt_reset (read);
      return FALSE;
    }
  while ((rc = sl_stmt_step (read)) == SL_STMT_ROW)
    {
      for (int i = 0; i < n; i++)
        {
          if (sl_stmt_column_is_null (read, i))
            sl_stmt_bind_null (write, i + 1);
          /* A résumé's bytes, the one blob */
          else if (is_attachment && i == 4)
            sl_stmt_bind_blob (write, i + 1, sl_stmt_column_blob (read, i),
                               (gsize) sl_stmt_column_bytes (read, i));
          else
            sl_stmt_bind_text (write, i + 1, sl_stmt_column_text (read, i));
        }
      if (!sl_database_step_done (local, write, error))
        {
          sl_stmt_reset (read);
          return FALSE;
        }
    }
  sl_stmt_reset (read);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (team, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_rows (SlDatabase *team, SlDatabase *local, GError **error)
{
  gboolean ok = TRUE;

  /* The seeded rows come again from the team's */
  if (!sl_database_exec (local, "DELETE FROM stacks; DELETE FROM stages; DELETE FROM change_clock",
                         error))
    return FALSE;
  /* One snapshot of the team database */
  if (!sl_database_exec (team, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  sl_database_set_bulk (local, TRUE);
  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    ok = copy_table (team, local, &tables[i], error);
  sl_database_set_bulk (local, FALSE);
  sl_database_exec (team, "COMMIT", NULL);
  /* What the local file's triggers keep row by row, built once */
  return ok && sl_schema_index_candidates (local, 0, error) &&
         sl_schema_index_applications (local, 0, error);
}

/* Writes to @output a local Shortlist file with what the login of the team database at @uri
 * may read */
gboolean
sl_backup_write_team (const char *uri, const char *output, GError **error)
{
  g_autoptr (SlDatabase) team = NULL;
  g_autoptr (SlDatabase) local = NULL;
  SlExportFile file = { 0 };
  gboolean ok;

  team = sl_database_open (uri, error);
  if (team == NULL || !sl_export_file_open_full (&file, output, TRUE, error))
    return FALSE;
  if (!sl_export_file_close (&file, error))
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  local = sl_database_open (file.temporary, error);
  ok = local != NULL;
  if (ok)
    {
      sl_database_exec (local, "PRAGMA foreign_keys = OFF", NULL);
      ok = sl_database_begin (local, error);
      if (ok && !copy_rows (team, local, error))
        {
          sl_database_rollback (local);
          ok = FALSE;
        }
      ok = ok && sl_database_commit (local, error);
      sl_database_exec (local, "PRAGMA foreign_keys = ON", NULL);
    }
  /* A backup is one file, as the local one's are */
  ok = ok && sl_database_exec (local, "PRAGMA journal_mode = DELETE", error);
  g_clear_object (&local);
  if (ok)
    {
      g_autoptr (SlDatabase) check = sl_database_open_readonly (file.temporary, error);
      g_autofree char *report = NULL;
      gboolean damaged = FALSE;

      GError *local_error = NULL;

      ok = check != NULL && sl_database_check_full (check, &report, &damaged, &local_error);
      /* Not sound (a reference or the search index off) is said as the check says it */
      if (!ok && local_error == NULL && report != NULL)
        local_error = g_error_new (SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT, "%s", report);
      if (ok && damaged)
        {
          local_error = g_error_new (SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT, "%s", report);
          ok = FALSE;
        }
      /* Not sound without an error always comes with its report */
      if (local_error != NULL)
        g_propagate_error (error, local_error);
    }
  if (!ok)
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  return sl_export_file_commit (&file, NULL, error);
}
