/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-interviews.c — scheduling interviews and finding them again
 *
 * An interview belongs to an application and has one or more interviewers (team members).
 * Its time is UTC seconds; sl-time.c shows it in a zone. “My interviews” is read on the worker
 * connection: an interviewer's history grows with the data.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

#define MAX_DURATION (12 * 60)

/* The columns load_interviews() reads, in order */
#define INTERVIEW_COLUMNS                                                                 \
  "i.id, i.application_id, i.kind, i.starts_at, i.duration_min, i.place, a.candidate_id," \
  " c.name, c.email, c.timezone, p.id, p.title, i.created_at, i.sequence"
#define INTERVIEW_JOINS                                               \
  " FROM interviews i JOIN applications a ON a.id = i.application_id" \
  " JOIN candidates c ON c.id = a.candidate_id JOIN positions p ON p.id = a.position_id"

/* The interviewers of every interview in @loaded, in one query (a member's list can hold
 * thousands of interviews) */
static gboolean
add_interviewers (SlDatabase *db, GPtrArray *loaded, GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GString) ids = g_string_new ("[");
  SlStmt *stmt;
  int rc;

  if (loaded->len == 0)
    return TRUE;
  for (guint i = 0; i < loaded->len; i++)
    {
      SlInterview *interview = g_ptr_array_index (loaded, i);
      gint64 *key = g_new (gint64, 1);

      *key = sl_interview_get_id (interview);
      g_hash_table_insert (by_id, key, interview);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", *key);
    }
  g_string_append_c (ids, ']');
#define INTERVIEWERS_OF(ids)                                                                   \
  "SELECT ii.interview_id, m.id, m.name, m.email, coalesce(s.submitted_at, 0)"                 \
  " FROM " ids " JOIN interview_interviewers ii ON ii.interview_id = j.value"                  \
  " JOIN team_members m ON m.id = ii.member_id"                                                \
  " LEFT JOIN scorecards s ON s.interview_id = ii.interview_id AND s.member_id = ii.member_id" \
  " ORDER BY ii.interview_id, m.name, m.id"
  /* The ids as one JSON array: one statement, whatever their number */
  stmt = sl_database_prepare_dialect (
    db, INTERVIEWERS_OF ("json_each(?) j"),
    INTERVIEWERS_OF ("(SELECT value::bigint FROM json_array_elements_text(?::json)) j (value)"),
    error);
#undef INTERVIEWERS_OF
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_text_len (stmt, 1, ids->str, (int) ids->len);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 interview_id = sl_stmt_column_int64 (stmt, 0);
      SlInterview *interview = g_hash_table_lookup (by_id, &interview_id);

      if (interview != NULL)
        sl_interview_add_interviewer (
          interview, sl_stmt_column_int64 (stmt, 1), sl_store_column_text (stmt, 2),
          sl_store_column_text (stmt, 3), sl_stmt_column_int64 (stmt, 4));
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_DONE;
}

