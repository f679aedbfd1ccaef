/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-countries.c — ISO 3166 countries with their names in the user's language
 *
 * Debian's iso-codes ships the list and its translations (gettext domain "iso_3166-1"), so
 * country names follow the user's language without Shortlist translating them itself.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-countries.h"
#include "sl-option.h"

#define ISO_CODES_JSON ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"
#define ISO_CODES_LOCALEDIR ISO_CODES_PREFIX "/share/locale"

static GHashTable *countries; /* alpha-2 code → English name (the msgid) */

static const char *const offshore[] = { "BR", "UA", "PL", "RO", "PH", "MX", NULL };

/* Our own names for the offshore countries, used only where iso-codes has none in the user's
 * language: its Filipino catalog says "Mehiko" and "Pilipinas" but keeps "Brazil", "Ukraine",
 * "Poland" and "Romania" in English, so the first six entries of every country list mixed the
 * two. Each language's catalog translates them in context "country"; the English names are
 * iso-codes' own, so English and every language iso-codes covers are unchanged. */
static const struct
{
  const char *code;
  const char *name;
} fallback_names[] = {
  { "BR", NC_ ("country", "Brazil") },      { "UA", NC_ ("country", "Ukraine") },
  { "PL", NC_ ("country", "Poland") },      { "RO", NC_ ("country", "Romania") },
  { "PH", NC_ ("country", "Philippines") }, { "MX", NC_ ("country", "Mexico") },
};

static gpointer
load_countries (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  bindtextdomain ("iso_3166-1", ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");

  if (!json_parser_load_from_file (parser, ISO_CODES_JSON, &error))
    {
      g_warning ("Cannot read the list of countries: %s", error->message);
      return table;
    }
  array =
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      const char *code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      const char *name = json_object_get_string_member_with_default (entry, "name", NULL);

      if (code != NULL && name != NULL)
        g_hash_table_insert (table, g_strdup (code), g_strdup (name));
    }
  return table;
}

static GHashTable *
get_countries (void)
{
  static GOnce once = G_ONCE_INIT;

  countries = g_once (&once, load_countries, NULL);
  return countries;
}

gboolean
sl_countries_is_valid (const char *code)
{
  return code != NULL && g_hash_table_contains (get_countries (), code);
}

/* The localized name, or the code for one iso-codes does not know */
const char *
sl_countries_name (const char *code)
{
  const char *english;
  const char *name;

  if (code == NULL || *code == '\0')
    return "";
  english = g_hash_table_lookup (get_countries (), code);
  if (english == NULL)
    return code;
  name = g_dgettext ("iso_3166-1", english);
  /* iso-codes' catalogs list untranslated names with the English text as their translation */
  if (strcmp (name, english) != 0)
    return name;
  for (guint i = 0; i < G_N_ELEMENTS (fallback_names); i++)
    if (strcmp (fallback_names[i].code, code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "country", fallback_names[i].name);
  return name;
}

/* The English name (iso-codes' own), or NULL for a code it does not know */
const char *
sl_countries_english_name (const char *code)
{
  if (code == NULL || *code == '\0')
    return NULL;
  return g_hash_table_lookup (get_countries (), code);
}

const char *const *
sl_countries_offshore (void)
{
  return offshore;
}

typedef struct
{
  char *key;
  SlOption *option;
} Entry;

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  return strcmp (((const Entry *) a)->key, ((const Entry *) b)->key);
}

/* Every country as SlOption, the offshore six first, the rest by name in the user's collation */
GListModel *
sl_countries_model (const char *none_label)
{
  GListStore *store = g_list_store_new (SL_TYPE_OPTION);
  g_autoptr (GArray) rest = g_array_new (FALSE, FALSE, sizeof (Entry));
  GHashTableIter iter;
  gpointer code;

  if (none_label != NULL)
    {
      g_autoptr (SlOption) none = sl_option_new ("", none_label);
      g_list_store_append (store, none);
    }
  for (guint i = 0; offshore[i] != NULL; i++)
    {
      g_autoptr (SlOption) option = sl_option_new (offshore[i], sl_countries_name (offshore[i]));
      g_list_store_append (store, option);
    }
  g_hash_table_iter_init (&iter, get_countries ());
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      Entry entry;
      const char *name;

      if (g_strv_contains (offshore, code))
        continue;
      name = sl_countries_name (code);
      entry.key = g_utf8_collate_key (name, -1);
      entry.option = sl_option_new (code, name);
      g_array_append_val (rest, entry);
    }
  g_array_sort (rest, compare_entries);
  for (guint i = 0; i < rest->len; i++)
    {
      Entry *entry = &g_array_index (rest, Entry, i);
      g_list_store_append (store, entry->option);
      g_object_unref (entry->option);
      g_free (entry->key);
    }
  return G_LIST_MODEL (store);
}
