/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-search.c — full-text search and filters over a demo file, checked against plain SQL */
#include "config.h"

#include <string.h>

#include "sl-database-private.h"
#include "sl-demo.h"
#include "sl-fold.h"
#include "sl-store.h"
#include "test-util.h"

typedef struct
{
  SlStore *store;
  sqlite3 *raw; /* a connection of the test's own, for the expected answers */
  gint64 joao;
  gint64 stefan;
  gint64 agnieszka;
  gint64 oleksandr;
  gint64 yuliia;
  gint64 zed;
} Demo;

static gint64
add (SlStore *store, const char *name, const char *email, const char *country, const char *city,
     const char *stack, const char *seniority, const char *const *skills)
{
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;

  sl_candidate_set_name (candidate, name);
  sl_candidate_set_text (candidate, SL_CANDIDATE_EMAIL, email);
  sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, country);
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, city);
  sl_candidate_set_text (candidate, SL_CANDIDATE_STACK, stack);
  sl_candidate_set_text (candidate, SL_CANDIDATE_SENIORITY, seniority);
  sl_candidate_set_skills (candidate, skills);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  return sl_candidate_get_id (candidate);
}

static void
demo_open (Demo *demo, SlTestDir *fixture)
{
  g_autoptr (GError) error = NULL;

  demo->store = sl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (
    sl_demo_generate (sl_store_get_database (demo->store), 300, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  demo->joao =
    add (demo->store, "João Pereira", "jp@example.com", "BR", "Recife", "java", "mid", NULL);
  demo->stefan = add (demo->store, "Ștefan Dumitrescu", "", "RO", "Cluj-Napoca", "python", "senior",
                      (const char *const[]){ "Django", "Celery", NULL });
  demo->agnieszka =
    add (demo->store, "Agnieszka Wójcik", "aw@example.com", "PL", "Łódź", "php", "junior", NULL);
  demo->oleksandr = add (demo->store, "Олександр Бондаренко", "", "UA", "Львів", "go", "mid", NULL);
  demo->yuliia = add (demo->store, "Юлія Кравчук", "", "UA", "Київ", "node", "senior", NULL);
  demo->zed = add (demo->store, "Zed Quillfeather", "zed.quill@hand.example", "PH", "Makati",
                   "ruby", "mid", NULL);
  demo->raw = sl_test_sqlite_open (fixture->path, TRUE);
}

static void
demo_close (Demo *demo)
{
  sqlite3_close (demo->raw);
  g_assert_finalize_object (demo->store);
}

static GArray *
run (Demo *demo, SlCandidateQuery *query)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = sl_candidate_query_run (query, sl_store_get_database (demo->store), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static GArray *
search (Demo *demo, const char *text)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();

  query->text = g_strdup (text);
  return run (demo, query);
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static GArray *
sorted_copy (GArray *ids)
{
  GArray *copy = g_array_copy (ids);

  g_array_sort (copy, compare_ids);
  return copy;
}

static gboolean
contains (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The search finds exactly the candidates @expected_sql picks (in any order) */
static GArray *
assert_search (Demo *demo, const char *text, const char *expected_sql, const char *const *params)
{
  GArray *got = search (demo, text);
  g_autoptr (GArray) got_sorted = sorted_copy (got);
  g_autoptr (GArray) expected = sl_test_sqlite_ids (demo->raw, expected_sql, params);

  g_test_message ("“%s”: %u matches", text, got->len);
  sl_test_assert_ids_equal (got_sorted, expected);
  return got;
}

/* Results come in name order: folded name, then id */
static void
assert_name_order (Demo *demo, GArray *ids)
{
  g_autofree char *previous = NULL;
  gint64 previous_id = 0;
  sqlite3_stmt *stmt;

  g_assert_cmpint (
    sqlite3_prepare_v2 (demo->raw, "SELECT name FROM candidates WHERE id = ?", -1, &stmt, NULL), ==,
    SQLITE_OK);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      char *key;

      sqlite3_bind_int64 (stmt, 1, id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      key = sl_fold_text ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (previous != NULL)
        {
          int order = strcmp (previous, key);
          g_assert_true (order < 0 || (order == 0 && previous_id < id));
        }
      g_free (previous);
      previous = key;
      previous_id = id;
    }
  sqlite3_finalize (stmt);
}

static void
test_diacritics (SlTestDir *fixture, gconstpointer data)
{
  const char *joao_sql = "SELECT id FROM candidates WHERE name LIKE 'João %' ORDER BY id";
  const char *stefan_sql = "SELECT id FROM candidates WHERE name LIKE 'Ștefan%' ORDER BY id";
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const typed[] = { "joao", "João", "JOAO" };
      g_autoptr (GArray) ids = assert_search (&demo, typed[i], joao_sql, NULL);

      g_assert_true (contains (ids, demo.joao));
      g_assert_cmpuint (ids->len, >, 1);
      assert_name_order (&demo, ids);
    }
  for (guint i = 0; i < 4; i++)
    {
      /* Comma below (Romanian), cedilla (older keyboards), none */
      static const char *const typed[] = { "stefan", "ștefan", "Ştefan", "STEFAN" };
      g_autoptr (GArray) ids = assert_search (&demo, typed[i], stefan_sql, NULL);

      g_assert_true (contains (ids, demo.stefan));
    }
  {
    g_autoptr (GArray) ids =
      assert_search (&demo, "Ñuñez",
                     "SELECT id FROM candidates"
                     " WHERE name LIKE '% Núñez' OR name LIKE '% Núñez %' ORDER BY id",
                     NULL);
    g_autoptr (GArray) plain =
      assert_search (&demo, "nunez",
                     "SELECT id FROM candidates"
                     " WHERE name LIKE '% Núñez' OR name LIKE '% Núñez %' ORDER BY id",
                     NULL);
    g_assert_cmpuint (plain->len, ==, ids->len);
  }
  demo_close (&demo);
}

static void
test_city (SlTestDir *fixture, gconstpointer data)
{
  const char *sql = "SELECT id FROM candidates WHERE city = 'Łódź' ORDER BY id";
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const typed[] = { "lodz", "Łódź", "łod" };
      g_autoptr (GArray) ids = assert_search (&demo, typed[i], sql, NULL);

      g_assert_true (contains (ids, demo.agnieszka));
      g_assert_cmpuint (ids->len, >, 1);
    }
  {
    g_autoptr (GArray) ids = assert_search (
      &demo, "cluj", "SELECT id FROM candidates WHERE city = 'Cluj-Napoca' ORDER BY id", NULL);
    g_assert_true (contains (ids, demo.stefan));
  }
  demo_close (&demo);
}

static void
test_cyrillic (SlTestDir *fixture, gconstpointer data)
{
  /* Олександр and Олексій both start with “olek” */
  const char *sql = "SELECT id FROM candidates WHERE name LIKE 'Олек%' ORDER BY id";
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  for (guint i = 0; i < 4; i++)
    {
      static const char *const typed[] = { "olek", "олек", "ОЛЕК", "Oleksandr" };
      g_autoptr (GArray) ids = assert_search (
        &demo, typed[i],
        i < 3 ? sql : "SELECT id FROM candidates WHERE name LIKE 'Олександр%' ORDER BY id", NULL);

      g_assert_true (contains (ids, demo.oleksandr));
    }
  {
    g_autoptr (GArray) ids = assert_search (
      &demo, "yuliia", "SELECT id FROM candidates WHERE name LIKE 'Юлія%' ORDER BY id", NULL);
    g_autoptr (GArray) cyrillic = assert_search (
      &demo, "юлія", "SELECT id FROM candidates WHERE name LIKE 'Юлія%' ORDER BY id", NULL);

    g_assert_true (contains (ids, demo.yuliia));
  }
  {
    /* Ukrainian national transliteration: й inside a word is “i” */
    g_autoptr (GArray) ids = assert_search (
      &demo, "oleksii", "SELECT id FROM candidates WHERE name LIKE 'Олексій%' ORDER BY id", NULL);

    g_assert_cmpuint (ids->len, >, 0);
  }
  demo_close (&demo);
}

static void
test_skills_and_email (SlTestDir *fixture, gconstpointer data)
{
  Demo demo = { 0 };
  g_autofree char *email = NULL;
  gint64 someone;

  demo_open (&demo, fixture);
  {
    g_autoptr (GArray) ids =
      assert_search (&demo, "django",
                     "SELECT cs.candidate_id FROM candidate_skills cs"
                     " JOIN skill_tags t ON t.id = cs.tag_id WHERE t.name = 'Django'"
                     " ORDER BY cs.candidate_id",
                     NULL);
    g_assert_true (contains (ids, demo.stefan));
    g_assert_cmpuint (ids->len, >, 1);
  }
  {
    /* The stack's name is indexed with the skills */
    g_autoptr (GArray) ids = assert_search (
      &demo, "rails", "SELECT id FROM candidates WHERE stack_id = 'ruby' ORDER BY id", NULL);
    g_assert_true (contains (ids, demo.zed));
  }
  {
    g_autoptr (GArray) ids = search (&demo, "zed.quill@hand.example");
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, demo.zed);
  }
  {
    g_autoptr (GArray) ids = search (&demo, "hand.example");
    g_assert_cmpuint (ids->len, ==, 1);
  }

  /* A demo candidate by the whole address */
  someone = sl_test_sqlite_int (demo.raw, "SELECT id FROM candidates WHERE email <> ''"
                                          " ORDER BY id LIMIT 1 OFFSET 123");
  email = sl_test_sqlite_text (demo.raw, "SELECT email FROM candidates WHERE email <> ''"
                                         " ORDER BY id LIMIT 1 OFFSET 123");
  {
    g_autoptr (GArray) ids = search (&demo, email);
    g_assert_true (contains (ids, someone));
    g_assert_cmpuint (ids->len, <, 5);
  }
  demo_close (&demo);
}

static void
test_words_and (SlTestDir *fixture, gconstpointer data)
{
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const typed[] = { "joao pereira", "pereira joao", "joa perei" };
      g_autoptr (GArray) ids =
        assert_search (&demo, typed[i],
                       "SELECT id FROM candidates WHERE ' ' || name || ' ' LIKE '% João %'"
                       " AND ' ' || name || ' ' LIKE '% Pereira %' ORDER BY id",
                       NULL);
      g_assert_true (contains (ids, demo.joao));
    }
  {
    /* Every word must match: nobody from Brazil lives in Łódź */
    g_autoptr (GArray) ids = search (&demo, "joao lodz");
    g_assert_cmpuint (ids->len, ==, 0);
  }
  {
    g_autoptr (GArray) ids = assert_search (
      &demo, "olek lviv",
      "SELECT id FROM candidates WHERE name LIKE 'Олек%' AND city = 'Львів' ORDER BY id", NULL);
    g_assert_true (contains (ids, demo.oleksandr));
  }
  demo_close (&demo);
}

