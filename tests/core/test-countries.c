/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-countries.c — country names in the user's language, with our own names where iso-codes has none */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sl-countries.h"
#include "sl-option.h"

/* Switches gettext to LANGUAGE in LOCALE; false when this system lacks the locale */
static gboolean
use_language (const char *language, const char *locale)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Setting the locale also drops gettext's cache of translations looked up so far */
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip ("the locale is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
restore_language (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
assert_offshore_names (const char *const *names)
{
  const char *const *codes = sl_countries_offshore ();
  g_autoptr (GListModel) model = sl_countries_model (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr (SlOption) option = g_list_model_get_item (model, i);

      g_assert_cmpstr (sl_countries_name (codes[i]), ==, names[i]);
      /* The lists show the same names, the offshore six first */
      g_assert_cmpstr (sl_option_get_id (option), ==, codes[i]);
      g_assert_cmpstr (sl_option_get_label (option), ==, names[i]);
    }
}

/* iso-codes' Filipino catalog translates Mexico and the Philippines but not the other four */
static void
test_filipino (void)
{
  static const char *const names[] = { "Brasil",  "Ukranya",   "Polonya",
                                       "Rumanya", "Pilipinas", "Mehiko" };

  if (!use_language ("fil", "fil_PH.UTF-8"))
    return;
  assert_offshore_names (names);
  /* A country iso-codes translates keeps iso-codes' name */
  g_assert_cmpstr (sl_countries_name ("DE"), ==, "Alemanya");
  /* One outside our table stays as iso-codes has it */
  g_assert_cmpstr (sl_countries_name ("AR"), ==, "Argentina");
  restore_language ();
}

/* Where iso-codes has names, they are the ones shown */
static void
test_ukrainian (void)
{
  static const char *const names[] = { "Бразилія", "Україна",   "Польща",
                                       "Румунія",  "Філіппіни", "Мексика" };

  if (!use_language ("uk", "uk_UA.UTF-8"))
    return;
  assert_offshore_names (names);
  restore_language ();
}

static void
test_english (void)
{
  static const char *const names[] = { "Brazil",  "Ukraine",     "Poland",
                                       "Romania", "Philippines", "Mexico" };

  restore_language ();
  assert_offshore_names (names);
  g_assert_cmpstr (sl_countries_name ("DE"), ==, "Germany");
  g_assert_cmpstr (sl_countries_name (""), ==, "");
  g_assert_cmpstr (sl_countries_name ("ZZ"), ==, "ZZ");
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("SHORTLIST_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/core/countries/filipino", test_filipino);
  g_test_add_func ("/core/countries/ukrainian", test_ukrainian);
  g_test_add_func ("/core/countries/english", test_english);

  return g_test_run ();
}
