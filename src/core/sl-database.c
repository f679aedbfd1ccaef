/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-database.c — a connection with migrations, cached statements and transactions
 *
 * One SlDatabase is one connection, to a local SQLite file or to a team database on PostgreSQL
 * (see sl-database.h for the seam), and belongs to one thread at a time. Worker threads open
 * their own connection; on the local file, WAL lets them read beside the writer.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sl-database.h"
#include "sl-candidate-order.h"
#include "sl-database-private.h"
#include "sl-database-health.h"
#include "sl-locks.h"
#include "sl-fold.h"
#include "sl-schema.h"
#include "sl-server-private.h"

enum
{
  PROP_0,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (SlDatabase, sl_database, G_TYPE_OBJECT)

void
sl_database_notify_offline (SlDatabase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

/* clang-format off */
G_DEFINE_QUARK (sl-database-error-quark, sl_database_error)
/* clang-format on */

static void
sl_database_finalize (GObject *object)
{
  SlDatabase *self = SL_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_cancellable_cancel (self->reconnecting);
  g_clear_object (&self->reconnecting);
  g_clear_object (&self->server);
  g_clear_error (&self->error);
  g_free (self->refused);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  /* The last connection to close checkpointed the WAL into the file and removed it */
  if (self->writer && self->trusted)
    sl_health_stamp_record (self->path);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->damage);

  G_OBJECT_CLASS (sl_database_parent_class)->finalize (object);
}

static void
sl_database_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlDatabase *self = SL_DATABASE (object);

  switch (prop_id)
    {
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_database_class_init (SlDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_database_finalize;
  object_class->get_property = sl_database_get_property;
  /* A team database whose connection was lost, until it is back */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_database_init (SlDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sl_stmt_free);
}

char *
sl_database_default_path (void)
{
  const char *env = g_getenv ("SHORTLIST_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "shortlist", "shortlist.db", NULL);
}

/* Why nothing is written to a damaged file */
void
sl_database_set_damaged_error (SlDatabase *self, GError **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT,
               /* TRANSLATORS: the first %s is a file name, the second what SQLite found */
               _ ("“%s” is damaged, so nothing is written to it (%s). Restore a backup, or "
                  "recover what can be read into a new file."),
               display, self->damage);
}

void
sl_database_set_error (SlDatabase *self, GError **error)
{
  int code;
  int domain_code = SL_DATABASE_ERROR_SQL;

  if (self->server != NULL)
    {
      if (self->error != NULL)
        g_propagate_error (error, g_error_copy (self->error));
      else
        g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL,
                             _ ("The team database refused it"));
      return;
    }
  code = sqlite3_extended_errcode (self->db);

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      domain_code = SL_DATABASE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      domain_code = SL_DATABASE_ERROR_CORRUPT;
      break;
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _ ("The operation was cancelled"));
      return;
    case SQLITE_READONLY:
      if (self->damage != NULL)
        {
          sl_database_set_damaged_error (self, error);
          return;
        }
      break;
    default:
      break;
    }
  g_set_error (error, SL_DATABASE_ERROR, domain_code, _ ("Database error: %s"),
               sqlite3_errmsg (self->db));
}

