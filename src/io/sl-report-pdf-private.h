/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-pdf-private.h — what the two halves of the PDF writer share: the page, the fonts
 * and the drawing helpers of sl-report-pdf.c, used by the charts and tables of
 * sl-report-pdf-tables.c */
#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sl-report-export-private.h"

G_BEGIN_DECLS

/* A4 in points, with margins of 2 cm */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN 56.69
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_HEIGHT 28.0
#define CONTENT_BOTTOM (PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT)

#define CELL_PADDING 4.0
#define NUMBER_GAP 10.0
#define BAR_HEIGHT 13.0
#define BAR_GAP 5.0
#define GAP_AFTER_TABLE 22.0

typedef enum
{
  SL_PDF_FONT_TITLE,
  SL_PDF_FONT_HEADING,
  SL_PDF_FONT_SUBHEADING,
  SL_PDF_FONT_INFO,
  SL_PDF_FONT_CAPTION,
  SL_PDF_FONT_BODY,
  SL_PDF_FONT_BOLD,
  SL_PDF_FONT_SMALL,
  SL_PDF_N_FONTS
} SlPdfFont;

/* The document being laid out, or drawn on the second pass */
typedef struct
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *fonts[SL_PDF_N_FONTS];
  PangoLayout *measure[SL_PDF_N_FONTS]; /* made as needed, to measure text */
  SlExportFile *file;
  GError *write_error;

  gboolean drawing; /* the second pass */
  int page;         /* the page being laid out, from 1 */
  int n_pages;      /* counted by the first pass */
  double y;
  char *footer;

  SlExportTicker *ticker;
  GCancellable *cancellable;
} SlPdf;

PangoLayout *sl_pdf_layout_new (SlPdf *pdf, const char *text, SlPdfFont font, double width,
                                PangoAlignment alignment);
double sl_pdf_layout_height (PangoLayout *layout);
double sl_pdf_layout_width (PangoLayout *layout);
void sl_pdf_show_layout (SlPdf *pdf, PangoLayout *layout, double x, double y, double gray);
void sl_pdf_paragraph (SlPdf *pdf, const char *text, SlPdfFont font, double gray,
                       double space_after);
void sl_pdf_fill_rectangle (SlPdf *pdf, double x, double y, double width, double height,
                            double gray);
void sl_pdf_rule (SlPdf *pdf, double y, double width, double gray);
gboolean sl_pdf_make_room (SlPdf *pdf, double height);

gboolean sl_pdf_has_chart (SlReportTable *table);
void sl_pdf_chart (SlPdf *pdf, SlReportTable *table);
double sl_pdf_chart_height (SlPdf *pdf, SlReportTable *table);
gboolean sl_pdf_table (SlPdf *pdf, SlReportTable *table, const char *title);

G_END_DECLS