/* Runs @stmt (already bound; it selects INTERVIEW_COLUMNS) into a list of SlInterview */
static GListModel *
load_interviews (SlDatabase *db, SlStmt *stmt, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_INTERVIEW);
  g_autoptr (GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      SlInterview *interview =
        sl_interview_new (sl_stmt_column_int64 (stmt, 0), sl_stmt_column_int64 (stmt, 1),
                          sl_store_column_text (stmt, 2), sl_stmt_column_int64 (stmt, 3),
                          sl_stmt_column_int (stmt, 4), sl_store_column_text (stmt, 5));

      sl_interview_set_candidate (interview, sl_stmt_column_int64 (stmt, 6),
                                  sl_store_column_text (stmt, 7), sl_store_column_text (stmt, 8),
                                  sl_store_column_text (stmt, 9));
      sl_interview_set_position (interview, sl_stmt_column_int64 (stmt, 10),
                                 sl_store_column_text (stmt, 11));
      sl_interview_set_revision (interview, sl_stmt_column_int64 (stmt, 12),
                                 sl_stmt_column_int (stmt, 13));
      g_ptr_array_add (loaded, interview);
    }
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      sl_stmt_reset (stmt);
      return NULL;
    }
  sl_stmt_reset (stmt);
  /* The interviewers after the outer statement is done: both come from the statement cache */
  if (!add_interviewers (db, loaded, error))
    return NULL;
  g_list_store_splice (list, 0, 0, loaded->pdata, loaded->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

SlInterview *
sl_store_get_interview (SlStore *store, gint64 interview_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt =
    sl_database_prepare (db, "SELECT " INTERVIEW_COLUMNS INTERVIEW_JOINS " WHERE i.id = ?", error);
  g_autoptr (GListModel) found = NULL;

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, interview_id);
  found = load_interviews (db, stmt, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                   _ ("There is no interview %lld"), (long long) interview_id);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/* An application's interviews, earliest first */
GListModel *
sl_store_list_interviews (SlStore *store, gint64 application_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt =
    sl_database_prepare (db,
                         "SELECT " INTERVIEW_COLUMNS INTERVIEW_JOINS " WHERE i.application_id = ?"
                         " ORDER BY i.starts_at, i.id",
                         error);

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  return load_interviews (db, stmt, error);
}

/* The interviews a member (everybody for 0) has ahead, and those started that still wait
 * for their scorecard, earliest first. On @db, which may be the worker's connection. */
GListModel *
sl_store_list_member_interviews (SlStore *store, SlDatabase *db, gint64 member_id, gint64 now,
                                 GError **error)
{
  SlStmt *stmt;

  if (member_id > 0)
    stmt = sl_database_prepare (
      db,
      "SELECT " INTERVIEW_COLUMNS INTERVIEW_JOINS
      " JOIN interview_interviewers ii ON ii.interview_id = i.id AND ii.member_id = ?1"
      " LEFT JOIN scorecards s ON s.interview_id = i.id AND s.member_id = ?1"
      " WHERE c.deleted_at IS NULL AND (i.starts_at > ?2 OR s.submitted_at IS NULL)"
      " ORDER BY i.starts_at, i.id",
      error);
  else
    stmt = sl_database_prepare (
      db,
      "SELECT " INTERVIEW_COLUMNS INTERVIEW_JOINS " WHERE c.deleted_at IS NULL AND i.id IN ("
      "  SELECT id FROM interviews WHERE starts_at > ?2"
      "  UNION SELECT ii.interview_id FROM interview_interviewers ii"
      "  JOIN interviews j ON j.id = ii.interview_id"
      "  LEFT JOIN scorecards s ON s.interview_id = ii.interview_id AND s.member_id = ii.member_id"
      "  WHERE j.starts_at <= ?2 AND s.submitted_at IS NULL)"
      " ORDER BY i.starts_at, i.id",
      error);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, member_id);
  sl_stmt_bind_int64 (stmt, 2, now);
  return load_interviews (db, stmt, error);
}

typedef struct
{
  gint64 member_id;
  gint64 now;
} MemberRequest;

typedef struct
{
  GListModel *awaiting;
  GListModel *upcoming;
} MemberInterviews;

static void
member_interviews_free (gpointer data)
{
  MemberInterviews *result = data;

  g_clear_object (&result->awaiting);
  g_clear_object (&result->upcoming);
  g_free (result);
}

static void
member_interviews_thread (GTask *task, gpointer source, gpointer task_data,
                          GCancellable *cancellable)
{
  SlStore *store = source;
  MemberRequest *request = task_data;
  GError *error = NULL;
  SlDatabase *reader = sl_store_lock_reader (store, SL_STORE_READER_WORK, &error);
  g_autoptr (GListModel) list = NULL;
  GListStore *awaiting, *upcoming;
  MemberInterviews *result;
  guint n;

  if (reader != NULL)
    {
      sl_database_set_cancellable (reader, cancellable);
      list =
        sl_store_list_member_interviews (store, reader, request->member_id, request->now, &error);
      sl_database_set_cancellable (reader, NULL);
    }
  sl_store_unlock_reader (store, SL_STORE_READER_WORK);
  if (list == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Split here, not on the caller's (UI) thread: the lists grow with the data */
  awaiting = g_list_store_new (SL_TYPE_INTERVIEW);
  upcoming = g_list_store_new (SL_TYPE_INTERVIEW);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlInterview) interview = g_list_model_get_item (list, i);
      g_list_store_append (sl_interview_is_upcoming (interview, request->now) ? upcoming : awaiting,
                           interview);
    }
  result = g_new0 (MemberInterviews, 1);
  result->awaiting = G_LIST_MODEL (awaiting);
  result->upcoming = G_LIST_MODEL (upcoming);
  g_task_return_pointer (task, result, member_interviews_free);
}

/* The member's interviews (see sl_store_list_member_interviews), read on the worker thread */
void
sl_store_list_member_interviews_async (SlStore *store, gint64 member_id, gint64 now,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  MemberRequest *request = g_new0 (MemberRequest, 1);

  request->member_id = member_id;
  request->now = now;
  g_task_set_source_tag (task, sl_store_list_member_interviews_async);
  g_task_set_task_data (task, request, g_free);
  g_task_run_in_thread (task, member_interviews_thread);
}

