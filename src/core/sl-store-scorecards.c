/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-scorecards.c — interview kits and scorecards, and the blind rule
 *
 * The blind rule lives here, in the one query that returns scorecards: an interviewer sees
 * the other interviewers' submitted scorecards of an application only once their own are all
 * submitted. Hiring leads and admins see everything, drafts included. Private notes are for
 * their author and the leads.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-store-positions.h"
#include "sl-record.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

/* Kits */

/* The position's kit for @kind: its own when it edited one, else the default */
GListModel *
sl_store_get_kit (SlStore *store, gint64 position_id, const char *kind, gboolean *customized,
                  GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_KIT_ITEM);
  SlStmt *stmt;
  int rc;

  if (customized != NULL)
    *customized = FALSE;
  if (!sl_vocab_is_valid (SL_VOCAB_INTERVIEW_KIND, kind))
    {
      sl_store_invalid (error,
                        _ ("The kind of interview must be pre-sell, technical, culture or other"));
      return NULL;
    }
  stmt = sl_database_prepare (db,
                              "SELECT category, category_name, attribute, attribute_name"
                              " FROM kit_items WHERE position_id = ? AND kind = ? ORDER BY rank",
                              error);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, position_id);
  sl_stmt_bind_text (stmt, 2, kind);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      g_autoptr (SlKitItem) item = sl_kit_item_new (
        sl_store_column_text (stmt, 0), (const char *) sl_stmt_column_text (stmt, 1),
        sl_store_column_text (stmt, 2), (const char *) sl_stmt_column_text (stmt, 3));
      g_list_store_append (list, item);
    }
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      sl_stmt_reset (stmt);
      return NULL;
    }
  sl_stmt_reset (stmt);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return sl_kit_default (kind);
  if (customized != NULL)
    *customized = TRUE;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
delete_kit (SlDatabase *db, gint64 position_id, const char *kind, GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db, "DELETE FROM kit_items WHERE position_id = ? AND kind = ?", error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, position_id);
  sl_stmt_bind_text (stmt, 2, kind);
  return sl_database_step_done (db, stmt, error);
}

/* Replaces the position's kit for @kind. Scorecards already started keep the kit they had. */
gboolean
sl_store_save_kit (SlStore *store, SlPosition *position, const char *kind, GListModel *items,
                   GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 position_id = sl_position_get_id (position);
  gint64 read_version;
  guint n;

  if (!sl_vocab_is_valid (SL_VOCAB_INTERVIEW_KIND, kind))
    return sl_store_invalid (
      error, _ ("The kind of interview must be pre-sell, technical, culture or other"));
  if (!sl_kit_validate (items, error))
    return FALSE;
  /* Kits are part of the position: refused if it changed since it was read */
  if (!sl_store_begin_position_change (store, position, &read_version, error))
    return FALSE;
  if (!delete_kit (db, position_id, kind, error))
    goto fail;
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (items, i);
      SlStmt *stmt = sl_database_prepare (
        db,
        "INSERT INTO kit_items (position_id, kind, rank, category, category_name, attribute,"
        " attribute_name) VALUES (?, ?, ?, ?, ?, ?, ?)",
        error);

      if (stmt == NULL)
        goto fail;
      sl_stmt_bind_int64 (stmt, 1, position_id);
      sl_stmt_bind_text (stmt, 2, kind);
      sl_stmt_bind_int (stmt, 3, (int) i);
      sl_stmt_bind_text (stmt, 4, sl_kit_item_get_category_id (item));
      sl_store_bind_optional (stmt, 5, sl_kit_item_get_category_name (item));
      sl_stmt_bind_text (stmt, 6, sl_kit_item_get_attribute_id (item));
      sl_store_bind_optional (stmt, 7, sl_kit_item_get_attribute_name (item));
      if (!sl_database_step_done (db, stmt, error))
        goto fail;
    }
  return sl_store_end_position_change (store, position, read_version, TRUE, error);

