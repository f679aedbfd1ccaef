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
 *
 * The values sit in a column of their own at the end, as wide as the widest value, so a long bar
 * never runs under its number. The labels take a column at the start when the widest fits in a
 * share of the width; when it does not (a narrow window, a long translation) each label goes on
 * its own line above its bar, wrapped if it must, so no label is cut.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-bar-chart.h"

#define GAP 6      /* between rows */
#define PAD 12     /* between the label, the bar and the value */
#define MIN_ROW 28 /* a bar line's least height, in pixels */
#define LABEL_SHARE 0.35
#define MIN_TRACK 64 /* a bar's least full length beside a label column */
#define MIN_WIDTH 200

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

/* A layout of @text, wrapped at @wrap pixels when @wrap > 0, with its size */
static PangoLayout *
text_layout (GtkWidget *widget, const char *text, int wrap, int *w, int *h)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (wrap > 0)
    {
      pango_layout_set_width (layout, wrap * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_get_pixel_size (layout, w, h);
  return layout;
}

/* Whether each label goes on its own line above its bar, at @width */
static gboolean
is_stacked (int width, int label_w, int value_w)
{
  return label_w > width * LABEL_SHARE || width - label_w - value_w - 2 * PAD < MIN_TRACK;
}

static void
mirror (graphene_rect_t *rect, int width)
{
  rect->origin.x = width - rect->origin.x - rect->size.width;
}

/* The rows' places at @width; @labels and @values, when given, get each row's layouts */
static GArray *
compute_layout (SlBarChart *self, int width, GPtrArray *labels, GPtrArray *values)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (SlBarChartRow));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean funnel, stacked;
  int row_h = row_height (self);
  int label_w = 0, value_w = 0, track_x, track_w;
  guint n, column;
  double max;
  float y = 0;

  if (self->table == NULL || (n = sl_report_table_get_n_rows (self->table)) == 0)
    return rows;
  width = MAX (width, 1);
  column = sl_report_table_get_chart_column (self->table);
  funnel = sl_report_table_get_chart (self->table) == SL_REPORT_CHART_FUNNEL;
  max = scale_max (self->table);

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
  stacked = is_stacked (width, label_w, value_w);
  /* The track runs from the label column (or the start) to the value column */
  track_x = stacked ? 0 : label_w + PAD;
  track_w = MAX (1, width - track_x - value_w - PAD);

  g_array_set_size (rows, n);
  for (guint row = 0; row < n; row++)
    {
      SlBarChartRow *place = &g_array_index (rows, SlBarChartRow, row);
      g_autofree char *label = row_label (self->table, row);
      g_autofree char *value = sl_report_table_format (self->table, row, column);
      g_autoptr (PangoLayout) l = NULL;
      g_autoptr (PangoLayout) v = NULL;
      int lw, lh, vw, vh;
      float bar_y, bar_w = 0;

      l = text_layout (widget, label, stacked ? width : -1, &lw, &lh);
      v = text_layout (widget, value, -1, &vw, &vh);
      if (stacked)
        {
          place->label = GRAPHENE_RECT_INIT (0, y, lw, lh);
          bar_y = y + lh + 2;
        }
      else
        {
          place->label = GRAPHENE_RECT_INIT (0, y + (row_h - lh) / 2.f, lw, lh);
          bar_y = y;
        }
      if (!sl_report_table_is_missing (self->table, row, column) && max > 0)
        bar_w = (float) (CLAMP (sl_report_table_get_number (self->table, row, column) / max, 0, 1) *
                         track_w);
      /* Something that is not nothing shows, however small beside the largest */
      if (bar_w > 0)
        bar_w = MAX (bar_w, 2);
      place->track = GRAPHENE_RECT_INIT (track_x, bar_y + 3, track_w, row_h - 6);
      place->bar = GRAPHENE_RECT_INIT (track_x + (funnel ? (track_w - bar_w) / 2 : 0), bar_y + 3,
                                       bar_w, row_h - 6);
      /* Numbers line up at their end, in the column after the track */
      place->value = GRAPHENE_RECT_INIT (width - vw, bar_y + (row_h - vh) / 2.f, vw, vh);
      place->area = GRAPHENE_RECT_INIT (0, y, width, bar_y + row_h - y);
      if (rtl)
        {
          mirror (&place->label, width);
          mirror (&place->track, width);
          mirror (&place->bar, width);
          mirror (&place->value, width);
        }
      if (labels)
        g_ptr_array_add (labels, g_steal_pointer (&l));
      if (values)
        g_ptr_array_add (values, g_steal_pointer (&v));
      y = bar_y + row_h + GAP;
    }
  return rows;
}

