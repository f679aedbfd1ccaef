/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-positions.h — positions in the store: the list with counts, editing, approval, pipeline */
#pragma once

#include "sl-position.h"
#include "sl-store.h"

G_BEGIN_DECLS

GListModel *sl_store_list_positions (SlStore *store, SlDatabase *db, GError **error);
void sl_store_list_positions_async (SlStore *store, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
GListModel *sl_store_list_positions_finish (SlStore *store, GAsyncResult *result, GError **error);
GListModel *sl_store_list_open_positions (SlStore *store, GError **error);
SlPosition *sl_store_get_position (SlStore *store, gint64 id, GError **error);
gboolean sl_store_rebase_position (SlStore *store, SlPosition *position, gboolean *clashed,
                                   GError **error);
gboolean sl_store_save_position (SlStore *store, SlPosition *position, GError **error);
gboolean sl_store_approve_description (SlStore *store, SlPosition *position, gint64 member_id,
                                       GError **error);
gboolean sl_store_set_position_status (SlStore *store, SlPosition *position, const char *status,
                                       GError **error);
GListModel *sl_store_list_position_stages (SlStore *store, gint64 position_id,
                                           gboolean include_hidden, GError **error);
gboolean sl_store_save_position_stages (SlStore *store, SlPosition *position, GListModel *columns,
                                        GError **error);
gboolean sl_store_begin_position_change (SlStore *store, SlPosition *position, gint64 *read_version,
                                         GError **error);
gboolean sl_store_end_position_change (SlStore *store, SlPosition *position, gint64 read_version,
                                       gboolean ok, GError **error);
char *sl_store_add_stage (SlStore *store, SlPosition *position, const char *name,
                          const char *after_stage, GError **error);
char *sl_store_stage_name (SlStore *store, gint64 position_id, const char *stage);

G_END_DECLS
