/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-view.c — a scrolling list of candidate rows that makes only the rows on screen
 *
 * GTK 4.8's GtkListView keeps about 200 rows alive around what it shows and lays all of them
 * out again whenever it jumps (End, Home, a new search): 30–40 ms frames with this row, measured
 * by tests/bench/shortlist-gui-bench. Every candidate row has the same height, so this view
 * needs no estimates: the rows on screen are those from value / height, a dozen or so, and
 * those are all it makes. Scrolling a million candidates costs the same as scrolling ten.
 *
 * It behaves like a GtkListView in a "navigation-sidebar": it is a GtkScrollable for a
 * GtkScrolledWindow; the focused row has the keyboard; Up, Down, Page Up, Page Down, Home and
 * End move it (with Ctrl without selecting, with Shift extending the selection), Space selects,
 * Ctrl+A selects all, Enter and a double click activate. A click selects; with Ctrl it adds or
 * removes a row, with Shift a range, when the selection takes several. Screen readers see a
 * list of the rows on screen, each named by its row, its selection as a state.
 */
#include "config.h"

#include "sl-candidate-row.h"
#include "sl-candidate-view.h"

/* Unused rows kept for reuse beyond those on screen */
#define MAX_SPARE 4

typedef struct
{
  GtkWidget *row;
  guint position;
} Shown;

struct _SlCandidateView
{
  GtkWidget parent_instance;

  SlCandidateSelection *model;
  GtkAdjustment *adjustment[2];
  GtkScrollablePolicy policy[2];

  GArray *shown;     /* Shown: the rows bound to a position */
  GPtrArray *spare;  /* rows bound to nothing, hidden */
  int row_height;    /* 0 until a row was measured */
  guint cursor;      /* the row with the keyboard, or GTK_INVALID_LIST_POSITION */
  guint anchor;      /* where a Shift selection starts */
  guint scroll_to;   /* to bring into view at the next allocation */
  gboolean keyboard; /* a key is moving the cursor (and maybe the selection) now */
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlCandidateView, sl_candidate_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS = PROP_HADJUSTMENT
};

static GParamSpec *properties[N_PROPS];

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean sl_candidate_view_grab_focus (GtkWidget *widget);

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

static guint
n_items (SlCandidateView *self)
{
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static Shown *
find_shown (SlCandidateView *self, guint position)
{
  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, Shown, i).position == position)
      return &g_array_index (self->shown, Shown, i);
  return NULL;
}

static void
update_selected (SlCandidateView *self, Shown *shown)
{
  gboolean selected =
    gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->model), shown->position);

  if (selected)
    gtk_widget_set_state_flags (shown->row, GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (shown->row, GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (shown->row), GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
}

static void
bind (SlCandidateView *self, Shown *shown)
{
  g_autoptr (SlCandidateItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->model), shown->position);

  sl_candidate_row_set_item (SL_CANDIDATE_ROW (shown->row), item);
  update_selected (self, shown);
}

static GtkWidget *
take_row (SlCandidateView *self)
{
  GtkWidget *row;

  if (self->spare->len > 0)
    {
      row = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
      gtk_widget_set_visible (row, TRUE);
      return row;
    }
  row = GTK_WIDGET (sl_candidate_row_new ());
  gtk_widget_set_focusable (row, TRUE);
  gtk_widget_set_parent (row, GTK_WIDGET (self));
  return row;
}

static void
release_row (SlCandidateView *self, guint index)
{
  GtkWidget *row = g_array_index (self->shown, Shown, index).row;

  g_array_remove_index_fast (self->shown, index);
  sl_candidate_row_set_item (SL_CANDIDATE_ROW (row), NULL);
  gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_SELECTED);
  if (self->spare->len < MAX_SPARE)
    {
      gtk_widget_set_visible (row, FALSE);
      g_ptr_array_add (self->spare, row);
    }
  else
    gtk_widget_unparent (row);
}

static Shown *
show_position (SlCandidateView *self, guint position)
{
  Shown *shown = find_shown (self, position);
  Shown added;

  if (shown != NULL)
    return shown;
  added.row = take_row (self);
  added.position = position;
  g_array_append_val (self->shown, added);
  shown = &g_array_index (self->shown, Shown, self->shown->len - 1);
  bind (self, shown);
  return shown;
}

/* The adjustment's value that shows @position whole, moving as little as possible */
static double
value_showing (SlCandidateView *self, guint position, double value, int height)
{
  double top = (double) position * self->row_height;

  if (top < value)
    return top;
  if (top + self->row_height > value + height)
    return top + self->row_height - height;
  return value;
}

