/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-list.c — a GListModel of candidates that holds row ids, not objects
 *
 * 100,000 matches cost 800 KB of ids, and nothing on the calling (UI) thread waits for SQLite
 * or goes through the results:
 *
 * - An item (SlCandidateItem) is made only when the view asks for the row at a position. Its
 *   texts come from a cache of rows by id; a row not read yet is handed out as a placeholder and
 *   read in a batch on a worker thread with a connection of its own, the rows around it
 *   included, so that scrolling finds the next rows already there.
 * - Items are places, not candidates. When a search replaces the results, the items the view
 *   holds show their new candidates in place and only the tail of the list is reported as
 *   removed or added. GTK 4.8's list view keeps some 200 rows around what it shows; reported
 *   as removed, they would be destroyed and made again on every keystroke, and a change that
 *   removes the rows it tracks (focus, selection, scroll anchor) makes it look for them among
 *   every added item — a million of them after clearing a search.
 * - A query (sl_candidate_list_query_async) brings its ids, the position of the row to keep
 *   selected and the first rows' texts from one worker job, so its result shows complete in
 *   the frame after it arrives.
 */
#include "config.h"

#include <string.h>

#include "sl-candidate-list.h"
#include "sl-candidate-rows.h"
#include "sl-store-private.h"

/* Rows read around one asked for, behind and ahead: the view keeps about 200 rows */
#define BEHIND 128
#define AHEAD 256
/* Rows read with a query's ids: the top of the list, and around the row kept selected */
#define FIRST_ROWS 256
#define AROUND_KEPT 128
#define MAX_CACHED 4096

/* A row's texts by candidate id, most recently used first */
typedef struct
{
  SlCandidateSummary summary; /* its texts in @texts */
  char *texts;
  gboolean loaded;
  gboolean requested; /* waiting for a batch, or in one */
  gboolean stale;     /* changed since its batch was read: read again once it is in */
  guint64 serial;     /* of the snapshot its texts were read in */
  GList link;
} Row;

struct _SlCandidateList
{
  GObject parent_instance;

  SlStore *store;
  GArray *ids;

  GHashTable *items; /* position → SlCandidateItem the view holds (weak) */
  GHashTable *rows;  /* id → Row */
  GQueue lru;        /* Row */
  GArray *wanted;    /* ids for the next batch */
  guint batch_source;
  guint n_pending; /* ids in wanted and in batches under way */
  GCancellable *cancellable;

  /* The whole list's ids (no search, no filter) as last queried, never edited: clearing a
   * search shows them again without the query. Dropped at any change the store reports. */
  GArray *whole;
  guint generation; /* of the store's changes */
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

enum
{
  ROWS_REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- The rows' texts by id ---------------------------------------------------------------- */

static void
free_row (gpointer data)
{
  Row *row = data;

  g_free (row->texts);
  g_free (row);
}

static Row *
lookup_row (SlCandidateList *self, gint64 id)
{
  return g_hash_table_lookup (self->rows, &id);
}

static void
touch_row (SlCandidateList *self, Row *row)
{
  g_queue_unlink (&self->lru, &row->link);
  g_queue_push_head_link (&self->lru, &row->link);
}

static Row *
add_row (SlCandidateList *self, gint64 id)
{
  Row *row = lookup_row (self, id);

  if (row != NULL)
    return row;
  row = g_new0 (Row, 1);
  row->summary.id = id;
  row->link.data = row;
  g_hash_table_insert (self->rows, &row->summary.id, row);
  g_queue_push_head_link (&self->lru, &row->link);
  return row;
}

/* The least recently used go; the items showing them keep copies of their texts */
static void
evict_rows (SlCandidateList *self)
{
  while (g_hash_table_size (self->rows) > MAX_CACHED)
    {
      Row *row = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &row->link);
      g_hash_table_remove (self->rows, &row->summary.id);
    }
}

static void
set_row (SlCandidateList *self, const SlCandidateSummary *summary, guint64 serial)
{
  Row *row = add_row (self, summary->id);
  const char *texts[] = { summary->name, summary->seniority, summary->stack_name, summary->country,
                          summary->stage };
  const char **fields[] = { &row->summary.name, &row->summary.seniority, &row->summary.stack_name,
                            &row->summary.country, &row->summary.stage };
  gsize size = 0;
  char *cursor;

  touch_row (self, row);
  /* Read before what it already shows: older */
  if (row->loaded && serial < row->serial)
    return;
  row->serial = serial;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    size += strlen (texts[i] ? texts[i] : "") + 1;
  g_free (row->texts);
  row->texts = cursor = g_malloc (size);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text = texts[i] ? texts[i] : "";
      gsize len = strlen (text) + 1;

      memcpy (cursor, text, len);
      *fields[i] = cursor;
      cursor += len;
    }
  row->summary.found = summary->found;
  row->loaded = TRUE;
}

