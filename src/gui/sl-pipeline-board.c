/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-pipeline-board.c — a position's pipeline as columns of cards, moved by drag and drop or keys
 *
 * One SlBoardColumn per visible stage, side by side in a horizontal scroller. The cards are read
 * on a worker thread (sl_store_list_board_async); whenever the store says the position changed,
 * the board reads them again, cancelling a read still in flight, and each column splices in
 * what differs. Signals that arrive together are folded into one read by an idle.
 *
 * A move (a drop, or Ctrl+Right/Ctrl+Left on the selected card) goes through
 * sl_store_move_application; the card stays selected and keeps the focus in its new column once
 * the board is read again. The list views bind every arrow key themselves, so the board's keys
 * are caught on the way down, before a list view sees them.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-board-card-row.h"
#include "sl-board-column.h"
#include "sl-pipeline-board.h"
#include "sl-widgets.h"
#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"

/* Dragging a card this close to the board's left or right edge scrolls it */
#define AUTOSCROLL_EDGE 64.0
#define AUTOSCROLL_MAX_STEP 24.0

struct _SlPipelineBoard
{
  GtkWidget parent_instance;

  SlStore *store;
  gint64 position_id;
  gint64 member_id;
  GPtrArray *columns;    /* SlBoardColumn, in pipeline order; owned by columns_box */
  GtkSizeGroup *headers; /* the columns' headers: one wrapped stage name lowers every column's
                          * cards alike, so the cards of all stages start on one line */
  GCancellable *cancellable;
  guint busy;
  guint refresh_id;
  gboolean stale; /* changed while not shown: read again when shown */
  gint64 selected_id;
  gint64 focus_id; /* the card to give the focus to once the board is read again */
  double autoscroll_step;
  guint autoscroll_id;

  GtkStack *stack;
  GtkSpinner *spinner;
  GtkScrolledWindow *scroller;
  GtkBox *columns_box;
};

G_DEFINE_FINAL_TYPE (SlPipelineBoard, sl_pipeline_board, GTK_TYPE_WIDGET)

static void
show_error (SlPipelineBoard *self, const GError *error)
{
  sl_widget_toast (GTK_WIDGET (self), error->message);
}

static SlBoardColumn *
find_column (SlPipelineBoard *self, const char *stage)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      SlBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (g_strcmp0 (sl_board_column_get_stage (column), stage) == 0)
        return column;
    }
  return NULL;
}

/* The column showing the application's card, and the card's place in it */
static SlBoardColumn *
column_of (SlPipelineBoard *self, gint64 application_id, guint *index, int *position)
{
  for (guint i = 0; application_id != 0 && i < self->columns->len; i++)
    {
      SlBoardColumn *column = g_ptr_array_index (self->columns, i);
      int found = sl_board_column_find (column, application_id);

      if (found < 0)
        continue;
      if (index != NULL)
        *index = i;
      if (position != NULL)
        *position = found;
      return column;
    }
  return NULL;
}

/* The card with the keyboard focus, when the focus is on this board */
static SlBoardCardRow *
focused_card (SlPipelineBoard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  if (!SL_IS_BOARD_CARD_ROW (focus))
    focus = gtk_widget_get_ancestor (focus, SL_TYPE_BOARD_CARD_ROW);
  return focus && sl_board_card_row_get_card (SL_BOARD_CARD_ROW (focus)) ? SL_BOARD_CARD_ROW (focus)
                                                                         : NULL;
}

static void
card_selected_cb (SlBoardColumn *selected, gint64 application_id, SlPipelineBoard *self)
{
  /* One selected card on the whole board: the one the move keys act on */
  self->selected_id = application_id;
  for (guint i = 0; i < self->columns->len; i++)
    {
      SlBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (column != selected)
        sl_board_column_unselect (column);
    }
}

static gboolean
card_dropped_cb (SlBoardColumn *column, gint64 application_id, SlPipelineBoard *self)
{
  return sl_pipeline_board_move_to (self, application_id, sl_board_column_get_stage (column));
}

static gboolean
same_stages (SlPipelineBoard *self, GListModel *stages)
{
  guint n = g_list_model_get_n_items (stages);

  if (n != self->columns->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) stage = g_list_model_get_item (stages, i);

      if (!g_str_equal (sl_stage_column_get_id (stage),
                        sl_board_column_get_stage (g_ptr_array_index (self->columns, i))))
        return FALSE;
    }
  return TRUE;
}

static void
remove_columns (SlPipelineBoard *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      SlBoardColumn *column = g_ptr_array_index (self->columns, i);

      gtk_size_group_remove_widget (self->headers, sl_board_column_get_header (column));
      gtk_box_remove (self->columns_box, GTK_WIDGET (column));
    }
  g_ptr_array_set_size (self->columns, 0);
}

