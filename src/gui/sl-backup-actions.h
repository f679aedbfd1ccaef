/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-backup-actions.h — Back Up…, Restore from Backup… and the day's automatic backup */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sl_backup_actions_back_up (GtkWidget *widget);
void sl_backup_actions_restore (GtkWidget *widget);
void sl_backup_actions_back_up_to (GtkWidget *widget, const char *path,
                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean sl_backup_actions_finish (GtkWidget *widget, GAsyncResult *result, GError **error);
void sl_backup_actions_restore_from (GtkWidget *widget, const char *path,
                                     GAsyncReadyCallback callback, gpointer user_data);
void sl_backup_actions_automatic (const char *database, guint keep, GAsyncReadyCallback callback,
                                  gpointer user_data);
void sl_backup_actions_schedule_automatic (const char *database, guint keep);

G_END_DECLS
