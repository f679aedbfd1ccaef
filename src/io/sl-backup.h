/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-backup.h — copies of the database that are correct while it is in use, and restoring one */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean sl_backup_write (const char *database, const char *output, GError **error);
gboolean sl_backup_write_team (const char *uri, const char *output, GError **error);
gboolean sl_backup_restore (const char *database, const char *backup, char **kept, GError **error);
char *sl_backup_automatic (const char *database, const char *folder, guint keep, GError **error);
char *sl_backup_default_folder (void);
sqlite3 *sl_backup_open_source (const char *path, int *version, GError **error);

G_END_DECLS
