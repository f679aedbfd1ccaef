/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-migrations.c — files written at every older schema version open, upgrade and keep data */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sl-candidate-query.h"
#include "sl-database.h"
#include "sl-fold.h"
#include "test-util.h"

/* Plain SQL at schema version 1: what an old Shortlist wrote */
static const char v1_data[] =
  "INSERT INTO team_members (id, name, email, role, created_at) VALUES"
  "  (1, 'Ana Ribeiro', 'ana@example.com', 'recruiter', 1700000000);"
  "INSERT INTO positions (id, title, client, seniority, stack_id, status, created_at, updated_at)"
  "  VALUES (1, 'Senior Python Engineer', 'Acme', 'senior', 'python', 'open', 1700000000,"
  "  1700000000),"
  "  (2, 'Java Backend Developer', 'Globex', 'mid', 'java', 'open', 1700000000, 1700000000);"
  "INSERT INTO candidates (id, name, email, country, city, seniority, years_experience,"
  "  stack_id, notes, created_at, updated_at) VALUES"
  "  (1, 'João Araújo', 'joao@example.com', 'BR', 'São Paulo', 'senior', 6, 'python',"
  "   'Strong on Django', 1700000000, 1700000000),"
  "  (2, 'Олександр Коваленко', 'o.kovalenko@example.com', 'UA', 'Київ', 'mid', 3, 'java',"
  "   '', 1700000000, 1700000000),"
  "  (3, 'Łukasz Wiśniewski', 'lukasz@example.com', 'PL', 'Łódź', 'junior', 1, 'java', '',"
  "   1700000000, 1700000000);"
  "INSERT INTO skill_tags (id, name) VALUES (1, 'Django'), (2, 'Kafka');"
  "INSERT INTO candidate_skills (candidate_id, tag_id) VALUES (1, 1), (2, 2), (3, 2);"
  "INSERT INTO applications (id, candidate_id, position_id, stage, created_at, updated_at)"
  "  VALUES (1, 1, 1, 'technical', 1700000000, 1700100000),"
  "  (2, 1, 2, 'rejected', 1700000000, 1700100000),"
  "  (3, 2, 2, 'offer', 1700000000, 1700100000),"
  "  (4, 3, 2, 'screening', 1700000000, 1700100000);"
  "INSERT INTO stage_events (application_id, from_stage, to_stage, at, by_member) VALUES"
  "  (1, NULL, 'sourced', 1700000000, 1), (1, 'sourced', 'technical', 1700050000, 1),"
  "  (2, NULL, 'sourced', 1700000000, 1), (2, 'sourced', 'rejected', 1700050000, 1);";

static void
write_v1_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open_at_version (path, 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (sl_database_get_version (db), ==, 1);
  g_assert_true (sl_database_exec (db, v1_data, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
}

static GArray *
search (SlDatabase *db, const char *text)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GError) error = NULL;
  GArray *ids;

  query->text = g_strdup (text);
  ids = sl_candidate_query_run (query, db, NULL, &error);
  g_assert_no_error (error);
  return ids;
}

static void
assert_search (SlDatabase *db, const char *text, gint64 expected_id)
{
  g_autoptr (GArray) ids = search (db, text);

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected_id);
}

