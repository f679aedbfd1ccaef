/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-bar-chart.h — a report table drawn as a funnel or as horizontal bars */
#pragma once

#include <gtk/gtk.h>

#include "sl-report.h"

G_BEGIN_DECLS

#define SL_TYPE_BAR_CHART (sl_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlBarChart, sl_bar_chart, SL, BAR_CHART, GtkWidget)

/* Where a row of the chart is drawn, in the widget's coordinates */
typedef struct
{
  graphene_rect_t area;  /* the whole row, label and bar line */
  graphene_rect_t label; /* column 0's text */
  graphene_rect_t track; /* the bar's full length (drawn for bars, not for a funnel) */
  graphene_rect_t bar;   /* the bar itself, within the track */
  graphene_rect_t value; /* the value's text, past the track's end */
} SlBarChartRow;

GtkWidget *sl_bar_chart_new (SlReportTable *table);
SlReportTable *sl_bar_chart_get_table (SlBarChart *self);
char *sl_bar_chart_describe (SlReportTable *table);
GArray *sl_bar_chart_compute_layout (SlBarChart *self, int width);

G_END_DECLS
