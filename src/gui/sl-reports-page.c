/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-reports-page.c — the Reports view: the hiring reports as charts and tables, filtered,
 * and exported as CSV, XLSX or PDF
 *
 * The shown report is computed on the store's worker connection; a change of filter waits a
 * moment for the next keystroke, then cancels the run in flight and starts another. Results
 * are kept per report for the current filters, so going back to one is instant, and dropped
 * when the filters or the data change. Hidden, the page only notes that its numbers are stale.
 * Export computes all seven reports afresh with the filters shown, on a thread of its own
 * (see sl-export-bar.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-countries.h"
#include "sl-export-bar.h"
#include "sl-option.h"
#include "sl-store-positions.h"
#include "sl-report-view.h"
#include "sl-date-row.h"
#include "sl-reports-page.h"
#include "sl-time.h"
#include "sl-vocab.h"
#include "sl-widgets.h"

#define REFRESH_DELAY_MS 300
#define DATE_LENGTH 10 /* YYYY-MM-DD */

struct _SlReportsPage
{
  GtkWidget parent_instance;

  SlStore *store;
  GCancellable *cancellable; /* the report being computed */
  GCancellable *positions_cancellable;
  guint busy;
  guint refresh_id;
  gboolean stale; /* the data changed while hidden: compute again when shown */
  gboolean dirty; /* the data changed: compute again even if the filters did not */
  SlReportKind shown;
  SlReportFilter filter;           /* what the results below were computed with */
  SlReport *reports[SL_N_REPORTS]; /* the results, NULL until computed */
  GListStore *positions;           /* SlOption: “All positions”, then each position */
  SlReportView *view;              /* the report on screen (the clamp holds it) */

  AdwViewSwitcherTitle *switcher_title;
  GtkWidget *back_button;
  GtkWidget *spinner;
  GtkWidget *loading_spinner;
  GtkWidget *filter_area;
  GtkFlowBox *filter_box;
  GtkDropDown *position_filter;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkDropDown *country_filter;
  GtkDropDown *stack_filter;
  GtkDropDown *seniority_filter;
  GtkLabel *filter_message;
  AdwLeaflet *leaflet;
  GtkListBox *report_list;
  GtkStack *content_stack;
  GtkScrolledWindow *report_scrolled;
  AdwClamp *report_clamp;
  AdwStatusPage *error_page;
  SlExportBar *export_bar;
};

G_DEFINE_FINAL_TYPE (SlReportsPage, sl_reports_page, GTK_TYPE_WIDGET)

static void run (SlReportsPage *self);

/* Filters */

static const char *
selected_id (GtkDropDown *dropdown)
{
  SlOption *option = gtk_drop_down_get_selected_item (dropdown);
  const char *id = option ? sl_option_get_id (option) : NULL;

  return id != NULL && *id != '\0' ? id : NULL;
}

/* A day typed as ISO (2026-01-31) or in the locale's order (31.01.2026), as the UTC second it
 * starts; "" is no limit (0) */
static gboolean
parse_date (const char *text, gint64 *out)
{
  int year, month, day;
  g_autoptr (GDateTime) at = NULL;

  *out = 0;
  if (*text == '\0')
    return TRUE;
  if (!sl_time_parse_date (text, &year, &month, &day))
    return FALSE;
  at = g_date_time_new_utc (year, month, day, 0, 0, 0);
  *out = g_date_time_to_unix (at);
  return TRUE;
}

static void
mark_entry (GtkEntry *entry, const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Reads a date entry; a date still being typed in it (@patient) is not an error yet */
static gboolean
read_date (GtkEntry *entry, gboolean patient, gint64 *out, GString *messages, gboolean *typing)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *message = NULL;

  if (parse_date (text, out))
    {
      mark_entry (entry, NULL);
      return TRUE;
    }
  if (patient &&
      gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))) &&
      strlen (text) < DATE_LENGTH)
    {
      *typing = TRUE;
      return FALSE;
    }
  message = sl_date_not_a_date_message (text);
  mark_entry (entry, message);
  if (messages->len > 0)
    g_string_append_c (messages, '\n');
  g_string_append (messages, message);
  return FALSE;
}