static void
test_upgrade_from_v1 (SlTestDir *fixture, gconstpointer data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v1.bak", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup_dump = NULL;
  g_autofree char *report = NULL;
  const char *dump_sql = "SELECT c.id, c.name, c.email, c.country, c.city, c.seniority,"
                         " c.years_experience, c.stack_id, c.notes,"
                         " (SELECT group_concat(tag_id) FROM candidate_skills"
                         "   WHERE candidate_id = c.id),"
                         " (SELECT group_concat(stage) FROM applications"
                         "   WHERE candidate_id = c.id)"
                         " FROM candidates c ORDER BY c.id";
  SlDatabase *db;
  sqlite3 *raw;
  SlStmt *stmt;

  write_v1_file (fixture->path);
  raw = sl_test_sqlite_open (fixture->path, TRUE);
  before = sl_test_sqlite_dump (raw, dump_sql);
  sqlite3_close (raw);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (sl_database_get_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (sl_test_sqlite_int (sl_database_get_handle (db), "PRAGMA user_version"), ==,
                   SL_DATABASE_SCHEMA_VERSION);
  g_assert_true (sl_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");

  /* Nothing lost */
  after = sl_test_sqlite_dump (sl_database_get_handle (db), dump_sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (
    sl_test_sqlite_int (sl_database_get_handle (db), "SELECT count(*) FROM stage_events"), ==, 4);

  /* The new columns are filled for the old rows: sort key and current stage */
  stmt =
    sl_database_prepare (db, "SELECT name, sort_key, stage FROM candidates ORDER BY id", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const stages[] = { "technical", "offer", "screening" };
      g_autofree char *folded = NULL;

      g_assert_cmpint (sl_stmt_step (stmt), ==, SL_STMT_ROW);
      folded = sl_fold_text ((const char *) sl_stmt_column_text (stmt, 0));
      g_assert_cmpstr ((const char *) sl_stmt_column_text (stmt, 1), ==, folded);
      g_assert_cmpstr ((const char *) sl_stmt_column_text (stmt, 2), ==, stages[i]);
    }
  sl_stmt_reset (stmt);

  /* …and they are in the search index: names, city, skills, notes, email */
  assert_search (db, "joao", 1);
  assert_search (db, "araujo", 1);
  assert_search (db, "django", 1);
  assert_search (db, "oleksandr", 2);
  assert_search (db, "олек", 2);
  assert_search (db, "lodz", 3);
  assert_search (db, "lukasz@example", 3);
  {
    g_autoptr (GArray) kafka = search (db, "kafka");
    g_assert_cmpuint (kafka->len, ==, 2);
  }

  /* The index follows edits made after the upgrade */
  g_assert_true (
    sl_database_exec (db, "UPDATE candidates SET city = 'Kraków' WHERE id = 3", &error));
  g_assert_no_error (error);
  assert_search (db, "krakow", 3);
  {
    g_autoptr (GArray) lodz = search (db, "lodz");
    g_assert_cmpuint (lodz->len, ==, 0);
  }
  g_assert_finalize_object (db);

  /* The backup is private and is the old file as it was */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (sl_test_file_mode (backup), ==, 0600);
  raw = sl_test_sqlite_open (backup, TRUE);
  g_assert_cmpint (sl_test_sqlite_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sl_test_sqlite_int (raw, "PRAGMA application_id"), ==,
                   SL_DATABASE_APPLICATION_ID);
  {
    g_autofree char *integrity = sl_test_sqlite_text (raw, "PRAGMA integrity_check");
    g_assert_cmpstr (integrity, ==, "ok");
  }
  g_assert_cmpint (sl_test_sqlite_int (raw, "SELECT count(*) FROM sqlite_schema"
                                            " WHERE name = 'candidates_fts'"),
                   ==, 0);
  backup_dump = sl_test_sqlite_dump (raw, dump_sql);
  g_assert_cmpstr (backup_dump, ==, before);
  sqlite3_close (raw);

  /* Opening the upgraded file again neither migrates nor backs up again */
  g_assert_cmpint (g_unlink (backup), ==, 0);
  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* A read-only opening does not upgrade; it asks for the file to be opened normally first */
static void
test_readonly_old (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  SlDatabase *db;

  write_v1_file (fixture->path);
  before = sl_test_read_file (fixture->path);
  db = sl_database_open_readonly (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_null (db);
  after = sl_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_every_version (SlTestDir *fixture, gconstpointer data)
{
  for (int version = 1; version < SL_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", fixture->dir, version);
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, version);
      g_autoptr (GError) error = NULL;
      g_autoptr (GArray) ids = NULL;
      g_autofree char *report = NULL;
      SlDatabase *db;
      sqlite3 *raw;

      db = sl_database_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sl_database_get_version (db), ==, version);
      /* Only columns every version has */
      g_assert_true (sl_database_exec (db,
                                       "INSERT INTO candidates (name, email, country, created_at,"
                                       " updated_at) VALUES ('Ștefan Popescu',"
                                       " 'stefan@example.com', 'RO', 1700000000, 1700000000)",
                                       &error));
      g_assert_no_error (error);
      g_assert_finalize_object (db);

      db = sl_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sl_database_get_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
      g_assert_true (sl_database_check (db, &report, &error));
      g_assert_no_error (error);
      ids = search (db, "stefan");
      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_finalize_object (db);

      g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpuint (sl_test_file_mode (backup), ==, 0600);
      raw = sl_test_sqlite_open (backup, TRUE);
      g_assert_cmpint (sl_test_sqlite_int (raw, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (sl_test_sqlite_int (raw, "SELECT count(*) FROM candidates"), ==, 1);
      sqlite3_close (raw);
    }
}

/* Before version 9 a reason was stored as its label in the language of whoever chose it, with
 * any details after a dash. The upgrade keeps the id and the details, for labels in any of the
 * app's languages, and leaves text that is no label as it was. */
static void
test_reason_ids (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  SlDatabase *db = sl_database_open_at_version (fixture->path, 8, &error);

  g_assert_no_error (error);
  g_assert_true (sl_database_exec (db, v1_data, &error));
  g_assert_no_error (error);
  g_assert_true (sl_database_exec (
    db,
    "INSERT INTO stage_events (id, application_id, from_stage, to_stage, at, reason) VALUES"
    " (10, 2, 'sourced', 'rejected', 1700060000, 'Rate above the budget'),"
    " (11, 2, 'rejected', 'sourced', 1700060001, 'Back — for another look'),"
    " (12, 2, 'sourced', 'rejected', 1700060002,"
    "  'Не підходить команді — хоче лише віддалено'),"
    " (13, 2, 'rejected', 'sourced', 1700060003, NULL),"
    " (14, 2, 'sourced', 'rejected', 1700060004, 'Stawka przekraczająca budżet'),"
    " (15, 2, 'rejected', 'sourced', 1700060005, NULL),"
    " (16, 2, 'sourced', 'withdrawn', 1700060006, 'Accepted another offer — a bank'),"
    " (17, 2, 'withdrawn', 'sourced', 1700060007, NULL),"
    " (18, 2, 'sourced', 'rejected', 1700060008, 'No show — twice')",
    &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  dump = sl_test_sqlite_dump (sl_database_get_handle (db),
                              "SELECT id, reason_id, reason FROM stage_events WHERE id >= 10"
                              " AND reason IS NOT NULL OR reason_id IS NOT NULL ORDER BY id");
  g_assert_cmpstr (dump, ==,
                   "10\trate\t∅\n"
                   "11\t∅\tBack — for another look\n"
                   "12\tculture\tхоче лише віддалено\n"
                   "14\trate\t∅\n"
                   "16\tother-offer\ta bank\n"
                   "18\t∅\tNo show — twice\n");
  g_assert_finalize_object (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The upgrade reads the app's catalogs of every language */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHORTLIST_LOCALEDIR"));

  SL_TEST_ADD ("/core/migrations/upgrade-from-v1", test_upgrade_from_v1);
  SL_TEST_ADD ("/core/migrations/readonly-old", test_readonly_old);
  SL_TEST_ADD ("/core/migrations/every-version", test_every_version);
  SL_TEST_ADD ("/core/migrations/reason-ids", test_reason_ids);

  return g_test_run ();
}
