/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-store.c — candidates saved, loaded, validated, trashed and purged; members; stacks */
#include "config.h"

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-option.h"
#include "sl-store.h"
#include "test-util.h"

/* How often the store's change signals ran, and for which id last */
typedef struct
{
  guint added;
  guint changed;
  guint removed;
  gint64 last_id;
} SignalLog;

static void
added_cb (SlStore *store, gint64 id, SignalLog *log)
{
  log->added++;
  log->last_id = id;
}

static void
changed_cb (SlStore *store, gint64 id, SignalLog *log)
{
  log->changed++;
  log->last_id = id;
}

static void
removed_cb (SlStore *store, gint64 id, SignalLog *log)
{
  log->removed++;
  log->last_id = id;
}

static void
connect_log (SlStore *store, SignalLog *log)
{
  g_signal_connect (store, "candidate-added", G_CALLBACK (added_cb), log);
  g_signal_connect (store, "candidate-changed", G_CALLBACK (changed_cb), log);
  g_signal_connect (store, "candidate-removed", G_CALLBACK (removed_cb), log);
}

static void
assert_log (SignalLog *log, guint added, guint changed, guint removed, gint64 id)
{
  g_assert_cmpuint (log->added, ==, added);
  g_assert_cmpuint (log->changed, ==, changed);
  g_assert_cmpuint (log->removed, ==, removed);
  if (id != 0)
    g_assert_cmpint (log->last_id, ==, id);
  *log = (SignalLog){ 0 };
}

static SlStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  SlStore *store = sl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static sqlite3 *
handle (SlStore *store)
{
  return sl_database_get_handle (sl_store_get_database (store));
}

/* Every field set, to values that survive the round trip only if each goes to its column */
static SlCandidate *
full_candidate (void)
{
  static const char *const texts[SL_CANDIDATE_STAGE] = {
    [SL_CANDIDATE_NAME] = "João Araújo",
    [SL_CANDIDATE_EMAIL] = "joao.araujo@example.com",
    [SL_CANDIDATE_PHONE] = "+55 11 91234 5678",
    [SL_CANDIDATE_COUNTRY] = "BR",
    [SL_CANDIDATE_CITY] = "São Paulo",
    [SL_CANDIDATE_TIMEZONE] = "America/Sao_Paulo",
    [SL_CANDIDATE_ENGLISH_LEVEL] = "c1",
    [SL_CANDIDATE_SENIORITY] = "senior",
    [SL_CANDIDATE_STACK] = "python",
    [SL_CANDIDATE_EMPLOYMENT_TYPE] = "freelancer",
    [SL_CANDIDATE_CURRENCY] = "USD",
    [SL_CANDIDATE_RATE_PERIOD] = "hour",
    [SL_CANDIDATE_AVAILABILITY] = "Two weeks' notice",
    [SL_CANDIDATE_SOURCE] = "referral",
    [SL_CANDIDATE_LINKS] = "https://example.com/joao\nhttps://github.com/joao",
    [SL_CANDIDATE_NOTES] = "Strong on Django; “quotes”, 'apostrophes' and\ttabs.",
  };
  static const char *const skills[] = { "PostgreSQL", "Django", "AWS", NULL };
  SlCandidate *candidate = sl_candidate_new ();

  for (guint i = 0; i < SL_CANDIDATE_STAGE; i++)
    sl_candidate_set_text (candidate, i, texts[i]);
  sl_candidate_set_years_experience (candidate, 6.5);
  sl_candidate_set_expected_rate (candidate, 42.75);
  sl_candidate_set_consent_at (candidate, 1700000000);
  sl_candidate_set_skills (candidate, skills);
  return candidate;
}

static SlCandidate *
named_candidate (const char *name)
{
  SlCandidate *candidate = sl_candidate_new ();

  sl_candidate_set_name (candidate, name);
  return candidate;
}

static gint64
save_new (SlStore *store, const char *name)
{
  g_autoptr (SlCandidate) candidate = named_candidate (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  return sl_candidate_get_id (candidate);
}

/* The skills as one sorted string, whatever order they are kept in */
static char *
skills_key (SlCandidate *candidate)
{
  g_auto (GStrv) sorted = g_strdupv ((char **) sl_candidate_get_skills (candidate));
  guint n = g_strv_length (sorted);

  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && g_strcmp0 (sorted[j - 1], sorted[j]) > 0; j--)
      {
        char *swap = sorted[j];
        sorted[j] = sorted[j - 1];
        sorted[j - 1] = swap;
      }
  return g_strjoinv (",", sorted);
}

