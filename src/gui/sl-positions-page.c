/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-positions-page.c — the Positions view: every position beside the selected one's editor and board
 *
 * The list (with its per-stage counts, which scan the applications) is read on a worker thread
 * and read again whenever the store says a position or its pipeline changed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-pipeline-board.h"
#include "sl-position-editor.h"
#include "sl-position-row.h"
#include "sl-positions-page.h"
#include "sl-store-positions.h"
#include "sl-widgets.h"
#include "sl-session.h"

struct _SlPositionsPage
{
  GtkWidget parent_instance;

  SlStore *store;
  GListStore *positions;
  GtkSingleSelection *selection;
  GCancellable *cancellable;
  gint64 select_after_load;
  guint busy;

  AdwLeaflet *leaflet;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkStack *content_stack;
  AdwViewStack *detail_stack;
  SlPositionEditor *editor;
  SlPipelineBoard *board;
  GtkWidget *list_pane;
  GtkWidget *list_separator;
  GtkToggleButton *list_toggle;
  GtkWidget *board_title_bin; /* shows or hides board_title, which is measured either way */
  AdwWindowTitle *board_title;
  AdwViewSwitcherTitle *detail_switcher;
  gboolean board_title_fits;
  guint board_title_idle; /* shows or hides the title after the allocation that measured it */
  GBindingGroup *title_bindings; /* the shown position's title and client on board_title */
};

G_DEFINE_FINAL_TYPE (SlPositionsPage, sl_positions_page, GTK_TYPE_WIDGET)

static void
show_position (SlPositionsPage *self, SlPosition *position)
{
  sl_position_editor_set_position (self->editor, position);
  g_binding_group_set_source (self->title_bindings, position);
  gtk_stack_set_visible_child_name (self->content_stack, position ? "position" : "none");
  if (position != NULL && sl_position_get_id (position) > 0)
    sl_pipeline_board_set_position (self->board, self->store, sl_position_get_id (position),
                                    sl_session_get_member_id (sl_session_get (self->store), NULL));
}

static void
selection_changed_cb (SlPositionsPage *self)
{
  show_position (self, gtk_single_selection_get_selected_item (self->selection));
}

gboolean
sl_positions_page_select (SlPositionsPage *self, gint64 position_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->positions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlPosition) position = g_list_model_get_item (G_LIST_MODEL (self->positions), i);

      if (sl_position_get_id (position) == position_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Keeps the objects the editor holds, updating their counts, so an edit in progress survives */
static void
merge (SlPositionsPage *self, GListModel *loaded)
{
  SlPosition *current = gtk_single_selection_get_selected_item (self->selection);
  gint64 keep = self->select_after_load ? self->select_after_load
                                        : (current ? sl_position_get_id (current) : 0);
  guint n = g_list_model_get_n_items (loaded);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlPosition) fresh = g_list_model_get_item (loaded, i);

      if (current != NULL && sl_position_get_id (current) == sl_position_get_id (fresh))
        {
          sl_position_set_counts (current, sl_position_get_counts (fresh));
          g_ptr_array_add (items, g_object_ref (current));
        }
      else
        g_ptr_array_add (items, g_object_ref (fresh));
    }
  g_list_store_splice (self->positions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->positions)), items->pdata,
                       items->len);
  self->select_after_load = 0;
  if (keep == 0 || !sl_positions_page_select (self, keep))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlPositionsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) loaded =
    sl_store_list_positions_finish (SL_STORE (source), result, &error);

  self->busy--;
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sl_widget_toast (GTK_WIDGET (self), error->message);
      return;
    }
  merge (self, loaded);
}

static void
reload (SlPositionsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy++;
  sl_store_list_positions_async (self->store, self->cancellable, loaded_cb, g_object_ref (self));
}

gboolean
sl_positions_page_is_busy (SlPositionsPage *self)
{
  return self->busy > 0 || sl_pipeline_board_is_busy (self->board);
}

GListModel *
sl_positions_page_get_positions (SlPositionsPage *self)
{
  return G_LIST_MODEL (self->positions);
}

void
sl_positions_page_show_board (SlPositionsPage *self)
{
  adw_view_stack_set_visible_child_name (self->detail_stack, "board");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The pipeline gets the window: with the board shown on a wide window the positions list folds
 * away, and the header's sidebar button (or F9) brings it back */
static void
update_list_pane (SlPositionsPage *self)
{
  const char *shown = adw_view_stack_get_visible_child_name (self->detail_stack);
  gboolean board =
    g_strcmp0 (shown, "board") == 0 &&
    g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "position") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean list = !board || folded || gtk_toggle_button_get_active (self->list_toggle);

  gtk_widget_set_visible (GTK_WIDGET (self->list_toggle), board && !folded);
  gtk_widget_set_visible (self->board_title_bin,
                          board && !folded && !list && self->board_title_fits);
  gtk_widget_set_visible (self->list_pane, list);
  gtk_widget_set_visible (self->list_separator, list);
}

static void
detail_shown_cb (SlPositionsPage *self)
{
  /* Each time the board comes up, it starts with the whole window */
  gtk_toggle_button_set_active (self->list_toggle, FALSE);
  update_list_pane (self);
}

