/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-window.c — the main window: the candidate list beside the selected candidate
 *
 * The list is an SlCandidateList of row ids filled by a query on a worker thread; typing or
 * changing a filter cancels the query in flight and starts another. Only visible rows become
 * objects. The window keeps its size in GSettings.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-candidate-pane.h"
#include "sl-candidate-row.h"
#include "sl-candidate-selection.h"
#include "sl-candidate-view.h"
#include "sl-countries.h"
#include "sl-demo.h"
#include "sl-export-bar.h"
#include "sl-option.h"
#include "sl-interviews-page.h"
#include "sl-position-editor.h"
#include "sl-positions-page.h"
#include "sl-reports-page.h"
#include "sl-resume-cache.h"
#include "sl-server.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-window-private.h"
#include "sl-session.h"

/* How long the selection rests, moved by the keyboard, before the pane shows the candidate */
#define PANE_DELAY_MS 100
/* How long typing rests before the list is searched */
#define SEARCH_DELAY_MS 60
/* The candidate list's width beside the candidate, whatever either shows */
#define SIDEBAR_WIDTH 380

G_DEFINE_FINAL_TYPE (SlWindow, sl_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
filter_id (GtkDropDown *dropdown)
{
  SlOption *option = gtk_drop_down_get_selected_item (dropdown);

  return option ? sl_option_get_id (option) : NULL;
}

void
sl_window_update_title (SlWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  g_autofree char *subtitle = NULL;

  /* Translators: the number of candidates the list shows; %'u groups thousands */
  subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u candidate", "%'u candidates", n), n);
  gtk_label_set_label (self->count_label, subtitle);
  /* In a team database: whose window it is, before the count */
  if (self->member_name != NULL)
    {
      g_autofree char *count = g_steal_pointer (&subtitle);

      /* Translators: the team member logged in, then the number of candidates shown */
      subtitle = g_strdup_printf (C_ ("window subtitle", "%s · %s"), self->member_name, count);
    }
  adw_view_switcher_title_set_subtitle (self->list_title, subtitle);
}

/* What the list's header says under its title: a team database's member and the count */
const char *
sl_window_get_subtitle (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return adw_view_switcher_title_get_subtitle (self->list_title);
}

/* The candidate pane, made the first time a candidate is shown */
SlCandidatePane *
sl_window_get_pane (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  if (self->pane == NULL)
    {
      self->pane = SL_CANDIDATE_PANE (g_object_new (SL_TYPE_CANDIDATE_PANE, NULL));
      sl_candidate_pane_set_store (self->pane, self->store);
      adw_bin_set_child (self->pane_bin, GTK_WIDGET (self->pane));
    }
  return self->pane;
}

/* A page of the view stack, made the first time it is shown (or asked for) */
static void
ensure_page (SlWindow *self, const char *name)
{
  if (g_strcmp0 (name, "positions") == 0 && self->positions_page == NULL)
    {
      self->positions_page = SL_POSITIONS_PAGE (g_object_new (SL_TYPE_POSITIONS_PAGE, NULL));
      sl_positions_page_set_store (self->positions_page, self->store);
      adw_bin_set_child (self->positions_bin, GTK_WIDGET (self->positions_page));
    }
  else if (g_strcmp0 (name, "interviews") == 0 && self->interviews_page == NULL)
    {
      self->interviews_page = SL_INTERVIEWS_PAGE (g_object_new (SL_TYPE_INTERVIEWS_PAGE, NULL));
      sl_interviews_page_set_store (self->interviews_page, self->store);
      adw_bin_set_child (self->interviews_bin, GTK_WIDGET (self->interviews_page));
    }
  else if (g_strcmp0 (name, "reports") == 0 && self->reports_page == NULL)
    {
      self->reports_page = SL_REPORTS_PAGE (g_object_new (SL_TYPE_REPORTS_PAGE, NULL));
      sl_reports_page_set_store (self->reports_page, self->store);
      adw_bin_set_child (self->reports_bin, GTK_WIDGET (self->reports_page));
    }
}

static void
visible_page_cb (SlWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->main_stack));
}

SlPositionsPage *
sl_window_get_positions_page (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  ensure_page (self, "positions");
  return self->positions_page;
}