/* ---- Batches of rows, read on a worker thread --------------------------------------------- */

/* A batch holds the list weakly and the readers, not the store: a list or a store that goes
 * away while a batch is under way is not kept alive by it */
typedef struct
{
  GWeakRef list;
  SlReaders *readers;
  GArray *ids;
} Batch;

static void
free_batch (gpointer data)
{
  Batch *batch = data;

  g_weak_ref_clear (&batch->list);
  sl_readers_unref (batch->readers);
  g_array_unref (batch->ids);
  g_free (batch);
}

static void
batch_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Batch *batch = task_data;
  g_autoptr (SlCandidateSummaries) summaries = sl_candidate_summaries_new ();
  GError *error = NULL;
  SlDatabase *reader = sl_readers_lock (batch->readers, SL_STORE_READER_ROWS, &error);
  gboolean ok = reader != NULL && sl_candidate_rows_begin (reader, &summaries->serial, &error);

  if (ok)
    {
      ok = sl_candidate_summaries_read (
        summaries, reader, (const gint64 *) (gpointer) batch->ids->data, batch->ids->len, &error);
      sl_database_exec (reader, "COMMIT", NULL);
    }
  sl_readers_unlock (batch->readers, SL_STORE_READER_ROWS);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&summaries),
                           (GDestroyNotify) sl_candidate_summaries_free);
}

/* Every item the view holds shows its row's texts, if they are here */
static void
show_rows (SlCandidateList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SlCandidateItem *item = value;
      gint64 id = sl_candidate_item_get_id (item);
      Row *row = lookup_row (self, id);

      if (row != NULL && row->loaded)
        sl_candidate_item_show (item, id, &row->summary);
    }
}

static void want (SlCandidateList *self, Row *row);

static void
batch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Batch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr (SlCandidateList) self = g_weak_ref_get (&batch->list);
  g_autoptr (SlCandidateSummaries) summaries = NULL;
  g_autoptr (GError) error = NULL;

  summaries = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL)
    return;
  self->n_pending -= batch->ids->len;
  if (summaries == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read the candidate list's rows: %s", error->message);
  for (guint i = 0; summaries != NULL && i < summaries->rows->len; i++)
    set_row (self, &g_array_index (summaries->rows, SlCandidateSummary, i), summaries->serial);
  /* Asked for again only when a row needs them, so a read that failed is not retried in a
   * loop; a row that changed while it was being read is read again */
  for (guint i = 0; i < batch->ids->len; i++)
    {
      Row *row = lookup_row (self, g_array_index (batch->ids, gint64, i));

      if (row == NULL)
        continue;
      row->requested = FALSE;
      if (row->stale && summaries != NULL)
        {
          row->stale = FALSE;
          want (self, row);
        }
    }
  evict_rows (self);
  show_rows (self);
}