static void
assert_same_candidate (SlCandidate *a, SlCandidate *b)
{
  g_autofree char *skills_a = skills_key (a);
  g_autofree char *skills_b = skills_key (b);

  g_assert_cmpint (sl_candidate_get_id (a), ==, sl_candidate_get_id (b));
  for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
    {
      if (g_strcmp0 (sl_candidate_get_text (a, i), sl_candidate_get_text (b, i)) != 0)
        g_error ("%s: “%s” ≠ “%s”", sl_candidate_text_property_name (i),
                 sl_candidate_get_text (a, i), sl_candidate_get_text (b, i));
    }
  g_assert_cmpfloat (sl_candidate_get_years_experience (a), ==,
                     sl_candidate_get_years_experience (b));
  g_assert_cmpfloat (sl_candidate_get_expected_rate (a), ==, sl_candidate_get_expected_rate (b));
  g_assert_cmpint (sl_candidate_get_consent_at (a), ==, sl_candidate_get_consent_at (b));
  g_assert_cmpint (sl_candidate_get_created_at (a), ==, sl_candidate_get_created_at (b));
  g_assert_cmpint (sl_candidate_get_updated_at (a), ==, sl_candidate_get_updated_at (b));
  g_assert_cmpstr (skills_a, ==, skills_b);
}

/* The candidate as another connection reads it, past the first store's identity map */
static SlCandidate *
load_elsewhere (const char *path, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = sl_database_open (path, &error);
  g_autoptr (SlStore) store = NULL;
  SlCandidate *candidate;

  g_assert_no_error (error);
  store = sl_store_new (db);
  candidate = sl_store_get_candidate (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (candidate);
  return candidate;
}

static void
test_save_and_load (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (SlCandidate) candidate = full_candidate ();
  g_autoptr (SlCandidate) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *row = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 after;
  gint64 id;
  SignalLog log = { 0 };

  connect_log (store, &log);
  g_assert_cmpint (sl_candidate_get_id (candidate), ==, 0);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  after = g_get_real_time () / G_USEC_PER_SEC;
  id = sl_candidate_get_id (candidate);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sl_candidate_get_created_at (candidate), >=, before);
  g_assert_cmpint (sl_candidate_get_created_at (candidate), <=, after);
  g_assert_cmpint (sl_candidate_get_updated_at (candidate), ==,
                   sl_candidate_get_created_at (candidate));
  g_assert_cmpstr (sl_candidate_get_text (candidate, SL_CANDIDATE_STACK_NAME), ==, "Python");
  assert_log (&log, 1, 0, 0, id);
  g_assert_true (sl_store_has_candidates (store));

  /* Each value is in its own column */
  row = sl_test_sqlite_dump (handle (store),
                             "SELECT name, email, phone, country, city, timezone, english_level,"
                             " seniority, stack_id, employment_type, expected_rate, currency,"
                             " rate_period, years_experience, consent_at, source, sort_key"
                             " FROM candidates");
  g_assert_cmpstr (row, ==,
                   "João Araújo\tjoao.araujo@example.com\t+55 11 91234 5678\tBR\tSão Paulo\t"
                   "America/Sao_Paulo\tc1\tsenior\tpython\tfreelancer\t42.75\tUSD\thour\t6.5\t"
                   "1700000000\treferral\tjoao araujo\n");

  /* Read back by another connection: every field equal */
  loaded = load_elsewhere (fixture->path, id);
  g_assert_true (loaded != candidate);
  assert_same_candidate (loaded, candidate);
  g_clear_object (&loaded);

  /* Update: another city, other skills, no years known */
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, "Florianópolis");
  sl_candidate_set_skills (candidate, (const char *const[]){ "FastAPI", "Django", NULL });
  sl_candidate_set_years_experience (candidate, -1);
  sl_candidate_set_text (candidate, SL_CANDIDATE_STACK, "java");
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_candidate_get_id (candidate), ==, id);
  g_assert_cmpstr (sl_candidate_get_text (candidate, SL_CANDIDATE_STACK_NAME), ==, "Java");
  assert_log (&log, 0, 1, 0, id);
  loaded = load_elsewhere (fixture->path, id);
  assert_same_candidate (loaded, candidate);
  g_assert_cmpfloat (sl_candidate_get_years_experience (loaded), ==, -1);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM candidates"), ==, 1);

  /* A candidate with nothing but a name loads with empty values, not NULLs */
  {
    gint64 bare = save_new (store, "  Ana  ");
    g_autoptr (SlCandidate) plain = load_elsewhere (fixture->path, bare);

    g_assert_cmpstr (sl_candidate_get_name (plain), ==, "Ana");
    for (guint i = 1; i < SL_CANDIDATE_N_TEXTS; i++)
      g_assert_cmpstr (sl_candidate_get_text (plain, i), ==, "");
    g_assert_cmpfloat (sl_candidate_get_expected_rate (plain), ==, -1);
    g_assert_cmpint (sl_candidate_get_consent_at (plain), ==, 0);
    g_assert_null (sl_candidate_get_skills (plain)[0]);
  }

  /* Saving a candidate that is not there fails */
  {
    g_autoptr (SlCandidate) ghost = named_candidate ("Nobody");

    sl_candidate_set_id (ghost, 999999);
    g_assert_false (sl_store_save_candidate (store, ghost, &error));
    g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (sl_store_get_candidate (store, 999999, &error));
    g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  }

  g_clear_object (&candidate);
  g_assert_finalize_object (store);
}