fail:
  return sl_store_end_position_change (store, position, read_version, FALSE, error);
}

/* Back to the playbook's kit for @kind */
gboolean
sl_store_reset_kit (SlStore *store, SlPosition *position, const char *kind, GError **error)
{
  gint64 read_version;

  if (!sl_store_begin_position_change (store, position, &read_version, error))
    return FALSE;
  return sl_store_end_position_change (
    store, position, read_version,
    delete_kit (sl_store_get_database (store), sl_position_get_id (position), kind, error), error);
}

/* Scorecards */

/* @notes: where the private notes are. The team database keeps them in a table of their own,
 * which only their author and the leads may read (sl-server-schema.c). */
#define SCORECARD_COLUMNS(notes)                                                        \
  "s.id, s.interview_id, s.member_id, m.name, m.email, i.kind, i.starts_at, s.overall," \
  " s.takeaways, " notes ", coalesce(s.submitted_at, 0), s.updated_at,"                 \
  " (SELECT count(*) FROM scorecard_amendments WHERE scorecard_id = s.id), s.version"
#define LOCAL_NOTES "s.private_notes"
#define TEAM_NOTES \
  "coalesce((SELECT notes FROM scorecard_private_notes WHERE scorecard_id = s.id), '')"
#define SCORECARD_JOINS                                           \
  " FROM scorecards s JOIN interviews i ON i.id = s.interview_id" \
  " JOIN team_members m ON m.id = s.member_id"

static gboolean
load_ratings (SlDatabase *db, SlScorecard *scorecard, GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db,
                         "SELECT category, category_name, attribute, attribute_name, value, note"
                         " FROM scorecard_ratings WHERE scorecard_id = ? ORDER BY rank, attribute",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, sl_scorecard_get_id (scorecard));
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    sl_scorecard_add_rating (
      scorecard, sl_store_column_text (stmt, 0), (const char *) sl_stmt_column_text (stmt, 1),
      sl_store_column_text (stmt, 2), (const char *) sl_stmt_column_text (stmt, 3),
      sl_store_column_text (stmt, 4), sl_store_column_text (stmt, 5));
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_DONE;
}

static const char *const no_properties[] = { NULL };

/* What a scorecard held when it was read or last saved: a save refused because another window
 * saved since is merged against it (sl_store_rebase_scorecard()) */
static GQuark
base_quark (void)
{
  return g_quark_from_static_string ("sl-scorecard-base");
}

static SlScorecard *
content_copy (SlScorecard *scorecard)
{
  SlScorecard *copy =
    sl_scorecard_new (sl_scorecard_get_id (scorecard), sl_scorecard_get_interview_id (scorecard),
                      sl_scorecard_get_member_id (scorecard));

  sl_scorecard_set_overall (copy, sl_scorecard_get_overall (scorecard));
  sl_scorecard_set_takeaways (copy, sl_scorecard_get_takeaways (scorecard));
  sl_scorecard_set_private_notes (copy, sl_scorecard_get_private_notes (scorecard));
  sl_scorecard_set_submitted_at (copy, sl_scorecard_get_submitted_at (scorecard));
  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    {
      const SlRating *rating = sl_scorecard_get_rating (scorecard, i);

      sl_scorecard_add_rating (copy, rating->category, rating->category_name, rating->attribute,
                               rating->attribute_name, rating->value, rating->note);
    }
  return copy;
}

static void
remember_base (SlScorecard *scorecard)
{
  g_object_set_qdata_full (G_OBJECT (scorecard), base_quark (), content_copy (scorecard),
                           g_object_unref);
}

