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

G_END_DECLS
