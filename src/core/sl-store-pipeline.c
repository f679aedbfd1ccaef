/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-pipeline.c — applications moving through a position's pipeline, with their history
 *
 * Every move is one transaction that writes the stage event and the application's new stage
 * together, so the history and the current stage never disagree. The rules are enforced here:
 * no sourcing before the description is approved, one application per candidate and position,
 * a rejection needs a reason.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-board-card.h"
#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"
#include "sl-stage-event.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

typedef struct
{
  gint64 candidate_id;
  gint64 position_id;
  char *stage;
} Application;

static void
application_clear (Application *application)
{
  g_free (application->stage);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Application, application_clear)

static gboolean
load_application (SlStore *store, gint64 id, Application *out, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt = sl_database_prepare (
    db, "SELECT candidate_id, position_id, stage FROM applications WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  rc = sl_stmt_step (stmt);
  if (rc == SL_STMT_ROW)
    {
      out->candidate_id = sl_stmt_column_int64 (stmt, 0);
      out->position_id = sl_stmt_column_int64 (stmt, 1);
      out->stage = g_strdup (sl_store_column_text (stmt, 2));
    }
  else if (rc == SL_STMT_DONE)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                 _ ("There is no application %lld"), (long long) id);
  else
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_ROW;
}

static gboolean
add_event (SlStore *store, gint64 application_id, const char *from, const char *to,
           const char *reason_id, const char *reason, gint64 member_id, gint64 at, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt =
    sl_database_prepare (db,
                         "INSERT INTO stage_events (application_id, from_stage, to_stage, at,"
                         " by_member, reason, reason_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  if (from != NULL)
    sl_stmt_bind_text (stmt, 2, from);
  sl_stmt_bind_text (stmt, 3, to);
  sl_stmt_bind_int64 (stmt, 4, at);
  if (member_id > 0)
    sl_stmt_bind_int64 (stmt, 5, member_id);
  if (reason != NULL && *reason != '\0')
    sl_stmt_bind_text (stmt, 6, reason);
  else
    sl_stmt_bind_null (stmt, 6);
  if (reason_id != NULL)
    sl_stmt_bind_text (stmt, 7, reason_id);
  else
    sl_stmt_bind_null (stmt, 7);
  return sl_database_step_done (db, stmt, error);
}

/* Puts the candidate at the first stage of the position's pipeline */
gint64
sl_store_apply (SlStore *store, gint64 candidate_id, gint64 position_id, gint64 member_id,
                GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (SlPosition) position = sl_store_get_position (store, position_id, error);
  g_autoptr (SlCandidate) candidate = NULL;
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (SlStageColumn) first = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  SlStmt *stmt;
  gint64 id;

  if (position == NULL)
    return 0;
  candidate = sl_store_get_candidate (store, candidate_id, error);
  if (candidate == NULL)
    return 0;
  if (!sl_position_is_approved (position))
    return sl_store_invalid (
      error, _ ("The job description is not approved yet: no candidate can be added"));
  if (!g_str_equal (sl_position_get_status (position), "open"))
    return sl_store_invalid (error, _ ("The position is not open"));
  stages = sl_store_list_position_stages (store, position_id, FALSE, error);
  if (stages == NULL || g_list_model_get_n_items (stages) == 0)
    return 0;
  first = g_list_model_get_item (stages, 0);

  if (!sl_database_begin (db, error))
    return 0;
  stmt = sl_database_prepare (
    db,
    "INSERT INTO applications (candidate_id, position_id, stage, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?4)",
    error);
  if (stmt == NULL)
    goto fail;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  sl_stmt_bind_int64 (stmt, 2, position_id);
  sl_stmt_bind_text (stmt, 3, sl_stage_column_get_id (first));
  sl_stmt_bind_int64 (stmt, 4, now);
  if (!sl_database_step_done (db, stmt, NULL))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT,
                   _ ("%s has already applied to “%s”"), sl_candidate_get_name (candidate),
                   sl_position_get_title (position));
      goto fail;
    }
  id = sl_database_last_insert_id (db);
  if (sl_store_stamp_new_row (store, "applications", id, error) == 0)
    goto fail;
  if (!add_event (store, id, NULL, sl_stage_column_get_id (first), NULL, NULL, member_id, now,
                  error) ||
      !sl_database_commit (db, error))
    goto fail;
  sl_store_refresh_candidate (store, candidate_id);
  sl_store_emit_position_changed (store, position_id);
  return id;

