/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-view.h — a scrolling list of candidate rows that makes only the rows on screen */
#pragma once

#include <gtk/gtk.h>

#include "sl-candidate-selection.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_VIEW (sl_candidate_view_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateView, sl_candidate_view, SL, CANDIDATE_VIEW, GtkWidget)

GtkWidget *sl_candidate_view_new (void);
void sl_candidate_view_set_model (SlCandidateView *self, SlCandidateSelection *model);
SlCandidateSelection *sl_candidate_view_get_model (SlCandidateView *self);
void sl_candidate_view_scroll_to (SlCandidateView *self, guint position);
guint sl_candidate_view_get_cursor (SlCandidateView *self);
gboolean sl_candidate_view_is_keyboard_moving (SlCandidateView *self);
void sl_candidate_view_set_cursor (SlCandidateView *self, guint position);
guint sl_candidate_view_get_n_rows (SlCandidateView *self);

G_END_DECLS
