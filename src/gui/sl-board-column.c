/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-board-column.c — one stage on the pipeline board: its name, its count and its cards
 *
 * The cards are a GListStore shown by a GtkListView, so only the visible ones have widgets. A
 * fresh query result is spliced in where it differs from what is shown: moving one card
 * removes or inserts one item, and the list keeps its scroll position and its other widgets.
 * Cards dropped on the column are handed to the board through "card-dropped".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-board-card-row.h"
#include "sl-board-column.h"

struct _SlBoardColumn
{
  GtkWidget parent_instance;

  char *stage;
  char *name;
  GListStore *cards;
  GtkSingleSelection *selection;

  GtkWidget *box;
  GtkWidget *header;
  GtkLabel *name_label;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (SlBoardColumn, sl_board_column, GTK_TYPE_WIDGET)

enum
{
  CARD_SELECTED,
  CARD_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_header (SlBoardColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->name_label, self->name);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "cards" : "empty");
  accessible = g_strdup_printf (
    /* Translators: a board column as a screen reader names it: the stage, then how many cards */
    g_dngettext (GETTEXT_PACKAGE, "%s, %'u candidate", "%s, %'u candidates", n), self->name, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->name,
                                  -1);
}

/* The stage's name and count above the cards */
GtkWidget *
sl_board_column_get_header (SlBoardColumn *self)
{
  g_return_val_if_fail (SL_IS_BOARD_COLUMN (self), NULL);
  return self->header;
}

const char *
sl_board_column_get_stage (SlBoardColumn *self)
{
  g_return_val_if_fail (SL_IS_BOARD_COLUMN (self), NULL);
  return self->stage;
}

void
sl_board_column_set_name (SlBoardColumn *self, const char *name)
{
  g_return_if_fail (SL_IS_BOARD_COLUMN (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  update_header (self);
}

guint
sl_board_column_get_count (SlBoardColumn *self)
{
  g_return_val_if_fail (SL_IS_BOARD_COLUMN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->cards));
}

static gboolean
same_card (GListModel *a, guint i, GListModel *b, guint j)
{
  g_autoptr (SlBoardCard) x = g_list_model_get_item (a, i);
  g_autoptr (SlBoardCard) y = g_list_model_get_item (b, j);

  return sl_board_card_get_application_id (x) == sl_board_card_get_application_id (y) &&
         sl_board_card_get_since (x) == sl_board_card_get_since (y) &&
         g_str_equal (sl_board_card_get_name (x), sl_board_card_get_name (y)) &&
         g_str_equal (sl_board_card_get_country (x), sl_board_card_get_country (y)) &&
         g_str_equal (sl_board_card_get_seniority (x), sl_board_card_get_seniority (y));
}

/* Shows @cards (SlBoardCard, or NULL for none) by replacing only the run that differs */
void
sl_board_column_update (SlBoardColumn *self, GListModel *cards)
{
  GListModel *shown;
  guint old_n, new_n, prefix = 0, suffix = 0, added;
  gpointer *items;

  g_return_if_fail (SL_IS_BOARD_COLUMN (self));

  shown = G_LIST_MODEL (self->cards);
  old_n = g_list_model_get_n_items (shown);
  new_n = cards ? g_list_model_get_n_items (cards) : 0;
  while (prefix < old_n && prefix < new_n && same_card (shown, prefix, cards, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         same_card (shown, old_n - 1 - suffix, cards, new_n - 1 - suffix))
    suffix++;
  if (prefix + suffix == old_n && old_n == new_n)
    return;

  added = new_n - prefix - suffix;
  items = g_new (gpointer, MAX (added, 1));
  for (guint i = 0; i < added; i++)
    items[i] = g_list_model_get_item (cards, prefix + i);
  g_list_store_splice (self->cards, prefix, old_n - prefix - suffix, items, added);
  for (guint i = 0; i < added; i++)
    g_object_unref (items[i]);
  g_free (items);
  update_header (self);
}

/* The position of the application's card in this column, or -1 */
int
sl_board_column_find (SlBoardColumn *self, gint64 application_id)
{
  guint n;

  g_return_val_if_fail (SL_IS_BOARD_COLUMN (self), -1);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlBoardCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (sl_board_card_get_application_id (card) == application_id)
        return (int) i;
    }
  return -1;
}

gboolean
sl_board_column_has_candidate (SlBoardColumn *self, gint64 candidate_id)
{
  guint n;

  g_return_val_if_fail (SL_IS_BOARD_COLUMN (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlBoardCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (sl_board_card_get_candidate_id (card) == candidate_id)
        return TRUE;
    }
  return FALSE;
}

/* The application id of the selected card, or 0 */
gint64
sl_board_column_get_selected (SlBoardColumn *self)
{
  SlBoardCard *card;

  g_return_val_if_fail (SL_IS_BOARD_COLUMN (self), 0);

  card = gtk_single_selection_get_selected_item (self->selection);
  return card ? sl_board_card_get_application_id (card) : 0;
}

/* The card row showing @card, if the list view has made one */
static GtkWidget *
find_card_row (SlBoardColumn *self, SlBoardCard *card)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); item;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && SL_IS_BOARD_CARD_ROW (row) &&
          sl_board_card_row_get_card (SL_BOARD_CARD_ROW (row)) == card)
        return row;
    }
  return NULL;
}