SlInterviewsPage *
sl_window_get_interviews_page (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  ensure_page (self, "interviews");
  return self->interviews_page;
}

SlReportsPage *
sl_window_get_reports_page (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  ensure_page (self, "reports");
  return self->reports_page;
}

static void
show_candidate (SlWindow *self, SlCandidate *candidate)
{
  g_set_object (&self->current, candidate);
  if (candidate != NULL || self->pane != NULL)
    sl_candidate_pane_set_candidate (sl_window_get_pane (self), candidate);
  gtk_stack_set_visible_child_name (self->content_stack, candidate ? "candidate" : "none");
  /* The binding is held: it outlives a candidate that goes away first */
  if (self->title_binding != NULL)
    g_binding_unbind (self->title_binding);
  g_clear_object (&self->title_binding);
  if (candidate != NULL)
    self->title_binding = g_object_ref (g_object_bind_property (
      candidate, "name", self->content_title, "title", G_BINDING_SYNC_CREATE));
  else
    adw_window_title_set_title (self->content_title, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-candidate", candidate != NULL);
}

/* The pane shows the selected candidate, their profile read once */
void
sl_window_sync_pane (SlWindow *self)
{
  gint64 id = sl_candidate_selection_get_selected_id (self->selection);
  g_autoptr (SlCandidate) candidate = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->pane_source, g_source_remove);
  if (self->current != NULL && sl_candidate_get_id (self->current) == id)
    return;
  if (id != 0)
    {
      candidate = sl_store_get_candidate (self->store, id, &error);
      if (candidate == NULL &&
          !g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND))
        sl_widget_toast (GTK_WIDGET (self), error->message);
    }
  show_candidate (self, candidate);
}

static gboolean
pane_timeout_cb (gpointer data)
{
  SlWindow *self = data;

  self->pane_source = 0;
  sl_window_sync_pane (self);
  return G_SOURCE_REMOVE;
}

/* Another candidate was selected. Going down the list with a key held, the pane waits for the
 * selection to rest: filling it for every row passed would take most of each frame. */
static void
selection_changed_cb (SlWindow *self)
{
  if (sl_candidate_view_is_keyboard_moving (self->list_view))
    {
      g_clear_handle_id (&self->pane_source, g_source_remove);
      self->pane_source = g_timeout_add (PANE_DELAY_MS, pane_timeout_cb, self);
      return;
    }
  sl_window_sync_pane (self);
}

void
sl_window_select_position (SlWindow *self, guint position)
{
  sl_candidate_selection_select (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      sl_candidate_view_set_cursor (self->list_view, position);
      sl_candidate_view_scroll_to (self->list_view, position);
    }
}

/* Selects the candidate @id if the list shows them: a scan of the ids, for a user's action */
gboolean
sl_window_select_id (SlWindow *self, gint64 id)
{
  int position = sl_candidate_list_find (self->candidates, id);

  if (position < 0)
    return FALSE;
  sl_window_select_position (self, (guint) position);
  return TRUE;
}

/* The query's results: its ids, where the candidate to keep selected is among them (found on
 * the worker thread) and the first rows' texts. Nothing here goes through the results. */
static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  guint kept = GTK_INVALID_LIST_POSITION;
  guint n;

  self->busy--;
  if (!sl_candidate_list_query_finish (self->candidates, result, &kept, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sl_widget_toast (GTK_WIDGET (self), error->message);
      return;
    }

  self->select_after_query = 0;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  sl_window_update_title (self);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (sl_store_has_candidates (self->store))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  sl_window_select_position (self, kept);
  /* New results start at the top, not where the previous ones were scrolled to */
  if (kept == GTK_INVALID_LIST_POSITION && n > 0)
    sl_candidate_view_scroll_to (self->list_view, 0);
  /* Sample data is for trying Shortlist out, not for adding to real candidates */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data",
                                 self->sample_cancellable == NULL &&
                                   !sl_store_has_candidates (self->store));
}

SlCandidateQuery *
sl_window_current_query (SlWindow *self)
{
  SlCandidateQuery *query = sl_candidate_query_new ();

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  query->stage = g_strdup (filter_id (self->stage_filter));
  query->country = g_strdup (filter_id (self->country_filter));
  query->seniority = g_strdup (filter_id (self->seniority_filter));
  query->stack = g_strdup (filter_id (self->stack_filter));
  return query;
}

