/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-list.c — SlCandidateList holds ids, makes items only for the rows asked for and reads
 * their texts on a worker thread */
#include "config.h"

#include "sl-candidate-list.h"
#include "sl-schema.h"
#include "sl-store.h"
#include "test-util.h"

#define N_ROWS 100000

/* What items-changed and notify::n-items reported */
typedef struct
{
  guint changes;
  guint position;
  guint removed;
  guint added;
  guint n_items_notifies;
} ChangeLog;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, ChangeLog *log)
{
  log->changes++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static void
n_items_cb (GObject *object, GParamSpec *pspec, ChangeLog *log)
{
  log->n_items_notifies++;
}

static void
connect_log (SlCandidateList *list, ChangeLog *log)
{
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (n_items_cb), log);
}

static void
assert_change (ChangeLog *log, guint position, guint removed, guint added)
{
  g_assert_cmpuint (log->changes, ==, 1);
  g_assert_cmpuint (log->position, ==, position);
  g_assert_cmpuint (log->removed, ==, removed);
  g_assert_cmpuint (log->added, ==, added);
  g_assert_cmpuint (log->n_items_notifies, ==, removed != added ? 1 : 0);
  *log = (ChangeLog){ 0 };
}

static void
assert_no_change (ChangeLog *log)
{
  g_assert_cmpuint (log->changes, ==, 0);
  g_assert_cmpuint (log->n_items_notifies, ==, 0);
}

/* @n candidates written in one statement, indexed once: the name of the one at list position p
 * is “Candidate p” (zero-padded), while ids run in another order */
static SlStore *
open_store_with (const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  SlStore *store = sl_store_open (path, &error);
  SlDatabase *db;

  g_assert_no_error (error);
  db = sl_store_get_database (store);
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                         " WHERE i < %u)"
                         " INSERT INTO candidates (name, email, country, created_at, updated_at)"
                         " SELECT printf('Candidate %%06d', (i * 7919) %% %u),"
                         " printf('c%%d@example.com', i), 'PL', 1700000000, 1700000000 FROM n",
                         n, n);
  g_assert_true (sl_database_begin (db, &error));
  sl_database_set_bulk (db, TRUE);
  g_assert_true (sl_database_exec (db, sql, &error));
  g_assert_no_error (error);
  sl_database_set_bulk (db, FALSE);
  g_assert_true (sl_schema_index_candidates (db, 0, &error));
  g_assert_no_error (error);
  g_assert_true (sl_database_commit (db, &error));
  g_assert_no_error (error);
  return store;
}

static GArray *
query_all (SlStore *store)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GError) error = NULL;
  GArray *ids = sl_candidate_query_run (query, sl_store_get_database (store), NULL, &error);

  g_assert_no_error (error);
  return ids;
}

