/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-export-bar.h — a long export's progress, with Cancel, along the bottom of a view; the
 * exports of the reports and of the candidate list that run under it */
#pragma once

#include <gtk/gtk.h>

#include "sl-report-export.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_EXPORT_BAR (sl_export_bar_get_type ())
G_DECLARE_FINAL_TYPE (SlExportBar, sl_export_bar, SL, EXPORT_BAR, GtkWidget)

/* The work, run on a worker thread: writes @path, calling @progress as it goes */
typedef gboolean (*SlExportJob) (gpointer data, const char *path, SlExportProgress progress,
                                 gpointer progress_data, GCancellable *cancellable, GError **error);

gboolean sl_export_bar_run (SlExportBar *self, const char *label, const char *done_message,
                            const char *path, SlExportJob job, gpointer data,
                            GDestroyNotify destroy);
gboolean sl_export_bar_is_busy (SlExportBar *self);
void sl_export_bar_cancel (SlExportBar *self);
double sl_export_bar_get_fraction (SlExportBar *self);

gboolean sl_export_bar_export_reports (SlExportBar *self, SlStore *store,
                                       const SlReportFilter *filter, SlExportFormat format,
                                       const char *path);
gboolean sl_export_bar_export_candidates (SlExportBar *self, SlStore *store,
                                          const SlCandidateQuery *query, SlExportFormat format,
                                          const char *path);

/* Asks where to save a file of @format, suggesting @name (without its extension) in Documents;
 * calls @chosen with the path if one was chosen */
typedef void (*SlExportChosen) (GtkWidget *from, SlExportFormat format, const char *path);
void sl_export_choose_file (GtkWidget *from, const char *title, const char *name,
                            SlExportFormat format, SlExportChosen chosen);

G_END_DECLS
