/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-interviews.h — the store's interviews: scheduled, rescheduled, cancelled, listed */
#pragma once

#include "sl-interview.h"
#include "sl-store.h"

G_BEGIN_DECLS

gint64 sl_store_schedule_interview (SlStore *store, gint64 application_id, const char *kind,
                                    gint64 starts_at, int duration_min, const char *place,
                                    GArray *interviewer_ids, GError **error);
gboolean sl_store_update_interview (SlStore *store, gint64 interview_id, int sequence,
                                    const char *kind, gint64 starts_at, int duration_min,
                                    const char *place, GArray *interviewer_ids, GError **error);
gboolean sl_store_cancel_interview (SlStore *store, gint64 interview_id, GError **error);
SlInterview *sl_store_get_interview (SlStore *store, gint64 interview_id, GError **error);
GListModel *sl_store_list_interviews (SlStore *store, gint64 application_id, GError **error);
GListModel *sl_store_list_member_interviews (SlStore *store, SlDatabase *db, gint64 member_id,
                                             gint64 now, GError **error);
void sl_store_list_member_interviews_async (SlStore *store, gint64 member_id, gint64 now,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data);
GListModel *sl_store_list_member_interviews_finish (SlStore *store, GAsyncResult *result,
                                                    GListModel **upcoming, GError **error);

G_END_DECLS
