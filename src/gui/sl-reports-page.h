/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-reports-page.h — the Reports view: the hiring reports as charts and tables, filtered,
 * and exported as CSV, XLSX or PDF */
#pragma once

#include <adwaita.h>

#include "sl-report-export.h"
#include "sl-report.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_REPORTS_PAGE (sl_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (SlReportsPage, sl_reports_page, SL, REPORTS_PAGE, GtkWidget)

void sl_reports_page_set_store (SlReportsPage *self, SlStore *store);
void sl_reports_page_reload (SlReportsPage *self);
void sl_reports_page_focus (SlReportsPage *self);
gboolean sl_reports_page_is_busy (SlReportsPage *self);

void sl_reports_page_show_report (SlReportsPage *self, SlReportKind kind);
SlReportKind sl_reports_page_get_shown (SlReportsPage *self);
SlReport *sl_reports_page_get_report (SlReportsPage *self);
const SlReportFilter *sl_reports_page_get_filter (SlReportsPage *self);
char *sl_reports_page_dup_cell (SlReportsPage *self, guint table, guint row, guint column);

gboolean sl_reports_page_export_to (SlReportsPage *self, SlExportFormat format, const char *path);
void sl_reports_page_cancel_export (SlReportsPage *self);

G_END_DECLS