fail:
  sl_database_rollback (db);
  return 0;
}

static gboolean
in_pipeline (SlStore *store, gint64 position_id, const char *stage)
{
  /* Only the visible stages: a hidden one is on no board */
  g_autoptr (GListModel) stages = sl_store_list_position_stages (store, position_id, FALSE, NULL);
  guint n = stages ? g_list_model_get_n_items (stages) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      if (g_str_equal (sl_stage_column_get_id (column), stage))
        return TRUE;
    }
  return FALSE;
}

/* Moves an application to @to_stage — forward, back, any stage, rejected (with a reason),
 * withdrawn, or out of rejected/withdrawn again — and records the move. @reason_id is the
 * reason chosen from the app's list when the application ends (required for a rejection,
 * optional for a withdrawal, none otherwise); @details, free text, can come with any move. */
gboolean
sl_store_move_application (SlStore *store, gint64 application_id, const char *to_stage,
                           const char *reason_id, const char *details, gint64 member_id,
                           GError **error)
{
  return sl_store_move_application_from (store, application_id, NULL, to_stage, reason_id, details,
                                         member_id, error);
}

/* Like sl_store_move_application(), for a move the user made from @from_stage (where a board
 * or a list showed the application, unless NULL): refused as a conflict when someone else
 * moved it since */
gboolean
sl_store_move_application_from (SlStore *store, gint64 application_id, const char *from_stage,
                                const char *to_stage, const char *reason_id, const char *details,
                                gint64 member_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_auto (Application) application = { 0 };
  g_autofree char *trimmed = g_strstrip (g_strdup (details ? details : ""));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  SlStmt *stmt;

  if (!load_application (store, application_id, &application, error))
    return FALSE;
  if (from_stage != NULL && !g_str_equal (from_stage, application.stage))
    return sl_store_conflict (store, "applications", application_id, error);
  if (to_stage == NULL ||
      (!sl_vocab_is_outcome (to_stage) && !in_pipeline (store, application.position_id, to_stage)))
    return sl_store_invalid (error, _ ("That stage is not part of this position’s pipeline"));
  if (g_str_equal (application.stage, to_stage))
    return sl_store_invalid (error, _ ("The application is already at that stage"));
  if (g_str_equal (to_stage, "rejected") && (reason_id == NULL || *reason_id == '\0'))
    return sl_store_invalid (error, _ ("A rejection needs a reason"));
  if (reason_id != NULL && *reason_id == '\0')
    reason_id = NULL;
  if (reason_id != NULL && (!sl_vocab_is_outcome (to_stage) ||
                            !sl_vocab_is_valid (sl_vocab_reasons_for (to_stage), reason_id)))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                   /* Translators: %s is what was given as the reason's id */
                   _ ("“%s” is not one of the reasons for this move"), reason_id);
      return FALSE;
    }

  if (!sl_database_begin (db, error))
    return FALSE;
  /* A hire's dates belong to the hire: moving off Hired forgets them */
  stmt = sl_database_prepare (db,
                              "UPDATE applications SET stage = ?1, updated_at = ?2,"
                              " start_date = CASE WHEN ?1 = 'hired' THEN start_date END,"
                              " left_at = CASE WHEN ?1 = 'hired' THEN left_at END,"
                              " left_reason = CASE WHEN ?1 = 'hired' THEN left_reason END"
                              " WHERE id = ?3 AND stage = ?4",
                              error);
  if (stmt == NULL)
    goto fail;
  sl_stmt_bind_text (stmt, 1, to_stage);
  sl_stmt_bind_int64 (stmt, 2, now);
  sl_stmt_bind_int64 (stmt, 3, application_id);
  sl_stmt_bind_text (stmt, 4, application.stage);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  /* Moved by someone else between the read and this transaction */
  if (sl_database_changes (db) == 0)
    {
      sl_store_conflict (store, "applications", application_id, error);
      goto fail;
    }
  if (sl_store_claim_row (store, "applications", application_id, -1, error) == 0 ||
      !add_event (store, application_id, application.stage, to_stage, reason_id, trimmed, member_id,
                  now, error) ||
      !sl_database_commit (db, error))
    goto fail;
  sl_store_refresh_candidate (store, application.candidate_id);
  sl_store_emit_position_changed (store, application.position_id);
  return TRUE;