/* Tags are rewritten only when they changed: rewriting them reindexes the candidate */
static void
test_skills_unchanged (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (SlCandidate) candidate = named_candidate ("Paweł Nowak");
  g_autoptr (GError) error = NULL;
  const char *const skills[] = { "Terraform", "Spring Boot", "Kafka", "AWS", "Docker", NULL };

  sl_candidate_set_skills (candidate, skills);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);

  sl_test_sqlite_exec (handle (store), "CREATE TEMP TABLE skill_writes (n INTEGER);"
                                       "CREATE TEMP TRIGGER skill_deleted AFTER DELETE ON"
                                       " main.candidate_skills BEGIN"
                                       "  INSERT INTO skill_writes VALUES (1); END;");
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, "Poznań");
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM skill_writes"), ==, 0);

  /* A changed set is written */
  sl_candidate_set_skills (candidate, (const char *const[]){ "Kafka", NULL });
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM skill_writes"), ==, 5);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM candidate_skills"), ==,
                   1);

  g_clear_object (&candidate);
  g_assert_finalize_object (store);
}

static void
test_identity_map (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  SlCandidate *saved = named_candidate ("Ioana Marin");
  SlCandidate *first;
  SlCandidate *second;
  SlCandidate *weak;
  guint baseline;
  gint64 id;

  g_assert_true (sl_store_save_candidate (store, saved, &error));
  g_assert_no_error (error);
  id = sl_candidate_get_id (saved);

  /* The saved object is the live one */
  first = sl_store_get_candidate (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (first == saved);
  g_object_unref (first);
  g_assert_finalize_object (saved);

  baseline = sl_candidate_get_n_instances ();
  first = sl_store_get_candidate (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline + 1);
  second = sl_store_get_candidate (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline + 1);
  g_assert_cmpstr (sl_candidate_get_name (first), ==, "Ioana Marin");

  /* An edit through one reference is seen through the other */
  sl_candidate_set_text (first, SL_CANDIDATE_CITY, "Iași");
  g_assert_cmpstr (sl_candidate_get_text (second, SL_CANDIDATE_CITY), ==, "Iași");
  g_assert_true (sl_store_save_candidate (store, second, &error));
  g_assert_no_error (error);

  weak = first;
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_object_unref (first);
  g_assert_nonnull (weak);
  g_object_unref (second);
  g_assert_null (weak);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline);

  /* Once nobody holds it, the next get loads a new object with the saved values */
  first = sl_store_get_candidate (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_candidate_get_n_instances (), ==, baseline + 1);
  g_assert_cmpstr (sl_candidate_get_text (first, SL_CANDIDATE_CITY), ==, "Iași");
  g_assert_finalize_object (first);

  /* The store may go first: the objects it handed out stay valid */
  first = sl_store_get_candidate (store, id, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpstr (sl_candidate_get_name (first), ==, "Ioana Marin");
  g_assert_finalize_object (first);
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_notify_on_change (void)
{
  g_autoptr (SlCandidate) candidate = named_candidate ("Ana");
  g_auto (GStrv) same_skills = g_strsplit ("Go,gRPC", ",", -1);
  guint count = 0;

  sl_candidate_set_skills (candidate, (const char *const[]){ "Go", "gRPC", NULL });
  sl_candidate_set_years_experience (candidate, 3);
  g_signal_connect (candidate, "notify", G_CALLBACK (count_notify_cb), &count);

  /* The same values again: no signal */
  sl_candidate_set_name (candidate, "Ana");
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, NULL);
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, "");
  sl_candidate_set_years_experience (candidate, 3);
  sl_candidate_set_expected_rate (candidate, -1);
  sl_candidate_set_expected_rate (candidate, -7); /* any negative means unknown */
  sl_candidate_set_consent_at (candidate, 0);
  sl_candidate_set_id (candidate, 0);
  sl_candidate_set_skills (candidate, (const char *const *) same_skills);
  g_object_set (candidate, "name", "Ana", "city", "", "years-experience", 3.0, NULL);
  g_assert_cmpuint (count, ==, 0);

  /* A change: one signal each */
  sl_candidate_set_name (candidate, "Ana Ribeiro");
  g_assert_cmpuint (count, ==, 1);
  sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, "BR");
  g_assert_cmpuint (count, ==, 2);
  sl_candidate_set_years_experience (candidate, 3.5);
  g_assert_cmpuint (count, ==, 3);
  sl_candidate_set_skills (candidate, NULL);
  g_assert_cmpuint (count, ==, 4);
  sl_candidate_set_skills (candidate, (const char *const[]){ NULL });
  g_assert_cmpuint (count, ==, 4);
  g_object_set (candidate, "city", "Recife", NULL);
  g_assert_cmpuint (count, ==, 5);
}

