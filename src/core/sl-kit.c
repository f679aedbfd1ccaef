/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-kit.c — interview kits: the attributes, grouped in categories, a scorecard rates
 *
 * The default kits are the playbook's (DESIGN.md). Their ids are stable — files and the command
 * line use them — and their labels are translated when shown. A position's own kit is a copy
 * of the default that may rename, add, remove and reorder; items it adds carry their names.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-database.h"
#include "sl-kit.h"

typedef struct
{
  const char *id;
  const char *label;
} Term;

static const Term categories[] = {
  { "technical", N_ ("Technical skills") },
  { "soft-skills", N_ ("Soft skills") },
  { "culture", N_ ("Culture and candidate feedback") },
  { "pre-sell", N_ ("Pre-sell") },
};

/* Attribute ids are unique across the default kits' categories except where a category
 * asks the same question (communication), which is keyed by category as well. */
static const struct
{
  const char *category;
  const char *id;
  const char *label;
} attributes[] = {
  { "technical", "language", N_ ("Programming language proficiency") },
  { "technical", "design", N_ ("Object-oriented design and data structures") },
  { "technical", "databases", N_ ("SQL and NoSQL databases, SQL queries, storage solutions") },
  { "technical", "algorithms", N_ ("Algorithms") },
  { "technical", "scalability", N_ ("Scalability") },
  { "technical", "secure-coding", N_ ("Secure coding") },
  { "technical", "apis", N_ ("APIs and integration") },
  { "technical", "web", N_ ("Web technologies") },
  { "technical", "architecture", N_ ("Distributed vs monolithic architecture") },
  { "technical", "cloud", N_ ("Cloud platforms") },
  { "technical", "linux", N_ ("Linux, shell and CLI tools") },
  { "soft-skills", "communication", N_ ("Communication") },
  { "soft-skills", "analytical-thinking", N_ ("Analytical thinking") },
  { "soft-skills", "problem-solving", N_ ("Problem solving") },
  { "soft-skills", "attention-to-detail", N_ ("Attention to detail") },
  { "soft-skills", "estimation", N_ ("Estimation accuracy") },
  { "soft-skills", "proactivity", N_ ("Proactivity") },
  { "soft-skills", "multitasking", N_ ("Focus while multitasking") },
  { "soft-skills", "flexibility", N_ ("Flexibility under pressure") },
  { "culture", "values", N_ ("Values alignment") },
  { "culture", "enthusiasm", N_ ("Enthusiasm for the work") },
  { "culture", "colleagues", N_ ("Attitude to colleagues") },
  { "culture", "learning", N_ ("Willingness to learn") },
  { "pre-sell", "communication", N_ ("Communication") },
  { "pre-sell", "english", N_ ("English level") },
  { "pre-sell", "motivation", N_ ("Motivation") },
  { "pre-sell", "availability-rate", N_ ("Availability and rate fit") },
};

/* Which categories each kind of interview rates, in order */
static const struct
{
  const char *kind;
  const char *categories[3];
} kits[] = {
  { "pre-sell", { "pre-sell", NULL } },
  { "technical", { "technical", "soft-skills", NULL } },
  { "culture", { "culture", "soft-skills", NULL } },
  { "other", { "soft-skills", NULL } },
};

struct _SlKitItem
{
  GObject parent_instance;
  char *category_id;
  char *category_name;
  char *attribute_id;
  char *attribute_name;
};

G_DEFINE_FINAL_TYPE (SlKitItem, sl_kit_item, G_TYPE_OBJECT)

static void
sl_kit_item_finalize (GObject *object)
{
  SlKitItem *self = SL_KIT_ITEM (object);

  g_free (self->category_id);
  g_free (self->category_name);
  g_free (self->attribute_id);
  g_free (self->attribute_name);
  G_OBJECT_CLASS (sl_kit_item_parent_class)->finalize (object);
}

static void
sl_kit_item_class_init (SlKitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_kit_item_finalize;
}

static void
sl_kit_item_init (SlKitItem *self)
{
}

static char *
dup_name (const char *name)
{
  return name != NULL && *name != '\0' ? g_strdup (name) : NULL;
}