fail:
  sl_database_rollback (db);
  return FALSE;
}

/* The next (@direction 1) or previous (-1) visible stage of the application's pipeline */
char *
sl_store_adjacent_stage (SlStore *store, gint64 application_id, int direction, GError **error)
{
  g_auto (Application) application = { 0 };
  g_autoptr (GListModel) stages = NULL;
  guint n;

  if (!load_application (store, application_id, &application, error))
    return NULL;
  stages = sl_store_list_position_stages (store, application.position_id, FALSE, error);
  if (stages == NULL)
    return NULL;
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      int next = (int) i + direction;

      if (!g_str_equal (sl_stage_column_get_id (column), application.stage))
        continue;
      if (next < 0 || next >= (int) n)
        break;
      {
        g_autoptr (SlStageColumn) target = g_list_model_get_item (stages, (guint) next);
        return g_strdup (sl_stage_column_get_id (target));
      }
    }
  sl_store_invalid (error, direction > 0 ? _ ("There is no later stage")
                                         : _ ("There is no earlier stage"));
  return NULL;
}

/* A rejected or withdrawn application goes back to the pipeline stage it left from (the last
 * one: rejected and then marked withdrawn goes back to the stage before the rejection) */
gboolean
sl_store_reopen_application (SlStore *store, gint64 application_id, gint64 member_id,
                             GError **error)
{
  g_auto (Application) application = { 0 };
  SlStmt *stmt;
  g_autofree char *previous = NULL;

  if (!load_application (store, application_id, &application, error))
    return FALSE;
  if (!sl_vocab_is_outcome (application.stage))
    return sl_store_invalid (error, _ ("Only a rejected or withdrawn application can be reopened"));
  stmt = sl_database_prepare (
    sl_store_get_database (store),
    "SELECT e.from_stage FROM stage_events e JOIN stages s ON s.id = e.from_stage"
    " WHERE e.application_id = ? AND s.outcome = 0 ORDER BY e.at DESC, e.id DESC LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW && sl_stmt_column_text (stmt, 0) != NULL)
    previous = g_strdup (sl_store_column_text (stmt, 0));
  sl_stmt_reset (stmt);
  return sl_store_move_application (store, application_id, previous ? previous : "sourced", NULL,
                                    NULL, member_id, error);
}

static gboolean
valid_date (const char *date)
{
  g_autofree char *iso = NULL;
  g_autoptr (GDateTime) parsed = NULL;

  if (date == NULL || *date == '\0')
    return TRUE;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  return parsed != NULL;
}

/* For a hire: the start date and, later, when and why they left (for retention) */
gboolean
sl_store_set_employment_dates (SlStore *store, gint64 application_id, const char *start_date,
                               const char *left_at, const char *left_reason, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_auto (Application) application = { 0 };
  SlStmt *stmt;

  if (!load_application (store, application_id, &application, error))
    return FALSE;
  if (!g_str_equal (application.stage, "hired"))
    return sl_store_invalid (error, _ ("Only a hire has a start date"));
  if (!valid_date (start_date) || !valid_date (left_at))
    return sl_store_invalid (error, _ ("A date is written like 2026-12-31"));
  if (left_at != NULL && *left_at != '\0' &&
      (start_date == NULL || g_strcmp0 (left_at, start_date) < 0))
    return sl_store_invalid (error, _ ("Someone leaves after they start"));
  stmt = sl_database_prepare (
    db,
    "UPDATE applications SET start_date = nullif(?, ''), left_at = nullif(?, ''),"
    " left_reason = nullif(?, ''), updated_at = ? WHERE id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_text (stmt, 1, start_date ? start_date : "");
  sl_stmt_bind_text (stmt, 2, left_at ? left_at : "");
  sl_stmt_bind_text (stmt, 3, left_reason ? left_reason : "");
  sl_stmt_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sl_stmt_bind_int64 (stmt, 5, application_id);
  if (!sl_database_begin (db, error))
    return FALSE;
  if (!sl_database_step_done (db, stmt, error) ||
      sl_store_claim_row (store, "applications", application_id, -1, error) == 0 ||
      !sl_database_commit (db, error))
    {
      sl_database_rollback (db);
      return FALSE;
    }
  sl_store_emit_position_changed (store, application.position_id);
  return TRUE;
}

/* The application's stage events, oldest first */
GListModel *
sl_store_list_stage_events (SlStore *store, gint64 application_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_STAGE_EVENT);
  SlStmt *stmt;

  stmt = sl_database_prepare (
    db,
    "SELECT e.id, e.from_stage, e.to_stage, e.at, coalesce(m.email, ''), e.reason_id, e.reason"
    " FROM stage_events e LEFT JOIN team_members m ON m.id = e.by_member"
    " WHERE e.application_id = ? ORDER BY e.at, e.id",
    error);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      g_autoptr (SlStageEvent) event = sl_stage_event_new (
        sl_stmt_column_int64 (stmt, 0), application_id,
        (const char *) sl_stmt_column_text (stmt, 1), sl_store_column_text (stmt, 2),
        sl_stmt_column_int64 (stmt, 3), sl_store_column_text (stmt, 4),
        (const char *) sl_stmt_column_text (stmt, 5), (const char *) sl_stmt_column_text (stmt, 6));
      g_list_store_append (list, event);
    }
  sl_stmt_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* One column of the board: the applications at @stage, longest waiting first */
GListModel *
sl_store_list_board_column (SlStore *store, SlDatabase *db, gint64 position_id, const char *stage,
                            GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_BOARD_CARD);
  SlStmt *stmt;
  int rc;

  stmt = sl_database_prepare (
    db,
    "SELECT a.id, c.id, c.name, c.country, coalesce(c.seniority, ''),"
    " coalesce((SELECT max(at) FROM stage_events e WHERE e.application_id = a.id),"
    "   a.updated_at) AS since"
    " FROM applications a JOIN candidates c ON c.id = a.candidate_id"
    " WHERE a.position_id = ? AND a.stage = ? AND c.deleted_at IS NULL"
    " ORDER BY since, a.id",
    error);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, position_id);
  sl_stmt_bind_text (stmt, 2, stage);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      g_autoptr (SlBoardCard) card =
        sl_board_card_new (sl_stmt_column_int64 (stmt, 0), sl_stmt_column_int64 (stmt, 1),
                           sl_store_column_text (stmt, 2), sl_store_column_text (stmt, 3),
                           sl_store_column_text (stmt, 4), stage, sl_stmt_column_int64 (stmt, 5));
      g_list_store_append (list, card);
    }
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

