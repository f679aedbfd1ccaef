/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-export.h — reports (and the candidate list) as files: CSV, XLSX, PDF
 *
 * Every writer writes to a temporary file beside @path and renames it into place at the end,
 * so a failed or cancelled export leaves no half file. @progress (may be NULL) is called with
 * a fraction from 0 to 1 as the work goes on, from the thread that writes.
 */
#pragma once

#include <gio/gio.h>

#include "sl-candidate-query.h"
#include "sl-report.h"

G_BEGIN_DECLS

typedef enum
{
  SL_EXPORT_CSV,
  SL_EXPORT_XLSX,
  SL_EXPORT_PDF,
} SlExportFormat;

typedef void (*SlExportProgress) (double fraction, gpointer user_data);

/* What the PDF's title page says (and the XLSX's properties): the filters in words, who
 * exported it; the date is the time of writing */
typedef struct
{
  const char *filters; /* sl_report_filter_describe () */
  const char *author;  /* the team member's name, or "" */
} SlExportInfo;

void sl_export_remove_on_signals (void);
gboolean sl_export_format_from_id (const char *id, SlExportFormat *format);
const char *sl_export_format_extension (SlExportFormat format);

/* @reports: a GPtrArray of SlReport. CSV puts each table after the other, each headed by its
 * title line and a blank line between; XLSX has one sheet per table; PDF a title page, then
 * each report as its charts and tables. */
gboolean sl_report_export (GPtrArray *reports, SlExportFormat format, const SlExportInfo *info,
                           const char *path, SlExportProgress progress, gpointer user_data,
                           GCancellable *cancellable, GError **error);

/* The reports as the CSV file holds them, without the byte order mark the file starts with:
 * for the standard output */
void sl_report_csv_append (GString *out, GPtrArray *reports);

/* The reports as one JSON document for scripts, the same bytes in every language (see
 * sl-report-json.c): one report as its object, several in "reports"; @filter as they were run
 * with */
void sl_report_json_append (GString *out, GPtrArray *reports, const SlReportFilter *filter);
gboolean sl_report_export_json (GPtrArray *reports, const SlReportFilter *filter, const char *path,
                                GError **error);

/* The candidates @query finds (as the list shows them), as CSV or XLSX, read through @db */
gboolean sl_candidates_export (SlDatabase *db, const SlCandidateQuery *query, SlExportFormat format,
                               const char *path, SlExportProgress progress, gpointer user_data,
                               GCancellable *cancellable, GError **error);

G_END_DECLS