/* Runs @stmt (bound; it selects SCORECARD_COLUMNS) into scorecards without their ratings */
static GPtrArray *
load_scorecards (SlDatabase *db, SlStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      SlScorecard *scorecard =
        sl_scorecard_new (sl_stmt_column_int64 (stmt, 0), sl_stmt_column_int64 (stmt, 1),
                          sl_stmt_column_int64 (stmt, 2));

      sl_scorecard_set_member (scorecard, sl_store_column_text (stmt, 3),
                               sl_store_column_text (stmt, 4));
      sl_scorecard_set_interview (scorecard, sl_store_column_text (stmt, 5),
                                  sl_stmt_column_int64 (stmt, 6));
      sl_scorecard_set_overall (scorecard, (const char *) sl_stmt_column_text (stmt, 7));
      sl_scorecard_set_takeaways (scorecard, sl_store_column_text (stmt, 8));
      sl_scorecard_set_private_notes (scorecard, sl_store_column_text (stmt, 9));
      sl_scorecard_set_submitted_at (scorecard, sl_stmt_column_int64 (stmt, 10));
      sl_scorecard_set_updated_at (scorecard, sl_stmt_column_int64 (stmt, 11));
      sl_scorecard_set_n_amendments (scorecard, (guint) sl_stmt_column_int (stmt, 12));
      /* The version it was read at, so a save can tell whether another window saved since */
      sl_record_mark_saved (G_OBJECT (scorecard), no_properties, sl_stmt_column_int64 (stmt, 13));
      g_ptr_array_add (found, scorecard);
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      if (!load_ratings (db, g_ptr_array_index (found, i), error))
        return NULL;
      remember_base (g_ptr_array_index (found, i));
    }
  return g_steal_pointer (&found);
}

/* The member's stored scorecard of the interview, or NULL (without an error) when none */
static SlScorecard *
find_scorecard (SlDatabase *db, gint64 interview_id, gint64 member_id, GError **error)
{
#define FIND(notes)                                   \
  "SELECT " SCORECARD_COLUMNS (notes) SCORECARD_JOINS \
    " WHERE s.interview_id = ? AND s.member_id = ?"
  SlStmt *stmt = sl_database_prepare_dialect (db, FIND (LOCAL_NOTES), FIND (TEAM_NOTES), error);
#undef FIND
  g_autoptr (GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, interview_id);
  sl_stmt_bind_int64 (stmt, 2, member_id);
  found = load_scorecards (db, stmt, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* The interviewer's scorecard of the interview: the one they started, or a new draft built
 * from the position's kit for the interview's kind (written only when first saved) */
SlScorecard *
sl_store_open_scorecard (SlStore *store, gint64 interview_id, gint64 member_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (SlInterview) interview = sl_store_get_interview (store, interview_id, error);
  const SlInterviewer *interviewer;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GListModel) kit = NULL;
  SlScorecard *scorecard;
  guint n;

  if (interview == NULL)
    return NULL;
  interviewer = sl_interview_find_interviewer (interview, member_id);
  if (interviewer == NULL)
    {
      g_autoptr (SlMember) member = sl_store_get_member (store, member_id);
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                   _ ("%s is not an interviewer of this interview"),
                   member ? sl_member_get_name (member) : "?");
      return NULL;
    }
  scorecard = find_scorecard (db, interview_id, member_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (scorecard != NULL)
    return scorecard;

  kit = sl_store_get_kit (store, sl_interview_get_position_id (interview),
                          sl_interview_get_kind (interview), NULL, error);
  if (kit == NULL)
    return NULL;
  scorecard = sl_scorecard_new (0, interview_id, member_id);
  sl_scorecard_set_member (scorecard, interviewer->name, interviewer->email);
  sl_scorecard_set_interview (scorecard, sl_interview_get_kind (interview),
                              sl_interview_get_starts_at (interview));
  n = g_list_model_get_n_items (kit);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (kit, i);
      sl_scorecard_add_rating (
        scorecard, sl_kit_item_get_category_id (item), sl_kit_item_get_category_name (item),
        sl_kit_item_get_attribute_id (item), sl_kit_item_get_attribute_name (item), NULL, NULL);
    }
  return scorecard;
}

