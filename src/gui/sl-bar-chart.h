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

GtkWidget *sl_bar_chart_new (SlReportTable *table);
SlReportTable *sl_bar_chart_get_table (SlBarChart *self);
char *sl_bar_chart_describe (SlReportTable *table);

G_END_DECLS