/* The filters as the controls set them; FALSE (and says why) if a date is wrong */
static gboolean
read_filter (SlReportsPage *self, gboolean patient, SlReportFilter *filter)
{
  g_autoptr (GString) messages = g_string_new (NULL);
  const char *position = selected_id (self->position_filter);
  gboolean typing = FALSE;
  gboolean valid;

  memset (filter, 0, sizeof *filter);
  valid = read_date (self->from_entry, patient, &filter->from, messages, &typing);
  valid = read_date (self->to_entry, patient, &filter->to, messages, &typing) && valid;
  if (valid && filter->to > 0)
    /* The To day is included: the filter ends as the next one starts */
    filter->to += 24 * 60 * 60;
  if (valid && filter->from > 0 && filter->to > 0 && filter->to <= filter->from)
    {
      const char *message = _ ("The To date is before the From date.");

      mark_entry (self->to_entry, message);
      g_string_append (messages, message);
      valid = FALSE;
    }
  gtk_label_set_text (self->filter_message, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_message), messages->len > 0);
  if (!valid)
    return FALSE;
  filter->position_id = position ? g_ascii_strtoll (position, NULL, 10) : 0;
  filter->country = g_strdup (selected_id (self->country_filter));
  filter->stack = g_strdup (selected_id (self->stack_filter));
  filter->seniority = g_strdup (selected_id (self->seniority_filter));
  return TRUE;
}

static gboolean
filter_equal (const SlReportFilter *a, const SlReportFilter *b)
{
  return a->position_id == b->position_id && a->from == b->from && a->to == b->to &&
         g_strcmp0 (a->country, b->country) == 0 && g_strcmp0 (a->stack, b->stack) == 0 &&
         g_strcmp0 (a->seniority, b->seniority) == 0;
}

static void
drop_results (SlReportsPage *self)
{
  for (guint i = 0; i < SL_N_REPORTS; i++)
    g_clear_pointer (&self->reports[i], sl_report_unref);
}

/* Takes the filters from the controls and computes the shown report if they (or the data)
 * changed, or if it was never computed */
static void
apply_filters (SlReportsPage *self, gboolean patient)
{
  SlReportFilter filter;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (!read_filter (self, patient, &filter))
    {
      /* Until the dates are right, a report is computed with the last filters that were */
      if (self->dirty)
        drop_results (self);
      self->dirty = FALSE;
      if (self->reports[self->shown] == NULL)
        run (self);
      return;
    }
  if (self->dirty || !filter_equal (&filter, &self->filter))
    {
      sl_report_filter_clear (&self->filter);
      self->filter = filter;
      self->dirty = FALSE;
      drop_results (self);
    }
  else
    sl_report_filter_clear (&filter);
  if (self->reports[self->shown] == NULL)
    run (self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  SlReportsPage *self = user_data;

  self->refresh_id = 0;
  apply_filters (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Waits for the next keystroke or click before computing */
static void
schedule_refresh (SlReportsPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
filters_changed_cb (SlReportsPage *self)
{
  schedule_refresh (self);
}

/* Enter, or leaving a date field, checks it at once */
static void
date_done_cb (SlReportsPage *self)
{
  apply_filters (self, FALSE);
}

/* Showing */

static void
update_busy (SlReportsPage *self)
{
  gboolean busy = self->busy > 0;

  gtk_widget_set_visible (self->spinner, busy);
}

static void
display (SlReportsPage *self)
{
  SlReport *report = self->reports[self->shown];
  g_autofree char *filters = NULL;
  GtkWidget *view;
  gboolean same_kind, had_focus;

  same_kind = self->view != NULL &&
              sl_report_get_kind (sl_report_view_get_report (self->view)) == self->shown;
  if (report == NULL)
    {
      /* The previous numbers of the same report stay while the new ones come */
      if (!same_kind)
        gtk_stack_set_visible_child_name (self->content_stack, "loading");
      return;
    }
  /* Nothing counted (an empty file, or filters that match nothing): a status page instead of
   * charts of zeros; the view still holds the report, which is the one shown and exported */
  gtk_stack_set_visible_child_name (self->content_stack,
                                    sl_report_has_data (report) ? "report" : "empty");
  if (self->view != NULL && sl_report_view_get_report (self->view) == report)
    return;
  had_focus = self->view != NULL && gtk_widget_has_focus (GTK_WIDGET (self->view));
  filters = sl_report_filter_describe (&self->filter, sl_store_get_database (self->store));
  view = sl_report_view_new (report, filters);
  adw_clamp_set_child (self->report_clamp, view);
  self->view = SL_REPORT_VIEW (view);
  /* New numbers under the keyboard: it stays on the report */
  if (had_focus)
    gtk_widget_grab_focus (view);
  if (!same_kind)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->report_scrolled), 0);
}

static void
ran_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlReportsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = sl_store_run_reports_finish (SL_STORE (source), result, &error);
  SlReport *report;

  self->busy--;
  update_busy (self);
  if (reports == NULL)
    {
      /* A newer run replaces a cancelled one */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->content_stack, "error");
        }
      return;
    }
  g_return_if_fail (reports->len == 1);
  report = g_ptr_array_index (reports, 0);
  g_clear_pointer (&self->reports[sl_report_get_kind (report)], sl_report_unref);
  self->reports[sl_report_get_kind (report)] = sl_report_ref (report);
  display (self);
}