typedef struct
{
  gint64 position_id;
  GPtrArray *stages;
} BoardRequest;

static void
board_request_free (BoardRequest *request)
{
  g_ptr_array_unref (request->stages);
  g_free (request);
}

static void
board_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SlStore *store = source;
  BoardRequest *request = task_data;
  GError *error = NULL;
  SlDatabase *reader = sl_store_lock_reader (store, SL_STORE_READER_WORK, &error);
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; reader != NULL && error == NULL && i < request->stages->len; i++)
    {
      const char *stage = g_ptr_array_index (request->stages, i);
      GListModel *column;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        break;
      column = sl_store_list_board_column (store, reader, request->position_id, stage, &error);
      if (column != NULL)
        g_hash_table_insert (columns, g_strdup (stage), column);
    }
  sl_store_unlock_reader (store, SL_STORE_READER_WORK);
  if (error != NULL)
    {
      g_hash_table_unref (columns);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, columns, (GDestroyNotify) g_hash_table_unref);
}

/* Every column of the position's board, read on a worker thread: stage id → GListModel */
void
sl_store_list_board_async (SlStore *store, gint64 position_id, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr (GListModel) stages = sl_store_list_position_stages (store, position_id, FALSE, NULL);
  BoardRequest *request = g_new0 (BoardRequest, 1);
  guint n = stages ? g_list_model_get_n_items (stages) : 0;

  request->position_id = position_id;
  request->stages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      g_ptr_array_add (request->stages, g_strdup (sl_stage_column_get_id (column)));
    }
  g_task_set_source_tag (task, sl_store_list_board_async);
  g_task_set_task_data (task, request, (GDestroyNotify) board_request_free);
  g_task_run_in_thread (task, board_thread);
}

GHashTable *
sl_store_list_board_finish (SlStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
