/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-bar-chart.c — a report table drawn as a funnel or as horizontal bars
 *
 * One row per table row: its label (column 0), a bar of the chart column's value and the value
 * as the table shows it. A funnel centres its bars, so the stages narrow down the page; bars
 * start at the label. Colours come from the theme (the accent and the text colour), so the chart
 * follows the dark style and high contrast. A rate is drawn against 100 %, anything else against
 * the largest value.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-bar-chart.h"

#define GAP 6      /* between rows */
#define PAD 12     /* between the label, the bar and the value */
#define MIN_ROW 28 /* a row's least height, in pixels */
#define LABEL_SHARE 0.35

struct _SlBarChart
{
  GtkWidget parent_instance;

  SlReportTable *table;
};

G_DEFINE_FINAL_TYPE (SlBarChart, sl_bar_chart, GTK_TYPE_WIDGET)

static char *
row_label (SlReportTable *table, guint row)
{
  return sl_report_table_format (table, row, 0);
}

static int
row_height (SlBarChart *self)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (MIN_ROW, height + 10);
}

static double
scale_max (SlReportTable *table)
{
  guint column = sl_report_table_get_chart_column (table);
  guint n = sl_report_table_get_n_rows (table);
  double max = 0;

  if (sl_report_table_get_column_type (table, column) == SL_REPORT_RATE)
    return 1;
  for (guint row = 0; row < n; row++)
    if (!sl_report_table_is_missing (table, row, column))
      max = MAX (max, sl_report_table_get_number (table, row, column));
  return max;
}

static void
sl_bar_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  guint n = self->table ? sl_report_table_get_n_rows (self->table) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 560;
    }
  else
    *minimum = *natural = n > 0 ? (int) n * row_height (self) + (int) (n - 1) * GAP : 0;
}

/* A layout of @text no wider than @width (ellipsized), with its size */
static PangoLayout *
text_layout (GtkWidget *widget, const char *text, int width, int *w, int *h)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, w, h);
  return layout;
}

static void
draw_text (GtkSnapshot *snapshot, PangoLayout *layout, float x, float y, const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_bar (GtkSnapshot *snapshot, float x, float y, float width, float height, const GdkRGBA *color)
{
  GskRoundedRect rect;
  float radius = MIN (4.f, MIN (width, height) / 2);

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
sl_bar_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int row_h = row_height (self);
  guint n, column;
  int label_w = 0, value_w = 0, bar_area;
  double max;
  GdkRGBA fg, accent, track;
  gboolean funnel;

  if (self->table == NULL || (n = sl_report_table_get_n_rows (self->table)) == 0)
    return;
  column = sl_report_table_get_chart_column (self->table);
  funnel = sl_report_table_get_chart (self->table) == SL_REPORT_CHART_FUNNEL;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  track = fg;
  track.alpha *= 0.08f;

  /* The label column is as wide as the widest label, up to a share of the width */
  for (guint row = 0; row < n; row++)
    {
      g_autofree char *label = row_label (self->table, row);
      g_autofree char *value = sl_report_table_format (self->table, row, column);
      g_autoptr (PangoLayout) l = NULL;
      g_autoptr (PangoLayout) v = NULL;
      int w;

      l = text_layout (widget, label, -1, &w, NULL);
      label_w = MAX (label_w, w);
      v = text_layout (widget, value, -1, &w, NULL);
      value_w = MAX (value_w, w);
    }
  label_w = MIN (label_w, (int) (width * LABEL_SHARE));
  bar_area = MAX (1, width - label_w - value_w - 2 * PAD);
  max = scale_max (self->table);

  for (guint row = 0; row < n; row++)
    {
      g_autofree char *label = row_label (self->table, row);
      g_autofree char *value = sl_report_table_format (self->table, row, column);
      g_autoptr (PangoLayout) l = NULL;
      g_autoptr (PangoLayout) v = NULL;
      float y = row * (row_h + GAP);
      float bar_x = label_w + PAD, bar_w = 0, value_x;
      int lw, lh, vw, vh;

      l = text_layout (widget, label, label_w, &lw, &lh);
      v = text_layout (widget, value, -1, &vw, &vh);
      if (!sl_report_table_is_missing (self->table, row, column) && max > 0)
        bar_w = (float) (CLAMP (sl_report_table_get_number (self->table, row, column) / max, 0, 1) *
                         bar_area);
      if (funnel)
        bar_x += (bar_area - bar_w) / 2;
      else
        draw_bar (snapshot, rtl ? width - bar_x - bar_area : bar_x, y + 3, bar_area, row_h - 6,
                  &track);
      if (bar_w > 0)
        /* Something that is not nothing shows, however small beside the largest */
        draw_bar (snapshot, rtl ? width - bar_x - MAX (bar_w, 2) : bar_x, y + 3, MAX (bar_w, 2),
                  row_h - 6, &accent);
      value_x = bar_x + bar_w + PAD / 2;
      draw_text (snapshot, l, rtl ? width - lw : 0, y + (row_h - lh) / 2.f, &fg);
      draw_text (snapshot, v, rtl ? width - value_x - vw : value_x, y + (row_h - vh) / 2.f, &fg);
    }
}

static gboolean
sl_bar_chart_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  int row_h = row_height (self);
  guint row = (guint) (y / (row_h + GAP));
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (self->table == NULL || keyboard || y < 0 || row >= sl_report_table_get_n_rows (self->table))
    return FALSE;
  label = row_label (self->table, row);
  value = sl_report_table_format (self->table, row, sl_report_table_get_chart_column (self->table));
  /* Translators: a bar's tooltip in a report chart: its label, then its value */
  text = g_strdup_printf (_ ("%s: %s"), label, value);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
sl_bar_chart_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sl_bar_chart_parent_class)->css_changed (widget, change);
  /* The accent and text colours are read while drawing: a new style (dark) draws again */
  gtk_widget_queue_resize (widget);
}