/* Computes the shown report with the current filters, on the worker thread */
static void
run (SlReportsPage *self)
{
  SlReportKind kind = self->shown;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy++;
  update_busy (self);
  display (self);
  sl_store_run_reports_async (self->store, &kind, 1, &self->filter, self->cancellable, ran_cb,
                              g_object_ref (self));
}

void
sl_reports_page_show_report (SlReportsPage *self, SlReportKind kind)
{
  GtkListBoxRow *row;

  g_return_if_fail (SL_IS_REPORTS_PAGE (self));
  g_return_if_fail (kind < SL_N_REPORTS);

  row = gtk_list_box_get_selected_row (self->report_list);
  if (row == NULL || gtk_list_box_row_get_index (row) != (int) kind)
    {
      /* Selecting the row comes back here */
      gtk_list_box_select_row (self->report_list,
                               gtk_list_box_get_row_at_index (self->report_list, (int) kind));
      return;
    }
  self->shown = kind;
  if (self->store == NULL)
    return;
  if (self->reports[kind] != NULL)
    display (self);
  else if (self->refresh_id == 0 && !self->stale)
    apply_filters (self, TRUE);
  else
    display (self);
}

static void
row_selected_cb (SlReportsPage *self, GtkListBoxRow *row)
{
  if (row != NULL)
    sl_reports_page_show_report (self, (SlReportKind) gtk_list_box_row_get_index (row));
}

static gboolean
showing_content (SlReportsPage *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->content_stack);
}

static void
row_activated_cb (SlReportsPage *self, GtkListBoxRow *row)
{
  if (!adw_leaflet_get_folded (self->leaflet))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  sl_reports_page_focus (self);
}

/* A narrow window shows the filters over the list of reports, and a report alone (its
 * filters said under its title) */
static void
update_fold (SlReportsPage *self)
{
  gboolean content = showing_content (self);

  gtk_widget_set_visible (self->back_button, content);
  gtk_widget_set_visible (self->filter_area, !content);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlReportsPage *self = SL_REPORTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  sl_reports_page_focus (self);
}

/* Puts the keyboard in the list of reports, or in the report on a narrow window */
void
sl_reports_page_focus (SlReportsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->report_list);

  if (showing_content (self))
    {
      /* The report from its top; the keyboard on it scrolls it (Page Down) */
      if (self->view != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->report_scrolled), 0);
    }
  else if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Recomputes the shown report, now */
void
sl_reports_page_reload (SlReportsPage *self)
{
  g_return_if_fail (SL_IS_REPORTS_PAGE (self));

  self->stale = FALSE;
  self->dirty = TRUE;
  apply_filters (self, FALSE);
}

gboolean
sl_reports_page_is_busy (SlReportsPage *self)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), FALSE);
  return self->busy > 0 || self->refresh_id != 0 || self->positions_cancellable != NULL ||
         sl_export_bar_is_busy (self->export_bar);
}

SlReportKind
sl_reports_page_get_shown (SlReportsPage *self)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), SL_REPORT_FUNNEL);
  return self->shown;
}

/* The report on screen, or NULL */
SlReport *
sl_reports_page_get_report (SlReportsPage *self)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), NULL);
  return self->view ? sl_report_view_get_report (self->view) : NULL;
}

/* The filters the report on screen was computed with */
const SlReportFilter *
sl_reports_page_get_filter (SlReportsPage *self)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), NULL);
  return &self->filter;
}