SlKitItem *
sl_kit_item_new (const char *category_id, const char *category_name, const char *attribute_id,
                 const char *attribute_name)
{
  SlKitItem *self = g_object_new (SL_TYPE_KIT_ITEM, NULL);

  self->category_id = g_strdup (category_id);
  self->category_name = dup_name (category_name);
  self->attribute_id = g_strdup (attribute_id);
  self->attribute_name = dup_name (attribute_name);
  return self;
}

const char *
sl_kit_item_get_category_id (SlKitItem *self)
{
  return self->category_id;
}

const char *
sl_kit_item_get_category_name (SlKitItem *self)
{
  return self->category_name;
}

const char *
sl_kit_item_get_attribute_id (SlKitItem *self)
{
  return self->attribute_id;
}

const char *
sl_kit_item_get_attribute_name (SlKitItem *self)
{
  return self->attribute_name;
}

const char *
sl_kit_item_get_category_label (SlKitItem *self)
{
  return sl_kit_category_label (self->category_id, self->category_name);
}

const char *
sl_kit_item_get_attribute_label (SlKitItem *self)
{
  return sl_kit_attribute_label (self->attribute_id, self->attribute_name);
}

/* @name when the kit gave one, else the translated label of a built-in id, else the id */
const char *
sl_kit_category_label (const char *category_id, const char *name)
{
  if (name != NULL && *name != '\0')
    return name;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].id, category_id) == 0)
      return g_dgettext (GETTEXT_PACKAGE, categories[i].label);
  return category_id ? category_id : "";
}

const char *
sl_kit_attribute_label (const char *attribute_id, const char *name)
{
  if (name != NULL && *name != '\0')
    return name;
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    if (g_strcmp0 (attributes[i].id, attribute_id) == 0)
      return g_dgettext (GETTEXT_PACKAGE, attributes[i].label);
  return attribute_id ? attribute_id : "";
}

/* The playbook's kit for @interview_kind: a list of SlKitItem grouped by category */
GListModel *
sl_kit_default (const char *interview_kind)
{
  GListStore *list = g_list_store_new (SL_TYPE_KIT_ITEM);

  for (guint k = 0; k < G_N_ELEMENTS (kits); k++)
    {
      if (g_strcmp0 (kits[k].kind, interview_kind) != 0)
        continue;
      for (guint c = 0; kits[k].categories[c] != NULL; c++)
        for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
          if (g_str_equal (attributes[a].category, kits[k].categories[c]))
            {
              g_autoptr (SlKitItem) item =
                sl_kit_item_new (attributes[a].category, NULL, attributes[a].id, NULL);
              g_list_store_append (list, item);
            }
    }
  return G_LIST_MODEL (list);
}

/* A kit is usable when it has attributes, each attribute id appears once, every item has a
 * label, and each category's attributes are together (categories are shown as groups). */
gboolean
sl_kit_validate (GListModel *items, GError **error)
{
  g_autoptr (GHashTable) attribute_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) closed = g_hash_table_new (g_str_hash, g_str_equal);
  const char *current = NULL;
  guint n = g_list_model_get_n_items (items);

  if (n == 0)
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("An interview kit needs at least one attribute"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (items, i);

      if (item->attribute_id == NULL || *item->attribute_id == '\0' || item->category_id == NULL ||
          *item->category_id == '\0' || *sl_kit_item_get_attribute_label (item) == '\0' ||
          *sl_kit_item_get_category_label (item) == '\0')
        {
          g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                               _ ("Every attribute and category of a kit needs a name"));
          return FALSE;
        }
      if (!g_hash_table_add (attribute_ids, item->attribute_id))
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                       _ ("The attribute “%s” is in the kit twice"),
                       sl_kit_item_get_attribute_label (item));
          return FALSE;
        }
      if (g_strcmp0 (current, item->category_id) != 0)
        {
          if (g_hash_table_contains (closed, item->category_id))
            {
              g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("The attributes of “%s” must be kept together"),
                           sl_kit_item_get_category_label (item));
              return FALSE;
            }
          if (current != NULL)
            g_hash_table_add (closed, (gpointer) current);
          current = item->category_id;
        }
    }
  return TRUE;
}