/* What the chart shows, in words, for a screen reader: “Applications by stage, funnel chart:
 * Sourced 120; Initial screening 80; …” */
char *
sl_bar_chart_describe (SlReportTable *table)
{
  g_autoptr (GString) items = g_string_new (NULL);
  guint column = sl_report_table_get_chart_column (table);
  guint n = sl_report_table_get_n_rows (table);

  for (guint row = 0; row < n; row++)
    {
      g_autofree char *label = row_label (table, row);
      g_autofree char *value = sl_report_table_format (table, row, column);

      if (row > 0)
        /* Translators: between the bars a chart's description lists */
        g_string_append (items, C_ ("chart", "; "));
      /* Translators: a bar in a chart's description: its label, then its value */
      g_string_append_printf (items, C_ ("chart", "%s: %s"), label, value);
    }
  if (sl_report_table_get_chart (table) == SL_REPORT_CHART_FUNNEL)
    /* Translators: a chart's description for screen readers: what is counted (a column's
     * title), then each stage and its value */
    return g_strdup_printf (_ ("Funnel chart of %s: %s"),
                            sl_report_table_get_column_title (table, column), items->str);
  /* Translators: a chart's description for screen readers: what is measured (a column's
   * title), then each bar and its value */
  return g_strdup_printf (_ ("Bar chart of %s: %s"),
                          sl_report_table_get_column_title (table, column), items->str);
}

GtkWidget *
sl_bar_chart_new (SlReportTable *table)
{
  SlBarChart *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (SL_TYPE_BAR_CHART, NULL);
  self->table = sl_report_table_ref (table);
  description = sl_bar_chart_describe (table);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sl_report_table_get_title (table),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  return GTK_WIDGET (self);
}

SlReportTable *
sl_bar_chart_get_table (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  return self->table;
}

static void
sl_bar_chart_finalize (GObject *object)
{
  SlBarChart *self = SL_BAR_CHART (object);

  g_clear_pointer (&self->table, sl_report_table_unref);
  G_OBJECT_CLASS (sl_bar_chart_parent_class)->finalize (object);
}

static void
sl_bar_chart_class_init (SlBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sl_bar_chart_finalize;
  widget_class->measure = sl_bar_chart_measure;
  widget_class->snapshot = sl_bar_chart_snapshot;
  widget_class->query_tooltip = sl_bar_chart_query_tooltip;
  widget_class->css_changed = sl_bar_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_bar_chart_init (SlBarChart *self)
{
}