static gboolean
start_batch_cb (gpointer data)
{
  SlCandidateList *self = data;
  g_autoptr (GTask) task = g_task_new (NULL, self->cancellable, batch_done_cb, NULL);
  Batch *batch = g_new0 (Batch, 1);

  self->batch_source = 0;
  g_weak_ref_init (&batch->list, self);
  batch->readers = sl_store_ref_readers (self->store);
  batch->ids = g_steal_pointer (&self->wanted);
  self->wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_task_set_source_tag (task, start_batch_cb);
  g_task_set_task_data (task, batch, free_batch);
  g_task_run_in_thread (task, batch_thread);
  return G_SOURCE_REMOVE;
}

static void
want (SlCandidateList *self, Row *row)
{
  if (row->requested)
    return;
  row->requested = TRUE;
  g_array_append_val (self->wanted, row->summary.id);
  self->n_pending++;
  /* One batch for all the rows a frame asks for, started before the next frame */
  if (self->batch_source == 0)
    self->batch_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, start_batch_cb, self, NULL);
}

/* Asks for the rows at positions [start, end) that have not been read */
static void
want_range (SlCandidateList *self, guint start, guint end)
{
  end = MIN (end, self->ids->len);
  for (guint i = start; i < end; i++)
    {
      Row *row = add_row (self, g_array_index (self->ids, gint64, i));

      if (!row->loaded)
        want (self, row);
    }
  evict_rows (self);
}

static gboolean
covered (SlCandidateList *self, guint position)
{
  Row *row;

  if (position >= self->ids->len)
    return TRUE;
  row = lookup_row (self, g_array_index (self->ids, gint64, position));
  return row != NULL && (row->requested || row->loaded);
}

/* ---- The items the view holds, by position ------------------------------------------------ */

static void
item_finalized_cb (gpointer data, GObject *where_the_object_was)
{
  SlCandidateList *self = data;
  GHashTableIter iter;
  gpointer value;

  /* Its position was cleared when it left the list: find it by address */
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        return;
      }
}

/* The item at @position shows the candidate there, or a placeholder until its row is read */
static void
show_position (SlCandidateList *self, SlCandidateItem *item, guint position)
{
  gint64 id = g_array_index (self->ids, gint64, position);
  Row *row = lookup_row (self, id);

  if (row != NULL && row->loaded)
    {
      touch_row (self, row);
      sl_candidate_item_show (item, id, &row->summary);
    }
  else
    sl_candidate_item_show (item, id, NULL);
}

static GType
get_item_type (GListModel *model)
{
  return SL_TYPE_CANDIDATE_ITEM;
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
  SlCandidateItem *item;

  if (position >= self->ids->len)
    return NULL;
  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item == NULL)
    {
      item = sl_candidate_item_new (position);
      g_object_weak_ref (G_OBJECT (item), item_finalized_cb, self);
      g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
    }
  else
    g_object_ref (item);
  show_position (self, item, position);
  /* Read ahead while the rows before the view's edge are still there */
  if (!covered (self, position) || !covered (self, position + AHEAD / 2) ||
      !covered (self, position > BEHIND / 2 ? position - BEHIND / 2 : 0))
    want_range (self, position > BEHIND ? position - BEHIND : 0, position + AHEAD);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The items at @position and after move by @delta (an insertion or a removal before them) */
static void
shift_items (SlCandidateList *self, guint position, int delta)
{
  g_autoptr (GPtrArray) moved = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (key) >= position)
      {
        g_ptr_array_add (moved, value);
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < moved->len; i++)
    {
      SlCandidateItem *item = moved->pdata[i];
      guint to = (guint) ((int) sl_candidate_item_get_position (item) + delta);

      sl_candidate_item_set_position (item, to);
      g_hash_table_insert (self->items, GUINT_TO_POINTER (to), item);
    }
}

/* The item at @position leaves the list; the view lets go of it after the change */
static void
drop_item (SlCandidateList *self, guint position)
{
  SlCandidateItem *item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));

  if (item == NULL)
    return;
  g_hash_table_remove (self->items, GUINT_TO_POINTER (position));
  g_object_weak_unref (G_OBJECT (item), item_finalized_cb, self);
  sl_candidate_item_set_position (item, G_MAXUINT);
}

