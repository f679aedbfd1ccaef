/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report.h — the hiring reports: funnel, speed, sources, breakdowns, offers, interviewers,
 * retention. Computed in SQL by the core; shown by the app, written as CSV, XLSX and PDF. */
#pragma once

#include <gio/gio.h>

#include "sl-database.h"
#include "sl-store.h"

G_BEGIN_DECLS

typedef enum
{
  SL_REPORT_FUNNEL,
  SL_REPORT_SPEED,
  SL_REPORT_SOURCES,
  SL_REPORT_BREAKDOWN,
  SL_REPORT_OFFERS,
  SL_REPORT_INTERVIEWERS,
  SL_REPORT_RETENTION,
  SL_N_REPORTS
} SlReportKind;

/* What a column holds. Counts are whole numbers; a rate is a fraction from 0 to 1; days and
 * hours are durations. A cell may be missing (no data: a rate of nothing, a median of none). */
typedef enum
{
  SL_REPORT_TEXT,
  SL_REPORT_COUNT,
  SL_REPORT_RATE,
  SL_REPORT_DAYS,
  SL_REPORT_HOURS,
} SlReportColumnType;

/* What a column's values are for a program reading them (the JSON of `shortlist-cli report`):
 * by default a text column holds strings, a count integers and the others numbers; a text
 * column may hold dates (ISO 8601, such as a month “2026-03”) or whole numbers given as text */
typedef enum
{
  SL_REPORT_VALUE_STRING,
  SL_REPORT_VALUE_INTEGER,
  SL_REPORT_VALUE_NUMBER,
  SL_REPORT_VALUE_DATE,
} SlReportValueType;

/* How a table is best drawn: bars of @chart_column per row, labelled by column 0 */
typedef enum
{
  SL_REPORT_CHART_NONE,
  SL_REPORT_CHART_FUNNEL, /* bars narrowing down the stages */
  SL_REPORT_CHART_BARS,   /* horizontal bars */
} SlReportChart;

/* Which applications a report counts: those that entered the pipeline (were created) in
 * [from, to), of one position (0: all), whose candidate has the country, stack and seniority
 * given (NULL or "": any) */
typedef struct
{
  gint64 position_id;
  gint64 from; /* UTC seconds; 0: no limit */
  gint64 to;
  char *country;
  char *stack;
  char *seniority;
} SlReportFilter;

typedef struct _SlReportTable SlReportTable;

/* Every table and column has a stable id beside its title: English, snake_case, never
 * translated, unique within its report (tables) or table (columns), for scripts to read the
 * reports by (the manual page shortlist-cli(1) lists them). A column of days has an id ending in “_days”, of
 * hours in “_hours”, of rates (fractions from 0 to 1) in “_rate”. */
SlReportTable *sl_report_table_new (const char *id, const char *title, SlReportChart chart,
                                    guint chart_column);
SlReportTable *sl_report_table_ref (SlReportTable *table);
void sl_report_table_unref (SlReportTable *table);
void sl_report_table_add_column (SlReportTable *table, const char *id, const char *title,
                                 SlReportColumnType type);
void sl_report_table_set_column_value_type (SlReportTable *table, guint column,
                                            SlReportValueType value_type);
void sl_report_table_set_collated (SlReportTable *table, gboolean collated);
guint sl_report_table_add_row (SlReportTable *table);
void sl_report_table_set_text (SlReportTable *table, guint row, guint column, const char *text);
void sl_report_table_set_label (SlReportTable *table, guint row, guint column, const char *key,
                                const char *label);
void sl_report_table_set_number (SlReportTable *table, guint row, guint column, double value);

const char *sl_report_table_get_id (SlReportTable *table);
const char *sl_report_table_get_title (SlReportTable *table);
gboolean sl_report_table_get_collated (SlReportTable *table);
SlReportChart sl_report_table_get_chart (SlReportTable *table);
guint sl_report_table_get_chart_column (SlReportTable *table);
guint sl_report_table_get_n_columns (SlReportTable *table);
const char *sl_report_table_get_column_id (SlReportTable *table, guint column);
const char *sl_report_table_get_column_title (SlReportTable *table, guint column);
SlReportColumnType sl_report_table_get_column_type (SlReportTable *table, guint column);
SlReportValueType sl_report_table_get_column_value_type (SlReportTable *table, guint column);
guint sl_report_table_get_n_rows (SlReportTable *table);
const char *sl_report_table_get_text (SlReportTable *table, guint row, guint column);
const char *sl_report_table_get_key (SlReportTable *table, guint row, guint column);
double sl_report_table_get_number (SlReportTable *table, guint row, guint column);
gboolean sl_report_table_is_missing (SlReportTable *table, guint row, guint column);
char *sl_report_table_format (SlReportTable *table, guint row, guint column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlReportTable, sl_report_table_unref)

typedef struct _SlReport SlReport;

SlReport *sl_report_ref (SlReport *report);
void sl_report_unref (SlReport *report);
SlReportKind sl_report_get_kind (SlReport *report);
const char *sl_report_get_title (SlReport *report);
gboolean sl_report_has_data (SlReport *report);
guint sl_report_get_n_tables (SlReport *report);
SlReportTable *sl_report_get_table (SlReport *report, guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlReport, sl_report_unref)

const char *sl_report_kind_id (SlReportKind kind);
const char *sl_report_kind_title (SlReportKind kind);
gboolean sl_report_kind_from_id (const char *id, SlReportKind *kind);

void sl_report_filter_clear (SlReportFilter *filter);
char *sl_report_filter_describe (const SlReportFilter *filter, SlDatabase *db);

SlReport *sl_report_run (SlDatabase *db, SlReportKind kind, const SlReportFilter *filter,
                         gint64 now, GCancellable *cancellable, GError **error);
GPtrArray *sl_report_run_many (SlDatabase *db, const SlReportKind *kinds, guint n,
                               const SlReportFilter *filter, gint64 now, GCancellable *cancellable,
                               GError **error);

/* Runs the reports of @kinds on the store's worker connection; the result is a GPtrArray of
 * SlReport in the same order */
void sl_store_run_reports_async (SlStore *store, const SlReportKind *kinds, guint n_kinds,
                                 const SlReportFilter *filter, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *sl_store_run_reports_finish (SlStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
