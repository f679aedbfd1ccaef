/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-private.h — what the report tables and their queries share */
#pragma once

#include "sl-report.h"

G_BEGIN_DECLS

SlReport *sl_report_new (SlReportKind kind);
void sl_report_add_table (SlReport *report, SlReportTable *table);
gboolean sl_report_queries_run (SlDatabase *db, SlReport *report, const SlReportFilter *filter,
                                gint64 now, GError **error);
gboolean sl_report_queries_run_many (SlDatabase *db, SlReport *const *reports, guint n,
                                     const SlReportFilter *filter, gint64 now, GError **error);
/* For tests: how a filtered run reaches the rows of the applications selected, whatever their
 * number (0: as usual; 1: looked up from the applications; 2: read whole and checked) */
void sl_report_queries_force_selection (int how);

G_END_DECLS
