/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-connect-dialog.h — Connect to Team Database… */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_CONNECT_DIALOG (sl_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlConnectDialog, sl_connect_dialog, SL, CONNECT_DIALOG, AdwWindow)

GtkWindow *sl_connect_dialog_new (GtkApplication *app, GtkWindow *parent, const char *uri);
char *sl_connect_dialog_build_uri (const char *host, const char *port, const char *database,
                                   const char *login, gboolean tls);

G_END_DECLS
