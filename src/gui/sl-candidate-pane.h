/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-pane.h — the selected candidate's profile, edited in place and saved as you type */
#pragma once

#include <gtk/gtk.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_PANE (sl_candidate_pane_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidatePane, sl_candidate_pane, SL, CANDIDATE_PANE, GtkWidget)

void sl_candidate_pane_set_store (SlCandidatePane *self, SlStore *store);
void sl_candidate_pane_set_candidate (SlCandidatePane *self, SlCandidate *candidate);
SlCandidate *sl_candidate_pane_get_candidate (SlCandidatePane *self);
void sl_candidate_pane_focus_name (SlCandidatePane *self);

gboolean sl_candidate_pane_move (SlCandidatePane *self, int direction);
void sl_candidate_pane_reject (SlCandidatePane *self);

G_END_DECLS
