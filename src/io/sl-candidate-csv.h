/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-csv.h — candidates as CSV rows with the same columns as their JSON */
#pragma once

#include <glib.h>

#include "sl-candidate.h"

G_BEGIN_DECLS

void sl_candidate_csv_append_header (GString *out);
void sl_candidate_csv_append (GString *out, SlCandidate *candidate);
void sl_candidate_csv_append_record (GString *out, const SlCandidateRecord *row, GString *scratch);

G_END_DECLS
