/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
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
#include "sl-record.h"
#include "sl-server.h"
#include "sl-store.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

struct _SlStore
{
  GObject parent_instance;

  SlDatabase *db;
  GHashTable *candidates; /* id → SlCandidate, weak */

  SlReaders *readers;
  gint64 actor; /* the team member whose changes these are, or 0 */
  SlStoreWatch watch;
};

G_DEFINE_FINAL_TYPE (SlStore, sl_store, G_TYPE_OBJECT)

enum
{
  CANDIDATE_ADDED,
  CANDIDATE_CHANGED,
  CANDIDATE_REMOVED,
  POSITION_CHANGED,
  INTERVIEWS_CHANGED,
  CANDIDATES_CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
sl_store_column_text (SlStmt *stmt, int column)
{
  const char *text = (const char *) sl_stmt_column_text (stmt, column);
  return text ? text : "";
}

gboolean
sl_store_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID, message);
  return FALSE;
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
  g_clear_handle_id (&self->watch.source, g_source_remove);
  g_clear_pointer (&self->watch.listener, sl_server_listener_free);
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
  /* Another program added, changed or deleted candidates: lists query again */
  signals[CANDIDATES_CHANGED] =
    g_signal_new ("candidates-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
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
  self->readers = sl_readers_new (sl_database_get_path (db));
  /* In a team database you are who you logged in as */
  if (sl_database_is_team (db))
    self->actor = sl_store_login_member (db);
  return self;
}

