/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-records.c — candidates and their applications read as records, for exports
 *
 * An export or a listing for scripts goes through every candidate a query selects: it steps
 * one statement and hands each row over as an SlCandidateRecord borrowed from the statement,
 * with no object per candidate. The names of skill tags and stacks, few, are read once and
 * looked up in C rather than joined for every row.
 */
#include "config.h"

#include <string.h>

#include "sl-store.h"
#include "sl-store-private.h"

/* The skill tags by id, each with its place in name order (the order a candidate's skills
 * are listed in): read once per call instead of joining the tags for every candidate */
typedef struct
{
  const char *name;
  guint rank;
} Tag;

static int
compare_tags (gconstpointer a, gconstpointer b)
{
  const Tag *x = *(const Tag *const *) a, *y = *(const Tag *const *) b;

  return (int) x->rank - (int) y->rank;
}

static GHashTable *
read_tags (SlDatabase *db, GStringChunk *names, GError **error)
{
  g_autoptr (GHashTable) tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  SlStmt *stmt =
    sl_database_prepare (db, "SELECT id, name FROM skill_tags ORDER BY name, id", error);
  guint rank = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      Tag *tag = g_new (Tag, 1);

      *id = sl_stmt_column_int64 (stmt, 0);
      tag->name = g_string_chunk_insert (names, sl_store_column_text (stmt, 1));
      tag->rank = rank++;
      g_hash_table_insert (tags, id, tag);
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_DONE ? g_steal_pointer (&tags) : NULL;
}

/* The stacks' names by id */
static GHashTable *
read_stacks (SlDatabase *db, GStringChunk *names, GError **error)
{
  g_autoptr (GHashTable) stacks = g_hash_table_new (g_str_hash, g_str_equal);
  SlStmt *stmt = sl_database_prepare (db, "SELECT id, name FROM stacks", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    g_hash_table_insert (stacks, g_string_chunk_insert (names, sl_store_column_text (stmt, 0)),
                         g_string_chunk_insert (names, sl_store_column_text (stmt, 1)));
  if (rc != SL_STMT_DONE)
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return rc == SL_STMT_DONE ? g_steal_pointer (&stacks) : NULL;
}

static gboolean
read_candidate_rows (SlDatabase *db, const SlCandidateQuery *query, SlCandidateRecordFunc func,
                     gpointer user_data, GError **error)
{
  g_autoptr (GStringChunk) names = g_string_chunk_new (1024);
  g_autoptr (GHashTable) tags = NULL;
  g_autoptr (GHashTable) stacks = NULL;
  g_autoptr (GPtrArray) skills = g_ptr_array_new ();
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  SlStmt *stmt;
  gboolean ok = TRUE;
  int rc;

  /* The tags' and stacks' names are looked up here, from the few there are: not once per
   * candidate in SQL */
  tags = read_tags (db, names, error);
  if (tags == NULL)
    return FALSE;
  stacks = read_stacks (db, names, error);
  if (stacks == NULL)
    return FALSE;
  stmt = sl_candidate_query_prepare (
    query, db,
    "c.name, c.email, c.phone, c.country, c.city, c.timezone, c.english_level, c.seniority,"
    " c.stack_id, c.employment_type, c.currency, c.rate_period, c.availability, c.source,"
    " c.links, c.notes, c.stage, NULL, c.years_experience, c.expected_rate, c.consent_at,"
    " c.created_at, c.updated_at,"
    " (SELECT group_concat (tag_id) FROM candidate_skills WHERE candidate_id = c.id), c.id",
    error);
  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      SlCandidateRecord row;
      const char *tag_ids = sl_store_column_text (stmt, 23);
      const char *stack_name;

      for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
        row.texts[i] = sl_store_column_text (stmt, (int) i);
      stack_name = g_hash_table_lookup (stacks, row.texts[SL_CANDIDATE_STACK]);
      row.texts[SL_CANDIDATE_STACK_NAME] = stack_name ? stack_name : "";
      row.years_experience =
        sl_stmt_column_is_null (stmt, 18) ? -1 : sl_stmt_column_double (stmt, 18);
      row.expected_rate = sl_stmt_column_is_null (stmt, 19) ? -1 : sl_stmt_column_double (stmt, 19);
      row.consent_at = sl_stmt_column_int64 (stmt, 20);
      row.created_at = sl_stmt_column_int64 (stmt, 21);
      row.updated_at = sl_stmt_column_int64 (stmt, 22);
      row.id = sl_stmt_column_int64 (stmt, 24);
      /* “3,17”: the tags' names, in name order */
      g_ptr_array_set_size (found, 0);
      for (const char *p = tag_ids; *p != '\0';)
        {
          char *end = NULL;
          gint64 id = g_ascii_strtoll (p, &end, 10);
          Tag *tag = g_hash_table_lookup (tags, &id);

          if (tag != NULL)
            g_ptr_array_add (found, tag);
          p = (end != NULL && *end == ',') ? end + 1 : "";
        }
      g_ptr_array_sort (found, compare_tags);
      g_ptr_array_set_size (skills, 0);
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (skills, (gpointer) ((Tag *) found->pdata[i])->name);
      g_ptr_array_add (skills, NULL);
      row.skills = (const char *const *) skills->pdata;
      ok = func (&row, user_data, error);
    }
  if (ok && rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      ok = FALSE;
    }
  sl_stmt_reset (stmt);
  return ok;
}