/* Those that await feedback (started, a scorecard missing), earliest first; @upcoming gets
 * those not started yet */
GListModel *
sl_store_list_member_interviews_finish (SlStore *store, GAsyncResult *result, GListModel **upcoming,
                                        GError **error)
{
  MemberInterviews *lists;
  GListModel *awaiting;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  lists = g_task_propagate_pointer (G_TASK (result), error);
  if (lists == NULL)
    return NULL;
  awaiting = g_steal_pointer (&lists->awaiting);
  if (upcoming != NULL)
    *upcoming = g_steal_pointer (&lists->upcoming);
  member_interviews_free (lists);
  return awaiting;
}

static gboolean
check_interview (SlStore *store, const char *kind, gint64 starts_at, int duration_min,
                 GArray *interviewer_ids, GError **error)
{
  if (!sl_vocab_is_valid (SL_VOCAB_INTERVIEW_KIND, kind))
    return sl_store_invalid (
      error, _ ("The kind of interview must be pre-sell, technical, culture or other"));
  if (starts_at <= 0)
    return sl_store_invalid (error, _ ("An interview needs a date and time"));
  if (duration_min < 5 || duration_min > MAX_DURATION)
    return sl_store_invalid (error, _ ("An interview lasts from 5 minutes to 12 hours"));
  if (interviewer_ids == NULL || interviewer_ids->len == 0)
    return sl_store_invalid (error, _ ("An interview needs at least one interviewer"));
  for (guint i = 0; i < interviewer_ids->len; i++)
    {
      g_autoptr (SlMember) member =
        sl_store_get_member (store, g_array_index (interviewer_ids, gint64, i));
      if (member == NULL)
        return sl_store_invalid (error, _ ("An interviewer is not on the team"));
    }
  return TRUE;
}

/* The application's candidate and position, and whether it is still in the pipeline */
static gboolean
load_application (SlStore *store, gint64 application_id, gint64 *candidate_id, gint64 *position_id,
                  GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt = sl_database_prepare (
    db, "SELECT candidate_id, position_id, stage FROM applications WHERE id = ?", error);
  gboolean found = FALSE, active = FALSE;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      const char *stage = sl_store_column_text (stmt, 2);

      found = TRUE;
      active = !sl_vocab_is_outcome (stage);
      *candidate_id = sl_stmt_column_int64 (stmt, 0);
      *position_id = sl_stmt_column_int64 (stmt, 1);
    }
  sl_stmt_reset (stmt);
  if (!found)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                   _ ("There is no application %lld"), (long long) application_id);
      return FALSE;
    }
  if (!active)
    return sl_store_invalid (error,
                             _ ("The application was rejected or withdrawn: reopen it first"));
  return TRUE;
}

