/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-debrief-window.h — an application's scorecards side by side, as the viewer may see them */
#pragma once

#include <adwaita.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_DEBRIEF_WINDOW (sl_debrief_window_get_type ())
G_DECLARE_FINAL_TYPE (SlDebriefWindow, sl_debrief_window, SL, DEBRIEF_WINDOW, AdwWindow)

GtkWidget *sl_debrief_window_new (SlStore *store, gint64 application_id, gint64 viewer_id,
                                  GtkWindow *parent);
gboolean sl_debrief_window_get_blinded (SlDebriefWindow *self);
guint sl_debrief_window_get_n_scorecards (SlDebriefWindow *self);

G_END_DECLS
