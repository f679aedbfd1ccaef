/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-zones.c — the system's time zones, found by place or country in the user's language
 *
 * The list is the tz database's zone.tab (one line per zone and the country it serves, every
 * country at least once, so a Norwegian candidate finds Oslo), plus UTC. People look for a zone
 * by the city they know, in their language or in English (“Київ”, “Kijów”, “Kyiv”), by the
 * country (“Україна”, “Ukraine”) or by the id itself; case, accents and the script do not matter
 * (sl-fold: “kyiv” finds Київ). The index is built once, in the language in use then, and each
 * search is a scan of its few hundred zones, done in memory.
 */
#include "config.h"

#include <string.h>

#include "sl-countries.h"
#include "sl-fold.h"
#include "sl-time.h"
#include "sl-zones.h"

typedef struct
{
  char *id;
  char *country; /* ISO 3166 alpha-2, "" for UTC */
  char *places;  /* the place in the user's language and in English, folded */
  char *text;    /* all that search matches, folded: places, countries, id */
  char *sort_key;
} Zone;

struct _SlZones
{
  GArray *zones;     /* Zone, the offshore countries' first, then by place */
  GHashTable *by_id; /* identifier → Zone in zones */
};

/* The zone each offshore country's list starts with: where most of its people are */
static const char *const main_zones[] = { "America/Sao_Paulo", "Europe/Kyiv", "America/Mexico_City",
                                          NULL };

static void
zone_clear (Zone *zone)
{
  g_free (zone->id);
  g_free (zone->country);
  g_free (zone->places);
  g_free (zone->text);
  g_free (zone->sort_key);
}

static int
offshore_rank (const char *country)
{
  const char *const *offshore = sl_countries_offshore ();

  for (int i = 0; offshore[i] != NULL; i++)
    if (g_str_equal (offshore[i], country))
      return i;
  return G_MAXINT;
}

/* The offshore countries first, in their usual order, each with its main zone first and the rest
 * as the tz database lists them (roughly east to west); then UTC; then every other zone by place
 * in the user's collation */
static int
compare_zones (gconstpointer a, gconstpointer b)
{
  const Zone *x = a, *y = b;
  int rx = offshore_rank (x->country), ry = offshore_rank (y->country);
  gboolean utc_x = *x->country == '\0', utc_y = *y->country == '\0';

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (rx != G_MAXINT)
    return (int) !g_strv_contains (main_zones, x->id) - (int) !g_strv_contains (main_zones, y->id);
  if (utc_x != utc_y)
    return utc_x ? -1 : 1;
  return strcmp (x->sort_key, y->sort_key);
}

static void
add_zone (SlZones *self, const char *id, const char *country)
{
  g_autofree char *place = sl_time_zone_place (id);
  g_autofree char *english = sl_time_zone_place_english (id);
  g_autofree char *places = g_strconcat (place, " ", english, NULL);
  const char *country_english = sl_countries_english_name (country);
  g_autofree char *all = g_strjoin (" ", places, sl_countries_name (country),
                                    country_english ? country_english : "", id, NULL);
  Zone zone;

  if (g_hash_table_contains (self->by_id, id))
    return;
  zone.id = g_strdup (id);
  zone.country = g_strdup (country);
  zone.places = sl_fold_for_index (places);
  zone.text = sl_fold_for_index (all);
  zone.sort_key = g_utf8_collate_key (place, -1);
  g_array_append_val (self->zones, zone);
  g_hash_table_insert (self->by_id, zone.id, NULL);
}

/* The zones of a zone.tab or zone1970.tab file: “UA<tab>+5026+03031<tab>Europe/Kyiv…” (1970's
 * may list several countries, comma-separated: the zone is under the first) */
SlZones *
sl_zones_new_from_table (const char *path)
{
  SlZones *self = g_new0 (SlZones, 1);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  self->zones = g_array_new (FALSE, FALSE, sizeof (Zone));
  g_array_set_clear_func (self->zones, (GDestroyNotify) zone_clear);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_warning ("Cannot read the list of time zones: %s", error->message);
  else
    lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      g_autofree char *country = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) < 3)
        continue;
      country = g_strndup (fields[0], strcspn (fields[0], ","));
      add_zone (self, fields[2], country);
    }
  add_zone (self, "UTC", "");
  g_array_sort (self->zones, compare_zones);
  for (guint i = 0; i < self->zones->len; i++)
    g_hash_table_insert (self->by_id, g_array_index (self->zones, Zone, i).id,
                         &g_array_index (self->zones, Zone, i));
  return self;
}