/* Columns for the pipeline's visible stages, reused while the stages stay the same */
static void
update_columns (SlPipelineBoard *self, GListModel *stages, GHashTable *cards)
{
  guint n = g_list_model_get_n_items (stages);

  if (!same_stages (self, stages))
    {
      remove_columns (self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (SlStageColumn) stage = g_list_model_get_item (stages, i);
          SlBoardColumn *column =
            sl_board_column_new (sl_stage_column_get_id (stage), sl_stage_column_get_name (stage));

          g_signal_connect (column, "card-selected", G_CALLBACK (card_selected_cb), self);
          g_signal_connect (column, "card-dropped", G_CALLBACK (card_dropped_cb), self);
          gtk_box_append (self->columns_box, GTK_WIDGET (column));
          gtk_size_group_add_widget (self->headers, sl_board_column_get_header (column));
          g_ptr_array_add (self->columns, column);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) stage = g_list_model_get_item (stages, i);
      SlBoardColumn *column = g_ptr_array_index (self->columns, i);

      sl_board_column_set_name (column, sl_stage_column_get_name (stage));
      sl_board_column_update (column, g_hash_table_lookup (cards, sl_stage_column_get_id (stage)));
    }
}

/* Selects the selected card again wherever it is now, and gives it the focus after a move */
static void
restore_selection (SlPipelineBoard *self)
{
  gboolean focus = self->focus_id != 0 && self->focus_id == self->selected_id;
  SlBoardColumn *column;
  int position = -1;

  self->focus_id = 0;
  column = column_of (self, self->selected_id, NULL, &position);
  if (column == NULL)
    return;
  if (focus || sl_board_column_get_selected (column) != self->selected_id)
    sl_board_column_select (column, (guint) position, focus);
}

static void
board_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlPipelineBoard) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) cards = sl_store_list_board_finish (SL_STORE (source), result, &error);
  g_autoptr (GListModel) stages = NULL;

  self->busy--;
  if (cards == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  if (self->store == NULL)
    return;

  stages = sl_store_list_position_stages (self->store, self->position_id, FALSE, &error);
  if (stages == NULL)
    {
      show_error (self, error);
      return;
    }
  update_columns (self, stages, cards);
  gtk_stack_set_visible_child_name (self->stack, "board");
  restore_selection (self);
}

static void
refresh (SlPipelineBoard *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->position_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  self->busy++;
  sl_store_list_board_async (self->store, self->position_id, self->cancellable, board_loaded_cb,
                             g_object_ref (self));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SlPipelineBoard *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Reads the board again once the signals of this main loop turn are in, or when next shown */
static void
queue_refresh (SlPipelineBoard *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
position_changed_cb (SlStore *store, gint64 position_id, SlPipelineBoard *self)
{
  if (position_id == self->position_id)
    queue_refresh (self);
}

static void
candidate_cb (SlStore *store, gint64 candidate_id, SlPipelineBoard *self)
{
  /* A name or country edited, or a candidate moved to the trash */
  for (guint i = 0; i < self->columns->len; i++)
    if (sl_board_column_has_candidate (g_ptr_array_index (self->columns, i), candidate_id))
      {
        queue_refresh (self);
        return;
      }
}

static void
store_reset_cb (SlPipelineBoard *self)
{
  queue_refresh (self);
}

gboolean
sl_pipeline_board_is_busy (SlPipelineBoard *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), FALSE);
  return self->busy > 0 || self->refresh_id != 0;
}

guint
sl_pipeline_board_get_count (SlPipelineBoard *self, const char *stage)
{
  SlBoardColumn *column;

  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), 0);

  column = find_column (self, stage);
  return column ? sl_board_column_get_count (column) : 0;
}

gint64
sl_pipeline_board_get_position_id (SlPipelineBoard *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), 0);
  return self->position_id;
}

/* Selects the application's card and scrolls to it; the focus follows if it is on the board */
gboolean
sl_pipeline_board_select (SlPipelineBoard *self, gint64 application_id)
{
  SlBoardColumn *column;
  int position = -1;

  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), FALSE);

  column = column_of (self, application_id, NULL, &position);
  if (column == NULL)
    return FALSE;
  self->selected_id = application_id;
  sl_board_column_select (column, (guint) position, focused_card (self) != NULL);
  return TRUE;
}

/* The application id of the selected card, or 0 */
gint64
sl_pipeline_board_get_selected (SlPipelineBoard *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), 0);
  return self->selected_id;
}