static SlStore *
open_store (SlDatabase *db, GError **error)
{
  g_autoptr (SlStore) self = NULL;

  if (db == NULL)
    return NULL;
  self = sl_store_new (db);
  g_object_unref (db);
  if (!sl_store_purge_deleted (self, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Opens the file and empties the trash left by a run that ended while an Undo was offered. A
 * file that changed since Shortlist last saw it sound is checked first; a damaged one is not
 * opened. */
SlStore *
sl_store_open (const char *path, GError **error)
{
  return open_store (sl_database_open (path, error), error);
}

/* As sl_store_open(), for the window: such a file is opened at once, and checked with
 * sl_store_check_file_async() */
SlStore *
sl_store_open_deferring_check (const char *path, GError **error)
{
  return open_store (sl_database_open_deferring_check (path, error), error);
}

SlDatabase *
sl_store_get_database (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return self->db;
}

/* Who makes the changes that follow: saved rows say "changed by" them */
void
sl_store_set_actor (SlStore *self, gint64 member_id)
{
  g_return_if_fail (SL_IS_STORE (self));
  /* A team database's member is its login's, fixed */
  if (sl_database_is_team (self->db))
    return;
  self->actor = member_id;
}

gint64
sl_store_get_actor (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), 0);
  return self->actor;
}

SlStoreWatch *
sl_store_get_watch (SlStore *self)
{
  return &self->watch;
}

void
sl_store_emit_candidates_changed (SlStore *self)
{
  g_signal_emit (self, signals[CANDIDATES_CHANGED], 0);
}

/* NULL for an empty text: the columns with a CHECK on their values take NULL for "not set" */
void
sl_store_bind_optional (SlStmt *stmt, int index, const char *value)
{
  if (value == NULL || *value == '\0')
    sl_stmt_bind_null (stmt, index);
  else
    sl_stmt_bind_text (stmt, index, value);
}

/* NULL for a negative amount, which means "not known" */
void
sl_store_bind_amount (SlStmt *stmt, int index, double value)
{
  if (value < 0)
    sl_stmt_bind_null (stmt, index);
  else
    sl_stmt_bind_double (stmt, index, value);
}

/* Columns in SlCandidateText order, then the numbers */
#define CANDIDATE_COLUMNS                                                               \
  "name, email, phone, country, city, timezone, english_level, seniority, stack_id, "   \
  "employment_type, currency, rate_period, availability, source, links, notes, stage, " \
  "(SELECT name FROM stacks WHERE id = c.stack_id), "                                   \
  "years_experience, expected_rate, consent_at, created_at, updated_at, version"
enum
{
  COLUMN_YEARS = SL_CANDIDATE_N_TEXTS,
  COLUMN_RATE,
  COLUMN_CONSENT,
  COLUMN_CREATED,
  COLUMN_UPDATED,
  COLUMN_VERSION,
  COLUMN_SKILLS,
};

/* What a save writes: the candidate's properties and their columns, in one order (the text
 * fields first, in SlCandidateText order); skills have a table of their own */
enum
{
  FIELD_YEARS = SL_CANDIDATE_STAGE,
  FIELD_RATE,
  FIELD_CONSENT,
  FIELD_SKILLS,
  N_FIELDS
};
static const char *const saved_properties[N_FIELDS + 1] = {
  "name",
  "email",
  "phone",
  "country",
  "city",
  "timezone",
  "english-level",
  "seniority",
  "stack",
  "employment-type",
  "currency",
  "rate-period",
  "availability",
  "source",
  "links",
  "notes",
  "years-experience",
  "expected-rate",
  "consent-at",
  "skills",
  NULL,
};
static const char *const saved_columns[FIELD_SKILLS] = {
  "name",
  "email",
  "phone",
  "country",
  "city",
  "timezone",
  "english_level",
  "seniority",
  "stack_id",
  "employment_type",
  "currency",
  "rate_period",
  "availability",
  "source",
  "links",
  "notes",
  "years_experience",
  "expected_rate",
  "consent_at",
};

static void
fill_candidate (SlCandidate *candidate, SlStmt *stmt)
{
  g_autofree char *skills = NULL;

  for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
    sl_candidate_set_text (candidate, i, sl_store_column_text (stmt, (int) i));
  sl_candidate_set_years_experience (candidate, sl_stmt_column_is_null (stmt, COLUMN_YEARS)
                                                  ? -1
                                                  : sl_stmt_column_double (stmt, COLUMN_YEARS));
  sl_candidate_set_expected_rate (candidate, sl_stmt_column_is_null (stmt, COLUMN_RATE)
                                               ? -1
                                               : sl_stmt_column_double (stmt, COLUMN_RATE));
  sl_candidate_set_consent_at (candidate, sl_stmt_column_int64 (stmt, COLUMN_CONSENT));
  sl_candidate_set_created_at (candidate, sl_stmt_column_int64 (stmt, COLUMN_CREATED));
  sl_candidate_set_updated_at (candidate, sl_stmt_column_int64 (stmt, COLUMN_UPDATED));
  skills = g_strdup (sl_store_column_text (stmt, COLUMN_SKILLS));
  if (*skills == '\0')
    sl_candidate_set_skills (candidate, NULL);
  else
    {
      g_auto (GStrv) list = g_strsplit (skills, "\x1f", -1);
      sl_candidate_set_skills (candidate, (const char *const *) list);
    }
}

/* Reads candidate @id into @candidate. With @clashes, what @candidate changed and did not save
 * yet stays where the row did not change that field, and @clashes gets the fields where both
 * changed (see sl_record_rebase()). */
static gboolean
load_candidate (SlStore *self, SlCandidate *candidate, gint64 id, guint64 *clashes, GError **error)
{
  SlStmt *stmt = sl_database_prepare (
    self->db,
    "SELECT " CANDIDATE_COLUMNS ","
    " (SELECT group_concat(name, '\x1f') FROM (SELECT t.name FROM candidate_skills cs"
    "   JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = c.id ORDER BY t.name) s)"
    " FROM candidates c WHERE c.id = ? AND c.deleted_at IS NULL",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  rc = sl_stmt_step (stmt);
  if (rc == SL_STMT_ROW)
    {
      gint64 version = sl_stmt_column_int64 (stmt, COLUMN_VERSION);

      if (clashes != NULL && sl_record_is_read (G_OBJECT (candidate)))
        {
          g_autoptr (SlCandidate) current = sl_candidate_new ();

          fill_candidate (current, stmt);
          *clashes = sl_record_rebase (G_OBJECT (candidate), G_OBJECT (current), version);
          for (guint i = SL_CANDIDATE_STAGE; i < SL_CANDIDATE_N_TEXTS; i++)
            sl_candidate_set_text (candidate, i, sl_candidate_get_text (current, i));
          sl_candidate_set_updated_at (candidate, sl_candidate_get_updated_at (current));
        }
      else
        {
          fill_candidate (candidate, stmt);
          sl_record_mark_saved (G_OBJECT (candidate), saved_properties, version);
        }
      sl_candidate_set_id (candidate, id);
      sl_stmt_reset (stmt);
      return TRUE;
    }
  if (rc == SL_STMT_DONE)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                 _ ("There is no candidate %lld"), (long long) id);
  else
    sl_database_set_error (self->db, error);
  sl_stmt_reset (stmt);
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
  if (!load_candidate (self, candidate, id, NULL, error))
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
  SlStmt *stmt;
  g_autofree char *stored = NULL;
  g_autofree char *wanted = NULL;
  g_auto (GStrv) sorted = g_strdupv ((char **) skills);

  /* Rewriting the tags reindexes the row, so leave them alone when they did not change */
  stmt = sl_database_prepare (
    self->db,
    "SELECT group_concat(name, '\x1f') FROM (SELECT t.name FROM candidate_skills cs"
    " JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = ? ORDER BY t.name) s",
    error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    stored = g_strdup (sl_store_column_text (stmt, 0));
  sl_stmt_reset (stmt);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_skills);
  wanted = g_strjoinv ("\x1f", sorted);
  if (g_strcmp0 (stored, wanted) == 0)
    return TRUE;

  stmt =
    sl_database_prepare (self->db, "DELETE FROM candidate_skills WHERE candidate_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
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
      sl_stmt_bind_text (stmt, 1, tag);
      if (!sl_database_step_done (self->db, stmt, error))
        return FALSE;
      stmt = sl_database_prepare (
        self->db,
        "INSERT INTO candidate_skills (candidate_id, tag_id)"
        " SELECT ?, id FROM skill_tags WHERE lower(name) = lower(?) ON CONFLICT DO NOTHING",
        error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, id);
      sl_stmt_bind_text (stmt, 2, tag);
      if (!sl_database_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts a new candidate (id 0) or updates one; the object gets its id and timestamps. */
static void
bind_field (SlStmt *stmt, int index, SlCandidate *candidate, guint field)
{
  if (field < SL_CANDIDATE_STAGE)
    {
      const char *value = sl_candidate_get_text (candidate, field);
      gboolean nullable = field == SL_CANDIDATE_SENIORITY || field == SL_CANDIDATE_STACK ||
                          field == SL_CANDIDATE_EMPLOYMENT_TYPE ||
                          field == SL_CANDIDATE_RATE_PERIOD;
      g_autofree char *trimmed = field == SL_CANDIDATE_NAME ? g_strstrip (g_strdup (value)) : NULL;

      if (nullable)
        sl_store_bind_optional (stmt, index, value);
      else
        sl_stmt_bind_text (stmt, index, trimmed ? trimmed : value);
    }
  else if (field == FIELD_YEARS)
    sl_store_bind_amount (stmt, index, sl_candidate_get_years_experience (candidate));
  else if (field == FIELD_RATE)
    sl_store_bind_amount (stmt, index, sl_candidate_get_expected_rate (candidate));
  else if (field == FIELD_CONSENT && sl_candidate_get_consent_at (candidate) > 0)
    sl_stmt_bind_int64 (stmt, index, sl_candidate_get_consent_at (candidate));
}

/* The statement writing @fields (bits of the saved fields) of a candidate: an INSERT of every
 * field, or an UPDATE of those that changed; the last two parameters are the time and the id */
static SlStmt *
prepare_save (SlStore *self, gboolean is_new, guint64 fields, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) values = g_string_new (NULL);
  int n = 0;

  g_string_append (sql, is_new ? "INSERT INTO candidates (" : "UPDATE candidates SET ");
  for (guint i = 0; i < FIELD_SKILLS; i++)
    {
      if ((fields & (G_GUINT64_CONSTANT (1) << i)) == 0)
        continue;
      n++;
      if (is_new)
        {
          g_string_append_printf (sql, "%s, ", saved_columns[i]);
          g_string_append_printf (values, "?%d, ", n);
        }
      else
        g_string_append_printf (sql, "%s = ?%d, ", saved_columns[i], n);
    }
  if (is_new)
    g_string_append_printf (sql, "created_at, updated_at) VALUES (%s?%d, ?%d)", values->str, n + 1,
                            n + 1);
  else
    g_string_append_printf (sql, "updated_at = ?%d WHERE id = ?%d AND deleted_at IS NULL", n + 1,
                            n + 2);
  return sl_database_prepare (self->db, sql->str, error);
}

/* Saves a new candidate, or the fields of a read one that changed since it was read — refused
 * with SL_DATABASE_ERROR_CONFLICT, writing nothing, when someone else saved it since */
gboolean
sl_store_save_candidate (SlStore *self, SlCandidate *candidate, GError **error)
{
  gboolean is_new;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id, version = 0;
  guint64 fields;
  SlStmt *stmt;
  int n = 0;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), FALSE);

  if (!validate_candidate (self, candidate, error))
    return FALSE;

  id = sl_candidate_get_id (candidate);
  is_new = id == 0;
  fields = is_new ? G_MAXUINT64 : sl_record_get_unsaved (G_OBJECT (candidate));
  if (fields == 0)
    return TRUE;
  if (!sl_database_begin (self->db, error))
    return FALSE;

  if (!is_new)
    {
      /* An object never read (made up by its caller) is written whole, unchecked */
      version = sl_store_claim_row (self, "candidates", id,
                                    sl_record_is_read (G_OBJECT (candidate))
                                      ? sl_record_get_version (G_OBJECT (candidate))
                                      : -1,
                                    error);
      if (version == 0)
        goto fail;
    }
  stmt = prepare_save (self, is_new, fields, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < FIELD_SKILLS; i++)
    if (fields & (G_GUINT64_CONSTANT (1) << i))
      bind_field (stmt, ++n, candidate, i);
  sl_stmt_bind_int64 (stmt, n + 1, now);
  if (!is_new)
    sl_stmt_bind_int64 (stmt, n + 2, id);
  if (!sl_database_step_done (self->db, stmt, error))
    goto fail;

  if (is_new)
    {
      id = sl_database_last_insert_id (self->db);
      sl_candidate_set_id (candidate, id);
      sl_candidate_set_created_at (candidate, now);
      version = sl_store_stamp_new_row (self, "candidates", id, error);
      if (version == 0)
        goto fail;
    }
  else if (sl_database_changes (self->db) == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                   _ ("There is no candidate %lld"), (long long) id);
      goto fail;
    }
  if ((fields & (G_GUINT64_CONSTANT (1) << FIELD_SKILLS)) && !save_skills (self, candidate, error))
    goto fail;
  /* The local file's triggers index the row; the team database's rows are indexed here */
  if (sl_database_is_team (self->db) && !sl_server_index_candidate (self->db, id, error))
    goto fail;
  if (!sl_database_commit (self->db, error))
    {
      if (is_new)
        sl_candidate_set_id (candidate, 0);
      return FALSE;
    }
  sl_candidate_set_updated_at (candidate, now);
  sl_record_mark_saved (G_OBJECT (candidate), saved_properties, version);
  {
    const char *stack = sl_candidate_get_text (candidate, SL_CANDIDATE_STACK);
    g_autofree char *stack_name = *stack ? sl_store_get_stack_name (self, stack) : NULL;
    sl_candidate_set_text (candidate, SL_CANDIDATE_STACK_NAME, stack_name);
  }

  if (is_new)
    {
      if (!g_hash_table_contains (self->candidates, &id))
        remember (self, candidate);
      g_signal_emit (self, signals[CANDIDATE_ADDED], 0, id);
    }
  else
    g_signal_emit (self, signals[CANDIDATE_CHANGED], 0, id);
  return TRUE;

fail:
  sl_database_rollback (self->db);
  if (is_new)
    sl_candidate_set_id (candidate, 0);
  return FALSE;
}

