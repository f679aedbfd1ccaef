/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-view.c — one report on screen: each table as its chart and its numbers
 *
 * Reports are small (a row per stage, source or country), so a table is a grid of labels rather
 * than a list view; a wide one scrolls sideways on a narrow window. The numbers are the core's
 * own, formatted in the user's language by sl_report_table_format ().
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-bar-chart.h"
#include "sl-report-view.h"

#define HEADER_ROWS 2 /* the column titles and the line under them */

struct _SlReportView
{
  GtkWidget parent_instance;

  SlReport *report;
  GPtrArray *grids; /* GtkGrid, one per table, owned by the view's children */
};

G_DEFINE_FINAL_TYPE (SlReportView, sl_report_view, GTK_TYPE_WIDGET)

static GtkWidget *
text_label (const char *text, const char *css_class, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
table_grid (SlReportTable *table)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n_columns = sl_report_table_get_n_columns (table);
  guint n_rows = sl_report_table_get_n_rows (table);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sl_report_table_get_title (table), -1);
  for (guint column = 0; column < n_columns; column++)
    {
      gboolean number = sl_report_table_get_column_type (table, column) != SL_REPORT_TEXT;
      GtkWidget *title =
        text_label (sl_report_table_get_column_title (table, column), "heading", number ? 1 : 0);

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), number ? 14 : 30);
      gtk_label_set_justify (GTK_LABEL (title), number ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (title, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (grid), title, (int) column, 0, 1, 1);
      for (guint row = 0; row < n_rows; row++)
        {
          g_autofree char *text = sl_report_table_format (table, row, column);
          GtkWidget *cell = text_label (text, number ? "numeric" : NULL, number ? 1 : 0);

          gtk_label_set_selectable (GTK_LABEL (cell), FALSE);
          if (!number)
            {
              gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
              gtk_label_set_max_width_chars (GTK_LABEL (cell), 40);
            }
          gtk_grid_attach (GTK_GRID (grid), cell, (int) column, (int) row + HEADER_ROWS, 1, 1);
        }
    }
  gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, 1,
                   (int) MAX (n_columns, 1), 1);
  return grid;
}

static void
add_table (SlReportView *self, GtkBox *box, SlReportTable *table)
{
  GtkWidget *heading = text_label (sl_report_table_get_title (table), "title-4", 0);
  GtkWidget *scrolled;
  GtkWidget *grid;

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_margin_top (heading, 18);
  gtk_box_append (box, heading);
  if (sl_report_table_get_n_rows (table) == 0)
    {
      GtkWidget *none = text_label (_ ("No applications match these filters."), "dim-label", 0);

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_box_append (box, none);
      g_ptr_array_add (self->grids, NULL);
      return;
    }
  if (sl_report_table_get_chart (table) != SL_REPORT_CHART_NONE)
    {
      /* The bars show one column of the table below: say which, since a title can name more */
      g_autofree char *legend = g_strdup_printf (
        /* Translators: under a report's chart title; %s is the column its bars show */
        _ ("Bars: %s"),
        sl_report_table_get_column_title (table, sl_report_table_get_chart_column (table)));
      GtkWidget *caption = text_label (legend, "dim-label", 0);

      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_box_append (box, caption);
      gtk_box_append (box, sl_bar_chart_new (table));
    }

  /* A table wider than the window scrolls sideways, on its own */
  grid = table_grid (table);
  g_ptr_array_add (self->grids, grid);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_widget_set_margin_top (scrolled, 6);
  gtk_box_append (box, scrolled);
}

GtkWidget *
sl_report_view_new (SlReport *report, const char *filters)
{
  SlReportView *self;
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *subtitle;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (SL_TYPE_REPORT_VIEW, NULL);
  self->report = sl_report_ref (report);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = text_label (sl_report_get_title (report), "title-2", 0);
  subtitle = text_label (filters, "dim-label", 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  for (guint i = 0; i < sl_report_get_n_tables (report); i++)
    add_table (self, GTK_BOX (box), sl_report_get_table (report, i));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sl_report_get_title (report), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  filters, -1);
  return GTK_WIDGET (self);
}

SlReport *
sl_report_view_get_report (SlReportView *self)
{
  g_return_val_if_fail (SL_IS_REPORT_VIEW (self), NULL);
  return self->report;
}

/* The text a cell of the table shows, or NULL if there is no such cell */
char *
sl_report_view_dup_cell (SlReportView *self, guint table, guint row, guint column)
{
  GtkWidget *cell;

  g_return_val_if_fail (SL_IS_REPORT_VIEW (self), NULL);

  if (table >= self->grids->len || self->grids->pdata[table] == NULL)
    return NULL;
  cell = gtk_grid_get_child_at (self->grids->pdata[table], (int) column, (int) row + HEADER_ROWS);
  return GTK_IS_LABEL (cell) ? g_strdup (gtk_label_get_text (GTK_LABEL (cell))) : NULL;
}

static void
sl_report_view_dispose (GObject *object)
{
  SlReportView *self = SL_REPORT_VIEW (object);
  GtkWidget *child;

  g_ptr_array_set_size (self->grids, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (sl_report_view_parent_class)->dispose (object);
}

static void
sl_report_view_finalize (GObject *object)
{
  SlReportView *self = SL_REPORT_VIEW (object);

  g_clear_pointer (&self->report, sl_report_unref);
  g_ptr_array_unref (self->grids);
  G_OBJECT_CLASS (sl_report_view_parent_class)->finalize (object);
}

static void
sl_report_view_class_init (SlReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_report_view_dispose;
  object_class->finalize = sl_report_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sl_report_view_init (SlReportView *self)
{
  self->grids = g_ptr_array_new ();
  /* Nothing in a report takes the keyboard: the report itself does, to be scrolled */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}
