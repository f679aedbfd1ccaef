/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-pipeline.h — applications moving through a position's pipeline, with their history */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

gint64 sl_store_apply (SlStore *store, gint64 candidate_id, gint64 position_id, gint64 member_id,
                       GError **error);
gboolean sl_store_move_application (SlStore *store, gint64 application_id, const char *to_stage,
                                    const char *reason_id, const char *details, gint64 member_id,
                                    GError **error);
gboolean sl_store_move_application_from (SlStore *store, gint64 application_id,
                                         const char *from_stage, const char *to_stage,
                                         const char *reason_id, const char *details,
                                         gint64 member_id, GError **error);
char *sl_store_adjacent_stage (SlStore *store, gint64 application_id, int direction,
                               GError **error);
gboolean sl_store_reopen_application (SlStore *store, gint64 application_id, gint64 member_id,
                                      GError **error);
gboolean sl_store_set_employment_dates (SlStore *store, gint64 application_id,
                                        const char *start_date, const char *left_at,
                                        const char *left_reason, GError **error);
GListModel *sl_store_list_stage_events (SlStore *store, gint64 application_id, GError **error);
GListModel *sl_store_list_board_column (SlStore *store, SlDatabase *db, gint64 position_id,
                                        const char *stage, GError **error);
void sl_store_list_board_async (SlStore *store, gint64 position_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
GHashTable *sl_store_list_board_finish (SlStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