/* Moves a card of this board to @stage; an error is shown in a toast */
gboolean
sl_pipeline_board_move_to (SlPipelineBoard *self, gint64 application_id, const char *stage)
{
  g_autoptr (GError) error = NULL;
  SlBoardColumn *shown_in;

  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), FALSE);

  /* Only this position's cards: a drop may come from another board */
  shown_in = self->store ? column_of (self, application_id, NULL, NULL) : NULL;
  if (shown_in == NULL)
    return FALSE;
  self->selected_id = application_id;
  self->focus_id = application_id;
  /* From where the board shows it: a card someone else moved meanwhile is not moved again */
  if (!sl_store_move_application_from (self->store, application_id,
                                       sl_board_column_get_stage (shown_in), stage, NULL, NULL,
                                       self->member_id, &error))
    {
      self->focus_id = 0;
      show_error (self, error);
      /* Show where it is now */
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT))
        queue_refresh (self);
      return FALSE;
    }
  /* Shown at once; the reload the move queued confirms it */
  {
    int position = -1;
    SlBoardColumn *from = column_of (self, application_id, NULL, &position);
    SlBoardColumn *to = NULL;

    for (guint i = 0; i < self->columns->len && to == NULL; i++)
      if (g_str_equal (sl_board_column_get_stage (g_ptr_array_index (self->columns, i)), stage))
        to = g_ptr_array_index (self->columns, i);
    if (from != NULL && to != NULL && position >= 0)
      {
        sl_board_column_move_card (from, (guint) position, to);
        restore_selection (self);
        self->focus_id = application_id;
      }
  }
  return TRUE;
}

/* Moves the selected card (or else the focused one) to the next (1) or previous (-1) stage */
gboolean
sl_pipeline_board_move_selected (SlPipelineBoard *self, int direction)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stage = NULL;
  SlBoardCardRow *focused;
  gint64 id;

  g_return_val_if_fail (SL_IS_PIPELINE_BOARD (self), FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  id = self->selected_id;
  if (column_of (self, id, NULL, NULL) == NULL)
    {
      focused = focused_card (self);
      id = focused ? sl_board_card_get_application_id (sl_board_card_row_get_card (focused)) : 0;
    }
  if (id == 0 || self->store == NULL)
    return FALSE;
  stage = sl_store_adjacent_stage (self->store, id, direction, &error);
  if (stage == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  return sl_pipeline_board_move_to (self, id, stage);
}

static void
move_forward_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sl_pipeline_board_move_selected (SL_PIPELINE_BOARD (widget), 1);
}

static void
move_back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sl_pipeline_board_move_selected (SL_PIPELINE_BOARD (widget), -1);
}

static int
visual_direction (GtkWidget *widget, gpointer user_data)
{
  int direction = GPOINTER_TO_INT (user_data);

  /* Right to left, the next stage is the column on the left */
  return gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? -direction : direction;
}

static gboolean
move_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  SlPipelineBoard *self = SL_PIPELINE_BOARD (widget);

  if (column_of (self, self->selected_id, NULL, NULL) == NULL && focused_card (self) == NULL)
    return FALSE;
  gtk_widget_activate_action (
    widget, visual_direction (widget, user_data) > 0 ? "board.move-forward" : "board.move-back",
    NULL);
  return TRUE;
}

/* Left and Right go to the card at the same place in the nearest column that has cards */
static gboolean
focus_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  SlPipelineBoard *self = SL_PIPELINE_BOARD (widget);
  SlBoardCardRow *focused = focused_card (self);
  int direction = visual_direction (widget, user_data);
  guint index = 0;
  int position = 0;

  if (focused == NULL ||
      column_of (self, sl_board_card_get_application_id (sl_board_card_row_get_card (focused)),
                 &index, &position) == NULL)
    return FALSE;
  for (int i = (int) index + direction; i >= 0 && i < (int) self->columns->len; i += direction)
    {
      SlBoardColumn *column = g_ptr_array_index (self->columns, i);
      guint n = sl_board_column_get_count (column);

      if (n > 0)
        {
          sl_board_column_select (column, MIN ((guint) position, n - 1), TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_key (GtkShortcutController *controller, guint key, GdkModifierType modifiers,
         GtkShortcutFunc func, int direction)
{
  gtk_shortcut_controller_add_shortcut (
    controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                      gtk_callback_action_new (func, GINT_TO_POINTER (direction), NULL)));
}

static void
setup_keys (SlPipelineBoard *self)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_CAPTURE);
  add_key (controller, GDK_KEY_Right, GDK_CONTROL_MASK, move_key_cb, 1);
  add_key (controller, GDK_KEY_KP_Right, GDK_CONTROL_MASK, move_key_cb, 1);
  add_key (controller, GDK_KEY_Left, GDK_CONTROL_MASK, move_key_cb, -1);
  add_key (controller, GDK_KEY_KP_Left, GDK_CONTROL_MASK, move_key_cb, -1);
  add_key (controller, GDK_KEY_Right, 0, focus_key_cb, 1);
  add_key (controller, GDK_KEY_KP_Right, 0, focus_key_cb, 1);
  add_key (controller, GDK_KEY_Left, 0, focus_key_cb, -1);
  add_key (controller, GDK_KEY_KP_Left, 0, focus_key_cb, -1);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (controller));
}