static void
sl_candidate_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);
  GtkAdjustment *adjustment = self->adjustment[GTK_ORIENTATION_VERTICAL];
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  guint n = n_items (self);
  guint first = 0, last = 0;
  double upper, value;

  if (n > 0 && self->row_height == 0)
    {
      Shown *shown = show_position (self, self->cursor < n ? self->cursor : 0);
      int ignored;

      gtk_widget_measure (shown->row, GTK_ORIENTATION_VERTICAL, width, &self->row_height, &ignored,
                          NULL, NULL);
      self->row_height = MAX (self->row_height, 1);
    }

  upper = self->row_height > 0 ? (double) n * self->row_height : 0;
  value = adjustment ? gtk_adjustment_get_value (adjustment) : 0;
  if (self->scroll_to < n && self->row_height > 0)
    value = value_showing (self, self->scroll_to, value, height);
  self->scroll_to = GTK_INVALID_LIST_POSITION;
  value = CLAMP (value, 0, MAX (0, upper - height));
  if (adjustment != NULL)
    gtk_adjustment_configure (adjustment, value, 0, MAX (upper, height), self->row_height,
                              MAX (height - self->row_height, self->row_height), height);
  if (self->row_height > 0 && n > 0)
    {
      first = (guint) (value / self->row_height);
      last = MIN (n, (guint) ((value + height + self->row_height - 1) / self->row_height));
    }

  /* Rows that left the screen are bound to another position; the focused one stays, unseen */
  for (guint i = self->shown->len; i > 0; i--)
    {
      Shown *shown = &g_array_index (self->shown, Shown, i - 1);
      gboolean has_focus =
        focus != NULL && (focus == shown->row || gtk_widget_is_ancestor (focus, shown->row));

      if ((shown->position < first || shown->position >= last || shown->position >= n) &&
          !(has_focus && shown->position < n))
        release_row (self, i - 1);
    }
  for (guint position = first; position < last; position++)
    show_position (self, position);

  for (guint i = 0; i < self->shown->len; i++)
    {
      Shown *shown = &g_array_index (self->shown, Shown, i);
      int ignored;

      if (shown->position < first || shown->position >= last)
        {
          gtk_widget_set_child_visible (shown->row, FALSE);
          continue;
        }
      gtk_widget_set_child_visible (shown->row, TRUE);
      gtk_widget_measure (shown->row, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, NULL, NULL, NULL);
      gtk_widget_measure (shown->row, GTK_ORIENTATION_VERTICAL, width, &ignored, NULL, NULL, NULL);
      gtk_widget_size_allocate (
        shown->row,
        &(GtkAllocation){ 0, (int) ((double) shown->position * self->row_height - value), width,
                          self->row_height },
        -1);
    }
}

static void
sl_candidate_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Rows ask for the same whatever they show: any one of them says it */
      if (self->shown->len > 0)
        gtk_widget_measure (g_array_index (self->shown, Shown, 0).row, orientation, -1, minimum,
                            natural, NULL, NULL);
    }
  else
    *natural = (int) MIN ((double) n_items (self) * self->row_height, G_MAXINT / 2);
}

/* ---- Moving the cursor, selecting, activating --------------------------------------------- */

static void
focus_cursor (SlCandidateView *self)
{
  Shown *shown;

  if (self->cursor >= n_items (self))
    return;
  shown = show_position (self, self->cursor);
  gtk_widget_grab_focus (shown->row);
  sl_candidate_view_scroll_to (self, self->cursor);
}

static void
select_to (SlCandidateView *self, guint position, gboolean modify, gboolean extend)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->model);

  if (extend && self->anchor < n_items (self))
    {
      guint start = MIN (self->anchor, position);
      guint end = MAX (self->anchor, position);

      gtk_selection_model_select_range (model, start, end - start + 1, !modify);
      return;
    }
  self->anchor = position;
  if (modify && gtk_selection_model_is_selected (model, position))
    gtk_selection_model_unselect_item (model, position);
  else
    gtk_selection_model_select_item (model, position, !modify);
}

/* Moves the keyboard to @position; @select as a click would, with @modify (Ctrl) and @extend
 * (Shift) */
static void
move_to (SlCandidateView *self, guint position, gboolean select, gboolean modify, gboolean extend)
{
  guint n = n_items (self);

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  self->cursor = position;
  if (select)
    select_to (self, position, modify, extend);
  focus_cursor (self);
}

static int
page_rows (SlCandidateView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  return self->row_height > 0 ? MAX (1, height / self->row_height - 1) : 1;
}

static gboolean
move_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);
  const char *how;
  gboolean select, modify, extend;
  int amount;
  guint n = n_items (self);
  gint64 target;

  if (n == 0)
    return TRUE;
  g_variant_get (args, "(&sbbbi)", &how, &select, &modify, &extend, &amount);
  target = self->cursor < n ? (gint64) self->cursor : 0;
  if (g_str_equal (how, "page"))
    target += (gint64) amount * page_rows (self);
  else if (g_str_equal (how, "end"))
    target = amount < 0 ? 0 : (gint64) n - 1;
  else if (self->cursor < n)
    target += amount;
  self->keyboard = TRUE;
  move_to (self, (guint) CLAMP (target, 0, (gint64) n - 1), select, modify, extend);
  self->keyboard = FALSE;
  return TRUE;
}

