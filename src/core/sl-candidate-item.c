/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-item.c — one row of the candidate list: what the row shows, read in batches
 *
 * An item is a place in the list, not a candidate: a new search shows other candidates in the
 * same items, so the list view keeps its rows and only their texts change (see
 * sl-candidate-list.c). An item is a placeholder holding only an id until the list fills it
 * from a batch read on a worker thread; it says so with ::changed. It is not the candidate's
 * profile (SlCandidate, read once when a row is selected): a row needs five short texts, and a
 * view binding rows must never wait for SQLite.
 */
#include "config.h"

#include <string.h>

#include "sl-candidate-item.h"

struct _SlCandidateItem
{
  GObject parent_instance;

  guint position;
  gint64 id;
  gboolean loaded;
  gboolean found;
  /* The five texts in one allocation: name, seniority, stack, country, stage */
  char *texts;
  const char *name, *seniority, *stack_name, *country, *stage;
};

G_DEFINE_FINAL_TYPE (SlCandidateItem, sl_candidate_item, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static gint n_instances;

static void
sl_candidate_item_finalize (GObject *object)
{
  SlCandidateItem *self = SL_CANDIDATE_ITEM (object);

  g_free (self->texts);
  g_atomic_int_add (&n_instances, -1);
  G_OBJECT_CLASS (sl_candidate_item_parent_class)->finalize (object);
}

static void
sl_candidate_item_class_init (SlCandidateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_candidate_item_finalize;

  /* The item shows another candidate, or its texts arrived or changed */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_candidate_item_init (SlCandidateItem *self)
{
  self->name = self->seniority = self->stack_name = self->country = self->stage = "";
  g_atomic_int_inc (&n_instances);
}

SlCandidateItem *
sl_candidate_item_new (guint position)
{
  SlCandidateItem *self = g_object_new (SL_TYPE_CANDIDATE_ITEM, NULL);

  self->position = position;
  return self;
}

/* Items alive now: the list makes them only for the rows it is asked for */
guint
sl_candidate_item_get_n_instances (void)
{
  return (guint) g_atomic_int_get (&n_instances);
}

/* Where the item is in its list (G_MAXUINT once it has left it) */
guint
sl_candidate_item_get_position (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), G_MAXUINT);
  return self->position;
}

void
sl_candidate_item_set_position (SlCandidateItem *self, guint position)
{
  g_return_if_fail (SL_IS_CANDIDATE_ITEM (self));
  self->position = position;
}

gint64
sl_candidate_item_get_id (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), 0);
  return self->id;
}

/* FALSE while the item is a placeholder waiting for its batch */
gboolean
sl_candidate_item_is_loaded (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), FALSE);
  return self->loaded;
}

gboolean
sl_candidate_item_is_found (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), FALSE);
  return self->found;
}

const char *
sl_candidate_item_get_name (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), "");
  return self->name;
}

const char *
sl_candidate_item_get_seniority (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), "");
  return self->seniority;
}

const char *
sl_candidate_item_get_stack_name (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), "");
  return self->stack_name;
}

const char *
sl_candidate_item_get_country (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), "");
  return self->country;
}

const char *
sl_candidate_item_get_stage (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), "");
  return self->stage;
}

static const char *
copy_text (char **cursor, const char *text)
{
  const char *start = *cursor;
  gsize len = strlen (text);

  memcpy (*cursor, text, len + 1);
  *cursor += len + 1;
  return start;
}

/* Shows candidate @id: with @summary's texts (copied), or as a placeholder when @summary is
 * NULL. Emits ::changed when anything it shows differs. */
void
sl_candidate_item_show (SlCandidateItem *self, gint64 id, const SlCandidateSummary *summary)
{
  const char *texts[5] = { "", "", "", "", "" };
  gboolean found = FALSE;
  gsize size = 0;
  char *cursor;

  g_return_if_fail (SL_IS_CANDIDATE_ITEM (self));
  g_return_if_fail (summary == NULL || summary->id == id);

  if (summary != NULL)
    {
      texts[0] = summary->name ? summary->name : "";
      texts[1] = summary->seniority ? summary->seniority : "";
      texts[2] = summary->stack_name ? summary->stack_name : "";
      texts[3] = summary->country ? summary->country : "";
      texts[4] = summary->stage ? summary->stage : "";
      found = summary->found;
    }
  if (self->id == id && self->loaded == (summary != NULL) && self->found == found &&
      g_str_equal (self->name, texts[0]) && g_str_equal (self->seniority, texts[1]) &&
      g_str_equal (self->stack_name, texts[2]) && g_str_equal (self->country, texts[3]) &&
      g_str_equal (self->stage, texts[4]))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    size += strlen (texts[i]) + 1;
  g_free (self->texts);
  self->texts = cursor = g_malloc (size);
  self->name = copy_text (&cursor, texts[0]);
  self->seniority = copy_text (&cursor, texts[1]);
  self->stack_name = copy_text (&cursor, texts[2]);
  self->country = copy_text (&cursor, texts[3]);
  self->stage = copy_text (&cursor, texts[4]);
  self->id = id;
  self->found = found;
  self->loaded = summary != NULL;
  g_signal_emit (self, signals[CHANGED], 0);
}