/* The stage a candidate is at, worked out here from the applications */
#define EXPECTED_STAGE                                                  \
  "(SELECT a.stage FROM applications a JOIN stages s ON s.id = a.stage" \
  "  WHERE a.candidate_id = c.id AND s.outcome = 0 ORDER BY s.rank DESC LIMIT 1)"

static const char *
any (const char *value)
{
  return value ? value : "(any)";
}

static guint
assert_filtered (Demo *demo, const char *text, const char *country, const char *stage,
                 const char *seniority, const char *stack)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GString) sql = g_string_new ("SELECT c.id FROM candidates c WHERE 1");
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autoptr (GArray) got = NULL;
  g_autoptr (GArray) got_sorted = NULL;
  g_autoptr (GArray) expected = NULL;

  query->text = g_strdup (text);
  query->country = g_strdup (country);
  query->stage = g_strdup (stage);
  query->seniority = g_strdup (seniority);
  query->stack = g_strdup (stack);
  if (country != NULL)
    {
      g_string_append (sql, " AND c.country = ?");
      g_ptr_array_add (params, (gpointer) country);
    }
  if (stage != NULL)
    {
      g_string_append (sql, " AND " EXPECTED_STAGE " = ?");
      g_ptr_array_add (params, (gpointer) stage);
    }
  if (seniority != NULL)
    {
      g_string_append (sql, " AND c.seniority = ?");
      g_ptr_array_add (params, (gpointer) seniority);
    }
  if (stack != NULL)
    {
      g_string_append (sql, " AND c.stack_id = ?");
      g_ptr_array_add (params, (gpointer) stack);
    }
  /* The one text used here: names that start with Олек */
  if (text != NULL)
    g_string_append (sql, " AND c.name LIKE 'Олек%'");
  g_string_append (sql, " ORDER BY c.id");
  g_ptr_array_add (params, NULL);

  got = run (demo, query);
  got_sorted = sorted_copy (got);
  expected = sl_test_sqlite_ids (demo->raw, sql->str, (const char *const *) params->pdata);
  g_test_message ("text %s, country %s, stage %s, seniority %s, stack %s: %u", any (text),
                  any (country), any (stage), any (seniority), any (stack), got->len);
  sl_test_assert_ids_equal (got_sorted, expected);
  assert_name_order (demo, got);
  return got->len;
}

