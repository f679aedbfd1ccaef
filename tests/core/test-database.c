/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-database.c — opening, creating and refusing files; transactions; the statement cache */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-database.h"
#include "sl-database-private.h"
#include "sl-demo.h"
#include "sl-store.h"
#include "test-util.h"

static void
assert_pragma_int (SlDatabase *db, const char *pragma, gint64 expected)
{
  g_assert_cmpint (sl_test_sqlite_int (sl_database_get_handle (db), pragma), ==, expected);
}

static void
test_create (SlTestDir *fixture, gconstpointer data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own data folder: the default location */
  g_autofree char *path =
    g_build_filename (g_get_user_data_dir (), "shortlist", "shortlist.db", NULL);
  g_autofree char *typo = g_build_filename (fixture->dir, "new", "folder", "shortlist.db", NULL);
  g_autofree char *typo_parent = g_build_filename (fixture->dir, "new", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr (GError) error = NULL;
  SlDatabase *db;

  /* Elsewhere, a missing folder is an error and is not created */
  db = sl_database_open (typo, &error);
  g_assert_null (db);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_false (g_file_test (typo_parent, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = sl_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_true (g_file_test (parent, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (sl_test_file_mode (parent), ==, 0700);
  g_assert_cmpuint (sl_test_file_mode (path), ==, 0600);
  g_assert_cmpstr (sl_database_get_path (db), ==, path);
  g_assert_cmpint (sl_database_get_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
  assert_pragma_int (db, "PRAGMA user_version", SL_DATABASE_SCHEMA_VERSION);
  assert_pragma_int (db, "PRAGMA application_id", SL_DATABASE_APPLICATION_ID);
  assert_pragma_int (db, "PRAGMA foreign_keys", 1);
  journal_mode = sl_test_sqlite_text (sl_database_get_handle (db), "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  /* A write makes the -wal file; it is as private as the database */
  g_assert_true (sl_database_exec (db,
                                   "INSERT INTO team_members (name, email, role, created_at)"
                                   " VALUES ('Ana', 'ana@example.com', 'recruiter', 1)",
                                   &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (sl_test_file_mode (wal), ==, 0600);

  g_assert_finalize_object (db);
}

static void
test_reopen (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db;
  g_autofree char *name = NULL;

  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_database_exec (db,
                                   "INSERT INTO team_members (name, email, role, created_at)"
                                   " VALUES ('Ana Ribeiro', 'ana@example.com', 'recruiter', 1)",
                                   &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (sl_database_get_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
  name = sl_test_sqlite_text (sl_database_get_handle (db), "SELECT name FROM team_members");
  g_assert_cmpstr (name, ==, "Ana Ribeiro");
  g_assert_finalize_object (db);

  /* Read-only opening of a current file works too, and cannot write */
  db = sl_database_open_readonly (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_false (sl_database_exec (db, "DELETE FROM team_members", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_finalize_object (db);
}

/* Opening @path must fail with @code and leave the file byte for byte as it was, with no
 * journal or WAL file beside it */
static void
assert_refused (const char *path, gint code)
{
  g_autoptr (GBytes) before = sl_test_read_file (path);
  g_autoptr (GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr (GError) error = NULL;
  SlDatabase *db;

  db = sl_database_open (path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, code);
  g_assert_null (db);
  g_clear_error (&error);

  db = sl_database_open_readonly (path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, code);
  g_assert_null (db);

  after = sl_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (fixture->path, "name,email\nJoão,joao@example.com\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_SHORTLIST);

  /* Shorter than the SQLite header */
  g_file_set_contents (fixture->path, "SQLite", -1, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_SHORTLIST);
}

static void
test_refuse_foreign_sqlite (SlTestDir *fixture, gconstpointer data)
{
  sqlite3 *db = sl_test_sqlite_open (fixture->path, FALSE);

  sl_test_sqlite_exec (db, "CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT);"
                           "INSERT INTO foo (bar) VALUES ('baz');");
  sqlite3_close (db);
  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_SHORTLIST);

  /* Another application's id with no tables yet is not ours either */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  db = sl_test_sqlite_open (fixture->path, FALSE);
  sl_test_sqlite_exec (db, "PRAGMA application_id = 1234");
  sqlite3_close (db);
  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_SHORTLIST);
}

static void
test_refuse_too_new (SlTestDir *fixture, gconstpointer data)
{
  sqlite3 *db = sl_test_sqlite_open (fixture->path, FALSE);
  g_autofree char *sql =
    g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 99;"
                     "CREATE TABLE candidates (id INTEGER PRIMARY KEY, name TEXT);"
                     "INSERT INTO candidates (name) VALUES ('From the future');",
                     SL_DATABASE_APPLICATION_ID);

  sl_test_sqlite_exec (db, sql);
  sqlite3_close (db);
  assert_refused (fixture->path, SL_DATABASE_ERROR_TOO_NEW);
}

/* Makes a Shortlist file of several pages, then damages it with @damage */
static void
make_damaged (const char *path, void (*damage) (GByteArray *bytes))
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open (path, &error);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GByteArray) array = NULL;

  g_assert_no_error (error);
  g_assert_true (sl_demo_generate (db, 200, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The last connection folds the WAL into the file when it closes */
  g_assert_finalize_object (db);

  bytes = sl_test_read_file (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 16 * 4096);
  array = g_bytes_unref_to_array (g_steal_pointer (&bytes));
  damage (array);
  g_file_set_contents (path, (const char *) array->data, array->len, &error);
  g_assert_no_error (error);
}

static void
truncate_half (GByteArray *bytes)
{
  g_byte_array_set_size (bytes, bytes->len / 2);
}

static void
scribble_tail (GByteArray *bytes)
{
  /* Garbage over the last quarter: rows and indexes, while the schema stays readable */
  for (guint i = bytes->len / 4 * 3; i < bytes->len; i++)
    bytes->data[i] = (guint8) (i * 2654435761u >> 13);
}

static void
scribble_schema (GByteArray *bytes)
{
  /* Keep the 100-byte header, destroy the schema table on page 1 */
  for (guint i = 100; i < 4096; i++)
    bytes->data[i] = (guint8) (i * 2654435761u >> 11);
}

/* A damaged file is an error, reported either when it is opened or by the check; no crash */
static void
assert_damage_reported (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = sl_database_open (path, &error);
  g_autofree char *report = NULL;
  SlStmt *stmt;
  int rc;

  if (db == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SL_DATABASE_ERROR);
      g_test_message ("open: %s", error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_false (sl_database_check (db, &report, &error));
  if (error != NULL)
    g_test_message ("check: %s", error->message);
  else
    {
      g_assert_nonnull (report);
      g_assert_cmpstr (report, !=, "");
      g_test_message ("check: %s", report);
    }
  g_clear_error (&error);

  /* Reading every row gives an error, not a crash */
  stmt = sl_database_prepare (db, "SELECT * FROM candidates", &error);
  if (stmt == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    ;
  sl_stmt_reset (stmt);
}

static void
reset_dir (SlTestDir *fixture)
{
  sl_test_remove_tree (fixture->dir);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
}

static void
test_damaged (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db;

  /* A Shortlist file cut short, or whose schema is unreadable, is damaged, not someone else's */
  make_damaged (fixture->path, truncate_half);
  db = sl_database_open (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_assert_null (db);
  g_clear_error (&error);
  reset_dir (fixture);

  make_damaged (fixture->path, scribble_schema);
  db = sl_database_open (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_assert_null (db);
  g_clear_error (&error);
  reset_dir (fixture);

  make_damaged (fixture->path, scribble_tail);
  assert_damage_reported (fixture->path);
}

static void
insert_member (SlDatabase *db, const char *email)
{
  g_autoptr (GError) error = NULL;
  SlStmt *stmt = sl_database_prepare (db,
                                      "INSERT INTO team_members (name, email, role, created_at)"
                                      " VALUES ('Someone', ?, 'recruiter', 1)",
                                      &error);

  g_assert_no_error (error);
  sl_stmt_bind_text (stmt, 1, email);
  g_assert_true (sl_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

static gint64
count_members (SlDatabase *db)
{
  return sl_test_sqlite_int (sl_database_get_handle (db), "SELECT count(*) FROM team_members");
}

/* Random bytes over a leaf page in the middle of @table: a page a write elsewhere never reads */
static void
scribble_leaf (const char *path, const char *table)
{
  sqlite3 *db = sl_test_sqlite_open (path, TRUE);
  g_autofree char *sql =
    g_strdup_printf ("SELECT pageno FROM dbstat WHERE name = '%s' AND pagetype = 'leaf'"
                     " ORDER BY path LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat"
                     " WHERE name = '%s' AND pagetype = 'leaf')",
                     table, table);
  gint64 page = sl_test_sqlite_int (db, sql);
  guchar noise[4096];
  FILE *file;

  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) g_test_rand_int_range (0, 256);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) ((page - 1) * sizeof noise), SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (noise, 1, sizeof noise, file), ==, sizeof noise);
  fclose (file);
}

static void
check_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  if (sl_store_check_file_finish (SL_STORE (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "sound");
}

/* The window's check, run to its end: NULL if the file is sound */
static GError *
check_file (SlStore *store)
{
  GError *error = NULL;

  sl_store_check_file_async (store, NULL, check_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  /* The worker lets go of its task (and the task of the store) after the result is in */
  while (g_atomic_int_get (&G_OBJECT (store)->ref_count) > 1)
    g_thread_yield ();
  return error;
}

/* A writer reads the whole file first only when it changed since Shortlist last saw it sound,
 * and refuses a damaged one before writing anything; the window opens it and checks it off its
 * thread, then refuses every write with the reason */
static void
test_damage_found_before_writing (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  SlDatabase *db;
  SlStore *store;
  sqlite3 *other;

  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_demo_generate (db, 400, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* As Shortlist left it: no check needed */
  db = sl_database_open_deferring_check (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (sl_database_needs_check (db));
  insert_member (db, "one@example.org");
  g_assert_finalize_object (db);
  db = sl_database_open_deferring_check (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (sl_database_needs_check (db));
  g_assert_finalize_object (db);

  /* Another program wrote to it: checked (sound), and then known again */
  other = sl_test_sqlite_open (fixture->path, FALSE);
  sl_test_sqlite_exec (other, "UPDATE positions SET title = title || ' (2)' WHERE id = 1");
  sqlite3_close (other);
  db = sl_database_open_deferring_check (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_database_needs_check (db));
  store = sl_store_new (db);
  g_assert_no_error (check_file (store));
  g_assert_false (sl_database_needs_check (db));
  g_assert_finalize_object (store);
  g_assert_finalize_object (db);
  db = sl_database_open_deferring_check (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (sl_database_needs_check (db));
  g_assert_finalize_object (db);

  /* Damaged where no write of a member reads: a command refuses it before writing */
  scribble_leaf (fixture->path, "stage_events");
  db = sl_database_open (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_null (db);
  g_clear_error (&error);

  /* The window opens it, finds the damage, and writes nothing */
  db = sl_database_open_deferring_check (fixture->path, &error);
  g_assert_no_error (error);
  store = sl_store_new (db);
  error = check_file (store);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  sl_candidate_set_name (candidate, "Beside The Damage");
  g_assert_false (sl_store_save_candidate (store, candidate, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "nothing is written"));
  g_clear_error (&error);
  g_assert_finalize_object (store);
  g_assert_finalize_object (db);
  other = sl_test_sqlite_open (fixture->path, TRUE);
  g_assert_cmpint (sl_test_sqlite_int (other, "SELECT count(*) FROM candidates"
                                              " WHERE name = 'Beside The Damage'"),
                   ==, 0);
  sqlite3_close (other);

  /* Still damaged for the next writer: the stamp was not renewed */
  db = sl_database_open (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT);
  g_assert_null (db);
}

static void
test_transactions (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open (fixture->path, &error);
  sqlite3 *other;
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = sl_database_get_handle (db);
  other = sl_test_sqlite_open (fixture->path, TRUE);

  /* Nested: only the outermost commit writes; another connection sees nothing before it */
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "a@example.com");
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "b@example.com");
  g_assert_true (sl_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (sqlite3_get_autocommit (handle));
  g_assert_cmpint (sl_test_sqlite_int (other, "SELECT count(*) FROM team_members"), ==, 0);
  g_assert_true (sl_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (handle));
  g_assert_cmpint (sl_test_sqlite_int (other, "SELECT count(*) FROM team_members"), ==, 2);

  /* Rollback discards */
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "c@example.com");
  g_assert_cmpint (count_members (db), ==, 3);
  sl_database_rollback (db);
  g_assert_true (sqlite3_get_autocommit (handle));
  g_assert_cmpint (count_members (db), ==, 2);

  /* An inner rollback discards the outer level's work too; the outer rollback that follows
   * in the usual error path has nothing left to do */
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "d@example.com");
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "e@example.com");
  sl_database_rollback (db);
  g_assert_true (sqlite3_get_autocommit (handle));
  sl_database_rollback (db);
  g_assert_cmpint (count_members (db), ==, 2);

  /* …and an outer commit after an inner rollback fails with an error */
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "f@example.com");
  g_assert_true (sl_database_begin (db, &error));
  sl_database_rollback (db);
  g_assert_false (sl_database_commit (db, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_cmpint (count_members (db), ==, 2);

  /* The connection is usable afterwards */
  g_assert_true (sl_database_begin (db, &error));
  insert_member (db, "g@example.com");
  g_assert_true (sl_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_sqlite_int (other, "SELECT count(*) FROM team_members"), ==, 3);

  /* A failed statement inside a transaction: constraint error, then rollback */
  g_assert_true (sl_database_begin (db, &error));
  g_assert_false (sl_database_exec (
    db, "INSERT INTO team_members (name, email, role, created_at) VALUES ('X', 'x', 'boss', 1)",
    &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  sl_database_rollback (db);
  g_assert_cmpint (count_members (db), ==, 3);

  sqlite3_close (other);
  g_assert_finalize_object (db);
}

static void
test_statement_cache (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open (fixture->path, &error);
  const char *sql = "SELECT count(*) FROM team_members WHERE role = ?";
  g_autofree char *same_text = g_strdup (sql);
  SlStmt *first;
  SlStmt *again;
  SlStmt *other;

  g_assert_no_error (error);
  insert_member (db, "ana@example.com");
  first = sl_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  sl_stmt_bind_text (first, 1, "recruiter");
  g_assert_cmpint (sl_stmt_step (first), ==, SL_STMT_ROW);
  g_assert_cmpint (sl_stmt_column_int (first, 0), ==, 1);

  /* Same text (another copy of it): same statement, reset and with its bindings cleared */
  again = sl_database_prepare (db, same_text, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_false (sqlite3_stmt_busy (sl_stmt_get_sqlite (again)));
  g_assert_cmpint (sl_stmt_step (again), ==, SL_STMT_ROW);
  g_assert_cmpint (sl_stmt_column_int (again, 0), ==, 0);
  sl_stmt_reset (again);

  other = sl_database_prepare (db, "SELECT count(*) FROM candidates", &error);
  g_assert_no_error (error);
  g_assert_true (other != first);

  g_assert_null (sl_database_prepare (db, "SELECT nonsense FROM nowhere", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL);

  g_assert_finalize_object (db);
}

static void
test_check (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open (fixture->path, &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  g_assert_true (sl_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");
  g_clear_pointer (&report, g_free);

  g_assert_true (sl_demo_generate (db, 100, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");
  g_clear_pointer (&report, g_free);

  /* A dangling reference, written with the foreign keys off, is reported */
  g_assert_true (sl_database_exec (db,
                                   "PRAGMA foreign_keys = OFF;"
                                   "INSERT INTO candidate_skills (candidate_id, tag_id)"
                                   " VALUES (1, 999999);"
                                   "PRAGMA foreign_keys = ON;",
                                   &error));
  g_assert_no_error (error);
  g_assert_false (sl_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "candidate_skills"));

  g_assert_finalize_object (db);
}

static void
test_readonly_missing (SlTestDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "shortlist.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  SlDatabase *db;

  db = sl_database_open_readonly (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = sl_database_open_readonly (path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_null (db);
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  SL_TEST_ADD ("/core/database/create", test_create);
  SL_TEST_ADD ("/core/database/reopen", test_reopen);
  SL_TEST_ADD ("/core/database/refuse-text-file", test_refuse_text_file);
  SL_TEST_ADD ("/core/database/refuse-foreign-sqlite", test_refuse_foreign_sqlite);
  SL_TEST_ADD ("/core/database/refuse-too-new", test_refuse_too_new);
  SL_TEST_ADD ("/core/database/damaged", test_damaged);
  SL_TEST_ADD ("/core/database/damage-found-before-writing", test_damage_found_before_writing);
  SL_TEST_ADD ("/core/database/transactions", test_transactions);
  SL_TEST_ADD ("/core/database/statement-cache", test_statement_cache);
  SL_TEST_ADD ("/core/database/check", test_check);
  SL_TEST_ADD ("/core/database/readonly-missing", test_readonly_missing);

  return g_test_run ();
}
