/* sl-interviews.h — interviews, interview kits and scorecards, with the blind rule */
#pragma once

#include "sl-interview.h"
#include "sl-kit.h"
#include "sl-scorecard.h"
#include "sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 at;
  char *previous; /* the scorecard as it was, JSON (sl_scorecard_to_json) */
} SlAmendment;

void sl_amendment_free (gpointer amendment);

/* Interviews (sl-interviews.c) */
gint64 sl_store_schedule_interview (SlStore *store, gint64 application_id, const char *kind,
                                    gint64 starts_at, int duration_min, const char *place,
                                    GArray *interviewer_ids, GError **error);
gboolean sl_store_update_interview (SlStore *store, gint64 interview_id, const char *kind,
                                    gint64 starts_at, int duration_min, const char *place,
                                    GArray *interviewer_ids, GError **error);
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

/* Kits (sl-scorecards.c) */
GListModel *sl_store_get_kit (SlStore *store, gint64 position_id, const char *kind,
                              gboolean *customized, GError **error);
gboolean sl_store_save_kit (SlStore *store, gint64 position_id, const char *kind, GListModel *items,
                            GError **error);
gboolean sl_store_reset_kit (SlStore *store, gint64 position_id, const char *kind, GError **error);

/* Scorecards (sl-scorecards.c) */
SlScorecard *sl_store_open_scorecard (SlStore *store, gint64 interview_id, gint64 member_id,
                                      GError **error);
gboolean sl_store_save_scorecard (SlStore *store, SlScorecard *scorecard, GError **error);
gboolean sl_store_submit_scorecard (SlStore *store, SlScorecard *scorecard, GError **error);
GListModel *sl_store_list_scorecards (SlStore *store, gint64 application_id, gint64 viewer_id,
                                      gboolean *blinded, GError **error);
GPtrArray *sl_store_list_amendments (SlStore *store, gint64 scorecard_id, GError **error);

G_END_DECLS
