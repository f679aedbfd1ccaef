/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-order.c — each candidate's place in the list's order, as one integer
 *
 * The list shows candidates by name (their sort key, then their id). The search index hands
 * its matches out in rowid order, and since schema 10 that rowid is the candidate's place in
 * the list (candidates.sort_pos): a search's matches come out of the index already in the
 * list's order, and a search limited to three rows stops after three. Before, every match's
 * sort key was read and the matches sorted — 24,000 of them for "olek" at a million
 * candidates, to show three.
 *
 * Places are SPACING apart when numbered afresh, so a new or renamed candidate goes half-way
 * between its neighbours. When two neighbours leave no room, a window of rows around it is
 * spread evenly again, eight times wider each time until its gaps are wide; the moved rows'
 * search index rows move with them. Every row has a place, trashed ones too, so a restore
 * moves nothing. The triggers place a row as it is written (sl_place_candidate() in SQL);
 * bulk writers place their new rows in one pass (sl_candidate_order_place_new()).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-candidate-order.h"

#define SPACING ((gint64) 1 << 32)
/* A window spread again leaves at least this much between two places */
#define MIN_GAP ((gint64) 1 << 16)
/* No bound above: the end of the list (places start above 0, the bound below the first) */
#define OPEN 0

typedef struct
{
  gint64 id;
  gint64 old; /* the place stored, 0 for none yet */
  gint64 pos; /* the place it gets */
} Slot;

/* Spreads s[a..b) evenly between the places @lo and @hi (OPEN: the end of the list), leaving
 * gaps of at least @min_gap; FALSE if they don't fit */
static gboolean
spread (Slot *s, guint a, guint b, gint64 lo, gint64 hi, gint64 min_gap)
{
  gint64 k = b - a;
  gint64 step;

  if (hi == OPEN)
    step = MIN (SPACING, (G_MAXINT64 - lo) / (k + 1));
  else
    step = (hi - lo) / (k + 1);
  if (step < min_gap)
    return FALSE;
  for (guint i = a; i < b; i++)
    s[i].pos = lo + step * (gint64) (i - a + 1);
  return TRUE;
}

static gboolean
move_index_row (SlDatabase *db, gint64 from, gint64 to, GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db, "UPDATE candidates_fts SET rowid = ?2 WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, from);
  sl_stmt_bind_int64 (stmt, 2, to);
  return sl_database_step_done (db, stmt, error);
}

/* Stores the places that changed in @s. A row that had a place moves its search index row
 * too, unless it is @unindexed (the row being placed, whose index row the trigger rewrites).
 * Those moves go through negative rowids first, so that no two rows ever share one. */
static gboolean
apply (SlDatabase *db, Slot *s, guint n, gint64 unindexed, GError **error)
{
  SlStmt *stmt;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      if (s[i].pos != s[i].old && s[i].old != 0 && s[i].id != unindexed &&
          !move_index_row (db, pass == 0 ? s[i].old : -s[i].pos, pass == 0 ? -s[i].pos : s[i].pos,
                           error))
        return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (s[i].pos == s[i].old)
        continue;
      stmt = sl_database_prepare (db, "UPDATE candidates SET sort_pos = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, s[i].id);
      sl_stmt_bind_int64 (stmt, 2, s[i].pos);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The rows (id, place) @stmt steps through, as slots keeping their places; NULL on an error */
static GArray *
read_slots (SlDatabase *db, SlStmt *stmt, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Slot));
  int rc;

  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      Slot slot = { sl_stmt_column_int64 (stmt, 0), sl_stmt_column_int64 (stmt, 1), 0 };

      slot.pos = slot.old;
      g_array_append_val (rows, slot);
    }
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Up to @limit placed rows before (or after) the sort key @key and @id, nearest first */
static GArray *
neighbours (SlDatabase *db, const char *key, gint64 id, gboolean before, guint limit,
            GError **error)
{
  SlStmt *stmt =
    sl_database_prepare (db,
                         before ? "SELECT id, sort_pos FROM candidates INDEXED BY candidates_order"
                                  " WHERE (sort_key, id) < (?1, ?2) AND sort_pos IS NOT NULL"
                                  " ORDER BY sort_key DESC, id DESC LIMIT ?3"
                                : "SELECT id, sort_pos FROM candidates INDEXED BY candidates_order"
                                  " WHERE (sort_key, id) > (?1, ?2) AND sort_pos IS NOT NULL"
                                  " ORDER BY sort_key, id LIMIT ?3",
                         error);

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_text (stmt, 1, key);
  sl_stmt_bind_int64 (stmt, 2, id);
  sl_stmt_bind_int64 (stmt, 3, limit);
  return read_slots (db, stmt, error);
}

static void
set_no_room_error (GError **error)
{
  /* 2^63 places for the rows of one file: not reachable, but not a crash either. The detail
   * is SQLite-like, as the other details of this message are. */
  g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL, _ ("Database error: %s"),
               "no place left in the candidates' order");
}