static gboolean
same_content (SlScorecard *a, SlScorecard *b)
{
  if (g_strcmp0 (sl_scorecard_get_overall (a), sl_scorecard_get_overall (b)) != 0 ||
      g_strcmp0 (sl_scorecard_get_takeaways (a), sl_scorecard_get_takeaways (b)) != 0 ||
      g_strcmp0 (sl_scorecard_get_private_notes (a), sl_scorecard_get_private_notes (b)) != 0 ||
      sl_scorecard_get_n_ratings (a) != sl_scorecard_get_n_ratings (b))
    return FALSE;
  for (guint i = 0; i < sl_scorecard_get_n_ratings (a); i++)
    {
      const SlRating *x = sl_scorecard_get_rating (a, i), *y = sl_scorecard_get_rating (b, i);
      if (g_strcmp0 (x->attribute, y->attribute) != 0 || g_strcmp0 (x->value, y->value) != 0 ||
          g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_scorecard (SlScorecard *scorecard, GError **error)
{
  const char *overall = sl_scorecard_get_overall (scorecard);

  if (overall != NULL && !sl_vocab_is_valid (SL_VOCAB_OVERALL, overall))
    return sl_store_invalid (
      error, _ ("The overall recommendation must be definitely-not, no, yes or strong-yes"));
  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    if (!sl_vocab_is_valid (SL_VOCAB_RATING, sl_scorecard_get_rating (scorecard, i)->value))
      return sl_store_invalid (error, _ ("A rating must be definitely-not, no, mixed, yes,"
                                         " strong-yes or no-decision"));
  return TRUE;
}

static gboolean
write_ratings (SlDatabase *db, SlScorecard *scorecard, GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db, "DELETE FROM scorecard_ratings WHERE scorecard_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, sl_scorecard_get_id (scorecard));
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    {
      const SlRating *rating = sl_scorecard_get_rating (scorecard, i);

      stmt = sl_database_prepare (
        db,
        "INSERT INTO scorecard_ratings (scorecard_id, rank, category, category_name, attribute,"
        " attribute_name, value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, sl_scorecard_get_id (scorecard));
      sl_stmt_bind_int (stmt, 2, (int) i);
      sl_stmt_bind_text (stmt, 3, rating->category);
      sl_store_bind_optional (stmt, 4, rating->category_name);
      sl_stmt_bind_text (stmt, 5, rating->attribute);
      sl_store_bind_optional (stmt, 6, rating->attribute_name);
      sl_stmt_bind_text (stmt, 7, rating->value);
      sl_stmt_bind_text (stmt, 8, rating->note);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The team database's private notes, in their own table */
static gboolean
write_team_notes (SlDatabase *db, SlScorecard *scorecard, GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db,
                         "INSERT INTO scorecard_private_notes (scorecard_id, notes) VALUES (?, ?)"
                         " ON CONFLICT (scorecard_id) DO UPDATE SET notes = excluded.notes",
                         error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, sl_scorecard_get_id (scorecard));
  sl_stmt_bind_text (stmt, 2, sl_scorecard_get_private_notes (scorecard));
  return sl_database_step_done (db, stmt, error);
}

static gboolean
add_amendment (SlDatabase *db, SlScorecard *previous, gint64 now, GError **error)
{
  g_autofree char *json = sl_scorecard_to_json (previous);
  SlStmt *stmt = sl_database_prepare (
    db, "INSERT INTO scorecard_amendments (scorecard_id, at, previous) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, sl_scorecard_get_id (previous));
  sl_stmt_bind_int64 (stmt, 2, now);
  sl_stmt_bind_text (stmt, 3, json);
  return sl_database_step_done (db, stmt, error);
}

/* Writes the scorecard: a draft as it is, or — once submitted — as an amendment that keeps
 * the version it replaces. @submit submits a draft (which needs an overall recommendation). */
static gboolean
write_scorecard (SlStore *store, SlScorecard *scorecard, gboolean submit, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (SlInterview) interview =
    sl_store_get_interview (store, sl_scorecard_get_interview_id (scorecard), error);
  g_autoptr (SlScorecard) stored = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 submitted_at, version;
  SlStmt *stmt;

  if (interview == NULL || !check_scorecard (scorecard, error))
    return FALSE;
  if (sl_interview_find_interviewer (interview, sl_scorecard_get_member_id (scorecard)) == NULL)
    return sl_store_invalid (error, _ ("Only the interview's interviewers fill in its scorecards"));
  if (submit && sl_scorecard_get_overall (scorecard) == NULL)
    return sl_store_invalid (error, _ ("Choose an overall recommendation before submitting"));
  /* A draft may be written ahead (questions to ask); the verdict comes once it has begun */
  if (submit && sl_scorecard_get_submitted_at (scorecard) == 0 &&
      sl_interview_get_starts_at (interview) > now)
    return sl_store_invalid (error,
                             _ ("The interview has not begun yet: submit the scorecard after it"));

  if (!sl_database_begin (db, error))
    return FALSE;
  stored = find_scorecard (db, sl_scorecard_get_interview_id (scorecard),
                           sl_scorecard_get_member_id (scorecard), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (stored == NULL)
    {
      stmt = sl_database_prepare (db,
                                  "INSERT INTO scorecards (interview_id, member_id, updated_at)"
                                  " VALUES (?, ?, ?)",
                                  error);
      if (stmt == NULL)
        goto fail;
      sl_stmt_bind_int64 (stmt, 1, sl_scorecard_get_interview_id (scorecard));
      sl_stmt_bind_int64 (stmt, 2, sl_scorecard_get_member_id (scorecard));
      sl_stmt_bind_int64 (stmt, 3, now);
      if (!sl_database_step_done (db, stmt, error))
        goto fail;
      sl_scorecard_set_id (scorecard, sl_database_last_insert_id (db));
      submitted_at = 0;
    }
  else
    {
      /* A copy opened while it was a draft (another window, or the CLI submitted meanwhile)
       * must not overwrite the submitted scorecard as if amending it */
      if (sl_scorecard_get_submitted_at (stored) > 0 &&
          sl_scorecard_get_submitted_at (scorecard) == 0)
        {
          sl_database_rollback (db);
          return sl_store_invalid (
            error, _ ("This scorecard was submitted meanwhile: open it again to amend it"));
        }
      /* Saved from another window since this copy was read: refused, saying by whom */
      if (sl_record_is_read (G_OBJECT (scorecard)) &&
          sl_record_get_version (G_OBJECT (scorecard)) !=
            sl_record_get_version (G_OBJECT (stored)) &&
          !same_content (stored, scorecard))
        {
          sl_store_conflict (store, "scorecards", sl_scorecard_get_id (stored), error);
          goto fail;
        }
      sl_scorecard_set_id (scorecard, sl_scorecard_get_id (stored));
      submitted_at = sl_scorecard_get_submitted_at (stored);
      if (same_content (stored, scorecard) && (submitted_at > 0 || !submit))
        {
          sl_database_rollback (db);
          sl_scorecard_set_submitted_at (scorecard, submitted_at);
          return TRUE;
        }
      /* The team database's server records the amendment itself, as who logged in */
      if (submitted_at > 0 && !sl_database_is_team (db) && !add_amendment (db, stored, now, error))
        goto fail;
    }
  if (submit && submitted_at == 0)
    submitted_at = now;

  stmt = sl_database_prepare_dialect (
    db,
    "UPDATE scorecards SET overall = ?1, takeaways = ?2, private_notes = ?3, submitted_at = ?4,"
    " updated_at = ?5 WHERE id = ?6",
    "UPDATE scorecards SET overall = ?1, takeaways = ?2, submitted_at = ?4, updated_at = ?5"
    " WHERE id = ?6 AND ?3::text IS NOT NULL",
    error);
  if (stmt == NULL)
    goto fail;
  sl_store_bind_optional (stmt, 1, sl_scorecard_get_overall (scorecard));
  sl_stmt_bind_text (stmt, 2, sl_scorecard_get_takeaways (scorecard));
  sl_stmt_bind_text (stmt, 3, sl_scorecard_get_private_notes (scorecard));
  if (submitted_at > 0)
    sl_stmt_bind_int64 (stmt, 4, submitted_at);
  sl_stmt_bind_int64 (stmt, 5, now);
  sl_stmt_bind_int64 (stmt, 6, sl_scorecard_get_id (scorecard));
  if (!sl_database_step_done (db, stmt, error) ||
      (sl_database_is_team (db) && !write_team_notes (db, scorecard, error)) ||
      !write_ratings (db, scorecard, error))
    goto fail;
  version = sl_store_claim_row (store, "scorecards", sl_scorecard_get_id (scorecard), -1, error);
  if (version == 0 || !sl_database_commit (db, error))
    goto fail;
  sl_record_mark_saved (G_OBJECT (scorecard), no_properties, version);
  sl_scorecard_set_submitted_at (scorecard, submitted_at);
  remember_base (scorecard);
  sl_scorecard_set_updated_at (scorecard, now);
  /* Counted once the amendment is on disk */
  if (stored != NULL && sl_scorecard_get_submitted_at (stored) > 0)
    sl_scorecard_set_n_amendments (scorecard, sl_scorecard_get_n_amendments (stored) + 1);
  /* Views list scorecards by who wrote one, whether it is in and what it recommends: a draft's
   * ratings changing as the interviewer types (saved every half second) does not concern them */
  if (stored == NULL || submitted_at != sl_scorecard_get_submitted_at (stored) ||
      sl_scorecard_get_submitted_at (stored) > 0 ||
      g_strcmp0 (sl_scorecard_get_overall (stored), sl_scorecard_get_overall (scorecard)) != 0)
    sl_store_emit_interviews_changed (store, sl_interview_get_application_id (interview));
  return TRUE;

fail:
  sl_database_rollback (db);
  if (sl_scorecard_get_id (scorecard) > 0 && stored == NULL)
    sl_scorecard_set_id (scorecard, 0);
  return FALSE;
}

/* Saves a draft, or amends a submitted scorecard (recording the version it replaces) */
gboolean
sl_store_save_scorecard (SlStore *store, SlScorecard *scorecard, GError **error)
{
  g_return_val_if_fail (SL_IS_SCORECARD (scorecard), FALSE);
  return write_scorecard (store, scorecard, FALSE, error);
}

/* Submits: records when. Submitting again is the same as saving an amendment. */
gboolean
sl_store_submit_scorecard (SlStore *store, SlScorecard *scorecard, GError **error)
{
  g_return_val_if_fail (SL_IS_SCORECARD (scorecard), FALSE);
  return write_scorecard (store, scorecard, TRUE, error);
}

static gboolean
query_flag (SlDatabase *db, const char *sql, gint64 application_id, gint64 member_id,
            gboolean *flag, GError **error)
{
  SlStmt *stmt = sl_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  sl_stmt_bind_int64 (stmt, 2, member_id);
  rc = sl_stmt_step (stmt);
  if (rc == SL_STMT_ROW)
    *flag = sl_stmt_column_int (stmt, 0) != 0;
  else
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_ROW;
}

/* Whether @member_id may see the other interviewers' scorecards of the application: a hiring
 * lead or admin always; an interviewer once they have submitted and owe no other scorecard */
static gboolean
may_see_others (SlStore *store, SlMember *viewer, gint64 application_id, gboolean *allowed,
                GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  const char *role = sl_member_get_role (viewer);
  gboolean submitted = FALSE, owing = FALSE;

  if (g_str_equal (role, "hiring-lead") || g_str_equal (role, "admin"))
    {
      *allowed = TRUE;
      return TRUE;
    }
  if (!query_flag (db,
                   "SELECT EXISTS (SELECT 1 FROM scorecards s"
                   " JOIN interviews i ON i.id = s.interview_id"
                   " WHERE i.application_id = ?1 AND s.member_id = ?2"
                   " AND s.submitted_at IS NOT NULL)",
                   application_id, sl_member_get_id (viewer), &submitted, error) ||
      !query_flag (db,
                   "SELECT EXISTS (SELECT 1 FROM interviews i"
                   " JOIN interview_interviewers ii ON ii.interview_id = i.id AND ii.member_id = ?2"
                   " LEFT JOIN scorecards s ON s.interview_id = i.id AND s.member_id = ?2"
                   " WHERE i.application_id = ?1 AND s.submitted_at IS NULL)",
                   application_id, sl_member_get_id (viewer), &owing, error))
    return FALSE;
  *allowed = submitted && !owing;
  return TRUE;
}

/* The application's scorecards as @viewer_id may see them (see the top of this file).
 * @blinded tells whether others' scorecards were withheld. Earliest interview first. */
GListModel *
sl_store_list_scorecards (SlStore *store, gint64 application_id, gint64 viewer_id,
                          gboolean *blinded, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (SlMember) viewer = sl_store_get_member (store, viewer_id);
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_SCORECARD);
  g_autoptr (GPtrArray) found = NULL;
  gboolean lead, allowed = FALSE;
  SlStmt *stmt;

  if (blinded != NULL)
    *blinded = TRUE;
  if (viewer == NULL)
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                           _ ("Scorecards are read as a team member: that one is not on the team"));
      return NULL;
    }
  lead = g_str_equal (sl_member_get_role (viewer), "hiring-lead") ||
         g_str_equal (sl_member_get_role (viewer), "admin");
  if (!may_see_others (store, viewer, application_id, &allowed, error))
    return NULL;
#define OF_APPLICATION(notes)                         \
  "SELECT " SCORECARD_COLUMNS (notes) SCORECARD_JOINS \
    " WHERE i.application_id = ? ORDER BY i.starts_at, i.id, m.name"
  stmt = sl_database_prepare_dialect (db, OF_APPLICATION (LOCAL_NOTES), OF_APPLICATION (TEAM_NOTES),
                                      error);
#undef OF_APPLICATION
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, application_id);
  found = load_scorecards (db, stmt, error);
  if (found == NULL)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      SlScorecard *scorecard = g_ptr_array_index (found, i);
      gboolean own = sl_scorecard_get_member_id (scorecard) == viewer_id;

      /* Others' drafts are unfinished opinions: the leads see them, interviewers do not */
      if (!own && (!allowed || (!lead && sl_scorecard_get_submitted_at (scorecard) == 0)))
        continue;
      if (!own && !lead)
        sl_scorecard_hide_private_notes (scorecard);
      g_list_store_append (list, scorecard);
    }
  if (blinded != NULL)
    *blinded = !allowed;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

void
sl_amendment_free (gpointer data)
{
  SlAmendment *amendment = data;

  g_free (amendment->previous);
  g_free (amendment);
}

/* What a submitted scorecard said before each amendment, oldest first */
GPtrArray *
sl_store_list_amendments (SlStore *store, gint64 scorecard_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autoptr (GPtrArray) amendments = g_ptr_array_new_with_free_func (sl_amendment_free);
  SlStmt *stmt = sl_database_prepare (
    db, "SELECT at, previous FROM scorecard_amendments WHERE scorecard_id = ? ORDER BY at, id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, scorecard_id);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      SlAmendment *amendment = g_new0 (SlAmendment, 1);
      amendment->at = sl_stmt_column_int64 (stmt, 0);
      amendment->previous = g_strdup (sl_store_column_text (stmt, 1));
      g_ptr_array_add (amendments, amendment);
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    return NULL;
  return g_steal_pointer (&amendments);
}

/* One field of a refused save: this window's value where it changed it and the other did not,
 * else theirs (@clashed set when both changed it, differently) */
static char *
merged (const char *mine, const char *base, const char *theirs, gboolean *clashed)
{
  if (g_strcmp0 (mine, base) == 0 || g_strcmp0 (theirs, mine) == 0)
    return g_strdup (theirs);
  if (g_strcmp0 (theirs, base) != 0)
    {
      *clashed = TRUE;
      return g_strdup (theirs);
    }
  return g_strdup (mine);
}

/* After a save refused because another window (or shortlist-cli) saved the scorecard since:
 * @scorecard takes what they saved, keeping this window's changes wherever they left that field
 * alone, and can be saved again. @clashed says whether both changed a field (theirs was taken
 * there). */
gboolean
sl_store_rebase_scorecard (SlStore *store, SlScorecard *scorecard, gboolean *clashed,
                           GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlScorecard *base = g_object_get_qdata (G_OBJECT (scorecard), base_quark ());
  g_autoptr (SlScorecard) theirs = NULL;
  GError *local = NULL;

  *clashed = FALSE;
  theirs = find_scorecard (db, sl_scorecard_get_interview_id (scorecard),
                           sl_scorecard_get_member_id (scorecard), &local);
  if (theirs == NULL)
    {
      if (local == NULL)
        local = g_error_new_literal (SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                                     _ ("It was deleted elsewhere"));
      g_propagate_error (error, local);
      return FALSE;
    }
  if (sl_scorecard_get_submitted_at (theirs) != sl_scorecard_get_submitted_at (scorecard))
    return sl_store_invalid (
      error, _ ("This scorecard was submitted meanwhile: open it again to amend it"));
  if (base == NULL)
    base = theirs;
  {
    g_autofree char *overall =
      merged (sl_scorecard_get_overall (scorecard), sl_scorecard_get_overall (base),
              sl_scorecard_get_overall (theirs), clashed);
    g_autofree char *takeaways =
      merged (sl_scorecard_get_takeaways (scorecard), sl_scorecard_get_takeaways (base),
              sl_scorecard_get_takeaways (theirs), clashed);
    g_autofree char *notes =
      merged (sl_scorecard_get_private_notes (scorecard), sl_scorecard_get_private_notes (base),
              sl_scorecard_get_private_notes (theirs), clashed);

    sl_scorecard_set_overall (scorecard, overall);
    sl_scorecard_set_takeaways (scorecard, takeaways);
    sl_scorecard_set_private_notes (scorecard, notes);
  }
  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    {
      const SlRating *mine = sl_scorecard_get_rating (scorecard, i);
      int t = sl_scorecard_find_rating (theirs, mine->attribute);
      int b = sl_scorecard_find_rating (base, mine->attribute);
      const SlRating *their = t >= 0 ? sl_scorecard_get_rating (theirs, (guint) t) : mine;
      const SlRating *was = b >= 0 ? sl_scorecard_get_rating (base, (guint) b) : their;
      g_autofree char *value = merged (mine->value, was->value, their->value, clashed);
      g_autofree char *note = merged (mine->note, was->note, their->note, clashed);

      sl_scorecard_set_rating (scorecard, i, value);
      sl_scorecard_set_rating_note (scorecard, i, note);
    }
  sl_record_mark_saved (G_OBJECT (scorecard), no_properties,
                        sl_record_get_version (G_OBJECT (theirs)));
  g_object_set_qdata_full (G_OBJECT (scorecard), base_quark (), g_steal_pointer (&theirs),
                           g_object_unref);
  return TRUE;
}