static gboolean
select_cursor_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);
  gboolean modify = g_variant_get_boolean (args);

  if (self->cursor < n_items (self))
    select_to (self, self->cursor, modify, FALSE);
  return TRUE;
}

static gboolean
activate_cursor_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);

  if (self->cursor < n_items (self))
    g_signal_emit (self, signals[ACTIVATE], 0, self->cursor);
  return TRUE;
}

static gboolean
select_all_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);

  if (self->model != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->model));
  return TRUE;
}

static Shown *
shown_at (SlCandidateView *self, double y)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      Shown *shown = &g_array_index (self->shown, Shown, i);
      graphene_rect_t bounds;

      if (gtk_widget_get_child_visible (shown->row) &&
          gtk_widget_compute_bounds (shown->row, GTK_WIDGET (self), &bounds) &&
          y >= bounds.origin.y && y < bounds.origin.y + bounds.size.height)
        return shown;
    }
  return NULL;
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, SlCandidateView *self)
{
  Shown *shown = shown_at (self, y);
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (shown == NULL)
    return;
  self->cursor = shown->position;
  gtk_widget_grab_focus (shown->row);
  if (n_press == 2)
    {
      g_signal_emit (self, signals[ACTIVATE], 0, shown->position);
      return;
    }
  select_to (self, shown->position, (state & GDK_CONTROL_MASK) != 0, (state & GDK_SHIFT_MASK) != 0);
}

/* ---- The model ------------------------------------------------------------------------------ */

static void
items_changed_cb (SlCandidateView *self, guint position, guint removed, guint added)
{
  gboolean had_focus = FALSE;

  /* Rows after the change follow their items; rows of removed items are let go of */
  for (guint i = self->shown->len; i > 0; i--)
    {
      Shown *shown = &g_array_index (self->shown, Shown, i - 1);

      if (shown->position >= position + removed)
        shown->position = shown->position + added - removed;
      else if (shown->position >= position)
        {
          had_focus = had_focus || gtk_widget_has_focus (shown->row);
          release_row (self, i - 1);
        }
    }
  if (self->cursor != GTK_INVALID_LIST_POSITION)
    {
      if (self->cursor >= position + removed)
        self->cursor = self->cursor + added - removed;
      else if (self->cursor >= position)
        self->cursor = MIN (position, n_items (self) > 0 ? n_items (self) - 1 : 0);
    }
  /* The keyboard stays in the list, on the row that took the removed one's place */
  if (had_focus)
    sl_candidate_view_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
selection_changed_cb (SlCandidateView *self, guint position, guint n)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      Shown *shown = &g_array_index (self->shown, Shown, i);

      if (shown->position >= position && shown->position - position < n)
        update_selected (self, shown);
    }
}

void
sl_candidate_view_set_model (SlCandidateView *self, SlCandidateSelection *model)
{
  g_return_if_fail (SL_IS_CANDIDATE_VIEW (self));

  if (self->model == model)
    return;
  while (self->shown->len > 0)
    release_row (self, self->shown->len - 1);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  self->cursor = self->anchor = GTK_INVALID_LIST_POSITION;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

SlCandidateSelection *
sl_candidate_view_get_model (SlCandidateView *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_VIEW (self), NULL);
  return self->model;
}

/* Brings the row at @position into view at the next allocation */
void
sl_candidate_view_scroll_to (SlCandidateView *self, guint position)
{
  g_return_if_fail (SL_IS_CANDIDATE_VIEW (self));

  self->scroll_to = position;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* TRUE while a key moves the cursor: a selection changing then may be one of many in a row */
gboolean
sl_candidate_view_is_keyboard_moving (SlCandidateView *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_VIEW (self), FALSE);
  return self->keyboard;
}

guint
sl_candidate_view_get_cursor (SlCandidateView *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_VIEW (self), GTK_INVALID_LIST_POSITION);
  return self->cursor;
}

/* Where the keyboard is when the view takes the focus; nothing is selected by this */
void
sl_candidate_view_set_cursor (SlCandidateView *self, guint position)
{
  g_return_if_fail (SL_IS_CANDIDATE_VIEW (self));

  self->cursor = self->anchor = position;
  if (gtk_widget_has_focus (GTK_WIDGET (self)) ||
      gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
    focus_cursor (self);
}

/* The rows made now: those on screen, and the focused one */
guint
sl_candidate_view_get_n_rows (SlCandidateView *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_VIEW (self), 0);
  return self->shown->len;
}

