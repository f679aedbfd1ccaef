/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-fold.c — text folding for search: case, diacritics and Cyrillic transliteration
 *
 * FTS5's own diacritic removal misses letters with no Unicode decomposition (ł, ø, đ), so the
 * index and the queries are folded here instead: `lodz` finds Łódź, `stefan` finds Ștefan, and a
 * Ukrainian name written in Cyrillic is indexed with its Latin transliteration too, so `olek`
 * finds Олександр.
 */
#include "config.h"

#include <string.h>

#include "sl-fold.h"

/* Letters with no canonical decomposition, folded by hand (lowercase input) */
static const char *
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x0142:
      return "l"; /* ł */
    case 0x00F8:
      return "o"; /* ø */
    case 0x0111:
      return "d"; /* đ */
    case 0x00F0:
      return "d"; /* ð */
    case 0x0127:
      return "h"; /* ħ */
    case 0x0131:
      return "i"; /* ı */
    case 0x00DF:
      return "ss"; /* ß */
    case 0x00E6:
      return "ae"; /* æ */
    case 0x0153:
      return "oe"; /* œ */
    case 0x00FE:
      return "th"; /* þ */
    case 0x2019:
      return ""; /* ’ as in O’Brien */
    default:
      return NULL;
    }
}

/* Ukrainian national transliteration (2010), with the Russian letters beside it */
static const char *
translit_cyrillic (gunichar c, gboolean word_start)
{
  switch (c)
    {
    case 0x0430:
      return "a";
    case 0x0431:
      return "b";
    case 0x0432:
      return "v";
    case 0x0433:
      return "h";
    case 0x0491:
      return "g";
    case 0x0434:
      return "d";
    case 0x0435:
      return "e";
    case 0x0454:
      return word_start ? "ye" : "ie";
    case 0x0436:
      return "zh";
    case 0x0437:
      return "z";
    case 0x0438:
      return "y";
    case 0x0456:
      return "i";
    case 0x0457:
      return word_start ? "yi" : "i";
    case 0x0439:
      return word_start ? "y" : "i";
    case 0x043A:
      return "k";
    case 0x043B:
      return "l";
    case 0x043C:
      return "m";
    case 0x043D:
      return "n";
    case 0x043E:
      return "o";
    case 0x043F:
      return "p";
    case 0x0440:
      return "r";
    case 0x0441:
      return "s";
    case 0x0442:
      return "t";
    case 0x0443:
      return "u";
    case 0x0444:
      return "f";
    case 0x0445:
      return "kh";
    case 0x0446:
      return "ts";
    case 0x0447:
      return "ch";
    case 0x0448:
      return "sh";
    case 0x0449:
      return "shch";
    case 0x044C:
      return "";
    case 0x044A:
      return "";
    case 0x044E:
      return word_start ? "yu" : "iu";
    case 0x044F:
      return word_start ? "ya" : "ia";
    case 0x044B:
      return "y";
    case 0x044D:
      return "e";
    case 0x0451:
      return "e";
    case 0x02BC:
      return "";
    case 0x0027:
      return "";
    default:
      return NULL;
    }
}

/* Lowercase, decompose, drop combining marks and fold the special letters. With @keep_short_i,
 * Й and Ї keep their marks: they are letters of their own and transliterate apart from И and І. */
static char *
fold (const char *text, gboolean keep_short_i)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  gboolean kept_marks = FALSE;
  GString *out;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  lower = g_utf8_strdown (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *special;

      if (g_unichar_ismark (c))
        {
          if (keep_short_i && ((c == 0x0306 && g_str_has_suffix (out->str, "и")) ||
                               (c == 0x0308 && g_str_has_suffix (out->str, "і"))))
            {
              g_string_append_unichar (out, c);
              kept_marks = TRUE;
            }
          continue;
        }
      special = fold_special (c);
      if (special != NULL)
        g_string_append (out, special);
      else
        g_string_append_unichar (out, c);
    }
  if (!kept_marks)
    return g_string_free (out, FALSE);
  /* Compose the kept marks back: й and ї as the transliteration table knows them */
  g_free (decomposed);
  decomposed = g_string_free (out, FALSE);
  return g_utf8_normalize (decomposed, -1, G_NORMALIZE_NFC);
}

char *
sl_fold_text (const char *text)
{
  return fold (text, FALSE);
}

static char *
transliterate (const char *folded, gboolean *changed)
{
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;

  *changed = FALSE;
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *latin = translit_cyrillic (c, word_start);

      if (latin != NULL)
        {
          g_string_append (out, latin);
          *changed = TRUE;
        }
      else
        g_string_append_unichar (out, c);
      word_start = !g_unichar_isalnum (c) && c != 0x02BC && c != '\'';
    }
  return g_string_free (out, FALSE);
}

/* What the search index stores: the folded text, and its transliteration where it differs */
char *
sl_fold_for_index (const char *text)
{
  g_autofree char *letters = fold (text, TRUE);
  g_autofree char *folded = NULL;
  g_autofree char *latin = NULL;
  gboolean changed;

  latin = transliterate (letters, &changed);
  if (!changed)
    return g_steal_pointer (&latin);
  folded = sl_fold_text (text);
  return g_strconcat (folded, " ", latin, NULL);
}

/* Folded and in Latin letters only, as for an email address made from a name */
char *
sl_fold_latin (const char *text)
{
  g_autofree char *letters = fold (text, TRUE);
  gboolean changed;

  return transliterate (letters, &changed);
}

/* The words of @text as a search takes them: folded, split at what is not a letter or a
 * digit; NULL when there is none. Each is matched as the start of a word, on both backends. */
GStrv
sl_fold_query_words (const char *text)
{
  g_autofree char *folded = sl_fold_text (text);
  g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
  const char *p = folded;
  gboolean any = FALSE;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_autofree char *word = g_strndup (start, p - start);

          g_strv_builder_add (words, word);
          any = TRUE;
        }
    }
  return any ? g_strv_builder_end (words) : NULL;
}

/* Each word typed becomes a quoted prefix term, so punctuation cannot break FTS5's syntax */
char *
sl_fold_fts_query (const char *text)
{
  g_auto (GStrv) words = sl_fold_query_words (text);
  GString *query;

  if (words == NULL)
    return NULL;
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (query, "%s\"%s\"*", i > 0 ? " " : "", words[i]);
  return g_string_free (query, FALSE);
}

static void
fold_sql_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_text (ctx, "", 0, SQLITE_STATIC);
      return;
    }
  folded = sl_fold_for_index (text);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

static void
sort_key_sql_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded = sl_fold_text (text);

  sqlite3_result_text (ctx, folded, -1, g_free);
}

void
sl_fold_register (sqlite3 *db)
{
  sqlite3_create_function_v2 (db, "sl_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                              fold_sql_func, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "sl_sort_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                              sort_key_sql_func, NULL, NULL, NULL);
}