static int
progress_cb (void *data)
{
  SlDatabase *self = data;

  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

void
sl_database_set_cancellable (SlDatabase *self, GCancellable *cancellable)
{
  g_return_if_fail (SL_IS_DATABASE (self));

  g_set_object (&self->cancellable, cancellable);
  if (self->db == NULL)
    return;
  /* Long scans check the cancellable every few thousand VM steps and stop with SQLITE_INTERRUPT */
  sqlite3_progress_handler (self->db, cancellable ? 4000 : 0, cancellable ? progress_cb : NULL,
                            self);
}

/* A connection belongs to the thread that opened it, or to the worker that holds it now
 * (sl_database_set_owner()): SQLite's connections are opened without their own mutex, so one used
 * by two threads at once would be undefined behaviour. A misuse is reported loudly, and is fatal
 * in the tests. */
static inline void
assert_owner (SlDatabase *self)
{
  if (G_UNLIKELY (self->owner != g_thread_self ()))
    g_critical ("A connection to %s used by a thread that does not hold it", self->path);
}

/* Hands the connection to @thread (NULL: to none until the next holder claims it). For a pool
 * of connections shared by worker threads under a lock. */
void
sl_database_set_owner (SlDatabase *self, GThread *thread)
{
  g_return_if_fail (SL_IS_DATABASE (self));
  self->owner = thread;
}

SlStmt *
sl_database_prepare (SlDatabase *self, const char *sql, GError **error)
{
  SlStmt *stmt;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  assert_owner (self);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sl_stmt_reset (stmt);
      sl_stmt_clear_bindings (stmt);
      return stmt;
    }
  stmt = g_new0 (SlStmt, 1);
  stmt->db = self;
  if (self->server != NULL)
    stmt->pg = sl_pg_stmt_new (self, sql, error);
  else if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt->lite, NULL) !=
           SQLITE_OK)
    sl_database_set_error (self, error);
  if (stmt->lite == NULL && stmt->pg == NULL)
    {
      g_free (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* The first column of @sql's first row, or @otherwise when it has none or fails: for the one
 * number a few readers ask for (a clock, a count, an id) */
gint64
sl_database_query_int64 (SlDatabase *self, const char *sql, gint64 otherwise)
{
  SlStmt *stmt = sl_database_prepare (self, sql, NULL);
  gint64 value = otherwise;

  if (stmt == NULL)
    return otherwise;
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    value = sl_stmt_column_int64 (stmt, 0);
  sl_stmt_reset (stmt);
  return value;
}

/* For the few statements the two dialects must write differently: the one for this backend */
SlStmt *
sl_database_prepare_dialect (SlDatabase *self, const char *sqlite_sql, const char *postgresql_sql,
                             GError **error)
{
  return sl_database_prepare (self, self->server != NULL ? postgresql_sql : sqlite_sql, error);
}

gboolean
sl_database_is_team (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  return self->server != NULL;
}

/* The rows the last INSERT, UPDATE or DELETE changed */
gint64
sl_database_changes (SlDatabase *self)
{
  if (self->server != NULL)
    return self->changes;
  return sqlite3_changes (self->db);
}

gboolean
sl_database_in_transaction (SlDatabase *self)
{
  if (self->server != NULL)
    return PQtransactionStatus (sl_server_get_handle (self->server)) != PQTRANS_IDLE;
  return !sqlite3_get_autocommit (self->db);
}

gboolean
sl_database_exec (SlDatabase *self, const char *sql, GError **error)
{
  char *message = NULL;

  assert_owner (self);
  if (self->server != NULL)
    {
      GError *local_error = NULL;

      if (self->offline)
        {
          g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                               _ ("The team database cannot be reached: Shortlist tries again by "
                                  "itself"));
          return FALSE;
        }
      if (sl_server_exec (self->server, sql, &local_error))
        return TRUE;
      sl_pg_database_take_error (self, local_error);
      sl_database_set_error (self, error);
      if (PQstatus (sl_server_get_handle (self->server)) != CONNECTION_OK)
        sl_pg_database_lost (self);
      return FALSE;
    }
  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      sl_database_set_error (self, error);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_database_step_done (SlDatabase *self, SlStmt *stmt, GError **error)
{
  int rc = sl_stmt_step (stmt);

  if (rc != SL_STMT_DONE && rc != SL_STMT_ROW)
    {
      sl_database_set_error (self, error);
      sl_stmt_reset (stmt);
      return FALSE;
    }
  sl_stmt_reset (stmt);
  return TRUE;
}

/* A transaction that only reads, all its statements from one snapshot: SQLite's deferred
 * one, a team database's repeatable read (its plain BEGIN would let each statement see the
 * others' commits). Ended with COMMIT through sl_database_exec(). */
gboolean
sl_database_begin_read (SlDatabase *self, GError **error)
{
  return sl_database_exec (
    self, self->server != NULL ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN",
    error);
}

/* Transactions nest: only the outermost begin/commit reaches SQLite. */
gboolean
sl_database_begin (SlDatabase *self, GError **error)
{
  if (self->transaction_depth++ > 0)
    return TRUE;
  if (!sl_database_exec (self, self->server != NULL ? "BEGIN" : "BEGIN IMMEDIATE", error))
    {
      self->transaction_depth--;
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_database_commit (SlDatabase *self, GError **error)
{
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (--self->transaction_depth > 0)
    return TRUE;
  /* A team database's transaction that failed part-way is rolled back by COMMIT, which says
   * so only in its tag */
  if (self->server != NULL && !self->offline)
    {
      PGresult *result = PQexec (sl_server_get_handle (self->server), "COMMIT");
      gboolean committed =
        PQresultStatus (result) == PGRES_COMMAND_OK && g_str_equal (PQcmdStatus (result), "COMMIT");

      if (committed)
        {
          PQclear (result);
          return TRUE;
        }
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        {
          PQclear (result);
          g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL,
                               _ ("The team database refused it"));
          return FALSE;
        }
      sl_server_check_result (self->server, result, NULL, error);
      if (PQstatus (sl_server_get_handle (self->server)) != CONNECTION_OK)
        sl_pg_database_lost (self);
      return FALSE;
    }
  if (!sl_database_exec (self, "COMMIT", error))
    {
      sl_database_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

void
sl_database_rollback (SlDatabase *self)
{
  /* An inner rollback aborts the whole transaction: the outer levels still unwind one by one,
   * their commit then fails cleanly and their rollback (also after a failed commit) is a no-op */
  if (self->transaction_depth > 0)
    self->transaction_depth--;
  if (sl_database_in_transaction (self))
    sl_database_exec (self, "ROLLBACK", NULL);
}

gint64
sl_database_last_insert_id (SlDatabase *self)
{
  if (self->server != NULL)
    return self->insert_id;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
query_int (SlDatabase *self, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sl_database_set_error (self, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sl_database_set_error (self, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Whether there is a file with something in it. Only stat(): opening and closing the file
 * here would drop every POSIX lock SQLite holds on it in this process (a second connection
 * opened while the first is in use), and another process could then delete the WAL from
 * under it. Whether the contents are a database is SQLite's to say. */
static gboolean
check_header (const char *path, gboolean *is_empty, GError **error)
{
  GStatBuf info;

  *is_empty = TRUE;
  if (g_stat (path, &info) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        return TRUE;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, _ ("Cannot open “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (info.st_mode))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                   _ ("“%s” is not a Shortlist database"), path);
      return FALSE;
    }
  *is_empty = info.st_size == 0;
  return TRUE;
}

static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_dir = g_build_filename (g_get_user_data_dir (), "shortlist", NULL);
  int fd;

  /* Only the default location is created; a typo in --database must not leave folders behind */
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_strcmp0 (dir, default_dir) != 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("The folder “%s” does not exist"), dir);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("Cannot create folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* Owner-only from the start: SQLite gives the -wal and -shm files the same mode */
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, _ ("Cannot create “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

/* Before an upgrade the old file is copied beside it, e.g. shortlist.db.v1.bak */
static gboolean
backup_before_upgrade (SlDatabase *self, int from_version, GError **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, from_version);
  g_autofree char *sql = NULL;
  char *quoted;

  int fd;

  /* Made empty and private first: VACUUM INTO fills an empty file, and would create a missing
   * one readable by everyone until it was done */
  g_unlink (backup);
  fd = g_open (backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, _ ("Cannot open “%s”: %s"),
                   backup, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  quoted = sqlite3_mprintf ("VACUUM INTO %Q", backup);
  sql = g_strdup (quoted);
  sqlite3_free (quoted);
  if (!sl_database_exec (self, sql, error))
    {
      g_unlink (backup);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (SlDatabase *self, int target, GError **error)
{
  if (self->version > 0 && self->version < target)
    {
      if (!backup_before_upgrade (self, self->version, error))
        return FALSE;
    }

  while (self->version < target)
    {
      int next = self->version + 1;
      g_autofree char *pragma = NULL;

      if (!sl_database_begin (self, error))
        return FALSE;
      if (!sl_schema_migrate (self, next, error))
        {
          sl_database_rollback (self);
          return FALSE;
        }
      pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d", next,
                                SL_DATABASE_APPLICATION_ID);
      if (!sl_database_exec (self, pragma, error) || !sl_database_commit (self, error))
        {
          sl_database_rollback (self);
          return FALSE;
        }
      self->version = next;
    }
  return TRUE;
}

/* The indexing triggers run only while this answers 1 (see sl_database_set_bulk()) */
static void
live_index_cb (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  SlDatabase *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, !self->bulk);
}

/* While @bulk is set, this connection's writes skip the row-by-row index triggers; the bulk
 * writer must call sl_schema_index_candidates() before it commits. */
void
sl_database_set_bulk (SlDatabase *self, gboolean bulk)
{
  g_return_if_fail (SL_IS_DATABASE (self));
  self->bulk = bulk;
}

/* A writer needs the file and its folder writable (WAL keeps two files beside it) */
static gboolean
check_writable (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("“%s” is read-only, and Shortlist needs to write to it"), path);
      return FALSE;
    }
  if (g_file_test (dir, G_FILE_TEST_IS_DIR) && g_access (dir, W_OK) != 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("Shortlist cannot write in the folder “%s”"), dir);
      return FALSE;
    }
  return TRUE;
}

/* A reader of a file nobody has open (no -wal beside it) opens it immutable: nothing is
 * created next to it and nothing about it changes */
static char *
reader_uri (const char *path, gboolean snapshot)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  if (!snapshot || g_file_test (wal, G_FILE_TEST_EXISTS))
    return g_strdup_printf ("file:%s?mode=ro", escaped);
  return g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
}

/* When a writer checks a file that changed since Shortlist last saw it sound */
typedef enum
{
  CHECK_NOW,   /* before it writes */
  CHECK_LATER, /* the caller checks it off its thread */
  CHECK_NEVER, /* it is about to be replaced whole */
} CheckWhen;

/* SQLite's default: past this many pages, a commit copies the WAL back into the file */
#define WAL_CHECKPOINT_PAGES 1000

/* After each commit of a writer. Setting this hook replaces SQLite's automatic checkpoint, so it
 * does the same; then the file is as this writer left it, which it records if it is sound. */
static int
wal_committed_cb (void *data, sqlite3 *db, const char *name, int pages)
{
  SlDatabase *self = data;

  if (pages >= WAL_CHECKPOINT_PAGES)
    sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (self->trusted)
    sl_health_stamp_record (self->path);
  return SQLITE_OK;
}

static SlDatabase *
open_internal (const char *path, int target, gboolean readonly, gboolean snapshot, CheckWhen check,
               GError **error)
{
  g_autofree char *uri = NULL;
  g_autoptr (SlDatabase) self = NULL;
  gboolean is_empty = TRUE;
  int flags;
  int application_id = 0;
  int tables = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (sl_server_is_uri (path))
    return sl_pg_database_open (path, error);
  if (!check_header (path, &is_empty, error))
    return NULL;
  if (is_empty && readonly)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   g_file_test (path, G_FILE_TEST_EXISTS)
                     ? _ ("“%s” is empty: it holds no Shortlist database yet")
                     : _ ("There is no database at “%s”"),
                   path);
      return NULL;
    }
  if (!readonly && !check_writable (path, error))
    return NULL;
  if (is_empty && !g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;
  if (is_empty)
    g_chmod (path, 0600);

  if (!sl_locks_install ())
    g_warning ("SQLite's locks could not be made OFD locks: a file chooser on the database's "
               "folder could make the app lose them");
  self = g_object_new (SL_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->owner = g_thread_self ();
  flags = (readonly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE) |
          SQLITE_OPEN_NOMUTEX;
  uri = readonly ? reader_uri (path, snapshot) : g_strdup (path);
  if (sqlite3_open_v2 (uri, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, _ ("Cannot open “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  sl_fold_register (self->db);
  sqlite3_create_function_v2 (self->db, "sl_live_index", 0, SQLITE_UTF8, self, live_index_cb, NULL,
                              NULL, NULL);
  sl_candidate_order_register (self);

  /* Identify the file before anything writes to it */
  if (!query_int (self, "PRAGMA application_id", &application_id, NULL) ||
      !query_int (self, "PRAGMA user_version", &self->version, NULL) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &tables, NULL))
    {
      /* The header said SQLite: a file SQLite finds malformed is damaged, not someone else's */
      int code = sqlite3_extended_errcode (self->db) & 0xff;

      if (code == SQLITE_CORRUPT)
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT, _ ("“%s” is damaged: %s"),
                     path, sqlite3_errmsg (self->db));
      else if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM ||
               code == SQLITE_IOERR || code == SQLITE_BUSY)
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, _ ("Cannot open “%s”: %s"),
                     path, sqlite3_errmsg (self->db));
      else
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                     _ ("“%s” is not a Shortlist database"), path);
      return NULL;
    }
  if (application_id != SL_DATABASE_APPLICATION_ID && (tables > 0 || application_id != 0))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                   _ ("“%s” is not a Shortlist database"), path);
      return NULL;
    }
  if (self->version > SL_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                   _ ("“%s” was written by a newer version of Shortlist (schema %d; this version "
                      "reads up to %d)"),
                   path, self->version, SL_DATABASE_SCHEMA_VERSION);
      return NULL;
    }
  if (readonly)
    {
      if (self->version < SL_DATABASE_SCHEMA_VERSION)
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                       _ ("“%s” needs an upgrade; open it in Shortlist first"), path);
          return NULL;
        }
      /* Read through a page cache of 8 MB, not mapped: every page of a mapped file that a
       * command touches counts in its memory, and a report that reads every application would
       * hold hundreds of megabytes to print a few lines. What outputs the whole list maps the
       * file itself (sl_database_map_file). */
      if (!sl_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -8192", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  /* Before anything is written: is the file as Shortlist last left it, or sound? */
  self->writer = TRUE;
  if (is_empty || sl_health_stamp_matches (path))
    self->trusted = TRUE;
  else if (check == CHECK_NOW || (check == CHECK_LATER && self->version < target))
    {
      sl_health_stamp_prune ();
      if (sl_health_quick_check (self->db, &self->damage) != SQLITE_OK)
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, _ ("Cannot open “%s”: %s"),
                       path, sqlite3_errmsg (self->db));
          return NULL;
        }
      if (self->damage != NULL)
        {
          self->writer = FALSE;
          sl_database_set_damaged_error (self, error);
          return NULL;
        }
      self->trusted = TRUE;
      sl_health_stamp_record (path);
    }

  if (!sl_database_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA cache_size = -16384;"
                         "PRAGMA journal_size_limit = 67108864;",
                         error))
    return NULL;
  /* Checkpoints as SQLite's own automatic ones do, and records the stamp after each commit:
   * an upgrade's too, or the next writer would read the whole upgraded file again */
  sqlite3_wal_hook (self->db, wal_committed_cb, self);
  if (!migrate (self, target, error))
    return NULL;

  return g_steal_pointer (&self);
}

