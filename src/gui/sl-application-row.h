/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-application-row.h — one of the candidate's applications: its stage, moves and timeline */
#pragma once

#include <adwaita.h>

#include "sl-application.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_APPLICATION_ROW (sl_application_row_get_type ())
G_DECLARE_FINAL_TYPE (SlApplicationRow, sl_application_row, SL, APPLICATION_ROW, AdwExpanderRow)

SlApplicationRow *sl_application_row_new (SlStore *store, SlApplication *application);
gint64 sl_application_row_get_id (SlApplicationRow *self);
gboolean sl_application_row_is_active (SlApplicationRow *self);
gboolean sl_application_row_move (SlApplicationRow *self, int direction);
void sl_application_row_ask_reject (SlApplicationRow *self);
void sl_application_row_ask_withdraw (SlApplicationRow *self);
void sl_application_row_schedule (SlApplicationRow *self);
void sl_application_row_debrief (SlApplicationRow *self);

G_END_DECLS
