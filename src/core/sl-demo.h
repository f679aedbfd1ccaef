/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-demo.h — realistic sample data, the same for the same seed */
#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

typedef void (*SlDemoProgress) (guint done, guint total, gpointer user_data);

gboolean sl_demo_generate (SlDatabase *db, guint n_candidates, guint32 seed,
                           SlDemoProgress progress, gpointer user_data, GCancellable *cancellable,
                           GError **error);

G_END_DECLS