SlDatabase *
sl_database_open (const char *path, GError **error)
{
  return open_internal (path, SL_DATABASE_SCHEMA_VERSION, FALSE, FALSE, CHECK_NOW, error);
}

/* As sl_database_open(), for the window: a file that changed since Shortlist last saw it sound
 * is opened at once, unchecked; the caller checks it off its thread (sl_database_needs_check())
 * and reports the result with sl_database_set_checked(). Until then its writes record nothing. */
SlDatabase *
sl_database_open_deferring_check (const char *path, GError **error)
{
  return open_internal (path, SL_DATABASE_SCHEMA_VERSION, FALSE, FALSE, CHECK_LATER, error);
}

/* As sl_database_open(), for a restore that replaces every page of the file: a damaged file is
 * opened too (the restore is what mends it) */
SlDatabase *
sl_database_open_to_replace (const char *path, GError **error)
{
  return open_internal (path, SL_DATABASE_SCHEMA_VERSION, FALSE, FALSE, CHECK_NEVER, error);
}

gboolean
sl_database_needs_check (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  return self->writer && !self->trusted && self->damage == NULL;
}

/* The result of a check of an unchecked file: @finding NULL if it is sound. A damaged file is
 * written no more through this connection: every write fails with a message that says why. */
void
sl_database_set_checked (SlDatabase *self, const char *finding)
{
  g_return_if_fail (SL_IS_DATABASE (self));

  if (finding == NULL)
    {
      self->trusted = TRUE;
      sl_health_stamp_record (self->path);
      return;
    }
  g_free (self->damage);
  self->damage = g_strdup (finding);
  self->trusted = FALSE;
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
}

