/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-query.h — which candidates a list shows: search text and filters */
#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

typedef struct
{
  char *text;             /* words typed in the search entry; prefix-matched, folded */
  char *country;          /* ISO 3166 alpha-2, or NULL for any */
  char *stage;            /* stage id, or NULL for any */
  char *seniority;        /* junior, mid, senior, or NULL */
  char *stack;            /* stack id, or NULL */
  guint limit;            /* 0: no limit */
  gint64 not_in_position; /* leave out who already applied to this position; 0: nobody */
} SlCandidateQuery;

#define SL_TYPE_CANDIDATE_QUERY (sl_candidate_query_get_type ())

GType sl_candidate_query_get_type (void) G_GNUC_CONST;
SlCandidateQuery *sl_candidate_query_new (void);
SlCandidateQuery *sl_candidate_query_copy (const SlCandidateQuery *query);
void sl_candidate_query_free (SlCandidateQuery *query);
gboolean sl_candidate_query_is_empty (const SlCandidateQuery *query);
SlStmt *sl_candidate_query_prepare (const SlCandidateQuery *query, SlDatabase *db,
                                    const char *columns, GError **error);
GArray *sl_candidate_query_run (const SlCandidateQuery *query, SlDatabase *db,
                                GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCandidateQuery, sl_candidate_query_free)

G_END_DECLS
