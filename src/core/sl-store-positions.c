/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-positions.c — positions in the store: the list with counts, editing, approval, pipeline
 *
 * The rules of the hiring playbook live here, not in the views: a description is approved by a
 * hiring lead or an admin; editing an approved description sends it back to draft; a position
 * opens only once its description is approved.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-countries.h"
#include "sl-store-positions.h"
#include "sl-record.h"
#include "sl-stage-column.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

static const char *const statuses[] = { "kickoff", "draft",  "open", "on-hold",
                                        "filled",  "closed", NULL };

#define POSITION_SELECT                                                                           \
  "SELECT p.id, p.title, p.client, coalesce(p.seniority, ''), coalesce(p.stack_id, ''),"          \
  " coalesce(p.employment_type, ''), coalesce(p.contract_end, ''), coalesce(p.currency, ''),"     \
  " coalesce(p.rate_period, ''), p.status, p.kickoff_notes, p.description,"                       \
  " coalesce((SELECT name FROM team_members WHERE id = p.approved_by), ''),"                      \
  " coalesce((SELECT name FROM stacks WHERE id = p.stack_id), ''),"                               \
  " p.headcount, p.rate_min, p.rate_max, coalesce(p.approved_by, 0), coalesce(p.approved_at, 0)," \
  " (SELECT group_concat(country, ',') FROM (SELECT country FROM position_countries"              \
  "   WHERE position_id = p.id ORDER BY country) s),"                                             \
  " (SELECT group_concat(name, '\x1f') FROM (SELECT t.name FROM position_skills ps"               \
  "   JOIN skill_tags t ON t.id = ps.tag_id WHERE ps.position_id = p.id ORDER BY t.name) s),"     \
  " p.version"                                                                                    \
  " FROM positions p"

/* What a save writes, compared with what was read when another writer saved first */
static const char *const saved_properties[] = {
  "title",        "client",    "seniority",   "stack",    "employment-type",
  "contract-end", "currency",  "rate-period", "status",   "kickoff-notes",
  "description",  "headcount", "rate-min",    "rate-max", "approved-by",
  "approved-at",  "countries", "skills",      NULL,
};

static void
set_list (SlPosition *position, const char *joined, const char *separator, gboolean countries)
{
  g_auto (GStrv) list = joined && *joined ? g_strsplit (joined, separator, -1) : NULL;

  if (countries)
    sl_position_set_countries (position, (const char *const *) list);
  else
    sl_position_set_skills (position, (const char *const *) list);
}

static SlPosition *
position_from_row (SlStmt *stmt)
{
  SlPosition *position = sl_position_new ();

  for (guint i = 0; i < SL_POSITION_N_TEXTS; i++)
    sl_position_set_text (position, i, sl_store_column_text (stmt, (int) i + 1));
  sl_position_set_id (position, sl_stmt_column_int64 (stmt, 0));
  sl_position_set_headcount (position, sl_stmt_column_int (stmt, 14));
  sl_position_set_rate_min (
    position, sl_stmt_column_is_null (stmt, 15) ? -1 : sl_stmt_column_double (stmt, 15));
  sl_position_set_rate_max (
    position, sl_stmt_column_is_null (stmt, 16) ? -1 : sl_stmt_column_double (stmt, 16));
  sl_position_set_approved_by (position, sl_stmt_column_int64 (stmt, 17));
  sl_position_set_approved_at (position, sl_stmt_column_int64 (stmt, 18));
  set_list (position, sl_store_column_text (stmt, 19), ",", TRUE);
  set_list (position, sl_store_column_text (stmt, 20), "\x1f", FALSE);
  sl_record_mark_saved (G_OBJECT (position), saved_properties, sl_stmt_column_int64 (stmt, 21));
  return position;
}

/* Every position with its counts of active applications per stage. Scans the applications:
 * run it on a worker thread's connection (see sl_store_list_positions_async()). */
