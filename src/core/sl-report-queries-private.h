/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-queries-private.h — what the reports' queries share (sl-report-queries.c), and
 * the reports each file computes */
#pragma once

#include <sqlite3.h>

#include "sl-report-private.h"

G_BEGIN_DECLS

/* Seconds */
#define SL_REPORT_HOUR 3600.0
#define SL_REPORT_DAY (24 * SL_REPORT_HOUR)

/* Whether an application reached the stage of rank @rank (see `reached` in sl-schema.c) */
#define REACHED(rank) "(((apps.reached >> " G_STRINGIFY (rank) ") & 1) <> 0)"
#define RANK_OFFER 8
#define RANK_HIRED 9

/* The default pipeline, in order: what the funnel and the speed report go through */
#define SL_REPORT_PIPELINE_LENGTH 9
extern const char *const sl_report_pipeline[SL_REPORT_PIPELINE_LENGTH];

/* A table of rows with an application_id, limited to the applications the filter selects
 * (see sl-report-queries.c): APPS_FROM ("table alias") in FROM, APPS_WHERE ("alias") among
 * the conditions */
#define APPS_FROM(table) " {from " table "}"
#define APPS_WHERE(alias) " {where " alias "}"

SlStmt *sl_report_prepare_dialect (SlDatabase *db, const char *sqlite_query,
                                   const char *postgresql_query, const SlReportFilter *filter,
                                   GError **error);
SlStmt *sl_report_prepare (SlDatabase *db, const char *query, const SlReportFilter *filter,
                           GError **error);
gboolean sl_report_finish (SlDatabase *db, SlStmt *stmt, int rc, GError **error);
gboolean sl_report_max_id (SlDatabase *db, const char *table, gint64 *max_id, GError **error);
double sl_report_rate (double part, double whole);
double sl_report_quantile (GArray *values, double p);
const char *sl_report_stage_label (const char *stage);

/* sl-report-pipeline.c */
gboolean sl_report_funnel (SlDatabase *db, SlReport *report, const SlReportFilter *filter,
                           GError **error);
gboolean sl_report_speed (SlDatabase *db, SlReport *report, const SlReportFilter *filter,
                          GError **error);

/* sl-report-tally.c: the sources, breakdown and offers reports, from one pass */
typedef struct _SlReportTallies SlReportTallies;

SlReportTallies *sl_report_tallies_new (SlDatabase *db, const SlReportFilter *filter, gint64 now,
                                        GError **error);
void sl_report_tallies_free (SlReportTallies *tallies);
void sl_report_tallies_sources (SlReportTallies *tallies, SlReport *report);
void sl_report_tallies_breakdown (SlReportTallies *tallies, SlReport *report);
void sl_report_tallies_offers (SlReportTallies *tallies, SlReport *report);

/* sl-report-people.c */
gboolean sl_report_interviewers (SlDatabase *db, SlReport *report, const SlReportFilter *filter,
                                 gint64 now, GError **error);
gboolean sl_report_retention (SlDatabase *db, SlReport *report, const SlReportFilter *filter,
                              gint64 now, GError **error);

G_END_DECLS