/* What @query asks, as one string, to tell whether it is the query already shown */
static char *
query_key (const SlCandidateQuery *query)
{
  return g_strjoin ("\x1f", query->text ? query->text : "", query->stage ? query->stage : "",
                    query->country ? query->country : "", query->seniority ? query->seniority : "",
                    query->stack ? query->stack : "", NULL);
}

void
sl_window_refresh (SlWindow *self)
{
  g_autoptr (SlCandidateQuery) query = sl_window_current_query (self);

  g_free (self->query_key);
  self->query_key = query_key (query);
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();
  self->busy++;
  sl_candidate_list_query_async (self->candidates, query,
                                 self->select_after_query ? self->select_after_query
                                                          : sl_window_get_selected_id (self),
                                 self->query_cancellable, query_done_cb, g_object_ref (self));
}

/* The search or a filter changed (the store's changes call sl_window_refresh(), which always
 * queries again). GTK also reports a search entry's text as changed when it
 * is not (at start-up, as the window is first shown): the same query again would only keep
 * the window busy into a second frame, so it is not run. */
static void
filters_changed_cb (SlWindow *self)
{
  g_autoptr (SlCandidateQuery) query = sl_window_current_query (self);
  g_autofree char *key = query_key (query);

  if (g_strcmp0 (key, self->query_key) == 0)
    return;
  sl_window_refresh (self);
}

void
sl_window_candidate_added_cb (SlWindow *self, gint64 id)
{
  /* New and restored candidates take their sorted place in a fresh query */
  self->select_after_query = id;
  sl_window_refresh (self);
}

gboolean
sl_window_is_busy (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);
  return self->busy > 0 || self->pane_source != 0 ||
         sl_candidate_list_get_n_pending (self->candidates) > 0 ||
         (self->positions_page != NULL && sl_positions_page_is_busy (self->positions_page));
}

/* The list page is showing rows, each with its candidate's data (for benchmarks and tests) */
gboolean
sl_window_shows_rows (SlWindow *self)
{
  GtkWidget *row;

  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);

  row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
  return g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "list") &&
         g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) > 0 &&
         sl_candidate_list_get_n_pending (self->candidates) == 0 && row != NULL &&
         gtk_widget_get_mapped (row);
}

SlStore *
sl_window_get_store (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->store;
}

SlCandidateList *
sl_window_get_candidates (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->candidates;
}

gint64
sl_window_get_selected_id (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), 0);
  return sl_candidate_selection_get_selected_id (self->selection);
}

void
sl_window_toast_error (SlWindow *self, const GError *error)
{
  sl_widget_toast (GTK_WIDGET (self), error->message);
}

static void
clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->country_filter, 0);
  gtk_drop_down_set_selected (self->seniority_filter, 0);
  gtk_drop_down_set_selected (self->stack_filter, 0);
  sl_window_refresh (self);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_sync_pane (self);
  if (self->current == NULL)
    return;
  if (g_str_equal (action_name, "win.reject"))
    sl_candidate_pane_reject (sl_window_get_pane (self));
  else
    sl_candidate_pane_move (sl_window_get_pane (self),
                            g_str_equal (action_name, "win.move-forward") ? 1 : -1);
}

static void
view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, g_variant_get_string (parameter, NULL));
}

/* Window shortcuts that lists and entries would otherwise take first: caught on the way down.
 * Ctrl+Shift+arrows still select words when the focus is in a text field. */
static gboolean
window_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
               GdkModifierType state, SlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_text = focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (mods == GDK_ALT_MASK && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_4)
    {
      static const char *const views[] = { "candidates", "positions", "interviews", "reports" };

      adw_view_stack_set_visible_child_name (self->main_stack, views[keyval - GDK_KEY_1]);
      /* My Interviews and Reports are lists to go through: the keyboard starts in them */
      if (keyval == GDK_KEY_3)
        sl_interviews_page_focus (sl_window_get_interviews_page (self));
      else if (keyval == GDK_KEY_4)
        sl_reports_page_focus (sl_window_get_reports_page (self));
      return TRUE;
    }
  if (mods != (GDK_CONTROL_MASK | GDK_SHIFT_MASK) || in_text ||
      !g_str_equal (adw_view_stack_get_visible_child_name (self->main_stack), "candidates"))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.move-forward", NULL);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.move-back", NULL);
      return TRUE;
    case GDK_KEY_R:
    case GDK_KEY_r:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.reject", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
