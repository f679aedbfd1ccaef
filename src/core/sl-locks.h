/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-locks.h — SQLite's file locks kept whatever else in the process opens the file */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sl_locks_install (void);

G_END_DECLS
