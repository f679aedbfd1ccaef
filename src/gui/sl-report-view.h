/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-view.h — one report on screen: each table as its chart and its numbers */
#pragma once

#include <gtk/gtk.h>

#include "sl-report.h"

G_BEGIN_DECLS

#define SL_TYPE_REPORT_VIEW (sl_report_view_get_type ())
G_DECLARE_FINAL_TYPE (SlReportView, sl_report_view, SL, REPORT_VIEW, GtkWidget)

GtkWidget *sl_report_view_new (SlReport *report, const char *filters);
SlReport *sl_report_view_get_report (SlReportView *self);
char *sl_report_view_dup_cell (SlReportView *self, guint table, guint row, guint column);

G_END_DECLS