GListModel *
sl_store_list_positions (SlStore *store, SlDatabase *db, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_POSITION);
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SlStmt *stmt;
  int rc;

  stmt = sl_database_prepare (
    db,
    POSITION_SELECT
    " ORDER BY CASE p.status WHEN 'open' THEN 0 WHEN 'on-hold' THEN 1 WHEN 'draft' THEN 2"
    " WHEN 'kickoff' THEN 3 WHEN 'filled' THEN 4 ELSE 5 END, p.title, p.id",
    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      g_autoptr (SlPosition) position = position_from_row (stmt);
      g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      sl_position_set_counts (position, counts);
      g_hash_table_insert (
        by_id, g_memdup2 (&(gint64){ sl_position_get_id (position) }, sizeof (gint64)), position);
      g_list_store_append (list, position);
    }
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      return NULL;
    }

  /* A candidate in the trash is on no board, so in no count either. Counting every application
   * through its candidate would read 100,000 rows at random: count them all from the index,
   * then take away the few in the trash (found through their own small index). */
  stmt = sl_database_prepare (db,
                              "SELECT position_id, stage, sum(n) FROM ("
                              "  SELECT position_id, stage, count(*) AS n FROM applications"
                              "   GROUP BY position_id, stage"
                              "  UNION ALL"
                              "  SELECT a.position_id, a.stage, -count(*) FROM candidates c CROSS"
                              "   JOIN applications a WHERE a.candidate_id = c.id"
                              "   AND c.deleted_at IS NOT NULL GROUP BY a.position_id, a.stage) t"
                              " GROUP BY position_id, stage",
                              error);
  if (stmt == NULL)
    return NULL;
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      gint64 id = sl_stmt_column_int64 (stmt, 0);
      SlPosition *position = g_hash_table_lookup (by_id, &id);

      if (position != NULL && sl_stmt_column_int (stmt, 2) > 0)
        g_hash_table_insert (sl_position_get_counts (position),
                             g_strdup (sl_store_column_text (stmt, 1)),
                             GUINT_TO_POINTER ((guint) sl_stmt_column_int (stmt, 2)));
    }
  sl_stmt_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static void
list_positions_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SlStore *store = source;
  GError *error = NULL;
  SlDatabase *reader = sl_store_lock_reader (store, SL_STORE_READER_WORK, &error);
  GListModel *positions = NULL;

  if (reader != NULL)
    {
      sl_database_set_cancellable (reader, cancellable);
      positions = sl_store_list_positions (store, reader, &error);
      sl_database_set_cancellable (reader, NULL);
    }
  sl_store_unlock_reader (store, SL_STORE_READER_WORK);
  if (positions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, positions, g_object_unref);
}

void
sl_store_list_positions_async (SlStore *store, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, sl_store_list_positions_async);
  g_task_run_in_thread (task, list_positions_thread);
}

GListModel *
sl_store_list_positions_finish (SlStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The positions a candidate can be added to now: open, with an approved description. Reads
 * only the positions, not their applications, so a menu can ask on the UI thread. */
GListModel *
sl_store_list_open_positions (SlStore *store, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_POSITION);
  SlStmt *stmt = sl_database_prepare (
    db,
    POSITION_SELECT " WHERE p.status = 'open' AND p.approved_at IS NOT NULL ORDER BY p.title, p.id",
    error);

  if (stmt == NULL)
    return NULL;
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      g_autoptr (SlPosition) position = position_from_row (stmt);
      g_list_store_append (list, position);
    }
  sl_stmt_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

SlPosition *
sl_store_get_position (SlStore *store, gint64 id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt = sl_database_prepare (db, POSITION_SELECT " WHERE p.id = ?", error);
  SlPosition *position = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, id);
  rc = sl_stmt_step (stmt);
  if (rc == SL_STMT_ROW)
    position = position_from_row (stmt);
  else if (rc == SL_STMT_DONE)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                 _ ("There is no position %lld"), (long long) id);
  else
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return position;
}

