/* sl-store.c — the hiring data in domain terms: candidates, applications, team members
 *
 * The store owns the UI thread's connection. Objects it hands out are kept in an identity map
 * (weak references), so the list row and the detail pane show the same SlCandidate and an edit in
 * one is seen in the other. Queries that scan many rows run on a worker thread with a read-only
 * connection of their own.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-application.h"
#include "sl-countries.h"
#include "sl-option.h"
#include "sl-store.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

struct _SlStore
{
  GObject parent_instance;

  SlDatabase *db;
  GHashTable *candidates; /* id → SlCandidate, weak */

  SlReaders *readers;
};

/* Read-only connections for worker threads, one per kind of work, so that a long report never
 * makes a search or the list's rows wait; each used only under its lock. Reference-counted
 * apart from the store, so a worker that holds them does not keep the store alive. */
struct _SlReaders
{
  gatomicrefcount ref_count;
  char *path;
  GMutex locks[SL_STORE_N_READERS];
  SlDatabase *databases[SL_STORE_N_READERS];
};

static SlReaders *
readers_new (const char *path)
{
  SlReaders *readers = g_new0 (SlReaders, 1);

  g_atomic_ref_count_init (&readers->ref_count);
  readers->path = g_strdup (path);
  for (guint i = 0; i < SL_STORE_N_READERS; i++)
    g_mutex_init (&readers->locks[i]);
  return readers;
}

SlReaders *
sl_readers_ref (SlReaders *readers)
{
  g_atomic_ref_count_inc (&readers->ref_count);
  return readers;
}

void
sl_readers_unref (SlReaders *readers)
{
  if (readers == NULL || !g_atomic_ref_count_dec (&readers->ref_count))
    return;
  for (guint i = 0; i < SL_STORE_N_READERS; i++)
    {
      g_clear_object (&readers->databases[i]);
      g_mutex_clear (&readers->locks[i]);
    }
  g_free (readers->path);
  g_free (readers);
}

/* A worker thread's read-only connection for @which work, opened on first use; hold it only
 * in a worker, and let go with sl_readers_unlock() even when this returns NULL */
SlDatabase *
sl_readers_lock (SlReaders *readers, SlStoreReader which, GError **error)
{
  g_mutex_lock (&readers->locks[which]);
  if (readers->databases[which] == NULL)
    readers->databases[which] = sl_database_open_reader (readers->path, error);
  return readers->databases[which];
}

void
sl_readers_unlock (SlReaders *readers, SlStoreReader which)
{
  g_mutex_unlock (&readers->locks[which]);
}

G_DEFINE_FINAL_TYPE (SlStore, sl_store, G_TYPE_OBJECT)

enum
{
  CANDIDATE_ADDED,
  CANDIDATE_CHANGED,
  CANDIDATE_REMOVED,
  POSITION_CHANGED,
  INTERVIEWS_CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
sl_store_column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

gboolean
sl_store_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
sl_store_valid_email (const char *email)
{
  const char *at = strchr (email, '@');

  if (*email == '\0')
    return TRUE;
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strchr (email, ' ') != NULL)
    return FALSE;
  return strchr (at + 1, '.') != NULL && at[1] != '.' && email[strlen (email) - 1] != '.';
}

static void
candidate_finalized_cb (gpointer data, GObject *where_the_object_was)
{
  SlStore *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->candidates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
sl_store_dispose (GObject *object)
{
  SlStore *self = SL_STORE (object);
  GHashTableIter iter;
  gpointer value;

  if (self->candidates != NULL)
    {
      g_hash_table_iter_init (&iter, self->candidates);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, candidate_finalized_cb, self);
      g_clear_pointer (&self->candidates, g_hash_table_unref);
    }
  g_clear_pointer (&self->readers, sl_readers_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_store_parent_class)->dispose (object);
}