list_activate_cb (SlWindow *self, guint position)
{
  sl_candidate_selection_select (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (adw_leaflet_get_folded (self->leaflet))
    sl_candidate_pane_focus_name (sl_window_get_pane (self));
}

static void
list_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, SlWindow *self)
{
  /* On a narrow window the list is all there is: a tap opens the candidate */
  if (adw_leaflet_get_folded (self->leaflet) && sl_window_get_selected_id (self) != 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
setup_filter (SlWindow *self, GtkDropDown *dropdown, GListModel *model)
{
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (SL_TYPE_OPTION, NULL, "label");

  gtk_drop_down_set_expression (dropdown, expression);
  sl_drop_down_wrap (dropdown, 20);
  gtk_drop_down_set_model (dropdown, model);
  g_object_unref (model);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The country filter starts with "Any country" alone: every other country joins when its
 * popup first opens (see sl_drop_down_fill_on_popup) */
static void
add_countries (GtkDropDown *dropdown, gpointer data)
{
  GListStore *options = G_LIST_STORE (gtk_drop_down_get_model (dropdown));
  g_autoptr (GListModel) countries = sl_countries_model (NULL);
  guint n = g_list_model_get_n_items (countries);
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (countries, i));
  g_list_store_splice (options, g_list_model_get_n_items (G_LIST_MODEL (options)), 0, items->pdata,
                       items->len);
}

static GListModel *
any_country (void)
{
  GListStore *options = g_list_store_new (SL_TYPE_OPTION);
  g_autoptr (SlOption) any = sl_option_new ("", _ ("Any country"));

  g_list_store_append (options, any);
  return G_LIST_MODEL (options);
}

static gboolean
close_request_cb (SlWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  g_cancellable_cancel (self->sample_cancellable);
  return FALSE;
}

static void
sl_window_dispose (GObject *object)
{
  SlWindow *self = SL_WINDOW (object);

  g_clear_handle_id (&self->pane_source, g_source_remove);
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_pointer (&self->query_key, g_free);
  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* A window is disposed twice (gtk_window_destroy, then its last unref): once is enough */
  if (self->toast_overlay != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_WINDOW);
  g_clear_object (&self->title_binding);
  g_clear_pointer (&self->member_name, g_free);
  g_clear_object (&self->current);
  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sl_window_parent_class)->dispose (object);
}

/* The shortcuts window, built the first time it is asked for: GtkApplication would build it
 * with every window, a tenth of the window's start-up. Once set, GTK's own action shows it. */
static void
show_help_overlay_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SlWindow *self = user_data;
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PATH "/sl-shortcuts-window.ui");
  GtkShortcutsWindow *overlay =
    GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-help-overlay", NULL);
}

static void
sl_window_class_init (SlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_window_dispose;

  g_type_ensure (SL_TYPE_CANDIDATE_VIEW);
  g_type_ensure (SL_TYPE_EXPORT_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, member_bar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, positions_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, interviews_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, reports_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, pane_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, export_bar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, country_filter);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, none_page);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, seniority_filter);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, stack_filter);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sample_spinner);

  gtk_widget_class_install_action (widget_class, "win.new-candidate", NULL,
                                   sl_window_new_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.delete-candidate", NULL,
                                   sl_window_delete_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL,
                                   sl_window_load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.export-candidates", "s",
                                   sl_window_export_candidates_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, sl_window_back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, sl_window_restore_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.move-forward", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.move-back", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.reject", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-candidate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.delete-candidate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

/* The sidebar asks for one width, its minimum and natural both. Asking for its content's
 * natural width instead, it was squeezed or widened by the pane beside it (a long name in the
 * pane's title took width from it), and then its view switcher swapped itself for a title in
 * an animation that repainted the whole window for a tenth of a second. At this width the
 * switcher of four pages sits in the bar at the bottom. Folded, it has the window's width. */
static void
sidebar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                 int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int child_min = 0;

      if (child != NULL)
        gtk_widget_measure (child, orientation, for_size, &child_min, NULL, NULL, NULL);
      *minimum = *natural = MAX (child_min, SIDEBAR_WIDTH);
      return;
    }
  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