static gboolean
write_interviewers (SlDatabase *db, gint64 interview_id, GArray *interviewer_ids, GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db, "DELETE FROM interview_interviewers WHERE interview_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, interview_id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; i < interviewer_ids->len; i++)
    {
      stmt = sl_database_prepare (db,
                                  "INSERT INTO interview_interviewers"
                                  " (interview_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, interview_id);
      sl_stmt_bind_int64 (stmt, 2, g_array_index (interviewer_ids, gint64, i));
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  /* An interviewer taken off the interview takes their unsubmitted draft along; a submitted
   * scorecard stays, as what was said in the interview */
  stmt = sl_database_prepare (db,
                              "DELETE FROM scorecards WHERE interview_id = ?1"
                              " AND submitted_at IS NULL AND member_id NOT IN"
                              " (SELECT member_id FROM interview_interviewers"
                              "  WHERE interview_id = ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, interview_id);
  return sl_database_step_done (db, stmt, error);
}

static void
bind_interview (SlStmt *stmt, const char *kind, gint64 starts_at, int duration_min,
                const char *place)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (place ? place : ""));

  sl_stmt_bind_text (stmt, 1, kind);
  sl_stmt_bind_int64 (stmt, 2, starts_at);
  sl_stmt_bind_int (stmt, 3, duration_min);
  sl_stmt_bind_text (stmt, 4, trimmed);
}

/* Schedules an interview of the application; returns its id, or 0 with @error set */
gint64
sl_store_schedule_interview (SlStore *store, gint64 application_id, const char *kind,
                             gint64 starts_at, int duration_min, const char *place,
                             GArray *interviewer_ids, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 candidate_id, position_id, id;
  SlStmt *stmt;

  if (!load_application (store, application_id, &candidate_id, &position_id, error) ||
      !check_interview (store, kind, starts_at, duration_min, interviewer_ids, error))
    return 0;
  if (!sl_database_begin (db, error))
    return 0;
  stmt = sl_database_prepare (db,
                              "INSERT INTO interviews (kind, starts_at, duration_min, place,"
                              " application_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_interview (stmt, kind, starts_at, duration_min, place);
  sl_stmt_bind_int64 (stmt, 5, application_id);
  sl_stmt_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  id = sl_database_last_insert_id (db);
  if (sl_store_stamp_new_row (store, "interviews", id, error) == 0 ||
      !write_interviewers (db, id, interviewer_ids, error) || !sl_database_commit (db, error))
    goto fail;
  sl_store_emit_interviews_changed (store, application_id);
  return id;

fail:
  sl_database_rollback (db);
  return 0;
}

/* Reschedules: a new time, length, place, kind or set of interviewers. @sequence is the
 * interview's as it was read (sl_interview_get_sequence(); each reschedule counts it up): if
 * someone rescheduled it since, nothing changes and SL_DATABASE_ERROR_CONFLICT says who.
 * Negative: no check. */
gboolean
sl_store_update_interview (SlStore *store, gint64 interview_id, int sequence, const char *kind,
                           gint64 starts_at, int duration_min, const char *place,
                           GArray *interviewer_ids, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (SlInterview) interview = sl_store_get_interview (store, interview_id, error);
  SlStmt *stmt;
  gint64 candidate_id, position_id;

  if (interview == NULL ||
      !load_application (store, sl_interview_get_application_id (interview), &candidate_id,
                         &position_id, error) ||
      !check_interview (store, kind, starts_at, duration_min, interviewer_ids, error))
    return FALSE;
  if (!sl_database_begin (db, error))
    return FALSE;
  stmt = sl_database_prepare (db,
                              "UPDATE interviews SET kind = ?1, starts_at = ?2, duration_min = ?3,"
                              " place = ?4, sequence = sequence + 1"
                              " WHERE id = ?5 AND (?6 < 0 OR sequence = ?6)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_interview (stmt, kind, starts_at, duration_min, place);
  sl_stmt_bind_int64 (stmt, 5, interview_id);
  sl_stmt_bind_int (stmt, 6, sequence);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  if (sl_database_changes (db) == 0)
    {
      sl_store_conflict (store, "interviews", interview_id, error);
      goto fail;
    }
  if (sl_store_claim_row (store, "interviews", interview_id, -1, error) == 0 ||
      !write_interviewers (db, interview_id, interviewer_ids, error) ||
      !sl_database_commit (db, error))
    goto fail;
  sl_store_emit_interviews_changed (store, sl_interview_get_application_id (interview));
  return TRUE;

fail:
  sl_database_rollback (db);
  return FALSE;
}

/* Calls an interview off. One with a submitted scorecard happened and is kept. */
gboolean
sl_store_cancel_interview (SlStore *store, gint64 interview_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (SlInterview) interview = sl_store_get_interview (store, interview_id, error);
  SlStmt *stmt;

  if (interview == NULL)
    return FALSE;
  for (guint i = 0; i < sl_interview_get_n_interviewers (interview); i++)
    if (sl_interview_get_interviewer (interview, i)->submitted_at > 0)
      return sl_store_invalid (
        error, _ ("The interview has a submitted scorecard: it cannot be cancelled"));
  /* Checked again in the statement itself: a scorecard submitted since (by shortlist-cli, say)
   * keeps the interview */
  stmt =
    sl_database_prepare (db,
                         "DELETE FROM interviews WHERE id = ?1 AND NOT EXISTS (SELECT 1"
                         " FROM scorecards WHERE interview_id = ?1 AND submitted_at IS NOT NULL)",
                         error);
  if (stmt == NULL || !sl_database_begin (db, error))
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, interview_id);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  if (sl_database_changes (db) == 0)
    {
      sl_store_invalid (error,
                        _ ("The interview has a submitted scorecard: it cannot be cancelled"));
      goto fail;
    }
  /* The row is gone: its application's new version tells other windows */
  if (sl_store_claim_row (store, "applications", sl_interview_get_application_id (interview), -1,
                          error) == 0 ||
      !sl_database_commit (db, error))
    goto fail;
  sl_store_emit_interviews_changed (store, sl_interview_get_application_id (interview));
  return TRUE;

fail:
  sl_database_rollback (db);
  return FALSE;
}