/* ---- GtkWidget, GtkScrollable ------------------------------------------------------------- */

static gboolean
sl_candidate_view_grab_focus (GtkWidget *widget)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (widget);
  guint n = n_items (self);

  if (n == 0)
    return GTK_WIDGET_CLASS (sl_candidate_view_parent_class)->grab_focus (widget);
  if (self->cursor >= n)
    self->cursor = 0;
  focus_cursor (self);
  return TRUE;
}

static gboolean
sl_candidate_view_focus (GtkWidget *widget, GtkDirectionType direction)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);

  /* Tab leaves the list; the arrows move inside it */
  if (focus_child != NULL &&
      (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    return FALSE;
  if (focus_child == NULL)
    return sl_candidate_view_grab_focus (widget);
  return TRUE;
}

static void
set_adjustment (SlCandidateView *self, GtkOrientation orientation, GtkAdjustment *adjustment)
{
  if (self->adjustment[orientation] == adjustment)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (self->adjustment[orientation] != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->adjustment[orientation], self);
      g_object_unref (self->adjustment[orientation]);
    }
  self->adjustment[orientation] = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_allocate),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
sl_candidate_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->adjustment[GTK_ORIENTATION_HORIZONTAL]);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->adjustment[GTK_ORIENTATION_VERTICAL]);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->policy[GTK_ORIENTATION_HORIZONTAL]);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->policy[GTK_ORIENTATION_VERTICAL]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sl_candidate_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->policy[GTK_ORIENTATION_HORIZONTAL] = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->policy[GTK_ORIENTATION_VERTICAL] = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  /* A new font or scale: the rows' height is measured again */
  SL_CANDIDATE_VIEW (widget)->row_height = 0;
  GTK_WIDGET_CLASS (sl_candidate_view_parent_class)->css_changed (widget, change);
}

static void
sl_candidate_view_dispose (GObject *object)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  for (guint i = 0; i < 2; i++)
    {
      if (self->adjustment[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->adjustment[i], self);
      g_clear_object (&self->adjustment[i]);
    }
  g_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->spare, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (sl_candidate_view_parent_class)->dispose (object);
}

static void
sl_candidate_view_finalize (GObject *object)
{
  SlCandidateView *self = SL_CANDIDATE_VIEW (object);

  g_array_unref (self->shown);
  g_ptr_array_unref (self->spare);
  G_OBJECT_CLASS (sl_candidate_view_parent_class)->finalize (object);
}

static void
add_move_bindings (GtkWidgetClass *widget_class, guint keyval, guint kp_keyval, const char *how,
                   int amount)
{
  static const GdkModifierType mods[] = { 0, GDK_CONTROL_MASK, GDK_SHIFT_MASK,
                                          GDK_CONTROL_MASK | GDK_SHIFT_MASK };

  for (guint i = 0; i < G_N_ELEMENTS (mods); i++)
    {
      gboolean select = mods[i] != GDK_CONTROL_MASK;
      gboolean modify = mods[i] == (GDK_CONTROL_MASK | GDK_SHIFT_MASK);
      gboolean extend = (mods[i] & GDK_SHIFT_MASK) != 0;

      gtk_widget_class_add_binding (widget_class, keyval, mods[i], move_cb, "(sbbbi)", how, select,
                                    modify, extend, amount);
      gtk_widget_class_add_binding (widget_class, kp_keyval, mods[i], move_cb, "(sbbbi)", how,
                                    select, modify, extend, amount);
    }
}

static void
sl_candidate_view_class_init (SlCandidateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sl_candidate_view_get_property;
  object_class->set_property = sl_candidate_view_set_property;
  object_class->dispose = sl_candidate_view_dispose;
  object_class->finalize = sl_candidate_view_finalize;
  widget_class->measure = sl_candidate_view_measure;
  widget_class->size_allocate = sl_candidate_view_size_allocate;
  widget_class->grab_focus = sl_candidate_view_grab_focus;
  widget_class->focus = sl_candidate_view_focus;
  widget_class->css_changed = sl_candidate_view_css_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SL_TYPE_CANDIDATE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* A row was activated: Enter, or a double click */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "step", -1);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "step", 1);
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, "page", -1);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, "page", 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, "end", -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, "end", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, select_cursor_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, select_cursor_cb,
                                "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cursor_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_cursor_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cursor_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, select_all_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "listview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
sl_candidate_view_init (SlCandidateView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  self->spare = g_ptr_array_new ();
  self->cursor = self->anchor = self->scroll_to = GTK_INVALID_LIST_POSITION;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, NULL);
  set_adjustment (self, GTK_ORIENTATION_VERTICAL, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
sl_candidate_view_new (void)
{
  return g_object_new (SL_TYPE_CANDIDATE_VIEW, NULL);
}