/* After a save refused as a conflict: @position takes the values saved since, keeping its own
 * unsaved changes wherever the other writer left that field alone; @clashed, if not NULL, says
 * whether any of them gave way */
gboolean
sl_store_rebase_position (SlStore *store, SlPosition *position, gboolean *clashed, GError **error)
{
  g_autoptr (SlPosition) current =
    sl_store_get_position (store, sl_position_get_id (position), error);
  guint64 clashes;

  if (current == NULL)
    return FALSE;
  clashes = sl_record_rebase (G_OBJECT (position), G_OBJECT (current),
                              sl_record_get_version (G_OBJECT (current)));
  sl_position_set_text (position, SL_POSITION_APPROVED_BY_NAME,
                        sl_position_get_text (current, SL_POSITION_APPROVED_BY_NAME));
  sl_position_set_text (position, SL_POSITION_STACK_NAME,
                        sl_position_get_text (current, SL_POSITION_STACK_NAME));
  if (clashed != NULL)
    *clashed = clashes != 0;
  return TRUE;
}

static gboolean
validate_position (SlStore *store, SlPosition *position, GError **error)
{
  g_autofree char *title = g_strstrip (g_strdup (sl_position_get_title (position)));
  const char *value;
  const char *const *countries = sl_position_get_countries (position);
  double min = sl_position_get_rate_min (position), max = sl_position_get_rate_max (position);

  if (*title == '\0')
    return sl_store_invalid (error, _ ("A position needs a title"));
  value = sl_position_get_text (position, SL_POSITION_SENIORITY);
  if (*value && !sl_vocab_is_valid (SL_VOCAB_SENIORITY, value))
    return sl_store_invalid (error, _ ("Seniority must be junior, mid or senior"));
  value = sl_position_get_text (position, SL_POSITION_EMPLOYMENT_TYPE);
  if (*value && !sl_vocab_is_valid (SL_VOCAB_EMPLOYMENT, value))
    return sl_store_invalid (error, _ ("That employment type is not known"));
  value = sl_position_get_text (position, SL_POSITION_RATE_PERIOD);
  if (*value && !sl_vocab_is_valid (SL_VOCAB_RATE_PERIOD, value))
    return sl_store_invalid (error, _ ("That rate period is not known"));
  value = sl_position_get_text (position, SL_POSITION_STACK);
  if (*value)
    {
      g_autofree char *name = sl_store_get_stack_name (store, value);
      if (name == NULL)
        return sl_store_invalid (error, _ ("That stack is not known"));
    }
  value = sl_position_get_text (position, SL_POSITION_CURRENCY);
  if (*value && !(strlen (value) == 3 && g_ascii_isupper (value[0]) && g_ascii_isupper (value[1]) &&
                  g_ascii_isupper (value[2])))
    return sl_store_invalid (error, _ ("A currency is a three-letter code like USD"));
  value = sl_position_get_text (position, SL_POSITION_CONTRACT_END);
  if (*value)
    {
      g_autofree char *iso = g_strconcat (value, "T00:00:00Z", NULL);
      g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);
      if (date == NULL)
        return sl_store_invalid (error, _ ("A date is written like 2026-12-31"));
    }
  for (guint i = 0; countries[i] != NULL; i++)
    if (!sl_countries_is_valid (countries[i]))
      return sl_store_invalid (error, _ ("That is not an ISO 3166 country code"));
  if (min >= 0 && max >= 0 && min > max)
    return sl_store_invalid (error, _ ("The lowest rate is above the highest"));
  if (!g_strv_contains (statuses, sl_position_get_status (position)))
    return sl_store_invalid (error, _ ("That position status is not known"));
  if (g_str_equal (sl_position_get_status (position), "open") &&
      !sl_position_is_approved (position))
    return sl_store_invalid (error, _ ("A position opens only once its description is approved"));
  return TRUE;
}