typedef struct
{
  SlCandidateText field;
  const char *value;
} BadValue;

static void
test_validation (SlTestDir *fixture, gconstpointer data)
{
  static const BadValue bad[] = {
    { SL_CANDIDATE_NAME, "" },
    { SL_CANDIDATE_NAME, "   " },
    { SL_CANDIDATE_EMAIL, "not-an-email" },
    { SL_CANDIDATE_EMAIL, "two@@example.com" },
    { SL_CANDIDATE_EMAIL, "@example.com" },
    { SL_CANDIDATE_EMAIL, "ana@example" },
    { SL_CANDIDATE_EMAIL, "ana ribeiro@example.com" },
    { SL_CANDIDATE_COUNTRY, "XX" },
    { SL_CANDIDATE_COUNTRY, "Brazil" },
    { SL_CANDIDATE_SENIORITY, "guru" },
    { SL_CANDIDATE_STACK, "cobol" },
    { SL_CANDIDATE_EMPLOYMENT_TYPE, "intern" },
    { SL_CANDIDATE_RATE_PERIOD, "week" },
  };
  SlStore *store = open_store (fixture->path);
  g_autoptr (SlCandidate) existing = full_candidate ();
  g_autoptr (GError) error = NULL;
  const char *dump_sql = "SELECT * FROM candidates ORDER BY id";
  g_autofree char *before = NULL;
  int changes;
  SignalLog log = { 0 };

  g_assert_true (sl_store_save_candidate (store, existing, &error));
  g_assert_no_error (error);
  connect_log (store, &log);
  before = sl_test_sqlite_dump (handle (store), dump_sql);
  changes = sqlite3_total_changes (handle (store));

  for (guint i = 0; i < G_N_ELEMENTS (bad) + 1; i++)
    {
      g_autoptr (SlCandidate) fresh = full_candidate ();
      g_autofree char *after = NULL;
      g_autofree char *good = NULL;
      SlCandidateText field = i < G_N_ELEMENTS (bad) ? bad[i].field : SL_CANDIDATE_NAME;

      /* A new candidate with the bad value */
      if (i < G_N_ELEMENTS (bad))
        sl_candidate_set_text (fresh, field, bad[i].value);
      else
        sl_candidate_set_years_experience (fresh, 80);
      g_assert_false (sl_store_save_candidate (store, fresh, &error));
      g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (sl_candidate_get_id (fresh), ==, 0);

      /* The saved candidate edited to the bad value */
      good = g_strdup (sl_candidate_get_text (existing, field));
      if (i < G_N_ELEMENTS (bad))
        sl_candidate_set_text (existing, field, bad[i].value);
      else
        sl_candidate_set_years_experience (existing, 80);
      g_assert_false (sl_store_save_candidate (store, existing, &error));
      g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
      g_clear_error (&error);
      sl_candidate_set_text (existing, field, good);
      sl_candidate_set_years_experience (existing, 6.5);

      after = sl_test_sqlite_dump (handle (store), dump_sql);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (sqlite3_total_changes (handle (store)), ==, changes);
      assert_log (&log, 0, 0, 0, 0);
    }

  /* Empty optional values are fine */
  {
    g_autoptr (SlCandidate) minimal = named_candidate ("Tudor Neagu");
    g_assert_true (sl_store_save_candidate (store, minimal, &error));
    g_assert_no_error (error);
  }

  g_clear_object (&existing);
  g_assert_finalize_object (store);
}