static void
test_filters (SlTestDir *fixture, gconstpointer data)
{
  Demo demo = { 0 };
  g_autoptr (GArray) all = NULL;

  demo_open (&demo, fixture);
  all = search (&demo, NULL);
  g_assert_cmpuint (all->len, ==, 306);
  assert_name_order (&demo, all);

  g_assert_cmpuint (assert_filtered (&demo, NULL, "PL", NULL, NULL, NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, "UA", NULL, NULL, NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, NULL, "technical", NULL, NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, NULL, "sourced", NULL, NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, NULL, "hired", NULL, NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, NULL, NULL, "senior", NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, NULL, NULL, "junior", NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, NULL, NULL, NULL, "python"), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, "UA", NULL, "senior", NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, NULL, "RO", "screening", NULL, NULL), >, 0);
  {
    /* All four filters at once, on a combination the sample data has */
    g_autofree char *combo = sl_test_sqlite_text (
      demo.raw,
      "SELECT country || ' ' || stage || ' ' || seniority || ' ' || stack_id FROM candidates"
      " WHERE stage IS NOT NULL AND seniority IS NOT NULL ORDER BY id DESC LIMIT 1");
    g_auto (GStrv) parts = g_strsplit (combo, " ", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 4);
    g_assert_cmpuint (assert_filtered (&demo, NULL, parts[0], parts[1], parts[2], parts[3]), >, 0);
  }
  g_assert_cmpuint (assert_filtered (&demo, "olek", NULL, NULL, "mid", NULL), >, 0);
  g_assert_cmpuint (assert_filtered (&demo, "olek", "UA", "screening", NULL, NULL), >, 0);
  /* Nothing matches a country nobody is from, or a stage with a seniority nobody is at */
  g_assert_cmpuint (assert_filtered (&demo, NULL, "DE", NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (assert_filtered (&demo, "olek", "BR", NULL, NULL, NULL), ==, 0);
  demo_close (&demo);
}

static void
test_limit (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) all = NULL;
  g_autoptr (GArray) first = NULL;
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  all = run (&demo, query);
  query->limit = 10;
  first = run (&demo, query);
  g_assert_cmpuint (first->len, ==, 10);
  g_assert_cmpmem (first->data, 10 * sizeof (gint64), all->data, 10 * sizeof (gint64));

  g_clear_pointer (&all, g_array_unref);
  g_clear_pointer (&first, g_array_unref);
  query->limit = 0;
  query->text = g_strdup ("joao");
  all = run (&demo, query);
  query->limit = 2;
  first = run (&demo, query);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpmem (first->data, 2 * sizeof (gint64), all->data, 2 * sizeof (gint64));
  demo_close (&demo);
}