/* After a save refused as a conflict: @candidate takes the values saved since, keeping the
 * changes it has not saved wherever the other writer left that field alone. @clashed, if not
 * NULL, says whether any of its changes gave way to the other writer's. */
gboolean
sl_store_rebase_candidate (SlStore *self, SlCandidate *candidate, gboolean *clashed, GError **error)
{
  guint64 clashes = 0;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), FALSE);

  if (!load_candidate (self, candidate, sl_candidate_get_id (candidate), &clashes, error))
    return FALSE;
  if (clashed != NULL)
    *clashed = clashes != 0;
  g_signal_emit (self, signals[CANDIDATE_CHANGED], 0, sl_candidate_get_id (candidate));
  return TRUE;
}

static gboolean
set_deleted (SlStore *self, gint64 id, gboolean deleted, GError **error)
{
  SlStmt *stmt = sl_database_prepare (
    self->db,
    deleted ? "UPDATE candidates SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
            : "UPDATE candidates SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
    error);

  if (stmt == NULL || !sl_database_begin (self->db, error))
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  if (deleted)
    sl_stmt_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!sl_database_step_done (self->db, stmt, error))
    goto fail;
  if (sl_database_changes (self->db) == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                   _ ("There is no candidate %lld"), (long long) id);
      goto fail;
    }
  /* A new version, so that other windows see it go (or come back) */
  if (sl_store_claim_row (self, "candidates", id, -1, error) == 0 ||
      !sl_database_commit (self->db, error))
    goto fail;
  return TRUE;

