/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-window.h — the main window: the candidate list beside the selected candidate */
#pragma once

#include <adwaita.h>

#include "sl-app.h"
#include "sl-candidate-list.h"
#include "sl-candidate-pane.h"
#include "sl-interviews-page.h"
#include "sl-positions-page.h"
#include "sl-reports-page.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_WINDOW (sl_window_get_type ())
G_DECLARE_FINAL_TYPE (SlWindow, sl_window, SL, WINDOW, AdwApplicationWindow)

SlWindow *sl_window_new (SlApp *app, SlStore *store);
SlCandidateList *sl_window_get_candidates (SlWindow *self);
SlStore *sl_window_get_store (SlWindow *self);
const char *sl_window_get_subtitle (SlWindow *self);
gint64 sl_window_get_selected_id (SlWindow *self);
gboolean sl_window_select_id (SlWindow *self, gint64 id);
gboolean sl_window_is_busy (SlWindow *self);
gboolean sl_window_shows_rows (SlWindow *self);
SlCandidatePane *sl_window_get_pane (SlWindow *self);
SlPositionsPage *sl_window_get_positions_page (SlWindow *self);
SlInterviewsPage *sl_window_get_interviews_page (SlWindow *self);
SlReportsPage *sl_window_get_reports_page (SlWindow *self);

G_END_DECLS
