/* sl-candidate-row.h — one candidate in the list: name, seniority and stack, country, stage */
#pragma once

#include <gtk/gtk.h>

#include "sl-candidate.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_ROW (sl_candidate_row_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateRow, sl_candidate_row, SL, CANDIDATE_ROW, GtkWidget)

SlCandidateRow *sl_candidate_row_new (void);
void sl_candidate_row_set_candidate (SlCandidateRow *self, SlCandidate *candidate);

GtkListItemFactory *sl_candidate_row_factory_new (void);

G_END_DECLS
