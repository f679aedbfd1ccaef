/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-selection.c — the selection of a candidate list, kept by candidate id
 *
 * GtkSingleSelection and GtkMultiSelection remember selected items as objects and, when the
 * list changes under them, look for those objects among every added item: for a new search
 * over 100,000 candidates that is 100,000 items made on the UI thread. This selection keeps
 * candidate ids instead, so a change of the list costs nothing here.
 *
 * Single (the main window): one selected position and its id. When new results replace the
 * list the position is forgotten but the id is kept, and the owner says where that candidate is now
 * (the query found it on the worker thread) or that it is gone, so a search that still shows
 * the selected candidate does not reload it. Multiple (the candidate picker): a set of ids,
 * which outlives a search that hides some of them.
 */
#include "config.h"

#include "sl-candidate-selection.h"

struct _SlCandidateSelection
{
  GObject parent_instance;

  SlCandidateList *list;
  gboolean multiple;
  guint selected;     /* single: a position, or GTK_INVALID_LIST_POSITION */
  gint64 selected_id; /* single: 0 for none */
  GHashTable *ids;    /* multiple: the selected ids */
};

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlCandidateSelection, sl_candidate_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                                 G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                        selection_model_iface_init))

enum
{
  PROP_0,
  PROP_SELECTED_ID,
  PROP_N_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return SL_TYPE_CANDIDATE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (SL_CANDIDATE_SELECTION (model)->list));
}

static gpointer
get_item (GListModel *model, guint position)
{
  return g_list_model_get_item (G_LIST_MODEL (SL_CANDIDATE_SELECTION (model)->list), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
id_selected (SlCandidateSelection *self, guint position)
{
  gint64 id = sl_candidate_list_get_id (self->list, position);

  return id != 0 && g_hash_table_contains (self->ids, &id);
}

static gboolean
is_selected (GtkSelectionModel *model, guint position)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (self->multiple)
    return id_selected (self, position);
  return position == self->selected;
}

/* GTK asks for the rows it shows; only a whole-list request costs a pass over the ids */
static GtkBitset *
get_selection_in_range (GtkSelectionModel *model, guint position, guint n_items)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);
  GtkBitset *bitset = gtk_bitset_new_empty ();

  if (!self->multiple)
    {
      if (self->selected != GTK_INVALID_LIST_POSITION && self->selected >= position &&
          self->selected - position < n_items)
        gtk_bitset_add (bitset, self->selected);
    }
  else if (g_hash_table_size (self->ids) > 0)
    for (guint i = position; i - position < n_items; i++)
      if (id_selected (self, i))
        gtk_bitset_add (bitset, i);
  return bitset;
}

static void
notify_n_selected (SlCandidateSelection *self, guint before)
{
  if (g_hash_table_size (self->ids) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
}

static void
select_single (SlCandidateSelection *self, guint position)
{
  guint old = self->selected;
  gint64 id = sl_candidate_list_get_id (self->list, position);

  if (id == 0)
    position = GTK_INVALID_LIST_POSITION;
  self->selected = position;
  if (old != GTK_INVALID_LIST_POSITION && old != position)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  if (position != GTK_INVALID_LIST_POSITION && old != position)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
  if (self->selected_id != id)
    {
      self->selected_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
    }
}

static void
clear_multiple (SlCandidateSelection *self)
{
  guint before = g_hash_table_size (self->ids);

  if (before == 0)
    return;
  g_hash_table_remove_all (self->ids);
  /* The selected rows may be anywhere; GTK updates only the rows it shows */
  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0,
                                         get_n_items (G_LIST_MODEL (self)));
  notify_n_selected (self, before);
}

static gboolean
change_range (SlCandidateSelection *self, guint position, guint n_items, gboolean select)
{
  guint before = g_hash_table_size (self->ids);
  guint end = MIN (position + n_items, get_n_items (G_LIST_MODEL (self)));

  for (guint i = position; i < end; i++)
    {
      gint64 id = sl_candidate_list_get_id (self->list, i);

      if (select)
        g_hash_table_add (self->ids, g_memdup2 (&id, sizeof id));
      else
        g_hash_table_remove (self->ids, &id);
    }
  if (end > position)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, end - position);
  notify_n_selected (self, before);
  return TRUE;
}

static gboolean
select_item (GtkSelectionModel *model, guint position, gboolean unselect_rest)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (!self->multiple)
    {
      select_single (self, position);
      return TRUE;
    }
  if (unselect_rest)
    clear_multiple (self);
  return change_range (self, position, 1, TRUE);
}

static gboolean
unselect_item (GtkSelectionModel *model, guint position)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (!self->multiple)
    {
      if (self->selected == position)
        select_single (self, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }
  return change_range (self, position, 1, FALSE);
}