/* Someone added, removed or changed: the whole list may not be what it was */
static void
forget_whole (SlCandidateList *self)
{
  g_clear_pointer (&self->whole, g_array_unref);
  self->generation++;
}

static void
candidate_removed_cb (SlCandidateList *self, gint64 id, SlStore *store)
{
  forget_whole (self);
  sl_candidate_list_remove_id (self, id);
}

/* Edited here or moved through a pipeline: its row reads it again, after the read under way if
 * there is one (it may have read it before the change) */
static void
candidate_changed_cb (SlCandidateList *self, gint64 id, SlStore *store)
{
  Row *row = lookup_row (self, id);

  /* A new name is a new place in the order */
  forget_whole (self);
  if (row == NULL)
    return;
  if (row->requested)
    row->stale = TRUE;
  else if (row->loaded)
    want (self, row);
}

static void
sl_candidate_list_dispose (GObject *object)
{
  SlCandidateList *self = SL_CANDIDATE_LIST (object);
  GHashTableIter iter;
  gpointer value;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->batch_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (value, item_finalized_cb, self);
      sl_candidate_item_set_position (value, G_MAXUINT);
      g_hash_table_iter_remove (&iter);
    }

  G_OBJECT_CLASS (sl_candidate_list_parent_class)->dispose (object);
}

