/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-first-run.h — on a database with no team members, who the person at the keyboard is */
#pragma once

#include <adwaita.h>

#include "sl-store.h"

G_BEGIN_DECLS

gboolean sl_first_run_apply (SlStore *store, const char *name, const char *email, GError **error);
GtkWidget *sl_first_run_ask (GtkWindow *parent, SlStore *store, const char *name, const char *email,
                             const char *problem);
void sl_first_run_check (GtkWindow *parent, SlStore *store);

G_END_DECLS
