/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-list.h — a GListModel of candidates that holds row ids, not objects */
#pragma once

#include <gio/gio.h>

#include "sl-candidate-item.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_LIST (sl_candidate_list_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateList, sl_candidate_list, SL, CANDIDATE_LIST, GObject)

SlCandidateList *sl_candidate_list_new (SlStore *store);
void sl_candidate_list_query_async (SlCandidateList *self, const SlCandidateQuery *query,
                                    gint64 keep, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
gboolean sl_candidate_list_query_finish (SlCandidateList *self, GAsyncResult *result,
                                         guint *kept_position, GError **error);
void sl_candidate_list_set_ids (SlCandidateList *self, GArray *ids);
gint64 sl_candidate_list_get_id (SlCandidateList *self, guint position);
int sl_candidate_list_find (SlCandidateList *self, gint64 id);
guint sl_candidate_list_get_n_pending (SlCandidateList *self);
void sl_candidate_list_insert (SlCandidateList *self, guint position, gint64 id);
void sl_candidate_list_remove_id (SlCandidateList *self, gint64 id);

G_END_DECLS