static GArray *
all_ids (SlStore *store)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GError) error = NULL;
  GArray *ids = sl_candidate_query_run (query, sl_store_get_database (store), NULL, &error);

  g_assert_no_error (error);
  return ids;
}

static gboolean
ids_contain (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_delete_undelete_purge (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *sql = NULL;
  SlCandidate *candidate;
  SignalLog log = { 0 };
  gint64 a;
  gint64 b;

  candidate = full_candidate ();
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  a = sl_candidate_get_id (candidate);
  g_assert_finalize_object (candidate);
  b = save_new (store, "Mihai Ionescu");
  connect_log (store, &log);

  /* Delete: gone from get and from queries, once */
  g_assert_true (sl_store_delete_candidate (store, a, &error));
  g_assert_no_error (error);
  assert_log (&log, 0, 0, 1, a);
  g_assert_null (sl_store_get_candidate (store, a, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ids = all_ids (store);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_false (ids_contain (ids, a));
  g_clear_pointer (&ids, g_array_unref);

  /* Deleting it again, or a candidate that never was, fails and tells nobody */
  g_assert_false (sl_store_delete_candidate (store, a, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_store_delete_candidate (store, 424242, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_log (&log, 0, 0, 0, 0);

  /* Undelete brings it back with everything it had */
  g_assert_true (sl_store_undelete_candidate (store, a, &error));
  g_assert_no_error (error);
  assert_log (&log, 1, 0, 0, a);
  candidate = sl_store_get_candidate (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_candidate_get_name (candidate), ==, "João Araújo");
  g_assert_cmpuint (g_strv_length ((char **) sl_candidate_get_skills (candidate)), ==, 3);
  g_clear_object (&candidate);
  ids = all_ids (store);
  g_assert_true (ids_contain (ids, a));
  g_clear_pointer (&ids, g_array_unref);
  g_assert_false (sl_store_undelete_candidate (store, a, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_log (&log, 0, 0, 0, 0);

  /* Purging one id leaves the other candidates, trashed or not */
  g_assert_true (sl_store_delete_candidate (store, a, &error));
  g_assert_true (sl_store_delete_candidate (store, b, &error));
  g_assert_no_error (error);
  assert_log (&log, 0, 0, 2, b);
  g_assert_true (sl_store_purge_deleted (store, a, &error));
  g_assert_no_error (error);
  assert_log (&log, 0, 0, 0, 0);
  sql = g_strdup_printf (
    "SELECT (SELECT count(*) FROM candidates WHERE id = %" G_GINT64_FORMAT ")"
    " + (SELECT count(*) FROM candidate_skills WHERE candidate_id = %" G_GINT64_FORMAT ")"
    " + (SELECT count(*) FROM candidates_fts WHERE rowid = %" G_GINT64_FORMAT ")",
    a, a, a);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), sql), ==, 0);
  g_assert_false (sl_store_undelete_candidate (store, a, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM candidates"), ==, 1);
  g_assert_false (sl_store_has_candidates (store));

  /* Purging everything; a live candidate is never purged */
  save_new (store, "Elena Stănescu");
  g_assert_true (sl_store_purge_deleted (store, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM candidates"), ==, 1);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM candidates_fts"), ==,
                   1);
  g_assert_true (sl_store_has_candidates (store));

  /* Opening the file empties the trash left by an earlier run */
  b = sl_test_sqlite_int (handle (store), "SELECT id FROM candidates");
  g_assert_true (sl_store_delete_candidate (store, b, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  store = open_store (fixture->path);
  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM candidates"), ==, 0);
  g_assert_finalize_object (store);
}

static void
test_members (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) members = NULL;
  g_autoptr (SlMember) found = NULL;
  gint64 ana;
  gint64 bruno;

  members = sl_store_list_members (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 0);
  g_clear_object (&members);

  bruno = sl_store_add_member (store, "Bruno Costa", "bruno@example.com", "interviewer", &error);
  g_assert_no_error (error);
  ana = sl_store_add_member (store, " Ana Ribeiro ", "ana@example.com", "recruiter", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ana, >, 0);
  g_assert_cmpint (bruno, >, 0);
  g_assert_cmpint (ana, !=, bruno);

  members = sl_store_list_members (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (g_list_model_get_item_type (members) == SL_TYPE_MEMBER);
  {
    g_autoptr (SlMember) first = g_list_model_get_item (members, 0);
    g_autoptr (SlMember) second = g_list_model_get_item (members, 1);

    g_assert_cmpint (sl_member_get_id (first), ==, ana);
    g_assert_cmpstr (sl_member_get_name (first), ==, "Ana Ribeiro");
    g_assert_cmpstr (sl_member_get_role (first), ==, "recruiter");
    g_assert_cmpint (sl_member_get_id (second), ==, bruno);
    g_assert_cmpstr (sl_member_get_email (second), ==, "bruno@example.com");
  }

  found = sl_store_find_member (store, "ana@example.com");
  g_assert_nonnull (found);
  g_assert_cmpint (sl_member_get_id (found), ==, ana);
  g_assert_cmpstr (sl_member_get_role (found), ==, "recruiter");
  g_clear_object (&found);
  /* Email addresses are matched without regard to case */
  found = sl_store_find_member (store, "ANA@Example.com");
  g_assert_nonnull (found);
  g_assert_cmpint (sl_member_get_id (found), ==, ana);
  g_assert_null (sl_store_find_member (store, "nobody@example.com"));
  g_assert_null (sl_store_find_member (store, ""));
  g_assert_null (sl_store_find_member (store, NULL));

  /* The same email twice is refused, in any case */
  g_assert_cmpint (sl_store_add_member (store, "Another Ana", "ana@example.com", "admin", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_add_member (store, "Another Ana", "Ana@Example.COM", "admin", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Invalid values */
  g_assert_cmpint (sl_store_add_member (store, "  ", "x@example.com", "admin", &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_add_member (store, "X", "not-an-email", "admin", &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_add_member (store, "X", "", "admin", &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_store_add_member (store, "X", "x@example.com", "boss", &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sl_test_sqlite_int (handle (store), "SELECT count(*) FROM team_members"), ==, 2);
  g_clear_object (&members);
  g_assert_finalize_object (store);
}

static void
test_stacks (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (GListModel) stacks = sl_store_list_stacks (store, NULL);
  g_autoptr (GListModel) with_none = sl_store_list_stacks (store, "Any stack");
  g_autoptr (GArray) expected =
    sl_test_sqlite_ids (handle (store), "SELECT rank FROM stacks ORDER BY rank", NULL);
  g_autofree char *name = NULL;

  g_assert_true (g_list_model_get_item_type (stacks) == SL_TYPE_OPTION);
  g_assert_cmpuint (g_list_model_get_n_items (stacks), ==, expected->len);
  g_assert_cmpuint (g_list_model_get_n_items (stacks), >=, 6);
  g_assert_cmpuint (g_list_model_get_n_items (with_none), ==, expected->len + 1);
  {
    g_autoptr (SlOption) java = g_list_model_get_item (stacks, 0);
    g_autoptr (SlOption) python = g_list_model_get_item (stacks, 1);
    g_autoptr (SlOption) none = g_list_model_get_item (with_none, 0);
    g_autoptr (SlOption) java_again = g_list_model_get_item (with_none, 1);

    g_assert_cmpstr (sl_option_get_id (java), ==, "java");
    g_assert_cmpstr (sl_option_get_label (java), ==, "Java");
    g_assert_cmpstr (sl_option_get_id (python), ==, "python");
    g_assert_cmpstr (sl_option_get_id (none), ==, "");
    g_assert_cmpstr (sl_option_get_label (none), ==, "Any stack");
    g_assert_cmpstr (sl_option_get_id (java_again), ==, "java");
  }
  /* Every stack the design names is there */
  for (guint i = 0; i < 6; i++)
    {
      static const char *const ids[] = { "java", "python", "dotnet", "php", "ruby", "node" };
      g_autofree char *stack_name = sl_store_get_stack_name (store, ids[i]);
      g_assert_nonnull (stack_name);
    }
  name = sl_store_get_stack_name (store, "dotnet");
  g_assert_cmpstr (name, ==, ".NET/C#");
  g_assert_null (sl_store_get_stack_name (store, "cobol"));

  g_clear_object (&stacks);
  g_clear_object (&with_none);
  g_assert_finalize_object (store);
}

static void
test_applications (SlTestDir *fixture, gconstpointer data)
{
  SlStore *store = open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) applications = NULL;
  g_autoptr (GListModel) none = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  GString *got = g_string_new (NULL);
  gint64 candidate;
  gint64 lonely;

  g_assert_true (sl_demo_generate (sl_store_get_database (store), 80, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The candidate with the most applications, some of them finished */
  candidate = sl_test_sqlite_int (handle (store),
                                  "SELECT candidate_id FROM applications GROUP BY candidate_id"
                                  " ORDER BY count(*) DESC, sum(stage IN ('rejected','withdrawn'))"
                                  " DESC, candidate_id LIMIT 1");
  sql = g_strdup_printf ("SELECT a.id, a.position_id, p.title, a.stage, a.updated_at"
                         " FROM applications a JOIN positions p ON p.id = a.position_id"
                         " JOIN stages s ON s.id = a.stage WHERE a.candidate_id = %" G_GINT64_FORMAT
                         " ORDER BY s.outcome, s.rank DESC, a.id",
                         candidate);
  expected = sl_test_sqlite_dump (handle (store), sql);

  applications = sl_store_list_applications (store, candidate, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (applications) == SL_TYPE_APPLICATION);
  g_assert_cmpuint (g_list_model_get_n_items (applications), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (applications); i++)
    {
      g_autoptr (SlApplication) application = g_list_model_get_item (applications, i);

      g_assert_cmpint (sl_application_get_candidate_id (application), ==, candidate);
      g_string_append_printf (
        got, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\n",
        sl_application_get_id (application), sl_application_get_position_id (application),
        sl_application_get_position_title (application), sl_application_get_stage (application),
        sl_application_get_updated_at (application));
    }
  g_assert_cmpstr (got->str, ==, expected);
  g_string_free (got, TRUE);

  lonely = save_new (store, "Rommel Reyes");
  none = sl_store_list_applications (store, lonely, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  g_clear_object (&applications);
  g_clear_object (&none);
  g_assert_finalize_object (store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SL_TEST_ADD ("/core/store/save-and-load", test_save_and_load);
  SL_TEST_ADD ("/core/store/skills-unchanged", test_skills_unchanged);
  SL_TEST_ADD ("/core/store/identity-map", test_identity_map);
  g_test_add_func ("/core/store/notify-on-change", test_notify_on_change);
  SL_TEST_ADD ("/core/store/validation", test_validation);
  SL_TEST_ADD ("/core/store/delete-undelete-purge", test_delete_undelete_purge);
  SL_TEST_ADD ("/core/store/members", test_members);
  SL_TEST_ADD ("/core/store/stacks", test_stacks);
  SL_TEST_ADD ("/core/store/applications", test_applications);

  return g_test_run ();
}
