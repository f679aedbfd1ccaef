/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database-health.h — is the file as Shortlist last left it, sound? (core only) */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean sl_health_stamp_matches (const char *database);
void sl_health_stamp_record (const char *database);
void sl_health_stamp_forget (const char *database);
void sl_health_stamp_prune (void);
int sl_health_quick_check (sqlite3 *db, char **finding);

G_END_DECLS