static void
sl_store_class_init (SlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_store_dispose;

  signals[CANDIDATE_ADDED] =
    g_signal_new ("candidate-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CANDIDATE_CHANGED] =
    g_signal_new ("candidate-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CANDIDATE_REMOVED] =
    g_signal_new ("candidate-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A position, its pipeline or its applications changed */
  signals[POSITION_CHANGED] =
    g_signal_new ("position-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* An application's interviews or scorecards changed (the id of the application) */
  signals[INTERVIEWS_CHANGED] =
    g_signal_new ("interviews-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Many rows changed at once (sample data loaded, an import): lists query again */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_store_init (SlStore *self)
{
  self->candidates = g_hash_table_new (g_int64_hash, g_int64_equal);
}

SlStore *
sl_store_new (SlDatabase *db)
{
  SlStore *self;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  self = g_object_new (SL_TYPE_STORE, NULL);
  self->db = g_object_ref (db);
  self->readers = readers_new (sl_database_get_path (db));
  return self;
}

/* Opens the file and empties the trash left by a run that ended while an Undo was offered */
SlStore *
sl_store_open (const char *path, GError **error)
{
  g_autoptr (SlDatabase) db = sl_database_open (path, error);
  g_autoptr (SlStore) self = NULL;

  if (db == NULL)
    return NULL;
  self = sl_store_new (db);
  if (!sl_store_purge_deleted (self, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlDatabase *
sl_store_get_database (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return self->db;
}

/* NULL for an empty text: the columns with a CHECK on their values take NULL for "not set" */
void
sl_store_bind_optional (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* NULL for a negative amount, which means "not known" */
void
sl_store_bind_amount (sqlite3_stmt *stmt, int index, double value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

/* Columns in SlCandidateText order, then the numbers */
#define CANDIDATE_COLUMNS                                                               \
  "name, email, phone, country, city, timezone, english_level, seniority, stack_id, "   \
  "employment_type, currency, rate_period, availability, source, links, notes, stage, " \
  "(SELECT name FROM stacks WHERE id = c.stack_id), "                                   \
  "years_experience, expected_rate, consent_at, created_at, updated_at"

static void
fill_candidate (SlCandidate *candidate, sqlite3_stmt *stmt)
{
  g_autofree char *skills = NULL;

  for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
    sl_candidate_set_text (candidate, i, sl_store_column_text (stmt, (int) i));
  sl_candidate_set_years_experience (candidate, sqlite3_column_type (stmt, 18) == SQLITE_NULL
                                                  ? -1
                                                  : sqlite3_column_double (stmt, 18));
  sl_candidate_set_expected_rate (candidate, sqlite3_column_type (stmt, 19) == SQLITE_NULL
                                               ? -1
                                               : sqlite3_column_double (stmt, 19));
  sl_candidate_set_consent_at (candidate, sqlite3_column_int64 (stmt, 20));
  sl_candidate_set_created_at (candidate, sqlite3_column_int64 (stmt, 21));
  sl_candidate_set_updated_at (candidate, sqlite3_column_int64 (stmt, 22));
  skills = g_strdup (sl_store_column_text (stmt, 23));
  if (*skills == '\0')
    sl_candidate_set_skills (candidate, NULL);
  else
    {
      g_auto (GStrv) list = g_strsplit (skills, "\x1f", -1);
      sl_candidate_set_skills (candidate, (const char *const *) list);
    }
}

static gboolean
load_candidate (SlStore *self, SlCandidate *candidate, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = sl_database_prepare (
    self->db,
    "SELECT " CANDIDATE_COLUMNS ","
    " (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM candidate_skills cs"
    "   JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = c.id ORDER BY t.name))"
    " FROM candidates c WHERE c.id = ? AND c.deleted_at IS NULL",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fill_candidate (candidate, stmt);
      sl_candidate_set_id (candidate, id);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                 _ ("There is no candidate %lld"), (long long) id);
  else
    sl_database_set_error (self->db, error);
  sqlite3_reset (stmt);
  return FALSE;
}

static void
remember (SlStore *self, SlCandidate *candidate)
{
  gint64 *key = g_new (gint64, 1);

  /* The key lives as long as the entry; the hash table is built without a key destructor, so
   * it is kept in the object's data and freed with it */
  *key = sl_candidate_get_id (candidate);
  g_object_set_data_full (G_OBJECT (candidate), "sl-store-key", key, g_free);
  g_hash_table_insert (self->candidates, key, candidate);
  g_object_weak_ref (G_OBJECT (candidate), candidate_finalized_cb, self);
}

/* A trashed candidate is no longer handed out; whoever still holds the object keeps it */
static void
forget (SlStore *self, gint64 id)
{
  SlCandidate *known = g_hash_table_lookup (self->candidates, &id);

  if (known == NULL)
    return;
  g_hash_table_remove (self->candidates, &id);
  g_object_weak_unref (G_OBJECT (known), candidate_finalized_cb, self);
}

/* The live object for @id: the same one as long as anyone holds it. A quick indexed read. */
SlCandidate *
sl_store_get_candidate (SlStore *self, gint64 id, GError **error)
{
  g_autoptr (SlCandidate) candidate = NULL;
  SlCandidate *known;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  known = g_hash_table_lookup (self->candidates, &id);
  if (known != NULL)
    return g_object_ref (known);

  candidate = sl_candidate_new ();
  if (!load_candidate (self, candidate, id, error))
    return NULL;
  remember (self, candidate);
  return g_steal_pointer (&candidate);
}

static gboolean
validate_candidate (SlStore *self, SlCandidate *candidate, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (sl_candidate_get_name (candidate)));
  const char *value;
  double years = sl_candidate_get_years_experience (candidate);

  if (*name == '\0')
    return sl_store_invalid (error, _ ("A candidate needs a name"));
  if (!sl_store_valid_email (sl_candidate_get_text (candidate, SL_CANDIDATE_EMAIL)))
    return sl_store_invalid (error, _ ("That email address is not valid"));
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_COUNTRY);
  if (*value != '\0' && !sl_countries_is_valid (value))
    return sl_store_invalid (error, _ ("That is not an ISO 3166 country code"));
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_SENIORITY);
  if (*value != '\0' && !sl_vocab_is_valid (SL_VOCAB_SENIORITY, value))
    return sl_store_invalid (error, _ ("Seniority must be junior, mid or senior"));
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_EMPLOYMENT_TYPE);
  if (*value != '\0' && !sl_vocab_is_valid (SL_VOCAB_EMPLOYMENT, value))
    return sl_store_invalid (error, _ ("That employment type is not known"));
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_RATE_PERIOD);
  if (*value != '\0' && !sl_vocab_is_valid (SL_VOCAB_RATE_PERIOD, value))
    return sl_store_invalid (error, _ ("That rate period is not known"));
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_STACK);
  if (*value != '\0')
    {
      g_autofree char *stack = sl_store_get_stack_name (self, value);
      if (stack == NULL)
        return sl_store_invalid (error, _ ("That stack is not known"));
    }
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_TIMEZONE);
  if (*value != '\0')
    {
      GTimeZone *zone = g_time_zone_new_identifier (value);
      if (zone == NULL)
        return sl_store_invalid (error, _ ("That is not a time zone name like Europe/Warsaw"));
      g_time_zone_unref (zone);
    }
  value = sl_candidate_get_text (candidate, SL_CANDIDATE_CURRENCY);
  if (*value != '\0' && !(strlen (value) == 3 && g_ascii_isupper (value[0]) &&
                          g_ascii_isupper (value[1]) && g_ascii_isupper (value[2])))
    return sl_store_invalid (error, _ ("A currency is a three-letter code like USD"));
  if (years > 70)
    return sl_store_invalid (error, _ ("Years of experience must be between 0 and 70"));
  return TRUE;
}

/* qsort() passes pointers to the elements; the order is that of the tag names' COLLATE NOCASE */
static int
compare_skills (const void *a, const void *b)
{
  return g_ascii_strcasecmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
save_skills (SlStore *self, SlCandidate *candidate, GError **error)
{
  const char *const *skills = sl_candidate_get_skills (candidate);
  gint64 id = sl_candidate_get_id (candidate);
  sqlite3_stmt *stmt;
  g_autofree char *stored = NULL;
  g_autofree char *wanted = NULL;
  g_auto (GStrv) sorted = g_strdupv ((char **) skills);

  /* Rewriting the tags reindexes the row, so leave them alone when they did not change */
  stmt = sl_database_prepare (
    self->db,
    "SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM candidate_skills cs"
    " JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = ? ORDER BY t.name)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = g_strdup (sl_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_skills);
  wanted = g_strjoinv ("\x1f", sorted);
  if (g_strcmp0 (stored, wanted) == 0)
    return TRUE;

  stmt =
    sl_database_prepare (self->db, "DELETE FROM candidate_skills WHERE candidate_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sl_database_step_done (self->db, stmt, error))
    return FALSE;
  for (guint i = 0; skills[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (skills[i]));

      if (*tag == '\0')
        continue;
      stmt = sl_database_prepare (
        self->db, "INSERT INTO skill_tags (name) VALUES (?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_TRANSIENT);
      if (!sl_database_step_done (self->db, stmt, error))
        return FALSE;
      stmt = sl_database_prepare (self->db,
                                  "INSERT OR IGNORE INTO candidate_skills (candidate_id, tag_id)"
                                  " SELECT ?, id FROM skill_tags WHERE name = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_TRANSIENT);
      if (!sl_database_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts a new candidate (id 0) or updates one; the object gets its id and timestamps. */
gboolean
sl_store_save_candidate (SlStore *self, SlCandidate *candidate, GError **error)
{
  gboolean is_new;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), FALSE);

  if (!validate_candidate (self, candidate, error))
    return FALSE;

  is_new = sl_candidate_get_id (candidate) == 0;
  if (!sl_database_begin (self->db, error))
    return FALSE;

  if (is_new)
    stmt =
      sl_database_prepare (self->db,
                           "INSERT INTO candidates (name, email, phone, country, city, timezone,"
                           " english_level, seniority, stack_id, employment_type, currency,"
                           " rate_period, availability, source, links, notes, years_experience,"
                           " expected_rate, consent_at, created_at, updated_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                           " ?15, ?16, ?18, ?19, ?20, ?21, ?21)",
                           error);
  else
    stmt = sl_database_prepare (
      self->db,
      "UPDATE candidates SET name = ?1, email = ?2, phone = ?3, country = ?4,"
      " city = ?5, timezone = ?6, english_level = ?7, seniority = ?8,"
      " stack_id = ?9, employment_type = ?10, currency = ?11, rate_period = ?12,"
      " availability = ?13, source = ?14, links = ?15, notes = ?16,"
      " years_experience = ?18, expected_rate = ?19, consent_at = ?20,"
      " updated_at = ?21 WHERE id = ?17 AND deleted_at IS NULL",
      error);
  if (stmt == NULL)
    goto fail;

  for (guint i = 0; i < SL_CANDIDATE_STAGE; i++)
    {
      const char *value = sl_candidate_get_text (candidate, i);
      gboolean nullable = i == SL_CANDIDATE_SENIORITY || i == SL_CANDIDATE_STACK ||
                          i == SL_CANDIDATE_EMPLOYMENT_TYPE || i == SL_CANDIDATE_RATE_PERIOD;
      g_autofree char *trimmed = i == SL_CANDIDATE_NAME ? g_strstrip (g_strdup (value)) : NULL;

      if (nullable)
        sl_store_bind_optional (stmt, (int) i + 1, value);
      else
        sqlite3_bind_text (stmt, (int) i + 1, trimmed ? trimmed : value, -1, SQLITE_TRANSIENT);
    }
  if (!is_new)
    sqlite3_bind_int64 (stmt, 17, sl_candidate_get_id (candidate));
  sl_store_bind_amount (stmt, 18, sl_candidate_get_years_experience (candidate));
  sl_store_bind_amount (stmt, 19, sl_candidate_get_expected_rate (candidate));
  if (sl_candidate_get_consent_at (candidate) > 0)
    sqlite3_bind_int64 (stmt, 20, sl_candidate_get_consent_at (candidate));
  sqlite3_bind_int64 (stmt, 21, now);
  if (!sl_database_step_done (self->db, stmt, error))
    goto fail;

  if (is_new)
    {
      sl_candidate_set_id (candidate, sl_database_last_insert_id (self->db));
      sl_candidate_set_created_at (candidate, now);
    }
  else if (sqlite3_changes (sl_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                   _ ("There is no candidate %lld"), (long long) sl_candidate_get_id (candidate));
      goto fail;
    }
  if (!save_skills (self, candidate, error))
    goto fail;
  if (!sl_database_commit (self->db, error))
    {
      if (is_new)
        sl_candidate_set_id (candidate, 0);
      return FALSE;
    }
  sl_candidate_set_updated_at (candidate, now);
  {
    const char *stack = sl_candidate_get_text (candidate, SL_CANDIDATE_STACK);
    g_autofree char *stack_name = *stack ? sl_store_get_stack_name (self, stack) : NULL;
    sl_candidate_set_text (candidate, SL_CANDIDATE_STACK_NAME, stack_name);
  }

  if (is_new)
    {
      if (!g_hash_table_contains (self->candidates, &(gint64){ sl_candidate_get_id (candidate) }))
        remember (self, candidate);
      g_signal_emit (self, signals[CANDIDATE_ADDED], 0, sl_candidate_get_id (candidate));
    }
  else
    g_signal_emit (self, signals[CANDIDATE_CHANGED], 0, sl_candidate_get_id (candidate));
  return TRUE;

fail:
  sl_database_rollback (self->db);
  if (is_new)
    sl_candidate_set_id (candidate, 0);
  return FALSE;
}

static gboolean
set_deleted (SlStore *self, gint64 id, gboolean deleted, GError **error)
{
  sqlite3_stmt *stmt = sl_database_prepare (
    self->db,
    deleted ? "UPDATE candidates SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
            : "UPDATE candidates SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (deleted)
    sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!sl_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (sl_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                   _ ("There is no candidate %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* Moves the candidate to the trash; sl_store_undelete_candidate() brings it back until the
 * trash is purged (when the Undo toast goes, and when the store is next opened). */
gboolean
sl_store_delete_candidate (SlStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  if (!set_deleted (self, id, TRUE, error))
    return FALSE;
  forget (self, id);
  g_signal_emit (self, signals[CANDIDATE_REMOVED], 0, id);
  return TRUE;
}

gboolean
sl_store_undelete_candidate (SlStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  if (!set_deleted (self, id, FALSE, error))
    return FALSE;
  g_signal_emit (self, signals[CANDIDATE_ADDED], 0, id);
  return TRUE;
}

/* Deletes trashed candidates for good: the one with @id, or all of them when @id is 0 */
gboolean
sl_store_purge_deleted (SlStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  stmt = sl_database_prepare (
    self->db, "DELETE FROM candidates WHERE deleted_at IS NOT NULL AND (?1 = 0 OR id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sl_database_step_done (self->db, stmt, error);
}

/* Reads @candidate again from the database, dropping edits that were not saved */
gboolean
sl_store_reload_candidate (SlStore *self, SlCandidate *candidate, GError **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), FALSE);

  return load_candidate (self, candidate, sl_candidate_get_id (candidate), error);
}

gboolean
sl_store_has_candidates (SlStore *self)
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  stmt = sl_database_prepare (
    self->db, "SELECT EXISTS (SELECT 1 FROM candidates WHERE deleted_at IS NULL)", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return any;
}

/* After a bulk change by another connection: forget cached objects' state and tell the lists */
void
sl_store_notify_reset (SlStore *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SL_IS_STORE (self));

  g_hash_table_iter_init (&iter, self->candidates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    load_candidate (self, value, sl_candidate_get_id (value), NULL);
  g_signal_emit (self, signals[RESET], 0);
}

/* The candidate's applications, most advanced stage first. A quick indexed read. */
GListModel *
sl_store_list_applications (SlStore *self, gint64 candidate_id, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_APPLICATION);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt = sl_database_prepare (
    self->db,
    "SELECT a.id, a.position_id, p.title, a.stage, a.updated_at, a.start_date, a.left_at,"
    " a.left_reason"
    " FROM applications a JOIN positions p ON p.id = a.position_id"
    " JOIN stages s ON s.id = a.stage"
    " WHERE a.candidate_id = ? ORDER BY s.outcome, s.rank DESC, a.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (SlApplication) application = sl_application_new (
        sqlite3_column_int64 (stmt, 0), candidate_id, sqlite3_column_int64 (stmt, 1),
        sl_store_column_text (stmt, 2), sl_store_column_text (stmt, 3),
        sqlite3_column_int64 (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
        (const char *) sqlite3_column_text (stmt, 6), (const char *) sqlite3_column_text (stmt, 7));
      g_list_store_append (list, application);
    }
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

SlDatabase *
sl_store_lock_reader (SlStore *self, SlStoreReader which, GError **error)
{
  return sl_readers_lock (self->readers, which, error);
}

void
sl_store_unlock_reader (SlStore *self, SlStoreReader which)
{
  sl_readers_unlock (self->readers, which);
}

/* The readers, for a worker that must not keep the store alive */
SlReaders *
sl_store_ref_readers (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return sl_readers_ref (self->readers);
}

void
sl_store_emit_interviews_changed (SlStore *self, gint64 application_id)
{
  g_signal_emit (self, signals[INTERVIEWS_CHANGED], 0, application_id);
}

void
sl_store_emit_position_changed (SlStore *self, gint64 position_id)
{
  g_signal_emit (self, signals[POSITION_CHANGED], 0, position_id);
}

/* After its applications moved: the live candidate shows its new stage */
void
sl_store_refresh_candidate (SlStore *self, gint64 candidate_id)
{
  SlCandidate *known = g_hash_table_lookup (self->candidates, &candidate_id);

  if (known != NULL)
    load_candidate (self, known, candidate_id, NULL);
  g_signal_emit (self, signals[CANDIDATE_CHANGED], 0, candidate_id);
}

static void
query_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  SlStore *self = source_object;
  const SlCandidateQuery *query = task_data;
  GError *error = NULL;
  GArray *ids;

  SlDatabase *reader = sl_store_lock_reader (self, SL_STORE_READER_SEARCH, &error);

  ids = reader ? sl_candidate_query_run (query, reader, cancellable, &error) : NULL;
  sl_store_unlock_reader (self, SL_STORE_READER_SEARCH);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* Runs @query on a worker thread with its own read-only connection */
void
sl_store_query_candidates_async (SlStore *self, const SlCandidateQuery *query,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (SL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_store_query_candidates_async);
  g_task_set_task_data (task, sl_candidate_query_copy (query),
                        (GDestroyNotify) sl_candidate_query_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, query_thread);
}

GArray *
sl_store_query_candidates_finish (SlStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