static gboolean
save_lists (SlStore *store, SlPosition *position, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 id = sl_position_get_id (position);
  const char *const *countries = sl_position_get_countries (position);
  const char *const *skills = sl_position_get_skills (position);
  SlStmt *stmt;

  stmt = sl_database_prepare (db, "DELETE FROM position_countries WHERE position_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; countries[i] != NULL; i++)
    {
      stmt =
        sl_database_prepare (db,
                             "INSERT INTO position_countries (position_id, country) VALUES (?, ?)"
                             " ON CONFLICT DO NOTHING",
                             error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, id);
      sl_stmt_bind_text (stmt, 2, countries[i]);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }

  stmt = sl_database_prepare (db, "DELETE FROM position_skills WHERE position_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; skills[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (skills[i]));

      if (*tag == '\0')
        continue;
      stmt = sl_database_prepare (
        db, "INSERT INTO skill_tags (name) VALUES (?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_text (stmt, 1, tag);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
      stmt = sl_database_prepare (
        db,
        "INSERT INTO position_skills (position_id, tag_id)"
        " SELECT ?, id FROM skill_tags WHERE lower(name) = lower(?) ON CONFLICT DO NOTHING",
        error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, id);
      sl_stmt_bind_text (stmt, 2, tag);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The stored description and approval, to tell whether an edit changes an approved text */
static gboolean
stored_description (SlStore *store, gint64 id, char **description, gint64 *approved_at)
{
  SlStmt *stmt = sl_database_prepare (
    sl_store_get_database (store),
    "SELECT description, coalesce(approved_at, 0) FROM positions WHERE id = ?", NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      *description = g_strdup (sl_store_column_text (stmt, 0));
      *approved_at = sl_stmt_column_int64 (stmt, 1);
      found = TRUE;
    }
  sl_stmt_reset (stmt);
  return found;
}

/* Inserts (id 0) or updates a position. Writing a description moves a kickoff to draft;
 * changing an approved description withdraws the approval and sends the position back to
 * draft. A new position gets the default pipeline. */
gboolean
sl_store_save_position (SlStore *store, SlPosition *position, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean is_new = sl_position_get_id (position) == 0;
  const char *status = sl_position_get_status (position);
  const char *description = sl_position_get_text (position, SL_POSITION_DESCRIPTION);
  SlStmt *stmt;
  gint64 version = 0;

  if (!is_new)
    {
      g_autofree char *stored = NULL;
      gint64 approved_at = 0;

      if (!stored_description (store, sl_position_get_id (position), &stored, &approved_at))
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                       _ ("There is no position %lld"), (long long) sl_position_get_id (position));
          return FALSE;
        }
      if (approved_at > 0 && g_strcmp0 (stored, description) != 0)
        {
          sl_position_set_approved_at (position, 0);
          sl_position_set_approved_by (position, 0);
          sl_position_set_text (position, SL_POSITION_APPROVED_BY_NAME, "");
          if (!g_str_equal (status, "filled") && !g_str_equal (status, "closed"))
            sl_position_set_text (position, SL_POSITION_STATUS, "draft");
        }
    }
  if (g_str_equal (sl_position_get_status (position), "kickoff") && *description != '\0')
    sl_position_set_text (position, SL_POSITION_STATUS, "draft");
  if (!validate_position (store, position, error))
    return FALSE;

  if (!sl_database_begin (db, error))
    return FALSE;
  /* Someone else saved it since it was read: refused, the caller rebases */
  if (!is_new)
    {
      version = sl_store_claim_row (
        store, "positions", sl_position_get_id (position),
        sl_record_is_read (G_OBJECT (position)) ? sl_record_get_version (G_OBJECT (position)) : -1,
        error);
      if (version == 0)
        goto fail;
    }
  if (is_new)
    stmt = sl_database_prepare (
      db,
      "INSERT INTO positions (title, client, seniority, stack_id, employment_type,"
      " contract_end, currency, rate_period, status, kickoff_notes, description,"
      " headcount, rate_min, rate_max, approved_by, approved_at, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
      " ?17, ?17)",
      error);
  else
    stmt = sl_database_prepare (
      db,
      "UPDATE positions SET title = ?1, client = ?2, seniority = ?3, stack_id = ?4,"
      " employment_type = ?5, contract_end = ?6, currency = ?7, rate_period = ?8,"
      " status = ?9, kickoff_notes = ?10, description = ?11, headcount = ?12,"
      " rate_min = ?13, rate_max = ?14, approved_by = ?15, approved_at = ?16,"
      " updated_at = ?17 WHERE id = ?18",
      error);
  if (stmt == NULL)
    goto fail;
  {
    g_autofree char *title = g_strstrip (g_strdup (sl_position_get_title (position)));
    sl_stmt_bind_text (stmt, 1, title);
  }
  sl_stmt_bind_text (stmt, 2, sl_position_get_text (position, SL_POSITION_CLIENT));
  sl_store_bind_optional (stmt, 3, sl_position_get_text (position, SL_POSITION_SENIORITY));
  sl_store_bind_optional (stmt, 4, sl_position_get_text (position, SL_POSITION_STACK));
  sl_store_bind_optional (stmt, 5, sl_position_get_text (position, SL_POSITION_EMPLOYMENT_TYPE));
  sl_store_bind_optional (stmt, 6, sl_position_get_text (position, SL_POSITION_CONTRACT_END));
  sl_store_bind_optional (stmt, 7, sl_position_get_text (position, SL_POSITION_CURRENCY));
  sl_store_bind_optional (stmt, 8, sl_position_get_text (position, SL_POSITION_RATE_PERIOD));
  sl_stmt_bind_text (stmt, 9, sl_position_get_status (position));
  sl_stmt_bind_text (stmt, 10, sl_position_get_text (position, SL_POSITION_KICKOFF_NOTES));
  sl_stmt_bind_text (stmt, 11, description);
  sl_stmt_bind_int (stmt, 12, sl_position_get_headcount (position));
  sl_store_bind_amount (stmt, 13, sl_position_get_rate_min (position));
  sl_store_bind_amount (stmt, 14, sl_position_get_rate_max (position));
  if (sl_position_get_approved_by (position) > 0)
    sl_stmt_bind_int64 (stmt, 15, sl_position_get_approved_by (position));
  if (sl_position_get_approved_at (position) > 0)
    sl_stmt_bind_int64 (stmt, 16, sl_position_get_approved_at (position));
  sl_stmt_bind_int64 (stmt, 17, now);
  if (!is_new)
    sl_stmt_bind_int64 (stmt, 18, sl_position_get_id (position));
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  if (is_new)
    {
      sl_position_set_id (position, sl_database_last_insert_id (db));
      version = sl_store_stamp_new_row (store, "positions", sl_position_get_id (position), error);
      if (version == 0)
        goto fail;
      stmt = sl_database_prepare (
        db,
        "INSERT INTO position_stages (position_id, stage_id, rank, hidden)"
        " SELECT ?, id, rank, FALSE FROM stages WHERE outcome = 0 AND id NOT LIKE 'custom-%'",
        error);
      if (stmt == NULL)
        goto fail;
      sl_stmt_bind_int64 (stmt, 1, sl_position_get_id (position));
      if (!sl_database_step_done (db, stmt, error))
        goto fail;
    }
  if (!save_lists (store, position, error) || !sl_database_commit (db, error))
    goto fail;
  sl_record_mark_saved (G_OBJECT (position), saved_properties, version);
  {
    const char *stack = sl_position_get_text (position, SL_POSITION_STACK);
    g_autofree char *stack_name = *stack ? sl_store_get_stack_name (store, stack) : NULL;
    sl_position_set_text (position, SL_POSITION_STACK_NAME, stack_name);
  }
  sl_store_emit_position_changed (store, sl_position_get_id (position));
  return TRUE;

fail:
  sl_database_rollback (db);
  if (is_new)
    sl_position_set_id (position, 0);
  return FALSE;
}

/* Records who approved the description and when, and opens the position */
gboolean
sl_store_approve_description (SlStore *store, SlPosition *position, gint64 member_id,
                              GError **error)
{
  g_autoptr (SlMember) member = sl_store_get_member (store, member_id);
  const char *status = sl_position_get_status (position);

  if (member == NULL)
    return sl_store_invalid (error, _ ("Choose who you are in Preferences first"));
  if (!g_str_equal (sl_member_get_role (member), "hiring-lead") &&
      !g_str_equal (sl_member_get_role (member), "admin"))
    return sl_store_invalid (error,
                             _ ("Only a hiring lead or an admin can approve a job description"));
  if (*sl_position_get_text (position, SL_POSITION_DESCRIPTION) == '\0')
    return sl_store_invalid (error, _ ("Write the job description before approving it"));
  if (sl_position_is_approved (position))
    return sl_store_invalid (error, _ ("The job description is already approved"));

  sl_position_set_approved_by (position, member_id);
  sl_position_set_approved_at (position, g_get_real_time () / G_USEC_PER_SEC);
  sl_position_set_text (position, SL_POSITION_APPROVED_BY_NAME, sl_member_get_name (member));
  if (g_str_equal (status, "kickoff") || g_str_equal (status, "draft"))
    sl_position_set_text (position, SL_POSITION_STATUS, "open");
  return sl_store_save_position (store, position, error);
}

gboolean
sl_store_set_position_status (SlStore *store, SlPosition *position, const char *status,
                              GError **error)
{
  g_autofree char *previous = g_strdup (sl_position_get_status (position));

  if (!g_strv_contains (statuses, status))
    return sl_store_invalid (error, _ ("That position status is not known"));
  sl_position_set_text (position, SL_POSITION_STATUS, status);
  if (!sl_store_save_position (store, position, error))
    {
      sl_position_set_text (position, SL_POSITION_STATUS, previous);
      return FALSE;
    }
  return TRUE;
}

/* The position's pipeline in its order; the default stages for a position that has none */
GListModel *
sl_store_list_position_stages (SlStore *store, gint64 position_id, gboolean include_hidden,
                               GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_STAGE_COLUMN);
  SlStmt *stmt;

  stmt = sl_database_prepare (
    db,
    "SELECT s.id, coalesce(ps.name, ''), coalesce(ps.rank, s.rank), coalesce(ps.hidden, FALSE)"
    " FROM stages s LEFT JOIN position_stages ps"
    "   ON ps.stage_id = s.id AND ps.position_id = ?1"
    " WHERE s.outcome = 0 AND (ps.position_id IS NOT NULL OR s.id NOT LIKE 'custom-%')"
    " ORDER BY 3, s.rank",
    error);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, position_id);
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      const char *id = sl_store_column_text (stmt, 0);
      const char *name = sl_store_column_text (stmt, 1);
      g_autoptr (SlStageColumn) column = NULL;

      if (!include_hidden && sl_stmt_column_int (stmt, 3))
        continue;
      column = sl_stage_column_new (id, *name ? name : sl_vocab_label (SL_VOCAB_STAGE, id),
                                    sl_stmt_column_int64 (stmt, 2), sl_stmt_column_int64 (stmt, 3));
      g_list_store_append (list, column);
    }
  sl_stmt_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static int
