/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-pdf.c — reports as a PDF to print or forward, with cairo and pango
 *
 * A4 pages: a title page (the filters, the date, who exported it), then each report from a new
 * page: its heading, and for each table its chart (bars, or a funnel narrowing down the stages)
 * and the table itself (drawn by sl-report-pdf-tables.c). A row never splits across pages, and
 * a table that goes on to the next page repeats its header there. Every page ends in “Page N of
 * M”, so the document is laid out twice: once to count the pages, once to draw them, through
 * the same code so both agree. Numbers are formatted by sl_report_table_format (), in the
 * user's language; charts are gray bars with their values written beside them, so they read
 * the same printed in black and white.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-report-pdf-private.h"

static const char *const font_names[SL_PDF_N_FONTS] = {
  [SL_PDF_FONT_TITLE] = "Sans Bold 26",      [SL_PDF_FONT_HEADING] = "Sans Bold 18",
  [SL_PDF_FONT_SUBHEADING] = "Sans Bold 12", [SL_PDF_FONT_INFO] = "Sans 12",
  [SL_PDF_FONT_CAPTION] = "Sans Bold 9",     [SL_PDF_FONT_BODY] = "Sans 9",
  [SL_PDF_FONT_BOLD] = "Sans Bold 9",        [SL_PDF_FONT_SMALL] = "Sans 8",
};

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  SlPdf *pdf = closure;

  if (pdf->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!sl_export_file_write (pdf->file, data, length, &pdf->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Text */

PangoLayout *
sl_pdf_layout_new (SlPdf *pdf, const char *text, SlPdfFont font, double width,
                   PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (pdf->context);

  pango_layout_set_font_description (layout, pdf->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

double
sl_pdf_layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (height);
}

double
sl_pdf_layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (width);
}

void
sl_pdf_show_layout (SlPdf *pdf, PangoLayout *layout, double x, double y, double gray)
{
  if (!pdf->drawing)
    return;
  cairo_set_source_rgb (pdf->cr, gray, gray, gray);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Draws a paragraph at the current position across the page and moves below it */
void
sl_pdf_paragraph (SlPdf *pdf, const char *text, SlPdfFont font, double gray, double space_after)
{
  g_autoptr (PangoLayout) layout =
    sl_pdf_layout_new (pdf, text, font, CONTENT_WIDTH, PANGO_ALIGN_LEFT);

  sl_pdf_show_layout (pdf, layout, MARGIN, pdf->y, gray);
  pdf->y += sl_pdf_layout_height (layout) + space_after;
}

static double
paragraph_height (SlPdf *pdf, const char *text, SlPdfFont font)
{
  g_autoptr (PangoLayout) layout =
    sl_pdf_layout_new (pdf, text, font, CONTENT_WIDTH, PANGO_ALIGN_LEFT);

  return sl_pdf_layout_height (layout);
}

void
sl_pdf_fill_rectangle (SlPdf *pdf, double x, double y, double width, double height, double gray)
{
  if (!pdf->drawing)
    return;
  cairo_set_source_rgb (pdf->cr, gray, gray, gray);
  cairo_rectangle (pdf->cr, x, y, width, height);
  cairo_fill (pdf->cr);
}

void
sl_pdf_rule (SlPdf *pdf, double y, double width, double gray)
{
  if (!pdf->drawing)
    return;
  cairo_set_source_rgb (pdf->cr, gray, gray, gray);
  cairo_set_line_width (pdf->cr, width);
  cairo_move_to (pdf->cr, MARGIN, y);
  cairo_line_to (pdf->cr, MARGIN + CONTENT_WIDTH, y);
  cairo_stroke (pdf->cr);
}

/* Pages */

static void
end_page (SlPdf *pdf)
{
  if (pdf->drawing)
    {
      /* Translators: the footer of a report's PDF pages */
      g_autofree char *number = g_strdup_printf (_ ("Page %d of %d"), pdf->page, pdf->n_pages);
      g_autoptr (PangoLayout) left = sl_pdf_layout_new (pdf, pdf->footer, SL_PDF_FONT_SMALL,
                                                        CONTENT_WIDTH * 0.7, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) right =
        sl_pdf_layout_new (pdf, number, SL_PDF_FONT_SMALL, CONTENT_WIDTH, PANGO_ALIGN_RIGHT);
      double y = PAGE_HEIGHT - MARGIN - sl_pdf_layout_height (right);

      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      sl_pdf_rule (pdf, y - 6, 0.5, 0.6);
      sl_pdf_show_layout (pdf, left, MARGIN, y, 0.3);
      sl_pdf_show_layout (pdf, right, MARGIN, y, 0.3);
    }
  if (pdf->drawing)
    cairo_show_page (pdf->cr);
}

static void
begin_page (SlPdf *pdf)
{
  pdf->page++;
  pdf->y = MARGIN;
}

static void
new_page (SlPdf *pdf)
{
  end_page (pdf);
  begin_page (pdf);
}

/* Starts a new page unless @height fits below the current position (or the page is empty) */
gboolean
sl_pdf_make_room (SlPdf *pdf, double height)
{
  if (pdf->y + height <= CONTENT_BOTTOM || pdf->y <= MARGIN)
    return FALSE;
  new_page (pdf);
  return TRUE;
}

/* The title page */

static char *
format_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  /* Translators: the date and time on a report's title page, a g_date_time_format () format:
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  return g_date_time_format (now, C_ ("report date", "%-d %B %Y, %H:%M"));
}

static void
title_page_item (SlPdf *pdf, const char *caption, const char *value)
{
  sl_pdf_paragraph (pdf, caption, SL_PDF_FONT_CAPTION, 0.35, 2);
  sl_pdf_paragraph (pdf, value, SL_PDF_FONT_INFO, 0, 16);
}

static void
title_page (SlPdf *pdf, GPtrArray *reports, const SlExportInfo *info, const char *date)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < reports->len; i++)
    g_ptr_array_add (titles, (gpointer) sl_report_get_title (reports->pdata[i]));
  g_ptr_array_add (titles, NULL);
  list = g_strjoinv (", ", (char **) titles->pdata);

  begin_page (pdf);
  pdf->y = PAGE_HEIGHT * 0.28;
  sl_pdf_paragraph (pdf, _ ("Hiring report"), SL_PDF_FONT_TITLE, 0, 10);
  sl_pdf_rule (pdf, pdf->y, 1.5, 0);
  pdf->y += 24;
  /* Translators: on a report's title page, above which applications it counts */
  title_page_item (pdf, _ ("Applications"),
                   info->filters && *info->filters ? info->filters : _ ("All applications"));
  /* Translators: on a report's title page, above the list of the reports it holds */
  title_page_item (pdf, _ ("Reports"), list);
  /* Translators: on a report's title page, above the date it was made */
  title_page_item (pdf, _ ("Date"), date);
  if (info->author != NULL && *info->author != '\0')
    /* Translators: on a report's title page, above the name of who made it */
    title_page_item (pdf, _ ("Exported by"), info->author);
}

static gboolean
report_pages (SlPdf *pdf, SlReport *report)
{
  guint n_tables = sl_report_get_n_tables (report);

  new_page (pdf);
  if (pdf->drawing)
    {
      g_autofree char *link = g_strdup_printf ("page=%d pos=[%g %g]", pdf->page, MARGIN, MARGIN);
      cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT,
                                     sl_report_get_title (report), link, 0);
    }
  sl_pdf_paragraph (pdf, sl_report_get_title (report), SL_PDF_FONT_HEADING, 0, 14);
  for (guint t = 0; t < n_tables; t++)
    {
      SlReportTable *table = sl_report_get_table (report, t);
      g_autofree char *title = sl_report_export_table_title (report, table);
      const char *own_title = sl_report_table_get_title (table);
      double title_height = 0, keep;

      if (g_cancellable_is_cancelled (pdf->cancellable))
        return FALSE;
      if (own_title != NULL && *own_title != '\0' &&
          !g_str_equal (own_title, sl_report_get_title (report)))
        title_height = paragraph_height (pdf, own_title, SL_PDF_FONT_SUBHEADING) + 8;
      /* A title stays with what follows it, and a chart that fits on a page with its title is
       * not split across two */
      keep = 60;
      if (sl_pdf_has_chart (table) &&
          title_height + sl_pdf_chart_height (pdf, table) <= CONTENT_BOTTOM - MARGIN)
        keep = MAX (keep, sl_pdf_chart_height (pdf, table));
      sl_pdf_make_room (pdf, title_height + keep);
      if (title_height > 0)
        sl_pdf_paragraph (pdf, own_title, SL_PDF_FONT_SUBHEADING, 0, 8);
      if (sl_pdf_has_chart (table))
        sl_pdf_chart (pdf, table);
      if (!sl_pdf_table (pdf, table, title))
        return FALSE;
    }
  return TRUE;
}

/* Lays the document out, drawing it if @pdf->drawing */
static gboolean
layout_document (SlPdf *pdf, GPtrArray *reports, const SlExportInfo *info, const char *date)
{
  pdf->page = 0;
  title_page (pdf, reports, info, date);
  for (guint i = 0; i < reports->len; i++)
    if (!report_pages (pdf, reports->pdata[i]))
      return FALSE;
  end_page (pdf);
  return TRUE;
}

static void
set_metadata (SlPdf *pdf, const SlExportInfo *info)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, _ ("Hiring report"));
  if (info->author != NULL && *info->author != '\0')
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_AUTHOR, info->author);
  if (info->filters != NULL && *info->filters != '\0')
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_SUBJECT, info->filters);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Shortlist");
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

