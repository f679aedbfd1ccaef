/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-fold.c — folding for search: case, diacritics, letters without decomposition, Cyrillic */
#include "config.h"

#include "sl-candidate-query.h"
#include "sl-database.h"
#include "sl-fold.h"
#include "test-util.h"

typedef struct
{
  const char *in;
  const char *out;
} Case;

static void
test_fold_text (void)
{
  static const Case cases[] = {
    { "João", "joao" },
    { "JOÃO", "joao" },
    { "Ștefan", "stefan" }, /* S with comma below, as Romanian writes it */
    { "Ştefan", "stefan" }, /* S with cedilla, as older keyboards write it */
    { "Łódź", "lodz" },     /* ł has no decomposition */
    { "Ñuñez", "nunez" },
    { "Straße", "strasse" }, /* ß */
    { "Gonçalves", "goncalves" },
    { "Wiśniewski", "wisniewski" },
    { "Răzvan Țurcanu", "razvan turcanu" },
    { "Ørsted Đorđević", "orsted dordevic" },
    { "O’Brien", "obrien" },
    { "Peñaflor", "penaflor" },
    { "Олександр", "олександр" }, /* lowercase only: the Latin form is added for the index */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = sl_fold_text (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  /* Decomposed input folds like composed input */
  {
    g_autofree char *folded = sl_fold_text ("Joa\xcc\x83o");
    g_assert_cmpstr (folded, ==, "joao");
  }
  /* Nothing and invalid UTF-8 fold to nothing */
  {
    g_autofree char *null = sl_fold_text (NULL);
    g_autofree char *invalid = sl_fold_text ("abc\xff\xfe");
    g_assert_cmpstr (null, ==, "");
    g_assert_cmpstr (invalid, ==, "");
  }
}

static void
test_fold_latin (void)
{
  static const Case cases[] = {
    { "Юлія", "yuliia" }, /* ю at the start of a word, я after a consonant */
    { "Олександр", "oleksandr" },
    { "Євген", "yevhen" },  /* є at the start */
    { "Андрій", "andrii" }, /* й inside a word */
    { "Сергій", "serhii" },
    { "Їжак", "yizhak" }, /* ї at the start */
    { "Київ", "kyiv" },   /* ї inside a word */
    { "Йосип", "yosyp" }, /* й at the start */
    { "Щербак", "shcherbak" },
    { "Григорій Гнатюк", "hryhorii hnatiuk" },
    { "Ткаченко", "tkachenko" },
    { "Зінченко", "zinchenko" },
    { "Ґудзь", "gudz" },      /* ґ and the soft sign */
    { "Мар’яна", "mariana" }, /* apostrophe dropped, я not word-initial */
    { "João Araújo", "joao araujo" },
    { "Łódź", "lodz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *latin = sl_fold_latin (cases[i].in);
      g_assert_cmpstr (latin, ==, cases[i].out);
    }
}

static void
test_fold_for_index (void)
{
  static const Case cases[] = {
    /* Cyrillic text is indexed as written (folded) and transliterated */
    { "Олександр", "олександр oleksandr" },
    { "Юлія Коваленко", "юлія коваленко yuliia kovalenko" },
    { "Київ", "киів kyiv" },
    /* Latin text once */
    { "João Araújo", "joao araujo" },
    { "Łódź", "lodz" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *indexed = sl_fold_for_index (cases[i].in);
      g_assert_cmpstr (indexed, ==, cases[i].out);
    }
}

static void
test_fts_query (void)
{
  static const Case cases[] = {
    { "joao", "\"joao\"*" },
    { "João", "\"joao\"*" },
    { "  Ștefan   Popescu ", "\"stefan\"* \"popescu\"*" },
    { "олек", "\"олек\"*" },
    { "joao.silva@mail.example", "\"joao\"* \"silva\"* \"mail\"* \"example\"*" },
    { "a\"b", "\"a\"* \"b\"*" },
    { "NEAR(a b)", "\"near\"* \"a\"* \"b\"*" },
    { "python AND java", "\"python\"* \"and\"* \"java\"*" },
    { "-django", "\"django\"*" },
    { "name:joao", "\"name\"* \"joao\"*" },
    { "c++", "\"c\"*" },
  };
  static const char *const empty[] = { "",      "   ", "\"", "*", "-", "(", ")",
                                       "\"\"*", ":",   "^",  "+", "’", "—" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = sl_fold_fts_query (cases[i].in);
      g_assert_cmpstr (query, ==, cases[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *query = sl_fold_fts_query (empty[i]);
      g_assert_null (query);
    }
  g_assert_null (sl_fold_fts_query (NULL));
}

/* Whatever is typed, the search runs: no FTS5 syntax error reaches the user */
static void
test_punctuation_in_search (SlTestDir *fixture, gconstpointer data)
{
  static const char *const typed[] = {
    "\"",       "\"joao",   "*",        "joao*",     "AND",   "OR",        "NOT",
    "joao AND", "AND joao", "NOT joao", "-",         "-joao", "(",         ")",
    "(joao",    "joao)",    "NEAR(",    "NEAR(a b)", "name:", "name:joao", "{name}: joao",
    "^joao",    "joao +",   "+",        "'",         "''",    "\\",        "joao\\",
    "%",        "_",        ";",        "--",        "/*",    "a\"b\"c",   "½",
    "’",        "joão's",   "c++",      "node.js",   ".net",  "«олек»",    "\t\n",
  };
  g_autoptr (GError) error = NULL;
  SlDatabase *db = sl_database_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (sl_database_exec (db,
                                   "INSERT INTO candidates (name, email, created_at, updated_at)"
                                   " VALUES ('João Araújo', 'joao@example.com', 1, 1),"
                                   " ('Олександр Коваленко', 'ok@example.com', 1, 1)",
                                   &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
      g_autoptr (GArray) ids = NULL;

      query->text = g_strdup (typed[i]);
      ids = sl_candidate_query_run (query, db, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
      if (sl_candidate_query_is_empty (query))
        g_assert_cmpuint (ids->len, ==, 2);
    }
  g_assert_finalize_object (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/fold/text", test_fold_text);
  g_test_add_func ("/core/fold/latin", test_fold_latin);
  g_test_add_func ("/core/fold/for-index", test_fold_for_index);
  g_test_add_func ("/core/fold/fts-query", test_fts_query);
  SL_TEST_ADD ("/core/fold/punctuation-in-search", test_punctuation_in_search);

  return g_test_run ();
}