/**
 * sl_bar_chart_compute_layout:
 * @width: the width to lay the chart out in
 *
 * Where each row's label, track, bar and value go at @width, as drawn.
 *
 * Returns: (transfer full): an array of #SlBarChartRow, one per row
 */
GArray *
sl_bar_chart_compute_layout (SlBarChart *self, int width)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  return compute_layout (self, width, NULL, NULL);
}

static int
height_for_width (SlBarChart *self, int width)
{
  g_autoptr (GArray) rows = compute_layout (self, width, NULL, NULL);
  SlBarChartRow *last;

  if (rows->len == 0)
    return 0;
  last = &g_array_index (rows, SlBarChartRow, rows->len - 1);
  /* Rows start on whole pixels, and a row is a whole number of them tall */
  return (int) (last->area.origin.y + last->area.size.height + 0.5f);
}

static void
sl_bar_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  SlBarChart *self = SL_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 560;
    }
  else
    /* Without a width, the least one: labels then stand above their bars, the tallest case */
    *minimum = *natural = height_for_width (self, for_size < 0 ? MIN_WIDTH : for_size);
}

static GtkSizeRequestMode
sl_bar_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
draw_text (GtkSnapshot *snapshot, PangoLayout *layout, const graphene_rect_t *rect,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect->origin);
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_bar (GtkSnapshot *snapshot, const graphene_rect_t *bounds, const GdkRGBA *color)
{
  GskRoundedRect rect;
  float radius = MIN (4.f, MIN (bounds->size.width, bounds->size.height) / 2);

  gsk_rounded_rect_init_from_rect (&rect, bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
sl_bar_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) rows = NULL;
  GdkRGBA fg, accent, track;
  gboolean funnel;

  if (self->table == NULL || sl_report_table_get_n_rows (self->table) == 0)
    return;
  funnel = sl_report_table_get_chart (self->table) == SL_REPORT_CHART_FUNNEL;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  track = fg;
  track.alpha *= 0.08f;

  rows = compute_layout (self, gtk_widget_get_width (widget), labels, values);
  for (guint row = 0; row < rows->len; row++)
    {
      SlBarChartRow *place = &g_array_index (rows, SlBarChartRow, row);

      if (!funnel)
        draw_bar (snapshot, &place->track, &track);
      if (place->bar.size.width > 0)
        draw_bar (snapshot, &place->bar, &accent);
      draw_text (snapshot, g_ptr_array_index (labels, row), &place->label, &fg);
      draw_text (snapshot, g_ptr_array_index (values, row), &place->value, &fg);
    }
}

static gboolean
sl_bar_chart_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  g_autoptr (GArray) rows = NULL;
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  guint row;

  if (self->table == NULL || keyboard)
    return FALSE;
  rows = compute_layout (self, gtk_widget_get_width (widget), NULL, NULL);
  for (row = 0; row < rows->len; row++)
    {
      const graphene_rect_t *area = &g_array_index (rows, SlBarChartRow, row).area;

      if (y >= area->origin.y && y < area->origin.y + area->size.height)
        break;
    }
  if (row >= rows->len)
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
  widget_class->get_request_mode = sl_bar_chart_get_request_mode;
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
