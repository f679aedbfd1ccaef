/* sl-candidate-list.c — a GListModel of candidates that holds row ids, not objects
 *
 * 100,000 matches cost 800 KB of ids; an SlCandidate is made only when the view asks for the
 * item at a position (and the store hands back the same object while it is alive).
 */
#include "config.h"

#include "sl-candidate-list.h"

struct _SlCandidateList
{
  GObject parent_instance;

  SlStore *store;
  GArray *ids;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlCandidateList, sl_candidate_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return SL_TYPE_CANDIDATE;
}

static guint
get_n_items (GListModel *model)
{
  return SL_CANDIDATE_LIST (model)->ids->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  SlCandidateList *self = SL_CANDIDATE_LIST (model);
  SlCandidate *candidate;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;
  id = g_array_index (self->ids, gint64, position);
  candidate = sl_store_get_candidate (self->store, id, NULL);
  if (candidate == NULL)
    {
      /* Deleted by another program since the query: show an empty row until the next query */
      candidate = sl_candidate_new ();
      sl_candidate_set_id (candidate, id);
    }
  return candidate;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
candidate_removed_cb (SlCandidateList *self, gint64 id, SlStore *store)
{
  sl_candidate_list_remove_id (self, id);
}

static void
sl_candidate_list_dispose (GObject *object)
{
  SlCandidateList *self = SL_CANDIDATE_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sl_candidate_list_parent_class)->dispose (object);
}

static void
sl_candidate_list_finalize (GObject *object)
{
  SlCandidateList *self = SL_CANDIDATE_LIST (object);

  g_array_unref (self->ids);
  G_OBJECT_CLASS (sl_candidate_list_parent_class)->finalize (object);
}

static void
sl_candidate_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlCandidateList *self = SL_CANDIDATE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_list_class_init (SlCandidateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_candidate_list_dispose;
  object_class->finalize = sl_candidate_list_finalize;
  object_class->get_property = sl_candidate_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_candidate_list_init (SlCandidateList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SlCandidateList *
sl_candidate_list_new (SlStore *store)
{
  SlCandidateList *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  self = g_object_new (SL_TYPE_CANDIDATE_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "candidate-removed", G_CALLBACK (candidate_removed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

static void
changed (SlCandidateList *self, guint position, guint removed, guint added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Replaces the contents with @ids; the list keeps a reference and edits it from then on */
void
sl_candidate_list_set_ids (SlCandidateList *self, GArray *ids)
{
  guint old_len;

  g_return_if_fail (SL_IS_CANDIDATE_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  changed (self, 0, old_len, ids->len);
}

gint64
sl_candidate_list_get_id (SlCandidateList *self, guint position)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/* A scan of the ids in memory, done on a user's action (delete, select a new candidate) */
int
sl_candidate_list_find (SlCandidateList *self, gint64 id)
{
  const gint64 *data;

  g_return_val_if_fail (SL_IS_CANDIDATE_LIST (self), -1);

  data = (const gint64 *) (gpointer) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (data[i] == id)
      return (int) i;
  return -1;
}

void
sl_candidate_list_insert (SlCandidateList *self, guint position, gint64 id)
{
  g_return_if_fail (SL_IS_CANDIDATE_LIST (self));

  position = MIN (position, self->ids->len);
  g_array_insert_val (self->ids, position, id);
  changed (self, position, 0, 1);
}

void
sl_candidate_list_remove_id (SlCandidateList *self, gint64 id)
{
  int position;

  g_return_if_fail (SL_IS_CANDIDATE_LIST (self));

  position = sl_candidate_list_find (self, id);
  if (position < 0)
    return;
  g_array_remove_index (self->ids, (guint) position);
  changed (self, (guint) position, 1, 0);
}