static void
sl_candidate_list_finalize (GObject *object)
{
  SlCandidateList *self = SL_CANDIDATE_LIST (object);

  g_array_unref (self->ids);
  g_clear_pointer (&self->whole, g_array_unref);
  g_array_unref (self->wanted);
  g_hash_table_unref (self->items);
  g_hash_table_unref (self->rows);
  g_object_unref (self->cancellable);
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

  /* New results: the items at positions [0, n_kept) show other candidates now, with no
   * items-changed for them (a selection must look at those positions again); what is beyond
   * is reported by items-changed right after */
  signals[ROWS_REPLACED] =
    g_signal_new ("rows-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sl_candidate_list_init (SlCandidateList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_hash_table_new (NULL, NULL);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, free_row);
  self->cancellable = g_cancellable_new ();
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
  g_signal_connect_object (store, "candidate-changed", G_CALLBACK (candidate_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Connected before the window's handlers, which query again at these */
  g_signal_connect_object (store, "candidate-added", G_CALLBACK (forget_whole), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "candidates-changed", G_CALLBACK (forget_whole), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (forget_whole), self, G_CONNECT_SWAPPED);
  return self;
}

static void
changed (SlCandidateList *self, guint position, guint removed, guint added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Replaces the contents with @ids; the list keeps a reference and edits it from then on. The
 * work here grows with the rows the view holds, not with @ids. */
void
sl_candidate_list_set_ids (SlCandidateList *self, GArray *ids)
{
  guint old_len;
  guint kept;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (SL_IS_CANDIDATE_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  old_len = self->ids->len;
  kept = MIN (old_len, ids->len);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position < kept)
        {
          show_position (self, value, position);
          if (!covered (self, position))
            want (self, add_row (self, g_array_index (ids, gint64, position)));
        }
      else
        {
          /* Beyond the new end: the view lets go of it after the change below */
          g_object_weak_unref (value, item_finalized_cb, self);
          sl_candidate_item_set_position (value, G_MAXUINT);
          g_hash_table_iter_remove (&iter);
        }
    }
  evict_rows (self);
  g_signal_emit (self, signals[ROWS_REPLACED], 0, kept);
  if (old_len != ids->len)
    changed (self, kept, old_len - kept, ids->len - kept);
}

gint64
sl_candidate_list_get_id (SlCandidateList *self, guint position)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/* A scan of the ids in memory, done on a user's action (delete, undo, add): never per row */
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

/* Rows asked for whose texts have not arrived yet */
guint
sl_candidate_list_get_n_pending (SlCandidateList *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_LIST (self), 0);
  return self->n_pending;
}

void
sl_candidate_list_insert (SlCandidateList *self, guint position, gint64 id)
{
  g_return_if_fail (SL_IS_CANDIDATE_LIST (self));

  position = MIN (position, self->ids->len);
  g_array_insert_val (self->ids, position, id);
  shift_items (self, position, 1);
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
  drop_item (self, (guint) position);
  shift_items (self, (guint) position + 1, -1);
  changed (self, (guint) position, 1, 0);
}

/* ---- Queries ------------------------------------------------------------------------------ */

/* A query's results, read on the worker: ids, where the kept row is, the first rows' texts */
typedef struct
{
  SlReaders *readers;
  SlCandidateQuery *query;
  gint64 keep;
  GArray *ids;
  guint kept; /* G_MAXUINT: not among them */
  SlCandidateSummaries *summaries;
  /* The whole list: its ids as last queried (to copy instead of querying), or a copy of the
   * ids queried now to keep, if no change came in the meantime */
  GArray *whole;
  gboolean is_whole;
  guint generation;
  /* The list is empty (start-up): the first screen is shown before the whole list's ids are
   * all in, from a LIMITed query in the same snapshot */
  gboolean preview;
  gboolean finished; /* on the main thread: the results are taken */
} Job;

static void
free_job (gpointer data)
{
  Job *job = data;

  sl_readers_unref (job->readers);
  sl_candidate_query_free (job->query);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->whole, g_array_unref);
  sl_candidate_summaries_free (job->summaries);
  g_free (job);
}

static gboolean
read_first_rows (Job *job, SlDatabase *reader, GError **error)
{
  const gint64 *ids = (const gint64 *) (gpointer) job->ids->data;
  guint top = MIN (FIRST_ROWS, job->ids->len);

  job->kept = G_MAXUINT;
  for (guint i = 0; job->keep != 0 && i < job->ids->len; i++)
    if (ids[i] == job->keep)
      {
        job->kept = i;
        break;
      }
  if (!sl_candidate_summaries_read (job->summaries, reader, ids, top, error))
    return FALSE;
  if (job->kept != G_MAXUINT && job->kept + AROUND_KEPT > top)
    {
      guint start = MAX (top, job->kept > AROUND_KEPT ? job->kept - AROUND_KEPT : 0);
      guint end = MIN (job->ids->len, job->kept + AROUND_KEPT);

      return sl_candidate_summaries_read (job->summaries, reader, ids + start, end - start, error);
    }
  return TRUE;
}

/* The first screen of a query's results, shown while the rest are read */
typedef struct
{
  GTask *task;
  GArray *ids;
  SlCandidateSummaries *summaries;
} Preview;

static void
free_preview (gpointer data)
{
  Preview *preview = data;

  g_object_unref (preview->task);
  /* None if the query failed or was cancelled */
  g_clear_pointer (&preview->ids, g_array_unref);
  sl_candidate_summaries_free (preview->summaries);
  g_free (preview);
}

static gboolean
show_preview_cb (gpointer data)
{
  Preview *preview = data;
  Job *job = g_task_get_task_data (preview->task);
  SlCandidateList *self = g_task_get_source_object (preview->task);
  GCancellable *cancellable = g_task_get_cancellable (preview->task);

  /* Not after the results themselves, nor for a query given up, nor over other rows */
  if (job->finished || g_cancellable_is_cancelled (cancellable) || self->ids->len > 0)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < preview->summaries->rows->len; i++)
    set_row (self, &g_array_index (preview->summaries->rows, SlCandidateSummary, i),
             preview->summaries->serial);
  sl_candidate_list_set_ids (self, preview->ids);
  return G_SOURCE_REMOVE;
}