gboolean
sl_report_export_pdf (GPtrArray *reports, const SlExportInfo *info, SlExportFile *file,
                      SlExportTicker *ticker, GCancellable *cancellable, GError **error)
{
  SlPdf pdf = { 0 };
  g_autofree char *date = format_now ();
  cairo_status_t status;
  gboolean ok;

  pdf.file = file;
  pdf.ticker = ticker;
  pdf.cancellable = cancellable;
  pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, &pdf, PAGE_WIDTH, PAGE_HEIGHT);
  pdf.cr = cairo_create (pdf.surface);
  pdf.context = pango_cairo_create_context (pdf.cr);
  for (guint i = 0; i < SL_PDF_N_FONTS; i++)
    pdf.fonts[i] = pango_font_description_from_string (font_names[i]);
  /* Translators: the left of a report's PDF footer: “Hiring report · 5 March 2026, 14:03” */
  pdf.footer = g_strdup_printf (C_ ("report footer", "%s · %s"), _ ("Hiring report"), date);
  set_metadata (&pdf, info);

  ok = layout_document (&pdf, reports, info, date);
  if (ok)
    {
      pdf.n_pages = pdf.page;
      pdf.drawing = TRUE;
      ok = layout_document (&pdf, reports, info, date);
    }

  for (guint i = 0; i < SL_PDF_N_FONTS; i++)
    {
      pango_font_description_free (pdf.fonts[i]);
      g_clear_object (&pdf.measure[i]);
    }
  g_object_unref (pdf.context);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  g_free (pdf.footer);

  if (pdf.write_error != NULL)
    {
      g_propagate_error (error, pdf.write_error);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!ok || status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: the first %s is a file name, the second why it failed */
                   _ ("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