static gboolean
select_range (GtkSelectionModel *model, guint position, guint n_items, gboolean unselect_rest)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (!self->multiple)
    return FALSE;
  if (unselect_rest)
    clear_multiple (self);
  return change_range (self, position, n_items, TRUE);
}

static gboolean
unselect_range (GtkSelectionModel *model, guint position, guint n_items)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (!self->multiple)
    return FALSE;
  return change_range (self, position, n_items, FALSE);
}

/* Ctrl+A: every candidate the search shows, a pass over their ids for the user's keystroke */
static gboolean
select_all (GtkSelectionModel *model)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (!self->multiple)
    return FALSE;
  return change_range (self, 0, get_n_items (G_LIST_MODEL (self)), TRUE);
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (model);

  if (!self->multiple)
    select_single (self, GTK_INVALID_LIST_POSITION);
  else
    clear_multiple (self);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->select_range = select_range;
  iface->unselect_range = unselect_range;
  iface->select_all = select_all;
  iface->unselect_all = unselect_all;
}

/* New results shown in place (see sl-candidate-list.c): the rows there show other candidates */
static void
rows_replaced_cb (SlCandidateSelection *self, guint n_kept)
{
  if (!self->multiple)
    {
      guint old = self->selected;

      /* Its id stays until the owner says where that candidate is now */
      if (old != GTK_INVALID_LIST_POSITION && old < n_kept)
        {
          self->selected = GTK_INVALID_LIST_POSITION;
          gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
        }
    }
  else if (n_kept > 0 && g_hash_table_size (self->ids) > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n_kept);
}

static void
list_changed_cb (SlCandidateSelection *self, guint position, guint removed, guint added)
{
  if (!self->multiple && self->selected != GTK_INVALID_LIST_POSITION)
    {
      if (self->selected >= position + removed)
        self->selected = self->selected + added - removed;
      else if (self->selected >= position)
        /* Gone from here; its id stays until the owner selects again */
        self->selected = GTK_INVALID_LIST_POSITION;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
sl_candidate_selection_dispose (GObject *object)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  G_OBJECT_CLASS (sl_candidate_selection_parent_class)->dispose (object);
}

static void
sl_candidate_selection_finalize (GObject *object)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (object);

  g_hash_table_unref (self->ids);
  G_OBJECT_CLASS (sl_candidate_selection_parent_class)->finalize (object);
}

static void
sl_candidate_selection_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  SlCandidateSelection *self = SL_CANDIDATE_SELECTION (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_N_SELECTED:
      g_value_set_uint (value, sl_candidate_selection_get_n_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_selection_class_init (SlCandidateSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_candidate_selection_dispose;
  object_class->finalize = sl_candidate_selection_finalize;
  object_class->get_property = sl_candidate_selection_get_property;

  /* Single: the selected candidate's id, 0 for none */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* How many candidates are selected, shown or not */
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_candidate_selection_init (SlCandidateSelection *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
  self->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SlCandidateSelection *
sl_candidate_selection_new (SlCandidateList *list, gboolean multiple)
{
  SlCandidateSelection *self;

  g_return_val_if_fail (SL_IS_CANDIDATE_LIST (list), NULL);

  self = g_object_new (SL_TYPE_CANDIDATE_SELECTION, NULL);
  self->list = g_object_ref (list);
  self->multiple = multiple;
  g_signal_connect_object (list, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "rows-replaced", G_CALLBACK (rows_replaced_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

SlCandidateList *
sl_candidate_selection_get_list (SlCandidateSelection *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_SELECTION (self), NULL);
  return self->list;
}

/* Single: the selected position, or GTK_INVALID_LIST_POSITION */
guint
sl_candidate_selection_get_selected (SlCandidateSelection *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_SELECTION (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

gint64
sl_candidate_selection_get_selected_id (SlCandidateSelection *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_SELECTION (self), 0);
  return self->selected_id;
}

/* Single: selects the row at @position, or nothing for GTK_INVALID_LIST_POSITION */
void
sl_candidate_selection_select (SlCandidateSelection *self, guint position)
{
  g_return_if_fail (SL_IS_CANDIDATE_SELECTION (self));
  g_return_if_fail (!self->multiple);

  select_single (self, position);
}

guint
sl_candidate_selection_get_n_selected (SlCandidateSelection *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_SELECTION (self), 0);

  if (self->multiple)
    return g_hash_table_size (self->ids);
  return self->selected_id != 0 ? 1 : 0;
}

/* Multiple: the selected ids, shown or not, in no particular order */
GArray *
sl_candidate_selection_get_selected_ids (SlCandidateSelection *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SL_IS_CANDIDATE_SELECTION (self), ids);

  if (!self->multiple)
    {
      if (self->selected_id != 0)
        g_array_append_val (ids, self->selected_id);
      return ids;
    }
  g_hash_table_iter_init (&iter, self->ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return ids;
}