/* Runs the main loop until the list's batches are in */
static void
wait_for_rows (SlCandidateList *list)
{
  while (sl_candidate_list_get_n_pending (list) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_item_at (SlCandidateList *list, guint position, SlCandidateItem *item)
{
  g_autofree char *name = g_strdup_printf ("Candidate %06u", position);

  g_assert_nonnull (item);
  g_assert_true (sl_candidate_item_is_loaded (item));
  g_assert_true (sl_candidate_item_is_found (item));
  g_assert_cmpstr (sl_candidate_item_get_name (item), ==, name);
  g_assert_cmpstr (sl_candidate_item_get_country (item), ==, "PL");
  g_assert_cmpint (sl_candidate_item_get_id (item), ==, sl_candidate_list_get_id (list, position));
  g_assert_cmpuint (sl_candidate_item_get_position (item), ==, position);
}

static int
count_statement_cb (unsigned type, void *data, void *statement, void *sql)
{
  (*(guint *) data)++;
  return 0;
}

/* Statements run on the store's own (UI thread's) connection from now on */
static guint *
watch_main_connection (SlStore *store)
{
  guint *count = g_new0 (guint, 1);

  sqlite3_trace_v2 (sl_database_get_handle (sl_store_get_database (store)), SQLITE_TRACE_STMT,
                    count_statement_cb, count);
  return count;
}

static guint tasks_alive;

static void
task_finalized_cb (gpointer data)
{
  g_atomic_int_add (&tasks_alive, -1);
  g_main_context_wakeup (NULL);
}

/* The worker lets go of the task, and of the list it came from, a moment after the callback */
static void
track_task (GAsyncResult *result)
{
  g_atomic_int_inc (&tasks_alive);
  g_object_set_data_full (G_OBJECT (result), "test-finalized", GINT_TO_POINTER (1),
                          task_finalized_cb);
}

static void
wait_for_tasks (void)
{
  while (g_atomic_int_get (&tasks_alive) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
cancelled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  track_task (result);
  g_assert_false (
    sl_candidate_list_query_finish (SL_CANDIDATE_LIST (source), result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *(gboolean *) user_data = TRUE;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_lazy (SlTestDir *fixture, gconstpointer data)
{
  static const guint positions[] = { 0, 1, 50000, N_ROWS - 1 };
  SlStore *store = open_store_with (fixture->path, N_ROWS);
  SlCandidateList *list = sl_candidate_list_new (store);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) few = NULL;
  g_autofree guint *statements = NULL;
  SlCandidateItem *items[G_N_ELEMENTS (positions)];
  ChangeLog log = { 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SL_TYPE_CANDIDATE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  connect_log (list, &log);

  ids = query_all (store);
  g_assert_cmpuint (ids->len, ==, N_ROWS);
  statements = watch_main_connection (store);
  sl_candidate_list_set_ids (list, ids);
  assert_change (&log, 0, 0, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
  {
    guint n_items = 0;
    g_object_get (list, "n-items", &n_items, NULL);
    g_assert_cmpuint (n_items, ==, N_ROWS);
  }
  /* No object per row */
  g_assert_cmpuint (sl_candidate_item_get_n_instances (), ==, 0);

  /* Asking for rows makes just those, at once, as placeholders: nothing is read on this thread */
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      items[i] = g_list_model_get_item (G_LIST_MODEL (list), positions[i]);
      g_assert_nonnull (items[i]);
      g_assert_false (sl_candidate_item_is_loaded (items[i]));
      g_assert_cmpint (sl_candidate_item_get_id (items[i]), ==,
                       sl_candidate_list_get_id (list, positions[i]));
      g_assert_cmpuint (sl_candidate_item_get_n_instances (), ==, i + 1);
    }
  g_assert_cmpuint (sl_candidate_list_get_n_pending (list), >, 0);
  g_assert_cmpuint (*statements, ==, 0);
  /* …and a worker thread fills them, the rows around them included */
  wait_for_rows (list);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    assert_item_at (list, positions[i], items[i]);
  {
    g_autoptr (SlCandidateItem) again = g_list_model_get_item (G_LIST_MODEL (list), 50000);
    g_autoptr (SlCandidateItem) next = g_list_model_get_item (G_LIST_MODEL (list), 50001);

    g_assert_true (again == items[2]);
    /* read with its neighbour, so it is there at once */
    assert_item_at (list, 50001, next);
  }
  g_assert_cmpuint (sl_candidate_list_get_n_pending (list), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ROWS));
  g_assert_cmpint (sl_candidate_list_get_id (list, N_ROWS), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    g_object_unref (items[i]);
  g_assert_cmpuint (sl_candidate_item_get_n_instances (), ==, 0);

  /* Scrolling through every row keeps nothing it no longer shows */
  for (guint i = 0; i < N_ROWS; i += 97)
    {
      g_autoptr (SlCandidateItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (item);
    }
  wait_for_rows (list);
  g_assert_cmpuint (sl_candidate_item_get_n_instances (), ==, 0);
  g_assert_cmpuint (*statements, ==, 0);

  /* Finding the last row scans the ids, not objects */
  g_assert_cmpint (sl_candidate_list_find (list, sl_candidate_list_get_id (list, N_ROWS - 1)), ==,
                   N_ROWS - 1);

  /* A new result shows in the items the view holds and reports only the tail as changed */
  {
    g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
    g_autoptr (GError) error = NULL;

    query->text = g_strdup ("candidate 01234");
    few = sl_candidate_query_run (query, sl_store_get_database (store), NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (few->len, ==, 10);
  items[0] = g_list_model_get_item (G_LIST_MODEL (list), 0);
  items[1] = g_list_model_get_item (G_LIST_MODEL (list), 50000);
  wait_for_rows (list);
  *statements = 0;
  sl_candidate_list_set_ids (list, few);
  assert_change (&log, 10, N_ROWS - 10, 0);
  g_assert_cmpuint (*statements, ==, 0);
  g_assert_cmpint (sl_candidate_item_get_id (items[0]), ==, g_array_index (few, gint64, 0));
  g_assert_cmpuint (sl_candidate_item_get_position (items[1]), ==, G_MAXUINT);
  wait_for_rows (list);
  g_assert_cmpstr (sl_candidate_item_get_name (items[0]), ==, "Candidate 012340");
  {
    g_autoptr (SlCandidateItem) same = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (same == items[0]);
  }
  g_object_unref (items[0]);
  g_object_unref (items[1]);

  /* And growing again adds only the tail */
  sl_candidate_list_set_ids (list, ids);
  assert_change (&log, 10, 0, N_ROWS - 10);

  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
  g_assert_cmpuint (sl_candidate_item_get_n_instances (), ==, 0);
}

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  guint *kept = user_data;

  track_task (result);
  g_assert_true (sl_candidate_list_query_finish (SL_CANDIDATE_LIST (source), result, kept, &error));
  g_assert_no_error (error);
}

/* A query brings its ids, where the kept candidate is, and the first rows' texts in one job */
static void
test_query (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store_with (fixture->path, 3000);
  SlCandidateList *list = sl_candidate_list_new (store);
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) ids = query_all (store);
  g_autofree guint *statements = watch_main_connection (store);
  gint64 keep = g_array_index (ids, gint64, 2500);
  guint kept = 0;

  sl_candidate_list_query_async (list, query, keep, NULL, query_done_cb, &kept);
  while (kept == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (kept, ==, 2500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3000);
  /* Already read: the top, and around the kept one */
  for (guint position = 0; position < 3000; position += 2500)
    {
      g_autoptr (SlCandidateItem) item = g_list_model_get_item (G_LIST_MODEL (list), position);
      assert_item_at (list, position, item);
    }
  g_assert_cmpuint (*statements, ==, 0);

  /* Not among the results: no position */
  g_free (query->text);
  query->text = g_strdup ("candidate 00001");
  kept = 0;
  sl_candidate_list_query_async (list, query, keep, NULL, query_done_cb, &kept);
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) == 3000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (kept, ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  /* A cancelled query changes nothing */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (SlCandidateQuery) all = sl_candidate_query_new ();
    gboolean done = FALSE;

    g_cancellable_cancel (cancellable);
    sl_candidate_list_query_async (list, all, 0, cancellable, cancelled_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  }

  wait_for_tasks ();
  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
}

/* An edit saved through the store reaches the row showing that candidate */
static void
test_refresh (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store_with (fixture->path, 50);
  SlCandidateList *list = sl_candidate_list_new (store);
  g_autoptr (GArray) ids = query_all (store);
  g_autoptr (SlCandidateItem) item = NULL;
  g_autoptr (SlCandidate) candidate = NULL;
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  sl_candidate_list_set_ids (list, ids);
  item = g_list_model_get_item (G_LIST_MODEL (list), 7);
  wait_for_rows (list);
  g_signal_connect_swapped (item, "changed", G_CALLBACK (count_cb), &changes);
  candidate = sl_store_get_candidate (store, sl_candidate_item_get_id (item), &error);
  g_assert_no_error (error);
  sl_candidate_set_name (candidate, "Renamed Person");
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  wait_for_rows (list);
  g_assert_cmpstr (sl_candidate_item_get_name (item), ==, "Renamed Person");
  g_assert_cmpuint (changes, ==, 1);

  g_clear_object (&item);
  g_assert_finalize_object (list);
  g_clear_object (&candidate);
  g_assert_finalize_object (store);
}

static void
test_edits (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store_with (fixture->path, 20);
  SlCandidateList *list = sl_candidate_list_new (store);
  g_autoptr (GArray) ids = query_all (store);
  g_autoptr (GError) error = NULL;
  ChangeLog log = { 0 };
  gint64 fifth;
  gint64 last;
  gint64 outsider;

  sl_candidate_list_set_ids (list, ids);
  connect_log (list, &log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20);

  /* find */
  fifth = sl_candidate_list_get_id (list, 5);
  last = sl_candidate_list_get_id (list, 19);
  g_assert_cmpint (sl_candidate_list_find (list, fifth), ==, 5);
  g_assert_cmpint (sl_candidate_list_find (list, last), ==, 19);
  g_assert_cmpint (sl_candidate_list_find (list, 999999), ==, -1);

  /* remove_id */
  sl_candidate_list_remove_id (list, fifth);
  assert_change (&log, 5, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 19);
  g_assert_cmpint (sl_candidate_list_find (list, fifth), ==, -1);
  sl_candidate_list_remove_id (list, fifth);
  sl_candidate_list_remove_id (list, 999999);
  assert_no_change (&log);

  /* insert, and past the end means at the end */
  sl_candidate_list_insert (list, 3, fifth);
  assert_change (&log, 3, 0, 1);
  g_assert_cmpint (sl_candidate_list_get_id (list, 3), ==, fifth);
  g_assert_cmpint (sl_candidate_list_find (list, fifth), ==, 3);
  sl_candidate_list_remove_id (list, last);
  assert_change (&log, 19, 1, 0);
  sl_candidate_list_insert (list, 1000, last);
  assert_change (&log, 19, 0, 1);
  g_assert_cmpint (sl_candidate_list_get_id (list, 19), ==, last);
  {
    g_autoptr (SlCandidateItem) item = g_list_model_get_item (G_LIST_MODEL (list), 3);
    g_assert_cmpint (sl_candidate_item_get_id (item), ==, fifth);
  }

  /* A candidate removed from the store leaves the list */
  g_assert_true (sl_store_delete_candidate (store, fifth, &error));
  g_assert_no_error (error);
  assert_change (&log, 3, 1, 0);
  g_assert_cmpint (sl_candidate_list_find (list, fifth), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 19);

  /* …one not in the list changes nothing */
  outsider = sl_candidate_list_get_id (list, 0);
  sl_candidate_list_remove_id (list, outsider);
  log = (ChangeLog){ 0 };
  g_assert_true (sl_store_delete_candidate (store, outsider, &error));
  g_assert_no_error (error);
  assert_no_change (&log);

  /* A row deleted behind the store's back still gives an item, with its id */
  {
    sqlite3 *raw = sl_test_sqlite_open (fixture->path, FALSE);
    g_autofree char *sql = g_strdup_printf ("DELETE FROM candidates WHERE id = %" G_GINT64_FORMAT,
                                            sl_candidate_list_get_id (list, 0));
    g_autoptr (SlCandidateItem) item = NULL;

    sl_test_sqlite_exec (raw, sql);
    sqlite3_close (raw);
    item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_nonnull (item);
    wait_for_rows (list);
    g_assert_cmpint (sl_candidate_item_get_id (item), ==, sl_candidate_list_get_id (list, 0));
    g_assert_true (sl_candidate_item_is_loaded (item));
    g_assert_false (sl_candidate_item_is_found (item));
  }

  /* The store outlives the list: its signals no longer reach it */
  g_assert_finalize_object (list);
  g_assert_true (sl_store_delete_candidate (store, last, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

/* Runs @query (the whole list if NULL) through @list and waits for its results */
static void
show_query (SlCandidateList *list, const char *text)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  guint kept = 0;

  query->text = g_strdup (text);
  sl_candidate_list_query_async (list, query, 0, NULL, query_done_cb, &kept);
  while (kept == 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The list shows exactly the candidates of @store's whole list, in its order */
static void
assert_whole (SlCandidateList *list, SlStore *store)
{
  g_autoptr (GArray) ids = query_all (store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (sl_candidate_list_get_id (list, i), ==, g_array_index (ids, gint64, i));
}

/* A search for @text, then cleared: the list shows the store's whole list again */
static void
search_and_clear (SlCandidateList *list, SlStore *store, const char *text)
{
  show_query (list, text);
  show_query (list, NULL);
  assert_whole (list, store);
}

static void
save_named (SlStore *store, SlCandidate *candidate, const char *name)
{
  g_autoptr (GError) error = NULL;

  sl_candidate_set_name (candidate, name);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
}

/* A search cleared shows the whole list again from memory, without querying it, for as long as
 * the store reports no change; at any change it is queried again */
static void
test_whole_kept (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store_with (fixture->path, 300);
  SlCandidateList *list = sl_candidate_list_new (store);
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;

  show_query (list, NULL);
  assert_whole (list, store);
  show_query (list, "candidate 00001");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  /* Written by another connection, and not reported yet: the whole list comes back as it
   * was, which shows it was not queried */
  {
    g_autoptr (SlStore) other = sl_store_open (fixture->path, &error);
    g_autoptr (SlCandidate) outsider = sl_candidate_new ();

    g_assert_no_error (error);
    save_named (other, outsider, "Aaron Outsider");
  }
  show_query (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  /* The list edits what it shows (here a removal): the whole list kept is not touched */
  sl_candidate_list_remove_id (list, sl_candidate_list_get_id (list, 5));
  show_query (list, "candidate 00002");
  show_query (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);

  /* Reported (as the store's watch on the file does): queried again */
  g_signal_emit_by_name (store, "candidates-changed");
  search_and_clear (list, store, "candidate 00003");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 301);

  /* Added, renamed, deleted through the store: each shows at the next clear */
  save_named (store, candidate, "Zoe Newcomer");
  search_and_clear (list, store, "zoe");
  g_assert_cmpint (sl_candidate_list_get_id (list, 301), ==, sl_candidate_get_id (candidate));
  save_named (store, candidate, "Abigail Renamed");
  search_and_clear (list, store, "abigail");
  /* After “Aaron Outsider” */
  g_assert_cmpint (sl_candidate_list_get_id (list, 1), ==, sl_candidate_get_id (candidate));
  g_assert_true (sl_store_delete_candidate (store, sl_candidate_get_id (candidate), &error));
  g_assert_no_error (error);
  search_and_clear (list, store, "candidate 00004");
  g_assert_cmpint (sl_candidate_list_find (list, sl_candidate_get_id (candidate)), ==, -1);

  wait_for_tasks ();
  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
}

/* At the list's first change: how many of its items show their texts already */
static void
count_first_loaded (guint *loaded, guint position, guint removed, guint added, GListModel *model)
{
  if (*loaded != 0 || position != 0)
    return;
  for (guint i = 0; i < added; i++)
    {
      g_autoptr (SlCandidateItem) item = g_list_model_get_item (model, i);

      *loaded += sl_candidate_item_is_loaded (item) ? 1 : 0;
    }
}

/* The first query into an empty list (start-up) shows its first screen of rows, read in the
 * same snapshot, before the whole list's ids are in; other queries change the list once */
static void
test_first_screen (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store_with (fixture->path, 3000);
  SlCandidateList *list = sl_candidate_list_new (store);
  ChangeLog log = { 0 };
  guint first_loaded = 0;

  connect_log (list, &log);
  /* Given up before it began: no first screen either */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (SlCandidateQuery) all = sl_candidate_query_new ();
    gboolean done = FALSE;

    g_cancellable_cancel (cancellable);
    sl_candidate_list_query_async (list, all, 0, cancellable, cancelled_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    wait_for_tasks ();
    assert_no_change (&log);
  }

  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (count_first_loaded), &first_loaded);
  show_query (list, NULL);
  /* Two changes: the first screen, then the rest after it */
  g_assert_cmpuint (log.changes, ==, 2);
  g_assert_cmpuint (log.position, ==, 256);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, 3000 - 256);
  /* …whose rows had their texts when they came */
  g_assert_cmpuint (first_loaded, ==, 256);
  assert_whole (list, store);

  /* A search, and the whole list again (kept): one change each */
  log = (ChangeLog){ 0 };
  show_query (list, "candidate 00001");
  g_assert_cmpuint (log.changes, ==, 1);
  log = (ChangeLog){ 0 };
  show_query (list, NULL);
  g_assert_cmpuint (log.changes, ==, 1);

  wait_for_tasks ();
  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/list/lazy-100000", test_lazy);
  SL_TEST_ADD ("/core/list/edits", test_edits);
  SL_TEST_ADD ("/core/list/query", test_query);
  SL_TEST_ADD ("/core/list/refresh", test_refresh);
  SL_TEST_ADD ("/core/list/whole-kept", test_whole_kept);
  SL_TEST_ADD ("/core/list/first-screen", test_first_screen);

  return g_test_run ();
}
