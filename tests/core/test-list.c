/* test-list.c — SlCandidateList holds ids and makes objects only for the rows asked for */
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

static void
assert_item_at (SlCandidateList *list, guint position, SlCandidate *item)
{
  g_autofree char *name = g_strdup_printf ("Candidate %06u", position);

  g_assert_nonnull (item);
  g_assert_cmpstr (sl_candidate_get_name (item), ==, name);
  g_assert_cmpint (sl_candidate_get_id (item), ==, sl_candidate_list_get_id (list, position));
}

static void
test_lazy (SlTestDir *fixture, gconstpointer data)
{
  static const guint positions[] = { 0, 1, 50000, N_ROWS - 1 };
  SlStore *store = open_store_with (fixture->path, N_ROWS);
  SlCandidateList *list = sl_candidate_list_new (store);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) few = NULL;
  SlCandidate *items[G_N_ELEMENTS (positions)];
  ChangeLog log = { 0 };
  guint baseline;

  baseline = sl_candidate_get_n_instances ();
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SL_TYPE_CANDIDATE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  connect_log (list, &log);

  ids = query_all (store);
  g_assert_cmpuint (ids->len, ==, N_ROWS);
  sl_candidate_list_set_ids (list, ids);
  assert_change (&log, 0, 0, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
  {
    guint n_items = 0;
    g_object_get (list, "n-items", &n_items, NULL);
    g_assert_cmpuint (n_items, ==, N_ROWS);
  }
  /* No object per row */
  g_assert_cmpuint (sl_candidate_get_n_instances (), <=, baseline + 5);

  /* Asking for rows makes just those */
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      items[i] = g_list_model_get_item (G_LIST_MODEL (list), positions[i]);
      assert_item_at (list, positions[i], items[i]);
      g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline + i + 1);
    }
  {
    g_autoptr (SlCandidate) again = g_list_model_get_item (G_LIST_MODEL (list), 50000);
    g_assert_true (again == items[2]);
    g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline + G_N_ELEMENTS (positions));
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ROWS));
  g_assert_cmpint (sl_candidate_list_get_id (list, N_ROWS), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    g_object_unref (items[i]);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline);

  /* Finding the last row scans the ids, not objects */
  g_assert_cmpint (sl_candidate_list_find (list, sl_candidate_list_get_id (list, N_ROWS - 1)), ==,
                   N_ROWS - 1);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline);

  /* A new result replaces the rows in one change */
  {
    g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
    g_autoptr (GError) error = NULL;

    query->text = g_strdup ("candidate 01234");
    few = sl_candidate_query_run (query, sl_store_get_database (store), NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (few->len, ==, 10);
  sl_candidate_list_set_ids (list, few);
  assert_change (&log, 0, N_ROWS, 10);
  {
    g_autoptr (SlCandidate) item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (sl_candidate_get_name (item), ==, "Candidate 012340");
  }

  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline);
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
    g_autoptr (SlCandidate) item = g_list_model_get_item (G_LIST_MODEL (list), 3);
    g_assert_cmpint (sl_candidate_get_id (item), ==, fifth);
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
    g_autoptr (SlCandidate) item = NULL;

    sl_test_sqlite_exec (raw, sql);
    sqlite3_close (raw);
    item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_nonnull (item);
    g_assert_cmpint (sl_candidate_get_id (item), ==, sl_candidate_list_get_id (list, 0));
  }

  /* The store outlives the list: its signals no longer reach it */
  g_assert_finalize_object (list);
  g_assert_true (sl_store_delete_candidate (store, last, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/list/lazy-100000", test_lazy);
  SL_TEST_ADD ("/core/list/edits", test_edits);

  return g_test_run ();
}
