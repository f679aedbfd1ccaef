/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-export-private.h — what the CSV, XLSX and PDF writers of sl-report-export share */
#pragma once

#include <json-glib/json-glib.h>

#include "sl-candidate.h"
#include "sl-export-file.h"
#include "sl-report-export.h"

G_BEGIN_DECLS

/* Tells @progress how far the work is, at most about a hundred times */
typedef struct
{
  SlExportProgress callback;
  gpointer user_data;
  guint64 total;
  guint64 done;
  int last; /* the last percentage told */
} SlExportTicker;

void sl_export_ticker_init (SlExportTicker *ticker, SlExportProgress callback, gpointer user_data,
                            guint64 total);
void sl_export_ticker_advance (SlExportTicker *ticker, guint64 steps);

guint64 sl_report_export_count_rows (GPtrArray *reports);
char *sl_report_export_table_title (SlReport *report, SlReportTable *table);
char *sl_report_export_column_title (SlReportTable *table, guint column);
void sl_report_export_append_number (GString *out, SlReportColumnType type, double value);

gboolean sl_report_export_csv (GPtrArray *reports, SlExportFile *file, SlExportTicker *ticker,
                               GCancellable *cancellable, GError **error);
gboolean sl_report_export_xlsx (GPtrArray *reports, const SlExportInfo *info, SlExportFile *file,
                                SlExportTicker *ticker, GCancellable *cancellable, GError **error);
gboolean sl_report_export_pdf (GPtrArray *reports, const SlExportInfo *info, SlExportFile *file,
                               SlExportTicker *ticker, GCancellable *cancellable, GError **error);

/* The candidate list as a workbook: the same columns as its CSV */
typedef struct _SlCandidateSheet SlCandidateSheet;

SlCandidateSheet *sl_candidate_sheet_new (SlExportFile *file, GError **error);
guint sl_sheet_column_name (guint index, char name[4]);
gboolean sl_candidate_sheet_add (SlCandidateSheet *sheet, const SlCandidateRecord *candidate,
                                 GError **error);
gboolean sl_candidate_sheet_close (SlCandidateSheet *sheet, GError **error);
void sl_candidate_sheet_free (SlCandidateSheet *sheet);

G_END_DECLS