/* Reads the candidates @query selects, in the list's order, through @db in one statement and
 * hands each to @func as a record: for exports that go through many, with no object for
 * each. Stops at the first FALSE from @func (which sets its @error, if any). */
gboolean
sl_store_read_candidates (SlDatabase *db, const SlCandidateQuery *query, SlCandidateRecordFunc func,
                          gpointer user_data, GError **error)
{
  gboolean began = FALSE;
  gboolean ok;

  /* The names and the candidates from one snapshot */
  if (!sl_database_in_transaction (db))
    {
      if (!sl_database_begin_read (db, error))
        return FALSE;
      began = TRUE;
    }
  ok = read_candidate_rows (db, query, func, user_data, error);
  if (began)
    sl_database_exec (db, "COMMIT", NULL);
  return ok;
}

/* Reads candidates' applications one candidate after another, as exports and listings write
 * them. The positions' titles and the stages' order, few, are read once: a candidate's
 * applications are then one indexed read with no join, sorted here. */
struct _SlApplicationReader
{
  SlDatabase *db;
  GStringChunk *strings;
  GHashTable *titles; /* position id → title */
  GHashTable *stages; /* stage id → its order: outcomes last, then the most advanced first */
  guint reads;
  /* Once many candidates were asked for, every application, read in one pass: those of
   * candidate c are all[first[c]] to all[first[c + 1]] */
  GArray *all; /* SlApplicationRecord */
  guint *first;
  gint64 max_candidate;
};

/* After this many candidates, reading every application at once costs less than going on */
#define BULK_AFTER 2048