static void
toggle_list_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlPositionsPage *self = SL_POSITIONS_PAGE (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->list_toggle)))
    gtk_toggle_button_set_active (self->list_toggle,
                                  !gtk_toggle_button_get_active (self->list_toggle));
}

gboolean
sl_positions_page_list_is_shown (SlPositionsPage *self)
{
  return gtk_widget_get_visible (self->list_pane);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlPositionsPage *self = SL_POSITIONS_PAGE (widget);
  g_autoptr (SlPosition) position = sl_position_new ();
  g_autoptr (GError) error = NULL;

  sl_position_set_text (position, SL_POSITION_TITLE, _ ("New position"));
  if (!sl_store_save_position (self->store, position, &error))
    {
      sl_widget_toast (widget, error->message);
      return;
    }
  /* Shown at once; the reload that the save triggered sorts it in and keeps it selected */
  self->select_after_load = sl_position_get_id (position);
  g_list_store_insert (self->positions, 0, position);
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_stack_set_visible_child_name (self->list_stack, "list");
  adw_view_stack_set_visible_child_name (self->detail_stack, "details");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  sl_position_editor_focus_title (self->editor);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlPositionsPage *self = SL_POSITIONS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
activate_cb (SlPositionsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
list_released_cb (SlPositionsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_list_item_set_child (item, GTK_WIDGET (sl_position_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  sl_position_row_set_position (SL_POSITION_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  sl_position_row_set_position (SL_POSITION_ROW (gtk_list_item_get_child (item)), NULL);
}

void
sl_positions_page_set_store (SlPositionsPage *self, SlStore *store)
{
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  sl_position_editor_set_store (self->editor, store);
  g_signal_connect_object (store, "position-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
sl_positions_page_dispose (GObject *object)
{
  SlPositionsPage *self = SL_POSITIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->board_title_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_POSITIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->positions);
  g_clear_object (&self->title_bindings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_positions_page_parent_class)->dispose (object);
}

static gboolean
board_title_idle_cb (gpointer data)
{
  SlPositionsPage *self = data;

  self->board_title_idle = 0;
  update_list_pane (self);
  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
sl_positions_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (SL_POSITIONS_PAGE (widget)->leaflet));
}

static void
sl_positions_page_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (SL_POSITIONS_PAGE (widget)->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The board's header names the position only where the name fits whole beside the centred
 * Details/Pipeline switcher. The header bar would keep a start widget at its natural width and
 * fold the switcher away instead, so the choice is made here, from the width the page gets,
 * before the header is laid out. */
static void
sl_positions_page_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  SlPositionsPage *self = SL_POSITIONS_PAGE (widget);
  int title, switcher, toggle;
  gboolean fits;

  gtk_widget_measure (GTK_WIDGET (self->board_title), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->detail_switcher), GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                      &switcher, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->list_toggle), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &toggle,
                      NULL, NULL);
  /* Half the width beside the switcher, less the toggle, the header's padding and spacing */
  fits = (width - switcher) / 2 - toggle - 4 * 6 >= title;
  if (fits != self->board_title_fits)
    {
      self->board_title_fits = fits;
      /* Not while allocating: a widget shown now would be drawn before it has its place */
      if (self->board_title_idle == 0)
        self->board_title_idle =
          g_idle_add_full (G_PRIORITY_HIGH_IDLE, board_title_idle_cb, self, NULL);
    }
  gtk_widget_allocate (GTK_WIDGET (self->leaflet), width, height, baseline, NULL);
}

static void
sl_positions_page_class_init (SlPositionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_positions_page_dispose;
  g_type_ensure (SL_TYPE_POSITION_EDITOR);
  g_type_ensure (SL_TYPE_PIPELINE_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-positions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, editor);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, board);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, list_separator);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, board_title_bin);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, board_title);
  gtk_widget_class_bind_template_child (widget_class, SlPositionsPage, detail_switcher);
  gtk_widget_class_install_action (widget_class, "positions.toggle-list", NULL, toggle_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "positions.toggle-list", NULL);
  gtk_widget_class_install_action (widget_class, "positions.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "positions.back", NULL, back_action);
  widget_class->get_request_mode = sl_positions_page_get_request_mode;
  widget_class->measure = sl_positions_page_measure;
  widget_class->size_allocate = sl_positions_page_size_allocate;
}

static void
sl_positions_page_init (SlPositionsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->title_bindings = g_binding_group_new ();
  g_binding_group_bind (self->title_bindings, "title", self->board_title, "title",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->title_bindings, "client", self->board_title, "subtitle",
                        G_BINDING_SYNC_CREATE);
  self->positions = g_list_store_new (SL_TYPE_POSITION);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->positions)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  {
    /* On a narrow window the list is all there is: a tap opens the position */
    GtkGesture *click = gtk_gesture_click_new ();
    g_signal_connect_swapped (click, "released", G_CALLBACK (list_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  g_signal_connect_swapped (self->detail_stack, "notify::visible-child-name",
                            G_CALLBACK (detail_shown_cb), self);
  g_signal_connect_swapped (self->content_stack, "notify::visible-child-name",
                            G_CALLBACK (update_list_pane), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (update_list_pane), self);
  g_signal_connect_swapped (self->list_toggle, "toggled", G_CALLBACK (update_list_pane), self);
  show_position (self, NULL);
}
