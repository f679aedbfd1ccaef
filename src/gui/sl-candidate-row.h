/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-row.h — one candidate in the list: name, seniority and stack, country, stage */
#pragma once

#include <gtk/gtk.h>

#include "sl-candidate-item.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_ROW (sl_candidate_row_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateRow, sl_candidate_row, SL, CANDIDATE_ROW, GtkWidget)

SlCandidateRow *sl_candidate_row_new (void);
void sl_candidate_row_set_item (SlCandidateRow *self, SlCandidateItem *item);

G_END_DECLS