SlApplicationReader *
sl_application_reader_new (SlDatabase *db, GError **error)
{
  g_autoptr (SlApplicationReader) self = g_new0 (SlApplicationReader, 1);
  SlStmt *stmt;
  int rc;

  self->db = g_object_ref (db);
  self->strings = g_string_chunk_new (4096);
  self->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->stages = g_hash_table_new (g_str_hash, g_str_equal);

  stmt = sl_database_prepare (db, "SELECT id, title FROM positions", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    g_hash_table_insert (self->titles,
                         g_memdup2 (&(gint64){ sl_stmt_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_string_chunk_insert (self->strings, sl_store_column_text (stmt, 1)));
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      return NULL;
    }
  stmt = sl_database_prepare (db, "SELECT id, outcome, rank FROM stages", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    g_hash_table_insert (
      self->stages, g_string_chunk_insert_const (self->strings, sl_store_column_text (stmt, 0)),
      GINT_TO_POINTER (sl_stmt_column_int (stmt, 1) * 10000 - sl_stmt_column_int (stmt, 2)));
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
sl_application_reader_free (SlApplicationReader *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->db);
  g_clear_pointer (&self->all, g_array_unref);
  g_free (self->first);
  g_hash_table_unref (self->titles);
  g_hash_table_unref (self->stages);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static gboolean
comes_before (const SlApplicationRecord *x, const SlApplicationRecord *y)
{
  return x->order != y->order ? x->order < y->order : x->id < y->id;
}

/* A candidate has a few applications: an insertion sort, with nothing allocated */
static void
sort_applications (GArray *records)
{
  SlApplicationRecord *r = (SlApplicationRecord *) (gpointer) records->data;

  for (guint i = 1; i < records->len; i++)
    {
      SlApplicationRecord moving = r[i];
      guint j = i;

      for (; j > 0 && comes_before (&moving, &r[j - 1]); j--)
        r[j] = r[j - 1];
      r[j] = moving;
    }
}

static void
fill_record (SlApplicationReader *self, SlStmt *stmt, int column, SlApplicationRecord *record)
{
  gint64 position_id = sl_stmt_column_int64 (stmt, column + 1);
  const char *title = g_hash_table_lookup (self->titles, &position_id);

  record->id = sl_stmt_column_int64 (stmt, column);
  record->position_id = position_id;
  record->position = title ? title : "";
  record->stage =
    g_string_chunk_insert_const (self->strings, sl_store_column_text (stmt, column + 2));
  record->updated_at = sl_stmt_column_int64 (stmt, column + 3);
  record->order = GPOINTER_TO_INT (g_hash_table_lookup (self->stages, record->stage));
}

/* Every application in one pass over the table, placed by candidate */
static gboolean
read_all (SlApplicationReader *self, GError **error)
{
  g_autoptr (GArray) read = g_array_new (FALSE, FALSE, sizeof (SlApplicationRecord));
  g_autoptr (GArray) owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  SlStmt *stmt = sl_database_prepare (
    self->db, "SELECT candidate_id, id, position_id, stage, updated_at FROM applications", error);
  guint *next;
  int rc;

  if (stmt == NULL)
    return FALSE;
  self->max_candidate = 0;
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      SlApplicationRecord record;
      gint64 owner = sl_stmt_column_int64 (stmt, 0);

      fill_record (self, stmt, 1, &record);
      g_array_append_val (read, record);
      g_array_append_val (owners, owner);
      self->max_candidate = MAX (self->max_candidate, owner);
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (self->db, error);
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    return FALSE;

  /* A counting sort by candidate: ids are dense, the array of places is small */
  self->first = g_new0 (guint, self->max_candidate + 2);
  for (guint i = 0; i < owners->len; i++)
    self->first[g_array_index (owners, gint64, i) + 1]++;
  for (gint64 c = 1; c <= self->max_candidate + 1; c++)
    self->first[c] += self->first[c - 1];
  next = g_memdup2 (self->first, (self->max_candidate + 1) * sizeof (guint));
  self->all = g_array_sized_new (FALSE, FALSE, sizeof (SlApplicationRecord), read->len);
  g_array_set_size (self->all, read->len);
  for (guint i = 0; i < read->len; i++)
    g_array_index (self->all, SlApplicationRecord, next[g_array_index (owners, gint64, i)]++) =
      g_array_index (read, SlApplicationRecord, i);
  g_free (next);
  return TRUE;
}

/* Replaces @records (SlApplicationRecord) with the applications of @candidate_id, most advanced
 * stage first and the ended ones last, as the candidate pane lists them. The texts are the
 * reader's, valid as long as it is. */
gboolean
sl_application_reader_read (SlApplicationReader *self, gint64 candidate_id, GArray *records,
                            GError **error)
{
  SlStmt *stmt;
  int rc;

  if (self->all == NULL && ++self->reads > BULK_AFTER && !read_all (self, error))
    return FALSE;
  if (self->all != NULL)
    {
      g_array_set_size (records, 0);
      if (candidate_id >= 0 && candidate_id <= self->max_candidate)
        g_array_append_vals (
          records, &g_array_index (self->all, SlApplicationRecord, self->first[candidate_id]),
          self->first[candidate_id + 1] - self->first[candidate_id]);
      sort_applications (records);
      return TRUE;
    }

  stmt = sl_database_prepare (
    self->db, "SELECT id, position_id, stage, updated_at FROM applications WHERE candidate_id = ?",
    error);
  g_array_set_size (records, 0);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      SlApplicationRecord record;

      fill_record (self, stmt, 0, &record);
      g_array_append_val (records, record);
    }
  if (rc != SL_STMT_DONE)
    sl_database_set_error (self->db, error);
  sl_stmt_reset (stmt);
  sort_applications (records);
  return rc == SL_STMT_DONE;
}