/* Reads the first screen of @job's query and hands it to the main thread */
static void
send_preview (GTask *task, Job *job, SlDatabase *reader, GCancellable *cancellable)
{
  g_autoptr (SlCandidateQuery) first = sl_candidate_query_copy (job->query);
  Preview *preview = g_new0 (Preview, 1);
  GError *error = NULL;

  first->limit = FIRST_ROWS;
  preview->task = g_object_ref (task);
  preview->summaries = sl_candidate_summaries_new ();
  preview->summaries->serial = job->summaries->serial;
  preview->ids = sl_candidate_query_run (first, reader, cancellable, &error);
  if (preview->ids == NULL ||
      !sl_candidate_summaries_read (preview->summaries, reader,
                                    (const gint64 *) (gpointer) preview->ids->data,
                                    preview->ids->len, &error))
    {
      /* The whole query tells what went wrong */
      g_clear_error (&error);
      free_preview (preview);
      return;
    }
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, show_preview_cb,
                              preview, free_preview);
}

static void
query_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  SlDatabase *reader = sl_readers_lock (job->readers, SL_STORE_READER_SEARCH, &error);
  gboolean ok = FALSE;

  /* The ids and the rows' texts from one snapshot */
  if (reader != NULL && sl_candidate_rows_begin (reader, &job->summaries->serial, &error))
    {
      /* The list edits its ids in place: it gets a copy of the whole list's, and the copy kept
       * is one it never sees */
      if (job->whole != NULL)
        job->ids = g_array_copy (job->whole);
      else
        {
          if (job->preview)
            send_preview (task, job, reader, cancellable);
          job->ids = sl_candidate_query_run (job->query, reader, cancellable, &error);
        }
      if (job->ids != NULL && job->is_whole && job->whole == NULL)
        job->whole = g_array_copy (job->ids);
      ok = job->ids != NULL && read_first_rows (job, reader, &error);
      sl_database_exec (reader, "COMMIT", NULL);
    }
  sl_readers_unlock (job->readers, SL_STORE_READER_SEARCH);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs @query on a worker thread with a connection of its own; the list changes only when
 * sl_candidate_list_query_finish() takes the results. @keep: a candidate whose position the
 * results should say, or 0. The whole list's ids are not queried again while the store reports
 * no change (a search cleared comes back at once): they are as fresh as the list itself, which
 * another program's changes reach through "candidates-changed". */
void
sl_candidate_list_query_async (SlCandidateList *self, const SlCandidateQuery *query, gint64 keep,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (SL_IS_CANDIDATE_LIST (self));

  job = g_new0 (Job, 1);
  job->readers = sl_store_ref_readers (self->store);
  job->query = sl_candidate_query_copy (query);
  job->keep = keep;
  job->summaries = sl_candidate_summaries_new ();
  job->is_whole =
    sl_candidate_query_is_empty (query) && query->limit == 0 && query->not_in_position == 0;
  if (job->is_whole && self->whole != NULL)
    job->whole = g_array_ref (self->whole);
  job->preview = job->is_whole && job->whole == NULL && self->ids->len == 0;
  job->generation = self->generation;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_candidate_list_query_async);
  g_task_set_task_data (task, job, free_job);
  /* A result that arrives after a cancel is dropped, and the list stays as it was */
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, query_thread);
}

/* Shows the query's results; @kept_position (if not NULL) is where the candidate @keep given
 * to the query is now, or G_MAXUINT (GTK_INVALID_LIST_POSITION). FALSE, and nothing changes,
 * if the query failed or was cancelled. */
gboolean
sl_candidate_list_query_finish (SlCandidateList *self, GAsyncResult *result, guint *kept_position,
                                GError **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  job->finished = TRUE;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (job->whole != NULL && job->generation == self->generation && job->whole != self->whole)
    {
      g_clear_pointer (&self->whole, g_array_unref);
      self->whole = g_array_ref (job->whole);
    }
  /* The texts first, so the items show them at once */
  for (guint i = 0; i < job->summaries->rows->len; i++)
    set_row (self, &g_array_index (job->summaries->rows, SlCandidateSummary, i),
             job->summaries->serial);
  sl_candidate_list_set_ids (self, job->ids);
  if (kept_position != NULL)
    *kept_position = job->kept;
  return TRUE;
}
