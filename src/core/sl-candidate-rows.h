/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-rows.h — the candidate list's reads, done on a worker thread's connection */
#pragma once

#include "sl-candidate-item.h"
#include "sl-candidate-query.h"

G_BEGIN_DECLS

/* Summaries of some rows, their texts kept in @strings */
typedef struct
{
  GArray *rows; /* SlCandidateSummary */
  GStringChunk *strings;
  guint64 serial; /* of the snapshot they were read in (sl_candidate_rows_begin) */
} SlCandidateSummaries;

gboolean sl_candidate_rows_begin (SlDatabase *db, guint64 *serial, GError **error);
SlCandidateSummaries *sl_candidate_summaries_new (void);
void sl_candidate_summaries_free (SlCandidateSummaries *summaries);
gboolean sl_candidate_summaries_read (SlCandidateSummaries *summaries, SlDatabase *db,
                                      const gint64 *ids, guint n_ids, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCandidateSummaries, sl_candidate_summaries_free)

G_END_DECLS
