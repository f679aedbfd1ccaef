/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-scorecards.h — the store's interview kits and scorecards, with the blind rule */
#pragma once

#include "sl-kit.h"
#include "sl-position.h"
#include "sl-scorecard.h"
#include "sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 at;
  char *previous; /* the scorecard as it was, JSON (sl_scorecard_to_json) */
} SlAmendment;

void sl_amendment_free (gpointer amendment);

/* Kits */
GListModel *sl_store_get_kit (SlStore *store, gint64 position_id, const char *kind,
                              gboolean *customized, GError **error);
gboolean sl_store_save_kit (SlStore *store, SlPosition *position, const char *kind,
                            GListModel *items, GError **error);
gboolean sl_store_reset_kit (SlStore *store, SlPosition *position, const char *kind,
                             GError **error);

/* Scorecards */
SlScorecard *sl_store_open_scorecard (SlStore *store, gint64 interview_id, gint64 member_id,
                                      GError **error);
gboolean sl_store_rebase_scorecard (SlStore *store, SlScorecard *scorecard, gboolean *clashed,
                                    GError **error);
gboolean sl_store_save_scorecard (SlStore *store, SlScorecard *scorecard, GError **error);
gboolean sl_store_submit_scorecard (SlStore *store, SlScorecard *scorecard, GError **error);
GListModel *sl_store_list_scorecards (SlStore *store, gint64 application_id, gint64 viewer_id,
                                      gboolean *blinded, GError **error);
GPtrArray *sl_store_list_amendments (SlStore *store, gint64 scorecard_id, GError **error);

G_END_DECLS
