/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-export-file.h — how Shortlist writes a file: whole or not at all, private, never over a
 * database */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A file written under a temporary name, moved into place by sl_export_file_commit () and
 * removed by sl_export_file_abort () */
typedef struct
{
  char *path;      /* where it goes */
  char *temporary; /* what is written: beside @path, or for a pipe or a device a private file */
  int fd;          /* on @temporary; -1 once closed */
  int lock_fd;     /* holds the temporary file's lock while it is written */
  gboolean direct; /* @path is a pipe or a device: the content is written through it */
  guint mode;      /* the mode of the file @path replaces, or 0 */
} SlExportFile;

gboolean sl_export_file_open (SlExportFile *file, const char *path, GError **error);
gboolean sl_export_file_open_full (SlExportFile *file, const char *path, gboolean over_database,
                                   GError **error);
gboolean sl_export_file_write (SlExportFile *file, const void *data, gsize length, GError **error);
gboolean sl_export_file_close (SlExportFile *file, GError **error);
gboolean sl_export_file_commit (SlExportFile *file, GCancellable *cancellable, GError **error);
void sl_export_file_abort (SlExportFile *file);
void sl_export_file_set_error (SlExportFile *file, int saved_errno, GError **error);

gboolean sl_export_file_is_database (const char *path);

char *sl_export_file_stage (const char *path, GError **error);
gboolean sl_export_file_place (const char *staged, const char *path, GError **error);

G_END_DECLS