count_at_stage (SlDatabase *db, gint64 position_id, const char *stage)
{
  SlStmt *stmt = sl_database_prepare (
    db, "SELECT count(*) FROM applications WHERE position_id = ? AND stage = ?", NULL);
  int count = 0;

  if (stmt == NULL)
    return 0;
  sl_stmt_bind_int64 (stmt, 1, position_id);
  sl_stmt_bind_text (stmt, 2, stage);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    count = sl_stmt_column_int (stmt, 0);
  sl_stmt_reset (stmt);
  return count;
}

/* Begins a change to @position's pipeline or kits, which are part of the position: its row is
 * claimed (its version moves, so other windows see the change), and the change is refused when
 * someone changed the position since @position was read. @read_version is for
 * sl_store_end_position_change(). */
gboolean
sl_store_begin_position_change (SlStore *store, SlPosition *position, gint64 *read_version,
                                GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 version;

  *read_version = sl_record_get_version (G_OBJECT (position));
  if (!sl_database_begin (db, error))
    return FALSE;
  version =
    sl_store_claim_row (store, "positions", sl_position_get_id (position),
                        sl_record_is_read (G_OBJECT (position)) ? *read_version : -1, error);
  if (version == 0)
    {
      sl_database_rollback (db);
      return FALSE;
    }
  sl_record_set_version (G_OBJECT (position), version);
  return TRUE;
}

