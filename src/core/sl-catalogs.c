/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-catalogs.c — the app's translations in every language at once
 *
 * gettext answers in one language, the user's. Reading back what older versions stored as
 * label text (a rejection reason in the words of whoever chose it) needs every language: this
 * reads each compiled catalog (.mo) of the app's text domain from the folder it is bound to.
 * A catalog that is missing or malformed is skipped; its language then matches nothing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-catalogs.h"

#define MO_MAGIC 0x950412deU

struct _SlCatalogs
{
  /* msgid → GPtrArray of its translations, one per language that has it */
  GHashTable *translations;
  guint n_languages;
};

static guint32
read_u32 (const guint8 *data, gsize offset, gboolean swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at entry @index of the table at @table, or NULL if it lies outside the file */
static const char *
mo_string (const guint8 *data, gsize size, guint32 table, guint32 index, gboolean swapped)
{
  gsize entry = (gsize) table + (gsize) index * 8;
  guint32 length, offset;

  if (entry + 8 > size)
    return NULL;
  length = read_u32 (data, entry, swapped);
  offset = read_u32 (data, entry + 4, swapped);
  if ((gsize) offset + length >= size || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static gboolean
add_catalog (SlCatalogs *self, const char *path)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  gboolean swapped;
  guint32 n, originals, translated;

  if (file == NULL)
    return FALSE;
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return FALSE;
  swapped = read_u32 (data, 0, FALSE) != MO_MAGIC;
  if (read_u32 (data, 0, swapped) != MO_MAGIC)
    return FALSE;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translated = read_u32 (data, 16, swapped);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = mo_string (data, size, originals, i, swapped);
      const char *msgstr = mo_string (data, size, translated, i, swapped);
      GPtrArray *texts;

      /* The header has an empty msgid; messages with a context are never labels stored */
      if (msgid == NULL || msgstr == NULL || *msgid == '\0' || *msgstr == '\0' ||
          strchr (msgid, '\004') != NULL)
        continue;
      texts = g_hash_table_lookup (self->translations, msgid);
      if (texts == NULL)
        {
          texts = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->translations, g_strdup (msgid), texts);
        }
      g_ptr_array_add (texts, g_strdup (msgstr));
    }
  return TRUE;
}

/* Every catalog of the app's text domain in the folder gettext reads it from */
SlCatalogs *
sl_catalogs_load (void)
{
  SlCatalogs *self = g_new0 (SlCatalogs, 1);
  const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autoptr (GDir) dir = localedir ? g_dir_open (localedir, 0, NULL) : NULL;
  g_autofree char *mo = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
  const char *language;

  self->translations =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  while (dir != NULL && (language = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (localedir, language, "LC_MESSAGES", mo, NULL);

      if (add_catalog (self, path))
        self->n_languages++;
    }
  return self;
}

/* Whether @text is a translation of @msgid in one of the catalogs */
gboolean
sl_catalogs_has_translation (SlCatalogs *self, const char *msgid, const char *text)
{
  GPtrArray *texts = g_hash_table_lookup (self->translations, msgid);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    if (g_str_equal (texts->pdata[i], text))
      return TRUE;
  return FALSE;
}

guint
sl_catalogs_get_n_languages (SlCatalogs *self)
{
  return self->n_languages;
}

void
sl_catalogs_free (SlCatalogs *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->translations);
  g_free (self);
}