/* The pane's status page asks for its width whatever the height it is given: the leaflet asks
 * its pages for their width at a height, which a wrapped text answers by laying itself out at
 * a dozen widths */
static void
width_first_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                     int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation,
                        orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
sidebar_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
sl_window_init (SlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_spinner_spin_while_mapped (self->sample_spinner);
  gtk_widget_set_layout_manager (self->sidebar,
                                 gtk_custom_layout_new (NULL, sidebar_measure, sidebar_allocate));
  gtk_widget_set_layout_manager (
    self->none_page, gtk_custom_layout_new (NULL, width_first_measure, sidebar_allocate));
  {
    g_autoptr (GSimpleAction) shortcuts = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect_object (shortcuts, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (shortcuts));
  }
}

static void
setup_list (SlWindow *self)
{
  GtkShortcutController *shortcuts;
  GtkGesture *click;

  self->selection = sl_candidate_selection_new (self->candidates, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-id",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  sl_candidate_view_set_model (self->list_view, self->selection);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);

  /* Delete removes the selected candidate while the list has the focus */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (
    shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                 gtk_named_action_new ("win.delete-candidate")));
  /* Before the search entry's key capture, which would take the key as typing */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (shortcuts));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (list_released_cb), self);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  /* GTK waits 150 ms after a keystroke before searching. A search takes a few milliseconds now
   * and one under way is cancelled by the next: waiting less shows results sooner, and still
   * lets a quick typist's keystrokes make one search */
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (clear_filters_action),
                           self, G_CONNECT_SWAPPED);
}

static void
member_bar_response_cb (GtkInfoBar *bar, int response, SlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
  else
    gtk_info_bar_set_revealed (bar, FALSE);
}

static void
member_changed_cb (SlWindow *self)
{
  g_autofree char *email = g_settings_get_string (self->settings, "member-email");

  gtk_info_bar_set_revealed (self->member_bar, *email == '\0');
  /* My Interviews are the new member's */
  if (self->interviews_page != NULL)
    sl_interviews_page_reload (self->interviews_page);
}

static void
offline_cb (SlWindow *self)
{
  SlDatabase *db = sl_store_get_database (self->store);
  const char *refused = sl_database_get_refused (db);

  /* Out of reach, or refused (a login disabled meanwhile): then the server's reason */
  gtk_label_set_label (self->offline_label,
                       refused != NULL ? refused : _ ("Cannot reach the team database"));
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->offline_label),
    refused != NULL
      ? refused
      : _ ("Shortlist tries again by itself. Changes cannot be saved until it is back."));
  gtk_info_bar_set_revealed (self->member_bar, sl_database_is_offline (db));
}

/* A team database's window says which database it is, and who is logged in to it: its title
 * is the database's name, its subtitle begins with the member's. The bar under the header
 * that asks a local file's user who they are says here when the server cannot be reached. */