/* Ends it: with @ok, commits and tells the views; else (or if the commit fails) rolls back, and
 * @position has the version it was read at again. Returns whether it was committed. */
gboolean
sl_store_end_position_change (SlStore *store, SlPosition *position, gint64 read_version,
                              gboolean ok, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);

  if (ok && sl_database_commit (db, error))
    {
      sl_store_emit_position_changed (store, sl_position_get_id (position));
      return TRUE;
    }
  sl_database_rollback (db);
  sl_record_set_version (G_OBJECT (position), read_version);
  return FALSE;
}

/* Stores the order, names and visibility of @columns (SlStageColumn) as @position's pipeline,
 * unless someone changed the position since it was read (SL_DATABASE_ERROR_CONFLICT). Names
 * equal to the default label are stored as no name, so they stay translated. */
gboolean
sl_store_save_position_stages (SlStore *store, SlPosition *position, GListModel *columns,
                               GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 position_id = sl_position_get_id (position);
  guint n = g_list_model_get_n_items (columns);
  gint64 read_version;

  if (!sl_store_begin_position_change (store, position, &read_version, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i);
      const char *id = sl_stage_column_get_id (column);
      const char *name = sl_stage_column_get_name (column);
      SlStmt *stmt;

      if (g_str_equal (id, "hired") && sl_stage_column_get_hidden (column))
        {
          sl_store_invalid (error, _ ("The Hired stage cannot be hidden"));
          goto fail;
        }
      /* Hired ends every pipeline: the board and “next stage” rely on it */
      if (g_str_equal (id, "hired") && i + 1 != n)
        {
          sl_store_invalid (error, _ ("The Hired stage stays last"));
          goto fail;
        }
      /* A hidden stage would hide its candidates from the board */
      if (sl_stage_column_get_hidden (column) && count_at_stage (db, position_id, id) > 0)
        {
          sl_store_invalid (error, _ ("Move the applications at this stage before hiding it"));
          goto fail;
        }
      stmt = sl_database_prepare (
        db,
        "INSERT INTO position_stages (position_id, stage_id, name, rank, hidden)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (position_id, stage_id)"
        " DO UPDATE SET name = ?3, rank = ?4, hidden = ?5",
        error);
      if (stmt == NULL)
        goto fail;
      sl_stmt_bind_int64 (stmt, 1, position_id);
      sl_stmt_bind_text (stmt, 2, id);
      if (name != NULL && *name != '\0' &&
          g_strcmp0 (name, sl_vocab_label (SL_VOCAB_STAGE, id)) != 0)
        sl_stmt_bind_text (stmt, 3, name);
      sl_stmt_bind_int (stmt, 4, (int) i + 1);
      sl_stmt_bind_int (stmt, 5, sl_stage_column_get_hidden (column) ? 1 : 0);
      if (!sl_database_step_done (db, stmt, error))
        goto fail;
    }
  return sl_store_end_position_change (store, position, read_version, TRUE, error);

fail:
  return sl_store_end_position_change (store, position, read_version, FALSE, error);
}