/* Gives candidate @id its place between its neighbours in the list's order, after its name
 * (and so its sort key) was written. A place that is still between them stays. */
gboolean
sl_candidate_order_place (SlDatabase *db, gint64 id, GError **error)
{
  SlStmt *stmt = sl_database_prepare (
    db, "SELECT sort_key, coalesce(sort_pos, 0) FROM candidates WHERE id = ?", error);
  g_autofree char *key = NULL;
  gint64 old;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (sl_stmt_step (stmt) != SL_STMT_ROW)
    {
      sl_stmt_reset (stmt);
      sl_database_set_error (db, error);
      return FALSE;
    }
  key = g_strdup ((const char *) sl_stmt_column_text (stmt, 0));
  old = sl_stmt_column_int64 (stmt, 1);
  sl_stmt_reset (stmt);

  for (guint w = 0;; w = w == 0 ? 16 : w * 8)
    {
      /* w rows on each side, and the next one as the bound */
      g_autoptr (GArray) before = neighbours (db, key, id, TRUE, w + 1, error);
      g_autoptr (GArray) after = before ? neighbours (db, key, id, FALSE, w + 1, error) : NULL;
      g_autoptr (GArray) window = NULL;
      guint nb, na;
      gint64 lo, hi;
      gboolean whole;
      Slot target = { id, old, 0 };

      if (after == NULL)
        return FALSE;
      nb = MIN (before->len, w);
      na = MIN (after->len, w);
      lo = before->len > w ? g_array_index (before, Slot, w).old : 0;
      hi = after->len > w ? g_array_index (after, Slot, w).old : OPEN;
      whole = before->len <= w && after->len <= w;
      if (w == 0 && old > lo && (hi == OPEN || old < hi))
        return TRUE;

      window = g_array_sized_new (FALSE, FALSE, sizeof (Slot), nb + na + 1);
      for (guint i = nb; i > 0; i--)
        g_array_append_val (window, g_array_index (before, Slot, i - 1));
      g_array_append_val (window, target);
      g_array_append_vals (window, after->data, na);
      if (spread ((Slot *) window->data, 0, window->len, lo, hi, w == 0 || whole ? 1 : MIN_GAP))
        return apply (db, (Slot *) window->data, window->len, id, error);
      if (whole)
        {
          set_no_room_error (error);
          return FALSE;
        }
    }
}

/* Gives every row with no place yet its place, in one pass over the list's order: for the rows
 * a bulk writer added with the triggers off (they have no search index row yet) */
gboolean
sl_candidate_order_place_new (SlDatabase *db, GError **error)
{
  g_autoptr (GArray) rows = NULL;
  SlStmt *stmt = sl_database_prepare (
    db, "SELECT id, coalesce(sort_pos, 0) FROM candidates ORDER BY sort_key, id", error);
  Slot *s;
  guint n;

  if (stmt == NULL)
    return FALSE;
  rows = read_slots (db, stmt, error);
  if (rows == NULL)
    return FALSE;
  s = (Slot *) rows->data;
  n = rows->len;

  for (guint i = 0; i < n;)
    {
      guint a = i, b = i, wa, wb = i;

      if (s[i].pos != 0)
        {
          i++;
          continue;
        }
      while (b < n && s[b].pos == 0)
        b++;
      /* The run of new rows [a, b) between two placed ones, widened until it fits */
      for (guint d = 0;; d = d == 0 ? 16 : d * 8)
        {
          gint64 lo, hi;
          gboolean whole;

          wa = a > d ? a - d : 0;
          wb = MIN (b + d, n);
          while (wb < n && s[wb].pos == 0)
            wb++;
          lo = wa > 0 ? s[wa - 1].pos : 0;
          hi = wb < n ? s[wb].pos : OPEN;
          whole = wa == 0 && wb == n;
          if (spread (s, wa, wb, lo, hi, d == 0 || whole ? 1 : MIN_GAP))
            break;
          if (whole)
            {
              set_no_room_error (error);
              return FALSE;
            }
        }
      i = wb;
    }
  return apply (db, s, n, 0, error);
}

/* sl_place_candidate(id), for the triggers */
static void
place_cb (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  SlDatabase *db = sqlite3_user_data (ctx);
  g_autoptr (GError) error = NULL;

  if (sl_candidate_order_place (db, sqlite3_value_int64 (argv[0]), &error))
    sqlite3_result_null (ctx);
  else
    sqlite3_result_error (ctx, error->message, -1);
}

void
sl_candidate_order_register (SlDatabase *db)
{
  sqlite3_create_function_v2 (sl_database_get_handle (db), "sl_place_candidate", 1, SQLITE_UTF8, db,
                              place_cb, NULL, NULL, NULL);
}