static void
show_team (SlWindow *self)
{
  GtkWidget *label = gtk_label_new (_ ("Cannot reach the team database"));
  const char *why =
    _ ("Shortlist tries again by itself. Changes cannot be saved until it is back.");

  g_autoptr (SlMember) member = sl_session_dup_member (sl_session_get (self->store));
  g_autofree char *name =
    sl_server_display_name (sl_database_get_path (sl_store_get_database (self->store)));
  g_autofree char *title = NULL;

  g_free (self->member_name);
  self->member_name =
    g_strdup (member != NULL ? sl_member_get_name (member) : _ ("Not a team member"));
  adw_view_switcher_title_set_title (self->list_title, name);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why,
                                  -1);
  gtk_info_bar_add_child (self->member_bar, label);
  self->offline_label = GTK_LABEL (label);
  gtk_info_bar_set_message_type (self->member_bar, GTK_MESSAGE_WARNING);
  g_signal_connect_object (sl_store_get_database (self->store), "notify::offline",
                           G_CALLBACK (offline_cb), self, G_CONNECT_SWAPPED);
  offline_cb (self);
  /* Translators: the window's title for a team database: its name, then the app's */
  title = g_strdup_printf (_ ("%s — Shortlist"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  sl_window_update_title (self);
}

/* Until the user says which team member they are, moves and approvals carry no name */
static void
offer_member_choice (SlWindow *self)
{
  GtkWidget *label = gtk_label_new (_ ("Choose who you are"));
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  const char *why = _ ("Until you choose, your moves and approvals carry no name");

  /* One short line under the list's header bar, with the reason on hover and for screen
   * readers; it fits the narrowest window in every language */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (label, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why,
                                  -1);
  gtk_info_bar_add_child (self->member_bar, label);
  gtk_info_bar_add_button (self->member_bar, _ ("_Choose"), GTK_RESPONSE_ACCEPT);
  /* Our own close button: GtkInfoBar's is an image a screen reader names “GtkImage” */
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _ ("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Dismiss"), -1);
  gtk_info_bar_add_action_widget (self->member_bar, close, GTK_RESPONSE_CLOSE);
  g_signal_connect_object (self->member_bar, "response", G_CALLBACK (member_bar_response_cb), self,
                           0);
  /* The session has set the store's actor (who this window's saves say changed them) first */
  g_signal_connect_object (sl_session_get (self->store), "member-changed",
                           G_CALLBACK (member_changed_cb), self, G_CONNECT_SWAPPED);
  member_changed_cb (self);
}

/* The first query, started before the window is built: its result is in when the window is
 * first painted, so that first frame shows the candidates */
static void
first_query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *window = user_data;
  SlWindow *self = g_weak_ref_get (window);

  g_weak_ref_clear (window);
  g_free (window);
  if (self != NULL)
    query_done_cb (source, result, self);
}

SlWindow *
sl_window_new (SlApp *app, SlStore *store)
{
  g_autoptr (SlCandidateList) candidates = NULL;
  g_autoptr (SlCandidateQuery) everyone = sl_candidate_query_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GWeakRef *window = g_new0 (GWeakRef, 1);
  SlWindow *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  candidates = sl_candidate_list_new (store);
  g_weak_ref_init (window, NULL);
  sl_candidate_list_query_async (candidates, everyone, 0, cancellable, first_query_done_cb, window);

  self = g_object_new (SL_TYPE_WINDOW, "application", app, NULL);
  self->candidates = g_steal_pointer (&candidates);
  self->query_cancellable = g_steal_pointer (&cancellable);
  self->query_key = query_key (everyone);
  self->busy++;
  g_weak_ref_set (window, self);
  self->store = g_object_ref (store);
  self->settings = g_settings_new (BASE_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  if (DEVEL_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  setup_filter (self, self->stage_filter, sl_vocab_model (SL_VOCAB_STAGE, _ ("Any stage")));
  setup_filter (self, self->country_filter, any_country ());
  sl_drop_down_searchable (self->country_filter);
  sl_drop_down_fill_on_popup (self->country_filter, add_countries, NULL);
  setup_filter (self, self->seniority_filter,
                sl_vocab_model (SL_VOCAB_SENIORITY, _ ("Any seniority")));
  setup_filter (self, self->stack_filter, sl_store_list_stacks (store, _ ("Any stack")));
  setup_list (self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (window_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (store, "reset", G_CALLBACK (sl_window_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "candidate-added", G_CALLBACK (sl_window_candidate_added_cb),
                           self, G_CONNECT_SWAPPED);

  /* Another program's changes: the list queries again (rows that did not change keep their
   * objects); the store's other signals reach the pane, the board and the pages */
  g_signal_connect_object (store, "candidates-changed", G_CALLBACK (sl_window_refresh), self,
                           G_CONNECT_SWAPPED);
  /* A deleted candidate's résumé leaves the cache with them */
  g_signal_connect (store, "candidate-removed", G_CALLBACK (sl_resume_cache_forget), NULL);
  sl_store_watch_changes (store);

  show_candidate (self, NULL);
  if (sl_session_is_team (sl_session_get (store)))
    {
      show_team (self);
      /* A team database is restored on its server (README); Back Up… writes a local file of
       * what the member may read */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", FALSE);
    }
  else
    offer_member_choice (self);
  sl_window_check_file (self);
  return self;
}