/* The text a cell of the shown report's table reads on screen */
char *
sl_reports_page_dup_cell (SlReportsPage *self, guint table, guint row, guint column)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), NULL);
  return self->view ? sl_report_view_dup_cell (self->view, table, row, column) : NULL;
}

/* The store */

static void
positions_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlReportsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) positions =
    sl_store_list_positions_finish (SL_STORE (source), result, &error);
  g_autofree char *keep = g_strdup (selected_id (self->position_filter));
  g_autoptr (GPtrArray) options = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (positions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&self->positions_cancellable);
          sl_widget_toast (GTK_WIDGET (self), error->message);
        }
      return;
    }
  g_clear_object (&self->positions_cancellable);
  n = g_list_model_get_n_items (positions);
  g_ptr_array_add (options, sl_option_new ("", _ ("All positions")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlPosition) position = g_list_model_get_item (positions, i);
      const char *client = sl_position_get_text (position, SL_POSITION_CLIENT);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sl_position_get_id (position));
      g_autofree char *label =
        client != NULL && *client != '\0'
          /* Translators: a position in the report filter: its title, then its client */
          ? g_strdup_printf (_ ("%s — %s"), sl_position_get_title (position), client)
          : g_strdup (sl_position_get_title (position));

      g_ptr_array_add (options, sl_option_new (id, label));
    }
  /* The same position stays chosen; one that went away leaves all positions */
  g_signal_handlers_block_by_func (self->position_filter, filters_changed_cb, self);
  g_list_store_splice (self->positions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->positions)), options->pdata,
                       options->len);
  gtk_drop_down_set_selected (self->position_filter,
                              sl_option_find (G_LIST_MODEL (self->positions), keep));
  g_signal_handlers_unblock_by_func (self->position_filter, filters_changed_cb, self);
  if (g_strcmp0 (keep, selected_id (self->position_filter)) != 0)
    schedule_refresh (self);
}

static void
load_positions (SlReportsPage *self)
{
  g_cancellable_cancel (self->positions_cancellable);
  g_clear_object (&self->positions_cancellable);
  self->positions_cancellable = g_cancellable_new ();
  sl_store_list_positions_async (self->store, self->positions_cancellable, positions_loaded_cb,
                                 g_object_ref (self));
}

static void
data_changed_cb (SlReportsPage *self)
{
  /* Hidden, it waits until it is shown */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->dirty = TRUE;
  load_positions (self);
  /* Changes come in bursts (a move is a position change and an interview change) */
  schedule_refresh (self);
}

static void
map_cb (GtkWidget *widget, gpointer user_data)
{
  SlReportsPage *self = SL_REPORTS_PAGE (widget);

  if (!self->stale || self->store == NULL)
    return;
  self->stale = FALSE;
  self->dirty = TRUE;
  load_positions (self);
  apply_filters (self, FALSE);
}

void
sl_reports_page_set_store (SlReportsPage *self, SlStore *store)
{
  static const char *const signals[] = {
    "reset", "position-changed", "interviews-changed", "candidate-changed", "candidate-removed",
  };

  g_return_if_fail (SL_IS_REPORTS_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (store, signals[i], G_CALLBACK (data_changed_cb), self,
                             G_CONNECT_SWAPPED);
  sl_combo_set_options (G_OBJECT (self->stack_filter),
                        sl_store_list_stacks (store, _ ("Any stack")));
  /* Nothing is computed until the page is first shown */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    map_cb (GTK_WIDGET (self), NULL);
}

/* Export */

/* Writes all the reports, with the filters the controls show, to @path as @format; the page
 * shows the progress, with Cancel. FALSE if the filters are wrong or an export is under way. */
gboolean
sl_reports_page_export_to (SlReportsPage *self, SlExportFormat format, const char *path)
{
  SlReportFilter filter;
  gboolean started;

  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!read_filter (self, FALSE, &filter))
    {
      sl_widget_toast (GTK_WIDGET (self), _ ("Correct the dates to export the reports"));
      return FALSE;
    }
  started = sl_export_bar_export_reports (self->export_bar, self->store, &filter, format, path);
  sl_report_filter_clear (&filter);
  return started;
}