/* Adds a stage of @position's own after @after_stage; returns its new id (custom-N) */
char *
sl_store_add_stage (SlStore *store, SlPosition *position, const char *name, const char *after_stage,
                    GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 position_id = sl_position_get_id (position);
  gint64 read_version;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr (GListModel) columns = NULL;
  g_autoptr (GListStore) reordered = g_list_store_new (SL_TYPE_STAGE_COLUMN);
  g_autofree char *id = NULL;
  SlStmt *stmt;
  double rank = 0;
  guint n;

  if (*trimmed == '\0')
    {
      sl_store_invalid (error, _ ("A stage needs a name"));
      return NULL;
    }
  columns = sl_store_list_position_stages (store, position_id, TRUE, error);
  if (columns == NULL || !sl_store_begin_position_change (store, position, &read_version, error))
    return NULL;

  /* Its global rank sits just after the stage it follows, so “most advanced” stays meaningful */
  stmt = sl_database_prepare (db,
                              "SELECT coalesce((SELECT rank FROM stages WHERE id = ?1), 0),"
                              " (SELECT count(*) FROM stages WHERE id LIKE 'custom-%')",
                              error);
  if (stmt == NULL)
    goto fail;
  sl_stmt_bind_text (stmt, 1, after_stage ? after_stage : "");
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      rank = sl_stmt_column_double (stmt, 0) + 0.5;
      id = g_strdup_printf ("custom-%d", sl_stmt_column_int (stmt, 1) + 1);
    }
  sl_stmt_reset (stmt);
  stmt = sl_database_prepare (db, "INSERT INTO stages (id, rank, outcome) VALUES (?, ?, 0)", error);
  if (stmt == NULL)
    goto fail;
  sl_stmt_bind_text (stmt, 1, id);
  sl_stmt_bind_double (stmt, 2, rank);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;

  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (columns, i);

      g_list_store_append (reordered, column);
      if (g_strcmp0 (sl_stage_column_get_id (column), after_stage) == 0)
        {
          g_autoptr (SlStageColumn) added = sl_stage_column_new (id, trimmed, 0, 0);
          g_list_store_append (reordered, added);
        }
    }
  if (after_stage == NULL || g_list_model_get_n_items (G_LIST_MODEL (reordered)) == n)
    {
      g_autoptr (SlStageColumn) added = sl_stage_column_new (id, trimmed, 0, 0);
      g_list_store_insert (reordered, 0, added);
    }
  if (!sl_store_end_position_change (
        store, position, read_version,
        sl_store_save_position_stages (store, position, G_LIST_MODEL (reordered), error), error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  sl_store_end_position_change (store, position, read_version, FALSE, error);
  return NULL;
}

/* The stage's name in this position's pipeline */
char *
sl_store_stage_name (SlStore *store, gint64 position_id, const char *stage)
{
  SlStmt *stmt = sl_database_prepare (
    sl_store_get_database (store),
    "SELECT name FROM position_stages WHERE position_id = ? AND stage_id = ?", NULL);
  char *name = NULL;

  if (stmt != NULL)
    {
      sl_stmt_bind_int64 (stmt, 1, position_id);
      sl_stmt_bind_text (stmt, 2, stage);
      if (sl_stmt_step (stmt) == SL_STMT_ROW && sl_stmt_column_text (stmt, 0) != NULL)
        name = g_strdup (sl_store_column_text (stmt, 0));
      sl_stmt_reset (stmt);
    }
  return name ? name : g_strdup (sl_vocab_label (SL_VOCAB_STAGE, stage));
}