static gboolean
collect_id_cb (const SlCandidateRecord *row, gpointer data, GError **error)
{
  g_array_append_val ((GArray *) data, row->id);
  return TRUE;
}

/* A search takes its matches from the search index in the list's order (its rowids are the
 * candidates' places, schema 10): the same answer as sorting by name in plain SQL, with no sort
 * in the plan, and a limited search reads the rows it returns */
static void
test_order_index (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) got = NULL;
  g_autoptr (GArray) expected = NULL;
  g_autoptr (GArray) records = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autofree char *fts = sl_fold_fts_query ("o");
  g_autofree char *plan = NULL;
  SlDatabase *db;
  sqlite3_stmt *stmt;
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  db = sl_store_get_database (demo.store);
  query->text = g_strdup ("o");
  got = run (&demo, query);
  expected =
    sl_test_sqlite_ids (demo.raw,
                        "SELECT id FROM candidates WHERE deleted_at IS NULL AND sort_pos IN"
                        " (SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ?)"
                        " ORDER BY sort_key, id",
                        (const char *const[]){ fts, NULL });
  g_assert_cmpuint (got->len, >, 20);
  sl_test_assert_ids_equal (got, expected);

  stmt = sl_stmt_get_sqlite (sl_candidate_query_prepare (query, db, "c.id", &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sqlite3_sql (stmt));

    sqlite3_reset (stmt);
    plan = sl_test_sqlite_dump (demo.raw, sql);
  }
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "COVERING INDEX candidates_pos"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));

  /* The records of the first three, in the same order */
  query->limit = 3;
  g_assert_true (sl_store_read_candidates (db, query, collect_id_cb, records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpmem (records->data, 3 * sizeof (gint64), expected->data, 3 * sizeof (gint64));
  demo_close (&demo);
}

/* Every candidate's place follows the list's order, no two share one, the search index is
 * keyed by them, and a search answers as plain SQL sorting by name does */
static void
assert_order_kept (Demo *demo, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *fts = sl_fold_fts_query (text);
  g_autoptr (GArray) got = search (demo, text);
  g_autoptr (GArray) expected = NULL;

  g_assert_cmpint (sl_test_sqlite_int (demo->raw,
                                       "SELECT count(*) FROM (SELECT sort_pos, lag (sort_pos)"
                                       " OVER (ORDER BY sort_key, id) AS before FROM candidates)"
                                       " WHERE sort_pos IS NULL OR before >= sort_pos"),
                   ==, 0);
  g_assert_cmpint (sl_test_sqlite_int (demo->raw, "SELECT count(*) FROM candidates c WHERE NOT"
                                                  " EXISTS (SELECT 1 FROM candidates_fts f"
                                                  " WHERE f.rowid = c.sort_pos)"),
                   ==, 0);
  g_assert_cmpint (sl_test_sqlite_int (demo->raw, "SELECT count(*) FROM candidates_fts"), ==,
                   sl_test_sqlite_int (demo->raw, "SELECT count(*) FROM candidates"));
  g_assert_true (sl_database_check (sl_store_get_database (demo->store), &report, &error));
  g_assert_no_error (error);
  expected = sl_test_sqlite_ids (demo->raw,
                                 "SELECT id FROM candidates WHERE deleted_at IS NULL AND id IN"
                                 " (SELECT c.id FROM candidates c JOIN candidates_fts f"
                                 " ON f.rowid = c.sort_pos WHERE candidates_fts MATCH ?)"
                                 " ORDER BY sort_key, id",
                                 (const char *const[]){ fts, NULL });
  sl_test_assert_ids_equal (got, expected);
}

/* Names that keep landing in the same gap between two neighbours use up its room: the rows
 * around are spread again (their index rows move with them), by live writes and by a bulk
 * write alike, and renames, the trash and deletion keep the order */
static void
test_order_kept (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) name = g_string_new ("Mazur ");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (SlCandidate) renamed = NULL;
  SlDatabase *db;
  gint64 gap_before, gap_after;
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  db = sl_store_get_database (demo.store);
  add (demo.store, "Mazur Ab", "", "PL", "Gdańsk", "", "", NULL);
  add (demo.store, "Mazur Ac", "", "PL", "Gdańsk", "", "", NULL);
  assert_order_kept (&demo, "mazur");
  gap_before = sl_test_sqlite_int (demo.raw, "SELECT max(sort_pos) - min(sort_pos) FROM"
                                             " candidates WHERE name LIKE 'Mazur A%'");

  /* "Mazur Ab", "Mazur Abz", "Mazur Abzz"…: each one halves what is left below "Mazur Ac" */
  g_string_append (name, "Ab");
  for (guint i = 0; i < 120; i++)
    {
      gint64 id;

      g_string_append_c (name, 'z');
      id = add (demo.store, name->str, "", "PL", "Gdańsk", "", "", NULL);
      g_array_append_val (ids, id);
    }
  assert_order_kept (&demo, "mazur");
  /* The room ran out more than once, and the rows were spread again */
  gap_after = sl_test_sqlite_int (demo.raw, "SELECT min(b - a) FROM (SELECT sort_pos AS a,"
                                            " lead (sort_pos) OVER (ORDER BY sort_key, id) AS b"
                                            " FROM candidates WHERE name LIKE 'Mazur A%')");
  g_test_message ("room between the first two: %" G_GINT64_FORMAT ", at the end at least %"
                  " " G_GINT64_FORMAT,
                  gap_before, gap_after);
  g_assert_cmpint (gap_after, >, 1);

  /* A rename moves a row to its new place, and back */
  renamed = sl_store_get_candidate (demo.store, g_array_index (ids, gint64, 60), &error);
  g_assert_no_error (error);
  sl_candidate_set_name (renamed, "Aaron Mazur");
  g_assert_true (sl_store_save_candidate (demo.store, renamed, &error));
  g_assert_no_error (error);
  assert_order_kept (&demo, "mazur");
  sl_candidate_set_name (renamed, "Mazur Abzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
  g_assert_true (sl_store_save_candidate (demo.store, renamed, &error));
  g_assert_no_error (error);
  assert_order_kept (&demo, "mazur");

  /* The trash and its undo, and deletion for good */
  g_assert_true (sl_store_delete_candidate (demo.store, g_array_index (ids, gint64, 10), &error));
  g_assert_no_error (error);
  assert_order_kept (&demo, "mazur");
  g_assert_true (sl_store_undelete_candidate (demo.store, g_array_index (ids, gint64, 10), &error));
  g_assert_no_error (error);
  assert_order_kept (&demo, "mazur");
  g_assert_cmpint (sqlite3_exec (sl_database_get_handle (db),
                                 "DELETE FROM candidates WHERE name LIKE 'Mazur Abzzz%'", NULL,
                                 NULL, NULL),
                   ==, SQLITE_OK);
  assert_order_kept (&demo, "mazur");

  /* A bulk write (sample data, with the triggers off) places its rows among the others */
  g_assert_true (sl_demo_generate (db, 200, 11, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_order_kept (&demo, "o");
  assert_order_kept (&demo, "mazur");
  demo_close (&demo);
}

/* Edits, deletions and new skills reach the index */
static void
test_index_follows (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlCandidate) agnieszka = NULL;
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  agnieszka = sl_store_get_candidate (demo.store, demo.agnieszka, &error);
  g_assert_no_error (error);
  sl_candidate_set_text (agnieszka, SL_CANDIDATE_CITY, "Kraków");
  sl_candidate_set_skills (agnieszka, (const char *const[]){ "Elixir", "Phoenix", NULL });
  g_assert_true (sl_store_save_candidate (demo.store, agnieszka, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GArray) lodz = search (&demo, "lodz");
    g_autoptr (GArray) krakow = search (&demo, "krakow");
    g_autoptr (GArray) phoenix = search (&demo, "phoenix");

    g_assert_false (contains (lodz, demo.agnieszka));
    g_assert_true (contains (krakow, demo.agnieszka));
    g_assert_cmpuint (phoenix->len, ==, 1);
  }

  g_assert_true (sl_store_delete_candidate (demo.store, demo.joao, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GArray) ids = search (&demo, "joao pereira");
    g_assert_false (contains (ids, demo.joao));
  }
  g_assert_true (sl_store_undelete_candidate (demo.store, demo.joao, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GArray) ids = search (&demo, "joao pereira");
    g_assert_true (contains (ids, demo.joao));
  }
  g_clear_object (&agnieszka);
  demo_close (&demo);
}

static void
test_cancelled (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&query->text, g_free);
      query->text = i == 0 ? NULL : g_strdup ("olek");
      ids = sl_candidate_query_run (query, sl_store_get_database (demo.store), cancellable, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (ids);
      g_clear_error (&error);
    }

  /* The connection works normally afterwards */
  ids = run (&demo, query);
  g_assert_cmpuint (ids->len, >, 0);
  demo_close (&demo);
}

typedef struct
{
  GMainLoop *loop;
  GArray *ids;
  GError *error;
  GMutex lock;
  GCond cond;
  gboolean task_gone;
} AsyncRun;

/* Object data is dropped after GTask's finalize has released the source object; a weak
 * reference would tell too early, from dispose */
static void
task_finalized_cb (gpointer data)
{
  AsyncRun *run = data;

  g_mutex_lock (&run->lock);
  run->task_gone = TRUE;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->lock);
}

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncRun *run = user_data;

  run->ids = sl_store_query_candidates_finish (SL_STORE (source), result, &run->error);
  /* The worker thread may drop its reference to the task (and so to the store) after this */
  g_object_set_data_full (G_OBJECT (result), "finalized", run, task_finalized_cb);
  g_main_loop_quit (run->loop);
}