static gboolean
autoscroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  SlPipelineBoard *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);

  if (self->autoscroll_step == 0)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + self->autoscroll_step);
  return G_SOURCE_CONTINUE;
}

static void
drag_motion_cb (GtkDropControllerMotion *motion, double x, double y, SlPipelineBoard *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  double step = 0;

  /* Faster the nearer the edge, so the columns out of sight can be reached while dragging */
  if (x < AUTOSCROLL_EDGE)
    step = -AUTOSCROLL_MAX_STEP * (AUTOSCROLL_EDGE - x) / AUTOSCROLL_EDGE;
  else if (x > width - AUTOSCROLL_EDGE)
    step = AUTOSCROLL_MAX_STEP * (x - (width - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE;
  self->autoscroll_step = step;
  if (step != 0 && self->autoscroll_id == 0)
    self->autoscroll_id =
      gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), autoscroll_tick_cb, self, NULL);
}

static void
drag_leave_cb (GtkDropControllerMotion *motion, SlPipelineBoard *self)
{
  self->autoscroll_step = 0;
}

static void
sl_pipeline_board_map (GtkWidget *widget)
{
  SlPipelineBoard *self = SL_PIPELINE_BOARD (widget);

  GTK_WIDGET_CLASS (sl_pipeline_board_parent_class)->map (widget);
  if (self->stale)
    queue_refresh (self);
}

static void
disconnect_store (SlPipelineBoard *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
}

static void
sl_pipeline_board_dispose (GObject *object)
{
  SlPipelineBoard *self = SL_PIPELINE_BOARD (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->autoscroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->autoscroll_id);
  self->autoscroll_id = 0;
  disconnect_store (self);
  g_ptr_array_set_size (self->columns, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PIPELINE_BOARD);

  G_OBJECT_CLASS (sl_pipeline_board_parent_class)->dispose (object);
}

static void
sl_pipeline_board_finalize (GObject *object)
{
  SlPipelineBoard *self = SL_PIPELINE_BOARD (object);

  g_ptr_array_unref (self->columns);
  g_object_unref (self->headers);

  G_OBJECT_CLASS (sl_pipeline_board_parent_class)->finalize (object);
}

static void
sl_pipeline_board_class_init (SlPipelineBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_pipeline_board_dispose;
  object_class->finalize = sl_pipeline_board_finalize;
  widget_class->map = sl_pipeline_board_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-pipeline-board.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPipelineBoard, stack);
  gtk_widget_class_bind_template_child (widget_class, SlPipelineBoard, spinner);
  gtk_widget_class_bind_template_child (widget_class, SlPipelineBoard, scroller);
  gtk_widget_class_bind_template_child (widget_class, SlPipelineBoard, columns_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "board.move-forward", NULL, move_forward_action);
  gtk_widget_class_install_action (widget_class, "board.move-back", NULL, move_back_action);
  /* Listed for the shortcuts window; setup_keys () catches them before the list views do */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "board.move-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "board.move-back", NULL);
}

static void
sl_pipeline_board_init (SlPipelineBoard *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));
  sl_spinner_spin_while_mapped (GTK_WIDGET (self->spinner));
  self->columns = g_ptr_array_new ();
  self->headers = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  setup_keys (self);

  motion = gtk_drop_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (drag_motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (drag_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (drag_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), motion);
}

SlPipelineBoard *
sl_pipeline_board_new (void)
{
  return g_object_new (SL_TYPE_PIPELINE_BOARD, NULL);
}

/* Shows @position_id of @store; moves are recorded as made by @member_id (0: nobody known) */
void
sl_pipeline_board_set_position (SlPipelineBoard *self, SlStore *store, gint64 position_id,
                                gint64 member_id)
{
  g_return_if_fail (SL_IS_PIPELINE_BOARD (self));
  g_return_if_fail (store == NULL || SL_IS_STORE (store));

  self->member_id = member_id;
  if (self->store == store && self->position_id == position_id)
    return;

  if (self->store != store)
    {
      disconnect_store (self);
      if (store != NULL)
        {
          self->store = g_object_ref (store);
          g_signal_connect_object (store, "position-changed", G_CALLBACK (position_changed_cb),
                                   self, 0);
          g_signal_connect_object (store, "candidate-changed", G_CALLBACK (candidate_cb), self, 0);
          g_signal_connect_object (store, "candidate-removed", G_CALLBACK (candidate_cb), self, 0);
          g_signal_connect_object (store, "candidate-added", G_CALLBACK (store_reset_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  self->position_id = position_id;
  self->selected_id = 0;
  self->focus_id = 0;
  remove_columns (self);
  if (self->store != NULL && position_id != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, "board");
  refresh (self);
}
