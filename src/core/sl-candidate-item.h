/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-item.h — one place in the candidate list: what its row shows, read in batches */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a list row shows of a candidate, borrowed from where it was read */
typedef struct
{
  gint64 id;
  gboolean found; /* FALSE: the row was deleted since the list's query */
  const char *name;
  const char *seniority;  /* junior, mid, senior or "" */
  const char *stack_name; /* the stack's display name or "" */
  const char *country;    /* ISO 3166 alpha-2 or "" */
  const char *stage;      /* the most advanced active application's stage id, or "" */
} SlCandidateSummary;

#define SL_TYPE_CANDIDATE_ITEM (sl_candidate_item_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateItem, sl_candidate_item, SL, CANDIDATE_ITEM, GObject)

SlCandidateItem *sl_candidate_item_new (guint position);
guint sl_candidate_item_get_n_instances (void);
guint sl_candidate_item_get_position (SlCandidateItem *self);
void sl_candidate_item_set_position (SlCandidateItem *self, guint position);
gint64 sl_candidate_item_get_id (SlCandidateItem *self);
gboolean sl_candidate_item_is_loaded (SlCandidateItem *self);
gboolean sl_candidate_item_is_found (SlCandidateItem *self);
const char *sl_candidate_item_get_name (SlCandidateItem *self);
const char *sl_candidate_item_get_seniority (SlCandidateItem *self);
const char *sl_candidate_item_get_stack_name (SlCandidateItem *self);
const char *sl_candidate_item_get_country (SlCandidateItem *self);
const char *sl_candidate_item_get_stage (SlCandidateItem *self);
void sl_candidate_item_show (SlCandidateItem *self, gint64 id, const SlCandidateSummary *summary);

G_END_DECLS