/* Runs the query the way the window does: on the store's worker thread, from a main loop */
static GArray *
run_async (Demo *demo, SlCandidateQuery *query, GCancellable *cancellable, GError **error)
{
  AsyncRun run = { 0 };

  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);
  run.loop = g_main_loop_new (NULL, FALSE);
  sl_store_query_candidates_async (demo->store, query, cancellable, query_done_cb, &run);
  g_main_loop_run (run.loop);
  g_mutex_lock (&run.lock);
  while (!run.task_gone)
    g_cond_wait (&run.cond, &run.lock);
  g_mutex_unlock (&run.lock);
  g_main_loop_unref (run.loop);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.cond);
  if (run.error != NULL)
    g_propagate_error (error, run.error);
  return run.ids;
}

static void
test_async (SlTestDir *fixture, gconstpointer data)
{
  Demo demo = { 0 };

  demo_open (&demo, fixture);
  for (guint i = 0; i < 5; i++)
    {
      static const char *const texts[] = { NULL, "olek", "joao", "lodz", "zzzzz" };
      g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
      g_autoptr (GArray) sync = NULL;
      g_autoptr (GArray) async = NULL;
      g_autoptr (GError) error = NULL;

      query->text = g_strdup (texts[i]);
      if (i == 1)
        query->seniority = g_strdup ("mid");
      sync = run (&demo, query);
      async = run_async (&demo, query, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (async->len, ==, sync->len);
      sl_test_assert_ids_equal (async, sync);
    }

  /* Writes on the store's connection are seen by the worker's connection */
  {
    g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
    g_autoptr (GArray) before = NULL;
    g_autoptr (GArray) after = NULL;
    g_autoptr (GError) error = NULL;
    gint64 id;

    query->text = g_strdup ("Quillfeather");
    before = run_async (&demo, query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (before->len, ==, 1);
    id = add (demo.store, "Maria Quillfeather", "", "MX", "Mérida", "", "", NULL);
    after = run_async (&demo, query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, 2);
    g_assert_true (contains (after, id));
  }

  /* A cancelled run reports it */
  {
    g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GError) error = NULL;
    GArray *ids;

    g_cancellable_cancel (cancellable);
    ids = run_async (&demo, query, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (ids);
  }
  demo_close (&demo);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/search/diacritics", test_diacritics);
  SL_TEST_ADD ("/core/search/city", test_city);
  SL_TEST_ADD ("/core/search/cyrillic", test_cyrillic);
  SL_TEST_ADD ("/core/search/skills-and-email", test_skills_and_email);
  SL_TEST_ADD ("/core/search/words-and", test_words_and);
  SL_TEST_ADD ("/core/search/filters", test_filters);
  SL_TEST_ADD ("/core/search/limit", test_limit);
  SL_TEST_ADD ("/core/search/order-index", test_order_index);
  SL_TEST_ADD ("/core/search/order-kept", test_order_kept);
  SL_TEST_ADD ("/core/search/index-follows", test_index_follows);
  SL_TEST_ADD ("/core/search/cancelled", test_cancelled);
  SL_TEST_ADD ("/core/search/async", test_async);

  return g_test_run ();
}
