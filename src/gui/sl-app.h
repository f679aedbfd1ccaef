/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-app.h — the application: command line, database, windows, app-wide actions */
#pragma once

#include <adwaita.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_APP (sl_app_get_type ())
G_DECLARE_FINAL_TYPE (SlApp, sl_app, SL, APP, AdwApplication)

SlApp *sl_app_new (void);
void sl_app_open_database (SlApp *self, const char *path);
void sl_app_reload (SlApp *self, GtkWindow *window, const char *message);

G_END_DECLS