/* The zones this computer's tz database lists ($TZDIR or /usr/share/zoneinfo), named in the
 * language in use now */
SlZones *
sl_zones_new (void)
{
  const char *dir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    dir = "/usr/share/zoneinfo";
  path = g_build_filename (dir, "zone.tab", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (dir, "zone1970.tab", NULL);
    }
  return sl_zones_new_from_table (path);
}

void
sl_zones_free (SlZones *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->zones);
  g_hash_table_unref (self->by_id);
  g_free (self);
}

guint
sl_zones_get_n_zones (SlZones *self)
{
  return self->zones->len;
}

/* The country a listed zone serves, "" for UTC, NULL for a zone not listed */
const char *
sl_zones_get_country (SlZones *self, const char *identifier)
{
  Zone *zone = identifier != NULL ? g_hash_table_lookup (self->by_id, identifier) : NULL;

  return zone != NULL ? zone->country : NULL;
}

static gboolean
starts_word (const char *text, const char *word)
{
  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    if (at == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at))))
      return TRUE;
  return FALSE;
}

/* How well a zone matches the folded words: 0 its place starts with them, 1 a word of its place
 * does, 2 another of its words does (its country's name), 3 they are inside one; -1 no match */
static int
match (const Zone *zone, char **words, const char *whole)
{
  int rank = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (zone->text, words[i]) == NULL)
      return -1;
  if (g_str_has_prefix (zone->places, whole))
    return 0;
  if (starts_word (zone->places, whole))
    return 1;
  for (guint i = 0; words[i] != NULL; i++)
    rank = MAX (rank, starts_word (zone->text, words[i]) ? 2 : 3);
  return rank;
}

/* Words as the index has them: letters and digits, split on the rest (“mexico_city”) */
static char *
search_words (const char *folded)
{
  GString *joined = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (joined, c);
      else if (joined->len > 0 && joined->str[joined->len - 1] != ' ')
        g_string_append_c (joined, ' ');
    }
  g_strchomp (joined->str);
  joined->len = strlen (joined->str);
  return g_string_free (joined, FALSE);
}

/* The zones @text finds, best first, as identifiers (owned by @self); with no text, every zone,
 * those of @country (the candidate's, may be NULL) and of the offshore countries first */
GPtrArray *
sl_zones_search (SlZones *self, const char *text, const char *country)
{
  g_autofree char *folded = sl_fold_text (text);
  g_autofree char *latin = sl_fold_latin (text);
  g_autofree char *joined = search_words (folded);
  g_autofree char *joined_latin = search_words (latin);
  g_auto (GStrv) words = NULL;
  g_auto (GStrv) latin_words = NULL;
  GPtrArray *found = g_ptr_array_new ();
  GPtrArray *by_rank[4] = { NULL };

  if (*joined == '\0')
    {
      gboolean has_country = country != NULL && *country != '\0';

      for (guint i = 0; has_country && i < self->zones->len; i++)
        if (g_str_equal (g_array_index (self->zones, Zone, i).country, country))
          g_ptr_array_add (found, g_array_index (self->zones, Zone, i).id);
      for (guint i = 0; i < self->zones->len; i++)
        if (!has_country || !g_str_equal (g_array_index (self->zones, Zone, i).country, country))
          g_ptr_array_add (found, g_array_index (self->zones, Zone, i).id);
      return found;
    }
  words = g_strsplit (joined, " ", -1);
  /* Cyrillic typed finds the Latin names too: “Київ” finds Kyiv where it is named “Kijów” */
  if (!g_str_equal (joined, joined_latin))
    latin_words = g_strsplit (joined_latin, " ", -1);
  for (guint r = 0; r < G_N_ELEMENTS (by_rank); r++)
    by_rank[r] = g_ptr_array_new ();
  for (guint i = 0; i < self->zones->len; i++)
    {
      Zone *zone = &g_array_index (self->zones, Zone, i);
      int rank = match (zone, words, joined);
      int rank_latin = latin_words != NULL ? match (zone, latin_words, joined_latin) : -1;

      if (rank < 0 || (rank_latin >= 0 && rank_latin < rank))
        rank = rank_latin;
      if (rank >= 0)
        g_ptr_array_add (by_rank[rank], zone->id);
    }
  for (guint r = 0; r < G_N_ELEMENTS (by_rank); r++)
    {
      g_ptr_array_extend (found, by_rank[r], NULL, NULL);
      g_ptr_array_unref (by_rank[r]);
    }
  return found;
}