/* What SQLite found wrong with the file, if a check found it damaged */
const char *
sl_database_get_damage (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->damage;
}

/* For reading a file once (the command line): nothing is created or changed beside it */
SlDatabase *
sl_database_open_readonly (const char *path, GError **error)
{
  return open_internal (path, SL_DATABASE_SCHEMA_VERSION, TRUE, TRUE, CHECK_NOW, error);
}

/* For a worker thread reading beside this process's own writer: sees its commits */
SlDatabase *
sl_database_open_reader (const char *path, GError **error)
{
  return open_internal (path, SL_DATABASE_SCHEMA_VERSION, TRUE, FALSE, CHECK_NOW, error);
}

/* For tests of migrations: create or open a database at an older schema version */
SlDatabase *
sl_database_open_at_version (const char *path, int version, GError **error)
{
  g_return_val_if_fail (version >= 1 && version <= SL_DATABASE_SCHEMA_VERSION, NULL);
  return open_internal (path, version, FALSE, FALSE, CHECK_NOW, error);
}

/* Maps the file into memory for reading, up to 2 GB (what SQLite allows by default; the file of
 * a million candidates is about that): for what reads most of it in an order of its own, an
 * export of every candidate in name order, a page here and a page there, which the mapping
 * saves a system call each (13 s with 256 MB mapped at a million). The pages read then count
 * in the process's memory, as the output they make does. */
gboolean
sl_database_map_file (SlDatabase *self, GError **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  /* The team database's server reads its own pages */
  if (self->server != NULL)
    return TRUE;
  return sl_database_exec (self, "PRAGMA mmap_size = 2147418112", error);
}

const char *
sl_database_get_path (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
sl_database_get_handle (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->db;
}

/* The schema version of the Shortlist file at @path, read without opening it for writing: 0 for
 * an empty file, -1 for no file or one that is not Shortlist's or cannot be read (opening it
 * says why). For the window, to tell a long upgrade ahead. */
int
sl_database_peek_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return -1;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_int (stmt, 0) == SL_DATABASE_APPLICATION_ID)
    {
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        version = sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

int
sl_database_get_version (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), 0);
  return self->version;
}