void
sl_reports_page_cancel_export (SlReportsPage *self)
{
  g_return_if_fail (SL_IS_REPORTS_PAGE (self));
  sl_export_bar_cancel (self->export_bar);
}

static void
export_chosen_cb (GtkWidget *from, SlExportFormat format, const char *path)
{
  sl_reports_page_export_to (SL_REPORTS_PAGE (from), format, path);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlExportFormat format;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (!sl_export_format_from_id (g_variant_get_string (parameter, NULL), &format))
    return;
  /* Dates that cannot be read are said at once, not after a file has been chosen */
  {
    SlReportFilter filter;

    if (!read_filter (SL_REPORTS_PAGE (widget), FALSE, &filter))
      {
        sl_widget_toast (widget, _ ("Correct the dates to export the reports"));
        return;
      }
    sl_report_filter_clear (&filter);
  }
  /* Translators: the suggested name of an exported report file, without its extension; %s is
   * today's date, such as 2026-11-29 */
  name = g_strdup_printf (_ ("Hiring report %s"), date);
  sl_export_choose_file (widget, _ ("Export Reports"), name, format, export_chosen_cb);
}

/* Building */

static void
setup_filter (SlReportsPage *self, GtkDropDown *dropdown, GListModel *options)
{
  if (options != NULL)
    sl_combo_set_options (G_OBJECT (dropdown), options);
  /* A long position title would widen the filter bar past a narrow window: the choice wraps
   * to fit, the filter bar fitting six of them on a line */
  sl_drop_down_wrap (dropdown, 30);
  gtk_widget_set_hexpand (GTK_WIDGET (dropdown), TRUE);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
setup_date (SlReportsPage *self, GtkEntry *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *example = sl_time_date_example ();
  /* Translators: the hint in an empty date field of the reports' filters: an example date in
   * the user's own format, so it does not read as a date already typed there */
  g_autofree char *hint = g_strdup_printf (_ ("e.g. %s"), example);

  /* What to type, in the user's own order (ISO is taken too) */
  gtk_entry_set_placeholder_text (entry, hint);
  g_signal_connect_object (entry, "changed", G_CALLBACK (filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (date_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (date_done_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
build_report_list (SlReportsPage *self)
{
  for (guint kind = 0; kind < SL_N_REPORTS; kind++)
    {
      GtkWidget *label = gtk_label_new (sl_report_kind_title (kind));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (self->report_list, label);
    }
  gtk_list_box_select_row (self->report_list, gtk_list_box_get_row_at_index (self->report_list, 0));
  g_signal_connect_object (self->report_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report_list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sl_reports_page_dispose (GObject *object)
{
  SlReportsPage *self = SL_REPORTS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->positions_cancellable);
  g_clear_object (&self->positions_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  self->view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_REPORTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  drop_results (self);
  sl_report_filter_clear (&self->filter);
  g_clear_object (&self->positions);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_reports_page_parent_class)->dispose (object);
}

static void
sl_reports_page_class_init (SlReportsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_reports_page_dispose;
  g_type_ensure (SL_TYPE_EXPORT_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, filter_area);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, position_filter);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, country_filter);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, stack_filter);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, seniority_filter);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, filter_message);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, report_list);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, report_scrolled);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, report_clamp);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SlReportsPage, export_bar);
  gtk_widget_class_install_action (widget_class, "reports.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "reports.back", NULL, back_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sl_reports_page_init (SlReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_spinner_spin_while_mapped (self->spinner);
  sl_spinner_spin_while_mapped (self->loading_spinner);

  /* The filters are reached with Tab, not as cells of a grid */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  self->positions = g_list_store_new (SL_TYPE_OPTION);
  {
    g_autoptr (SlOption) all = sl_option_new ("", _ ("All positions"));
    g_list_store_append (self->positions, all);
  }
  setup_filter (self, self->position_filter, g_object_ref (G_LIST_MODEL (self->positions)));
  setup_filter (self, self->country_filter, sl_countries_model (_ ("Any country")));
  sl_drop_down_searchable (self->country_filter);
  setup_filter (self, self->stack_filter, NULL);
  setup_filter (self, self->seniority_filter,
                sl_vocab_model (SL_VOCAB_SENIORITY, _ ("Any seniority")));
  setup_date (self, self->from_entry);
  setup_date (self, self->to_entry);
  build_report_list (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_fold), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (update_fold), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
