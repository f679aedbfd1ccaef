/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-pdf-tables.c — a report table in the PDF: its chart and its rows
 *
 * A chart is a bar per row, labelled by the row's first column and followed by its value
 * (a funnel's bars are centred and joined); a table repeats its header on each page it goes
 * on to, and never splits a row. See sl-report-pdf.c for the document around them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-report-pdf-private.h"

/* Charts */

typedef struct
{
  double label_width;
  double value_width;
  double bar_x;
  double bar_width;
  double max;
} ChartGeometry;

gboolean
sl_pdf_has_chart (SlReportTable *table)
{
  guint column = sl_report_table_get_chart_column (table);

  if (sl_report_table_get_chart (table) == SL_REPORT_CHART_NONE ||
      column >= sl_report_table_get_n_columns (table) ||
      sl_report_table_get_column_type (table, column) == SL_REPORT_TEXT)
    return FALSE;
  for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
    if (!sl_report_table_is_missing (table, r, column))
      return TRUE;
  return FALSE;
}

static void
chart_geometry (SlPdf *pdf, SlReportTable *table, ChartGeometry *geometry)
{
  guint column = sl_report_table_get_chart_column (table);

  geometry->max = 0;
  geometry->value_width = 0;
  for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
    {
      g_autofree char *text = sl_report_table_format (table, r, column);
      g_autoptr (PangoLayout) layout =
        sl_pdf_layout_new (pdf, text, SL_PDF_FONT_BODY, -1, PANGO_ALIGN_LEFT);
      double value = sl_report_table_get_number (table, r, column);

      geometry->value_width = MAX (geometry->value_width, sl_pdf_layout_width (layout));
      if (isfinite (value))
        geometry->max = MAX (geometry->max, value);
    }
  if (geometry->max <= 0)
    geometry->max = 1;
  geometry->value_width = MIN (geometry->value_width + 2 * CELL_PADDING, CONTENT_WIDTH * 0.25);
  geometry->label_width = CONTENT_WIDTH * 0.3;
  geometry->bar_x = MARGIN + geometry->label_width + CELL_PADDING;
  geometry->bar_width =
    CONTENT_WIDTH - geometry->label_width - CELL_PADDING - geometry->value_width;
}

/* How tall sl_pdf_chart () draws @table's chart */
double
sl_pdf_chart_height (SlPdf *pdf, SlReportTable *table)
{
  guint column = sl_report_table_get_chart_column (table);
  g_autoptr (PangoLayout) caption =
    sl_pdf_layout_new (pdf, sl_report_table_get_column_title (table, column), SL_PDF_FONT_CAPTION,
                       CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) line =
    sl_pdf_layout_new (pdf, "0", SL_PDF_FONT_BODY, -1, PANGO_ALIGN_LEFT);
  double row_height = MAX (BAR_HEIGHT, sl_pdf_layout_height (line)) + BAR_GAP;

  return sl_pdf_layout_height (caption) + 6 + sl_report_table_get_n_rows (table) * row_height + 12;
}

/* One bar per row, labelled by the row's first column and followed by its value. A funnel's
 * bars are centred, joined by a lighter band to the next stage on the same page. */
void
sl_pdf_chart (SlPdf *pdf, SlReportTable *table)
{
  guint column = sl_report_table_get_chart_column (table);
  gboolean funnel = sl_report_table_get_chart (table) == SL_REPORT_CHART_FUNNEL;
  ChartGeometry geometry;
  double previous_x = 0, previous_width = 0, previous_bottom = 0;
  int previous_page = 0;
  double row_height;

  chart_geometry (pdf, table, &geometry);
  sl_pdf_paragraph (pdf, sl_report_table_get_column_title (table, column), SL_PDF_FONT_CAPTION,
                    0.35, 6);
  for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
    {
      const char *label = sl_report_table_get_column_type (table, 0) == SL_REPORT_TEXT
                            ? sl_report_table_get_text (table, r, 0)
                            : "";
      g_autofree char *value_text = sl_report_table_format (table, r, column);
      g_autoptr (PangoLayout) label_layout =
        sl_pdf_layout_new (pdf, label, SL_PDF_FONT_BODY, geometry.label_width, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) value_layout =
        sl_pdf_layout_new (pdf, value_text, SL_PDF_FONT_BODY, -1, PANGO_ALIGN_LEFT);
      double value = sl_report_table_get_number (table, r, column);
      double width = isfinite (value) ? MAX (value, 0) / geometry.max * geometry.bar_width : 0;
      double x = funnel ? geometry.bar_x + (geometry.bar_width - width) / 2 : geometry.bar_x;
      double text_height = sl_pdf_layout_height (value_layout);

      pango_layout_set_ellipsize (label_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (label_layout, -1);
      row_height = MAX (BAR_HEIGHT, text_height) + BAR_GAP;
      sl_pdf_make_room (pdf, row_height);

      if (funnel && previous_page == pdf->page && pdf->drawing)
        {
          /* The band from the stage above narrowing to this one */
          cairo_set_source_rgb (pdf->cr, 0.88, 0.88, 0.88);
          cairo_move_to (pdf->cr, previous_x, previous_bottom);
          cairo_line_to (pdf->cr, previous_x + previous_width, previous_bottom);
          cairo_line_to (pdf->cr, x + width, pdf->y);
          cairo_line_to (pdf->cr, x, pdf->y);
          cairo_close_path (pdf->cr);
          cairo_fill (pdf->cr);
        }
      sl_pdf_show_layout (pdf, label_layout, MARGIN, pdf->y + (BAR_HEIGHT - text_height) / 2, 0);
      if (width > 0)
        {
          sl_pdf_fill_rectangle (pdf, x, pdf->y, width, BAR_HEIGHT, 0.55);
          if (pdf->drawing)
            {
              cairo_set_source_rgb (pdf->cr, 0.2, 0.2, 0.2);
              cairo_set_line_width (pdf->cr, 0.5);
              cairo_rectangle (pdf->cr, x, pdf->y, width, BAR_HEIGHT);
              cairo_stroke (pdf->cr);
            }
        }
      /* A funnel's values line up after it; a bar's value follows the bar */
      sl_pdf_show_layout (
        pdf, value_layout,
        funnel ? geometry.bar_x + geometry.bar_width + CELL_PADDING
               : MIN (x + width + CELL_PADDING, geometry.bar_x + geometry.bar_width + CELL_PADDING),
        pdf->y + (BAR_HEIGHT - text_height) / 2, 0);
      previous_x = x;
      previous_width = width;
      previous_bottom = pdf->y + BAR_HEIGHT;
      previous_page = pdf->page;
      pdf->y += row_height;
    }
  pdf->y += 12;
}

/* Tables */

typedef struct
{
  guint n_columns;
  double *widths;
  PangoAlignment *alignments;
} TableGeometry;

/* The width of @text on one line, and of its widest word */
static void
measure (SlPdf *pdf, const char *text, SlPdfFont font, double *natural, double *minimum)
{
  PangoLayout *layout = pdf->measure[font];
  g_auto (GStrv) words = g_strsplit_set (text, " \n", -1);
  double width;

  if (layout == NULL)
    layout = pdf->measure[font] = sl_pdf_layout_new (pdf, "", font, -1, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  width = sl_pdf_layout_width (layout) + 2 * CELL_PADDING;
  *natural = MAX (*natural, width);
  if (words[0] != NULL && words[1] == NULL)
    {
      *minimum = MAX (*minimum, width);
      return;
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      pango_layout_set_text (layout, words[i], -1);
      *minimum = MAX (*minimum, sl_pdf_layout_width (layout) + 2 * CELL_PADDING);
    }
}

/* Columns as wide as their widest cell if the page has room; if not, each column gets at
 * least its widest word and the rest of the room goes to the text columns first, then to the
 * numbers' headers, by how much more each would take (text wraps between words); and if even
 * the words are too wide, they are squeezed */
static void
table_geometry (SlPdf *pdf, SlReportTable *table, TableGeometry *geometry)
{
  guint n = sl_report_table_get_n_columns (table);
  g_autofree double *minimum = g_new0 (double, n);
  double total = 0, total_minimum = 0, total_text = 0;

  geometry->n_columns = n;
  geometry->widths = g_new0 (double, n);
  geometry->alignments = g_new0 (PangoAlignment, n);
  for (guint c = 0; c < n; c++)
    {
      gboolean text = sl_report_table_get_column_type (table, c) == SL_REPORT_TEXT;

      measure (pdf, sl_report_table_get_column_title (table, c), SL_PDF_FONT_BOLD,
               &geometry->widths[c], &minimum[c]);
      for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
        {
          g_autofree char *cell = sl_report_table_format (table, r, c);
          measure (pdf, cell, SL_PDF_FONT_BODY, &geometry->widths[c], &minimum[c]);
        }
      geometry->alignments[c] = text ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
      /* Numbers side by side need room between them to be read apart */
      if (!text)
        geometry->widths[c] += NUMBER_GAP;
      total += geometry->widths[c];
      total_minimum += minimum[c];
      if (text)
        total_text += geometry->widths[c];
    }

  if (total <= CONTENT_WIDTH)
    {
      /* The room left goes to the text columns, else to all */
      for (guint c = 0; c < n; c++)
        if (total_text == 0)
          geometry->widths[c] += (CONTENT_WIDTH - total) * geometry->widths[c] / total;
        else if (geometry->alignments[c] == PANGO_ALIGN_LEFT)
          geometry->widths[c] += (CONTENT_WIDTH - total) * geometry->widths[c] / total_text;
    }
  else if (total_minimum <= CONTENT_WIDTH)
    {
      /* The text columns get their room first: a header over numbers wrapping is better than
       * row labels wrapping */
      double room = CONTENT_WIDTH - total_minimum, text_slack = 0, number_slack = 0;
      double text_share, number_share;

      for (guint c = 0; c < n; c++)
        if (geometry->alignments[c] == PANGO_ALIGN_LEFT)
          text_slack += geometry->widths[c] - minimum[c];
        else
          number_slack += geometry->widths[c] - minimum[c];
      text_share = MIN (room, text_slack);
      number_share = room - text_share;
      for (guint c = 0; c < n; c++)
        {
          double slack = geometry->widths[c] - minimum[c];

          if (geometry->alignments[c] == PANGO_ALIGN_LEFT)
            geometry->widths[c] =
              minimum[c] + (text_slack > 0 ? slack * text_share / text_slack : 0);
          else
            geometry->widths[c] =
              minimum[c] + (number_slack > 0 ? slack * number_share / number_slack : 0);
        }
    }
  else
    for (guint c = 0; c < n; c++)
      geometry->widths[c] = minimum[c] * CONTENT_WIDTH / total_minimum;
}

static void
table_geometry_clear (TableGeometry *geometry)
{
  g_clear_pointer (&geometry->widths, g_free);
  g_clear_pointer (&geometry->alignments, g_free);
}

/* A row's cells laid out in their columns, and its height */
static double
row_layouts (SlPdf *pdf, TableGeometry *geometry, const char *const *texts, SlPdfFont font,
             PangoLayout **layouts)
{
  double height = 0;

  for (guint c = 0; c < geometry->n_columns; c++)
    {
      layouts[c] = sl_pdf_layout_new (pdf, texts[c], font, geometry->widths[c] - 2 * CELL_PADDING,
                                      geometry->alignments[c]);
      height = MAX (height, sl_pdf_layout_height (layouts[c]));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (SlPdf *pdf, TableGeometry *geometry, PangoLayout **layouts, double height,
          double background)
{
  double x = MARGIN;

  if (background < 1)
    sl_pdf_fill_rectangle (pdf, MARGIN, pdf->y, CONTENT_WIDTH, height, background);
  for (guint c = 0; c < geometry->n_columns; c++)
    {
      sl_pdf_show_layout (pdf, layouts[c], x + CELL_PADDING, pdf->y + CELL_PADDING, 0);
      x += geometry->widths[c];
    }
  pdf->y += height;
}

static void
free_layouts (PangoLayout **layouts, guint n)
{
  for (guint c = 0; c < n; c++)
    g_clear_object (&layouts[c]);
}

static void
header_row (SlPdf *pdf, TableGeometry *geometry, PangoLayout **layouts, double height)
{
  draw_row (pdf, geometry, layouts, height, 0.88);
  sl_pdf_rule (pdf, pdf->y, 0.8, 0);
}

gboolean
sl_pdf_table (SlPdf *pdf, SlReportTable *table, const char *title)
{
  guint n = sl_report_table_get_n_columns (table);
  TableGeometry geometry;
  g_autofree const char **texts = g_new0 (const char *, n + 1);
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, n);
  g_autofree PangoLayout **cells = g_new0 (PangoLayout *, n);
  double header_height;
  gboolean ok = TRUE;

  table_geometry (pdf, table, &geometry);
  for (guint c = 0; c < n; c++)
    texts[c] = sl_report_table_get_column_title (table, c);
  header_height = row_layouts (pdf, &geometry, texts, SL_PDF_FONT_BOLD, header);

  sl_pdf_make_room (pdf, header_height * 2);
  header_row (pdf, &geometry, header, header_height);

  for (guint r = 0; r < sl_report_table_get_n_rows (table); r++)
    {
      g_autoptr (GPtrArray) formatted = g_ptr_array_new_with_free_func (g_free);
      double height;

      if (g_cancellable_is_cancelled (pdf->cancellable))
        {
          ok = FALSE;
          break;
        }
      for (guint c = 0; c < n; c++)
        g_ptr_array_add (formatted, sl_report_table_format (table, r, c));
      height = row_layouts (pdf, &geometry, (const char *const *) formatted->pdata,
                            SL_PDF_FONT_BODY, cells);
      if (sl_pdf_make_room (pdf, height))
        {
          /* Translators: a table's title at the top of the next page it goes on to */
          g_autofree char *continued = g_strdup_printf (_ ("%s (continued)"), title);

          sl_pdf_paragraph (pdf, continued, SL_PDF_FONT_SMALL, 0.35, 4);
          header_row (pdf, &geometry, header, header_height);
        }
      draw_row (pdf, &geometry, cells, height, r % 2 == 1 ? 0.95 : 1);
      free_layouts (cells, n);
      sl_export_ticker_advance (pdf->ticker, 1);
    }
  if (ok && sl_report_table_get_n_rows (table) == 0)
    /* Translators: in a report's PDF, under a table without rows */
    sl_pdf_paragraph (pdf, _ ("Nothing to count"), SL_PDF_FONT_SMALL, 0.35, 0);
  sl_pdf_rule (pdf, pdf->y, 0.8, 0);
  pdf->y += GAP_AFTER_TABLE;
  free_layouts (header, n);
  table_geometry_clear (&geometry);
  sl_export_ticker_advance (pdf->ticker, 1);
  return ok;
}