/* Selects the card at @position, scrolls to it and, with @focus, puts the keyboard focus on it */
void
sl_board_column_select (SlBoardColumn *self, guint position, gboolean focus)
{
  g_autoptr (SlBoardCard) card = NULL;
  GtkWidget *row;

  g_return_if_fail (SL_IS_BOARD_COLUMN (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->cards)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  /* Scrolling there makes the list view bind a row to the card at once */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (!focus)
    return;
  /* GTK 4.8 has no call to focus an item: the list view's own grab_focus picks the item it
   * last focused, so the card's row is found among the ones it made and focused directly */
  card = g_list_model_get_item (G_LIST_MODEL (self->cards), position);
  row = find_card_row (self, card);
  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
sl_board_column_unselect (SlBoardColumn *self)
{
  g_return_if_fail (SL_IS_BOARD_COLUMN (self));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
selection_changed_cb (SlBoardColumn *self)
{
  gint64 id = sl_board_column_get_selected (self);

  if (id != 0)
    g_signal_emit (self, signals[CARD_SELECTED], 0, id);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, SlBoardColumn *self)
{
  gint64 id = g_value_get_int64 (value);
  gboolean moved = FALSE;

  /* Dropped where it came from: nothing to do */
  if (sl_board_column_find (self, id) >= 0)
    return FALSE;
  g_signal_emit (self, signals[CARD_DROPPED], 0, id, &moved);
  return moved;
}

static void
setup_card_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_list_item_set_child (item, GTK_WIDGET (sl_board_card_row_new ()));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  sl_board_card_row_set_card (SL_BOARD_CARD_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  sl_board_card_row_set_card (SL_BOARD_CARD_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
sl_board_column_dispose (GObject *object)
{
  SlBoardColumn *self = SL_BOARD_COLUMN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_BOARD_COLUMN);
  g_clear_object (&self->selection);
  g_clear_object (&self->cards);

  G_OBJECT_CLASS (sl_board_column_parent_class)->dispose (object);
}

static void
sl_board_column_finalize (GObject *object)
{
  SlBoardColumn *self = SL_BOARD_COLUMN (object);

  g_free (self->stage);
  g_free (self->name);

  G_OBJECT_CLASS (sl_board_column_parent_class)->finalize (object);
}

static void
sl_board_column_class_init (SlBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_board_column_dispose;
  object_class->finalize = sl_board_column_finalize;

  /* A card was selected in this column: its application id */
  signals[CARD_SELECTED] =
    g_signal_new ("card-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A card from another column was dropped here: TRUE if it moved */
  signals[CARD_DROPPED] =
    g_signal_new ("card-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SlBoardColumn, box);
  gtk_widget_class_bind_template_child (widget_class, SlBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, SlBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, SlBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, SlBoardColumn, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sl_board_column_init (SlBoardColumn *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_list_store_new (SL_TYPE_BOARD_CARD);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->cards)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The whole column takes drops, its empty placeholder too */
  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

SlBoardColumn *
sl_board_column_new (const char *stage, const char *name)
{
  SlBoardColumn *self = g_object_new (SL_TYPE_BOARD_COLUMN, NULL);

  self->stage = g_strdup (stage);
  self->name = g_strdup (name);
  update_header (self);
  return self;
}

/* Moves the card at @position to the end of @target at once, as entering it now, so a move
 * shows without waiting for the board to be read again (which then finds nothing to change) */
void
sl_board_column_move_card (SlBoardColumn *self, guint position, SlBoardColumn *target)
{
  g_autoptr (SlBoardCard) card = NULL;
  g_autoptr (SlBoardCard) moved = NULL;

  g_return_if_fail (SL_IS_BOARD_COLUMN (self));
  g_return_if_fail (SL_IS_BOARD_COLUMN (target));

  card = g_list_model_get_item (G_LIST_MODEL (self->cards), position);
  if (card == NULL)
    return;
  moved =
    sl_board_card_new (sl_board_card_get_application_id (card),
                       sl_board_card_get_candidate_id (card), sl_board_card_get_name (card),
                       sl_board_card_get_country (card), sl_board_card_get_seniority (card),
                       sl_board_column_get_stage (target), g_get_real_time () / G_USEC_PER_SEC);
  g_list_store_remove (self->cards, position);
  g_list_store_append (target->cards, moved);
  update_header (self);
  update_header (target);
}