fail:
  sl_database_rollback (self->db);
  return FALSE;
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
  SlStmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  stmt = sl_database_prepare (
    self->db, "DELETE FROM candidates WHERE deleted_at IS NOT NULL AND (?1 = 0 OR id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, id);
  return sl_database_step_done (self->db, stmt, error);
}

/* Reads @candidate again from the database, dropping edits that were not saved */
gboolean
sl_store_reload_candidate (SlStore *self, SlCandidate *candidate, GError **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), FALSE);

  return load_candidate (self, candidate, sl_candidate_get_id (candidate), NULL, error);
}

gboolean
sl_store_has_candidates (SlStore *self)
{
  SlStmt *stmt;
  gboolean any = FALSE;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  stmt = sl_database_prepare (
    self->db, "SELECT EXISTS (SELECT 1 FROM candidates WHERE deleted_at IS NULL)", NULL);
  if (stmt != NULL && sl_stmt_step (stmt) == SL_STMT_ROW)
    any = sl_stmt_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sl_stmt_reset (stmt);
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
    load_candidate (self, value, sl_candidate_get_id (value), &(guint64){ 0 }, NULL);
  g_signal_emit (self, signals[RESET], 0);
}

/* The candidate's applications, most advanced stage first. A quick indexed read. */
GListModel *
sl_store_list_applications (SlStore *self, gint64 candidate_id, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_APPLICATION);
  SlStmt *stmt;
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
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      g_autoptr (SlApplication) application = sl_application_new (
        sl_stmt_column_int64 (stmt, 0), candidate_id, sl_stmt_column_int64 (stmt, 1),
        sl_store_column_text (stmt, 2), sl_store_column_text (stmt, 3),
        sl_stmt_column_int64 (stmt, 4), (const char *) sl_stmt_column_text (stmt, 5),
        (const char *) sl_stmt_column_text (stmt, 6), (const char *) sl_stmt_column_text (stmt, 7));
      g_list_store_append (list, application);
    }
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (self->db, error);
      sl_stmt_reset (stmt);
      return NULL;
    }
  sl_stmt_reset (stmt);
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
    load_candidate (self, known, candidate_id, &(guint64){ 0 }, NULL);
  g_signal_emit (self, signals[CANDIDATE_CHANGED], 0, candidate_id);
}

/* Another program changed candidate @id: the live object takes the new values, keeping what is
 * being edited in it, or goes when the candidate was deleted */
void
sl_store_reread_candidate (SlStore *self, gint64 id)
{
  SlCandidate *known = g_hash_table_lookup (self->candidates, &id);
  g_autoptr (GError) error = NULL;

  if (known != NULL && !load_candidate (self, known, id, &(guint64){ 0 }, &error) &&
      g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND))
    {
      forget (self, id);
      g_signal_emit (self, signals[CANDIDATE_REMOVED], 0, id);
      return;
    }
  g_signal_emit (self, signals[CANDIDATE_CHANGED], 0, id);
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
