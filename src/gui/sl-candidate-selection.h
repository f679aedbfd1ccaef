/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-selection.h — the selection of a candidate list, kept by candidate id */
#pragma once

#include <gtk/gtk.h>

#include "sl-candidate-list.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_SELECTION (sl_candidate_selection_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateSelection, sl_candidate_selection, SL, CANDIDATE_SELECTION,
                      GObject)

SlCandidateSelection *sl_candidate_selection_new (SlCandidateList *list, gboolean multiple);
SlCandidateList *sl_candidate_selection_get_list (SlCandidateSelection *self);
guint sl_candidate_selection_get_selected (SlCandidateSelection *self);
gint64 sl_candidate_selection_get_selected_id (SlCandidateSelection *self);
void sl_candidate_selection_select (SlCandidateSelection *self, guint position);
guint sl_candidate_selection_get_n_selected (SlCandidateSelection *self);
GArray *sl_candidate_selection_get_selected_ids (SlCandidateSelection *self);

G_END_DECLS
