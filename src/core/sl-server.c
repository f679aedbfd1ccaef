/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-server.c — a team database on PostgreSQL: connecting, setting it up, its members
 *
 * A team database is named by a PostgreSQL connection URI
 * (postgresql://login@host:port/dbname?sslmode=verify-full); each team member connects as
 * their own login, and the server's grants and row-level security keep the rules
 * (sl-server-schema.c). Its owner sets it up once (shortlist-cli server-setup) and adds the
 * first admin; admins add the others. The SQL stays in core, as for the local file: this file
 * and the schema's are the PostgreSQL side of it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <glib-unix.h>
#include <string.h>

#include "sl-database.h"
#include "sl-member.h"
#include "sl-store.h"
#include "sl-vocab.h"
#include "sl-server-private.h"

/* What the schema's version row says the database is */
#define APPLICATION "Shortlist"

struct _SlServer
{
  GObject parent_instance;

  PGconn *conn;
  char *login;
};

G_DEFINE_FINAL_TYPE (SlServer, sl_server, G_TYPE_OBJECT)

static void
sl_server_finalize (GObject *object)
{
  SlServer *self = SL_SERVER (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_free (self->login);
  G_OBJECT_CLASS (sl_server_parent_class)->finalize (object);
}

static void
sl_server_class_init (SlServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_server_finalize;
}

static void
sl_server_init (SlServer *self)
{
}

gboolean
sl_server_is_uri (const char *database)
{
  return database != NULL && (g_str_has_prefix (database, "postgresql://") ||
                              g_str_has_prefix (database, "postgres://"));
}

/* The server's own words from a libpq message: without "connection to server … failed:",
 * "FATAL:" and the trailing newline */
static char *
server_words (const char *message)
{
  const char *start = message != NULL ? message : "";
  const char *fatal = strstr (start, "FATAL:");
  g_autofree char *words = NULL;
  char *newline;

  if (fatal != NULL)
    start = fatal + strlen ("FATAL:");
  else if (strstr (start, "failed: ") != NULL)
    start = strstr (start, "failed: ") + strlen ("failed: ");
  words = g_strstrip (g_strdup (start));
  newline = strchr (words, '\n');
  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&words);
}

/* Passwords given for team databases in this process (the app's Connect dialog, from the
 * keyring), by address: every connection to one, a worker thread's too, logs in with it.
 * Never written anywhere. */
static GMutex passwords_lock;
static GHashTable *passwords;

/* Keeps @password for the connections to @uri from now on (NULL: forgets it) */
void
sl_server_set_password (const char *uri, const char *password)
{
  g_return_if_fail (uri != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, g_strdup (uri), g_strdup (password));
  else
    g_hash_table_remove (passwords, uri);
  g_mutex_unlock (&passwords_lock);
}

/* A connection to @uri, with the password given for it if any; else libpq's own (the URI's,
 * PGPASSWORD or ~/.pgpass). Ten seconds at most to reach the server. */
/* The password kept for @uri, or NULL */
char *
sl_server_dup_password (const char *uri)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&passwords_lock);
  return password;
}

static PGconn *
connect_with_password (const char *uri)
{
  /* A server gone without a word (a network cut) is noticed within half a minute, not when
   * the system's TCP gives up minutes later */
  const char *const keywords[] = { "dbname",           "connect_timeout",
                                   "keepalives_idle",  "keepalives_interval",
                                   "keepalives_count", "tcp_user_timeout",
                                   "password",         NULL };
  const char *values[] = { uri, "10", "10", "5", "3", "20000", NULL, NULL };
  g_autofree char *password = NULL;
  PGconn *conn;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&passwords_lock);
  /* Without one, the password's value is NULL, which libpq leaves alone */
  values[6] = password;
  conn = PQconnectdbParams (keywords, values, TRUE);
  if (password != NULL)
    memset (password, 0, strlen (password));
  return conn;
}

/* The parts of the team database's address @uri, as Connect to Team Database… shows them */
gboolean
sl_server_split_uri (const char *uri, char **host, char **port, char **database, char **login,
                     gboolean *tls)
{
  PQconninfoOption *options = sl_server_is_uri (uri) ? PQconninfoParse (uri, NULL) : NULL;

  if (options == NULL)
    return FALSE;
  *host = g_strdup ("");
  *port = g_strdup ("5432");
  *database = g_strdup ("");
  *login = g_strdup ("");
  *tls = TRUE;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      char **part = g_str_equal (o->keyword, "host")     ? host
                    : g_str_equal (o->keyword, "port")   ? port
                    : g_str_equal (o->keyword, "dbname") ? database
                    : g_str_equal (o->keyword, "user")   ? login
                                                         : NULL;

      if (part != NULL && o->val != NULL && *o->val != '\0')
        {
          g_free (*part);
          *part = g_strdup (o->val);
        }
      if (g_str_equal (o->keyword, "sslmode") && o->val != NULL)
        *tls = !g_str_equal (o->val, "disable");
    }
  PQconninfoFree (options);
  return TRUE;
}

/* What a window calls the team database at @uri: the database's name */
char *
sl_server_display_name (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  char *name = NULL;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "dbname") && o->val != NULL && *o->val != '\0')
      name = g_strdup (o->val);
  PQconninfoFree (options);
  /* Never the address itself: it may hold a password */
  return name != NULL ? name : g_strdup (_ ("Team database"));
}

SlServer *
sl_server_connect (const char *uri, GError **error)
{
  g_autoptr (SlServer) self = NULL;
  PQconninfoOption *options;
  char *parse_error = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  options = PQconninfoParse (uri, &parse_error);
  if (options == NULL || !sl_server_is_uri (uri))
    {
      words = server_words (parse_error);
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _ ("“%s” is not a PostgreSQL address (postgresql://LOGIN@HOST/DATABASE): %s"),
                   uri, options == NULL ? words : _ ("it does not start with postgresql://"));
      PQfreemem (parse_error);
      PQconninfoFree (options);
      return NULL;
    }
  PQconninfoFree (options);

  self = g_object_new (SL_TYPE_SERVER, NULL);
  self->conn = connect_with_password (uri);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      const char *message = PQerrorMessage (self->conn);

      words = server_words (message);
      if (PQconnectionNeedsPassword (self->conn))
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_PASSWORD,
                     _ ("The team database asks for a password: give it in ~/.pgpass or in "
                        "PGPASSWORD"));
      else if (strstr (message, "password authentication failed") != NULL)
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_PASSWORD,
                     _ ("The team database refused the login “%s”: the password is wrong, or "
                        "there is no such login"),
                     PQuser (self->conn));
      else if (strstr (message, "not permitted to log in") != NULL)
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED,
                     _ ("The login “%s” is disabled: an admin of the team can enable it again"),
                     PQuser (self->conn));
      else
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                     _ ("Cannot connect to the team database: %s"), words);
      return NULL;
    }
  self->login = g_strdup (PQuser (self->conn));
  return g_steal_pointer (&self);
}

PGconn *
sl_server_get_handle (SlServer *self)
{
  g_return_val_if_fail (SL_IS_SERVER (self), NULL);
  return self->conn;
}

/* Takes @result; FALSE with @error set when it failed. The server's message is kept as it
 * says it (in the server's language): the callers put a sentence of their own around it where
 * they know what went wrong. */
gboolean
sl_server_check_result (SlServer *self, PGresult *result, char **sqlstate, GError **error)
{
  ExecStatusType status = PQresultStatus (result);
  g_autofree char *words = NULL;
  g_autofree char *state = NULL;
  int code = SL_DATABASE_ERROR_SQL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      PQclear (result);
      return TRUE;
    }
  state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  if (sqlstate != NULL)
    *sqlstate = g_strdup (state);
  words = server_words (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                          ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                          : PQerrorMessage (self->conn));
  if (state != NULL && g_str_has_prefix (state, "23"))
    code = SL_DATABASE_ERROR_CONSTRAINT;
  else if (g_strcmp0 (state, "42501") == 0)
    code = SL_DATABASE_ERROR_DENIED;
  PQclear (result);
  if (PQstatus (self->conn) != CONNECTION_OK)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                 _ ("The connection to the team database was lost: %s"), words);
  else if (g_strcmp0 (state, "42P01") == 0 || g_strcmp0 (state, "3F000") == 0)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                 _ ("The team database “%s” is not set up: its owner runs shortlist-cli "
                    "server-setup first"),
                 PQdb (self->conn));
  else
    g_set_error (error, SL_DATABASE_ERROR, code, _ ("The team database refused it: %s"), words);
  return FALSE;
}

gboolean
sl_server_exec (SlServer *self, const char *sql, GError **error)
{
  return sl_server_check_result (self, PQexec (self->conn, sql), NULL, error);
}

static void
rollback (SlServer *self)
{
  PQclear (PQexec (self->conn, "ROLLBACK"));
}

/* The query's one value, or NULL with @error set (an empty result is "") */
static char *
query_value (SlServer *self, const char *sql, GError **error)
{
  PGresult *result = PQexec (self->conn, sql);
  char *value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      sl_server_check_result (self, result, NULL, error);
      return NULL;
    }
  value = g_strdup (
    PQntuples (result) > 0 && !PQgetisnull (result, 0, 0) ? PQgetvalue (result, 0, 0) : "");
  PQclear (result);
  return value;
}

/* The schema version of the team database: 0 when it is empty (nothing of anybody's in it),
 * -1 with @error when it holds something that is not Shortlist's */
int
sl_server_get_version (SlServer *self, GError **error)
{
  g_autofree char *table = NULL;
  g_autofree char *application = NULL;
  g_autofree char *version = NULL;
  g_autofree char *tables = NULL;

  g_return_val_if_fail (SL_IS_SERVER (self), -1);

  table = query_value (self, "SELECT to_regclass('shortlist.schema_version')", error);
  if (table == NULL)
    return -1;
  if (*table == '\0')
    {
      tables = query_value (
        self,
        "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        "  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'information_schema'"
        "  AND n.nspname NOT LIKE 'pg\\_%')"
        " + (SELECT count(*) FROM pg_namespace WHERE nspname = 'shortlist')",
        error);
      if (tables == NULL)
        return -1;
      if (g_ascii_strtoll (tables, NULL, 10) > 0)
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                       _ ("The team database “%s” holds tables that are not Shortlist’s: set up "
                          "Shortlist in a database of its own"),
                       PQdb (self->conn));
          return -1;
        }
      return 0;
    }
  /* One at a time: a connection lost after the first is not asked again */
  application = query_value (self, "SELECT application FROM shortlist.schema_version", error);
  if (application == NULL)
    return -1;
  version = query_value (self, "SELECT version FROM shortlist.schema_version", error);
  if (version == NULL)
    return -1;
  if (!g_str_equal (application, APPLICATION))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST,
                   _ ("The team database “%s” holds tables that are not Shortlist’s: set up "
                      "Shortlist in a database of its own"),
                   PQdb (self->conn));
      return -1;
    }
  return (int) g_ascii_strtoll (version, NULL, 10);
}

/* Creates the schema at the current version, the group roles, grants and policies, in one
 * transaction; a database at the current version is left as it is (*@created FALSE). Refuses
 * a database that is not Shortlist's or is newer, changing nothing; only its owner sets it up. */
gboolean
sl_server_setup (SlServer *self, gboolean *created, GError **error)
{
  g_autofree char *owner = NULL;
  g_autofree char *record = NULL;
  int version;

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  if (created != NULL)
    *created = FALSE;
  owner = query_value (self,
                       "SELECT pg_has_role(session_user, datdba, 'MEMBER') FROM pg_database"
                       " WHERE datname = current_database()",
                       error);
  if (owner == NULL)
    return FALSE;
  if (!g_str_equal (owner, "t"))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED,
                   _ ("Only the owner of the database “%s” can set it up: “%s” is not"),
                   PQdb (self->conn), self->login);
      return FALSE;
    }
  version = sl_server_get_version (self, error);
  if (version < 0)
    return FALSE;
  if (version > SL_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                   _ ("The team database was set up by a newer Shortlist (schema version %d; "
                      "this one knows %d): update Shortlist"),
                   version, SL_SERVER_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == SL_SERVER_SCHEMA_VERSION)
    return TRUE;

  if (!sl_server_exec (self, "BEGIN", error))
    return FALSE;
  for (int next = version + 1; next <= SL_SERVER_SCHEMA_VERSION; next++)
    {
      if (!sl_server_exec (self, sl_server_steps[next - 1], error))
        {
          rollback (self);
          return FALSE;
        }
    }
  record = g_strdup_printf ("INSERT INTO shortlist.schema_version (id, application, version)"
                            " VALUES (1, '" APPLICATION "', %d) ON CONFLICT (id) DO UPDATE"
                            " SET version = excluded.version",
                            SL_SERVER_SCHEMA_VERSION);
  if (!sl_server_exec (self, record, error) || !sl_server_exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  if (created != NULL)
    *created = TRUE;
  return TRUE;
}

/* A PostgreSQL login the team's roles can be given to: lower-case letters, digits, ".", "-"
 * and "_", as in most organisations' user names, at most 63 bytes */
static gboolean
valid_login (const char *login)
{
  if (login == NULL || *login == '\0' || strlen (login) > 63)
    return FALSE;
  for (const char *c = login; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && strchr ("._-", *c) == NULL)
      return FALSE;
  return TRUE;
}

/* Runs one of the member functions; the refusals the server can give become the app's own
 * sentences */
static gboolean
call_member_function (SlServer *self, const char *sql, int n_params, const char *const *params,
                      const char *email, const char *login, char **value, GError **error)
{
  PGresult *result = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  g_autofree char *state = NULL;
  g_autoptr (GError) refused = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && value != NULL)
    *value = g_strdup (PQgetvalue (result, 0, 0));
  if (sl_server_check_result (self, result, &state, &refused))
    return TRUE;
  if (g_strcmp0 (state, "42501") == 0)
    g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED,
                         _ ("Only an admin can add or change team members"));
  else if (g_strcmp0 (state, "23505") == 0)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT,
                 _ ("A team member with the email %s already exists"), email);
  else if (g_strcmp0 (state, "42710") == 0)
    g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT,
                 _ ("The login “%s” is taken"), login);
  else if (g_strcmp0 (state, "23514") == 0)
    g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                         _ ("The last active admin cannot be demoted or deactivated: make another "
                            "member an admin first"));
  else if (g_strcmp0 (state, "42704") == 0)
    g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                         _ ("That team member has no login: give them one with --login"));
  else if (g_strcmp0 (state, "55006") == 0)
    g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                         _ ("That team member has a login already"));
  else if (g_strcmp0 (state, "P0002") == 0)
    g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                         _ ("There is no such team member"));
  else
    g_propagate_error (error, g_steal_pointer (&refused));
  return FALSE;
}

/* What the local store refuses, refused alike before anything is sent */
static gboolean
valid_role (const char *role, GError **error)
{
  if (role != NULL && sl_vocab_is_valid (SL_VOCAB_ROLE, role))
    return TRUE;
  g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                       _ ("The role must be recruiter, interviewer, hiring-lead or admin"));
  return FALSE;
}

static gboolean
valid_email (const char *email, GError **error)
{
  if (email != NULL && sl_store_valid_email (email))
    return TRUE;
  g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                       _ ("That email address is not valid"));
  return FALSE;
}

/* Hashed here: the clear password never reaches the server's statements or logs */
static gboolean
hash_password (SlServer *self, const char *password, const char *login, char **hash, GError **error)
{
  char *encrypted = PQencryptPasswordConn (self->conn, password, login, NULL);

  if (encrypted == NULL)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_SQL,
                   _ ("The team database refused it: %s"), PQerrorMessage (self->conn));
      return FALSE;
    }
  *hash = g_strdup (encrypted);
  PQfreemem (encrypted);
  return TRUE;
}

/* Adds a team member and their login in one transaction, the login in the group of @role;
 * @password NULL: a login without a password (one the server's pg_hba.conf lets in another
 * way, such as a certificate). Only the owner and admins can. Returns the member's id, or 0. */
gint64
sl_server_add_member (SlServer *self, const char *name, const char *email, const char *role,
                      const char *login, const char *password, GError **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const char *params[5];

  g_return_val_if_fail (SL_IS_SERVER (self), 0);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("A team member needs a name"));
      return 0;
    }
  if (!valid_role (role, error) || !valid_email (email, error))
    return 0;
  if (!valid_login (login))
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("A login is 1 to 63 lower-case letters, digits, “.”, “-” or “_”"));
      return 0;
    }
  if (password != NULL && !hash_password (self, password, login, &hash, error))
    return 0;
  params[0] = stripped;
  params[1] = email;
  params[2] = role;
  params[3] = login;
  params[4] = hash;
  if (!call_member_function (self, "SELECT shortlist.add_member($1, $2, $3, $4, $5)", 5, params,
                             email, login, &id, error))
    return 0;
  return g_ascii_strtoll (id, NULL, 10);
}

/* Moves the member's login to the group of @role */
gboolean
sl_server_set_member_role (SlServer *self, gint64 member_id, const char *role, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);
  const char *params[] = { id, role };

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  if (!valid_role (role, error))
    return FALSE;
  return call_member_function (self, "SELECT shortlist.set_member_role($1, $2)", 2, params, NULL,
                               NULL, NULL, error);
}

/* Deactivating a member disables their login: they can no longer connect */
gboolean
sl_server_set_member_active (SlServer *self, gint64 member_id, gboolean active, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);
  const char *params[] = { id, active ? "true" : "false" };

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  return call_member_function (self, "SELECT shortlist.set_member_active($1, $2)", 2, params, NULL,
                               NULL, NULL, error);
}

/* Changes a member's name and email (NULL: unchanged) */
gboolean
sl_server_set_member_details (SlServer *self, gint64 member_id, const char *name, const char *email,
                              GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);
  g_autofree char *stripped = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  const char *params[] = { id, stripped, email };

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  if (stripped != NULL && *stripped == '\0')
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("A team member needs a name"));
      return FALSE;
    }
  if (email != NULL && !valid_email (email, error))
    return FALSE;
  return call_member_function (self, "SELECT shortlist.set_member_details($1, $2, $3)", 3, params,
                               email, NULL, NULL, error);
}

/* Every team member, by name: what any member may read */
GListModel *
sl_server_list_members (SlServer *self, GError **error)
{
  g_autoptr (GListStore) members = g_list_store_new (SL_TYPE_MEMBER);
  PGresult *result;

  g_return_val_if_fail (SL_IS_SERVER (self), NULL);

  result = PQexec (self->conn, "SELECT id, name, email, role, active FROM shortlist.team_members"
                               " ORDER BY name COLLATE \"C\", id");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      sl_server_check_result (self, result, NULL, error);
      return NULL;
    }
  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autoptr (SlMember) member = sl_member_new (
        g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10), PQgetvalue (result, row, 1),
        PQgetvalue (result, row, 2), PQgetvalue (result, row, 3));

      sl_member_set_active (member, g_str_equal (PQgetvalue (result, row, 4), "t"));
      g_list_store_append (members, member);
    }
  PQclear (result);
  return G_LIST_MODEL (g_steal_pointer (&members));
}

/* Gives a member who has none (one copied from a local file) a login, in the group of their
 * role; disabled while they are inactive */
gboolean
sl_server_set_member_login (SlServer *self, gint64 member_id, const char *login,
                            const char *password, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);
  g_autofree char *hash = NULL;
  const char *params[3];

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  if (!valid_login (login))
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("A login is 1 to 63 lower-case letters, digits, “.”, “-” or “_”"));
      return FALSE;
    }
  if (password != NULL && !hash_password (self, password, login, &hash, error))
    return FALSE;
  params[0] = id;
  params[1] = login;
  params[2] = hash;
  return call_member_function (self, "SELECT shortlist.set_member_login($1, $2, $3)", 3, params,
                               NULL, login, NULL, error);
}

/* A new password for the member's login */
gboolean
sl_server_set_member_password (SlServer *self, gint64 member_id, const char *password,
                               GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);
  g_autofree char *hash = NULL;
  g_autofree char *login = NULL;
  const char *params[2];
  PGresult *result;

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  /* The hash is salted with the login's name */
  params[0] = id;
  result = PQexecParams (self->conn, "SELECT login FROM shortlist.team_members WHERE id = $1", 1,
                         NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return sl_server_check_result (self, result, NULL, error);
  if (PQntuples (result) == 1 && !PQgetisnull (result, 0, 0))
    login = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  if (login != NULL && !hash_password (self, password, login, &hash, error))
    return FALSE;
  params[1] = hash;
  return call_member_function (self, "SELECT shortlist.set_member_password($1, $2)", 2, params,
                               NULL, NULL, NULL, error);
}

/* Listening for the changes other members commit (the change clock's NOTIFY, see
 * sl-server-schema.c), on a connection of its own that does nothing else: its socket is
 * readable exactly when a notification comes, so the main loop wakes for nothing else. When
 * that connection is lost, @lost is called, and the listener listens no more. */
struct _SlServerListener
{
  SlServerListenerFunc changed;
  SlServerListenerFunc lost;
  gpointer data;
  SlServer *server;
  int own_pid; /* the backend whose own commits are not news: the store's writer */
  guint source;
};

static gboolean
readable_cb (int fd, GIOCondition condition, gpointer data)
{
  SlServerListener *self = data;
  PGconn *conn = sl_server_get_handle (self->server);
  gboolean news = FALSE;
  PGnotify *notify;

  if (!PQconsumeInput (conn) || PQstatus (conn) != CONNECTION_OK)
    {
      self->source = 0;
      self->lost (self->data);
      return G_SOURCE_REMOVE;
    }
  while ((notify = PQnotifies (conn)) != NULL)
    {
      news |= notify->be_pid != self->own_pid;
      PQfreemem (notify);
    }
  if (news)
    self->changed (self->data);
  return G_SOURCE_CONTINUE;
}

/* Calls @changed on the thread's main context when another connection to @uri commits a
 * change, until freed; @own is the connection whose commits are not reported. NULL with
 * @error if it cannot listen. */
SlServerListener *
sl_server_listen (const char *uri, SlServer *own, SlServerListenerFunc changed,
                  SlServerListenerFunc lost, gpointer data, GError **error)
{
  SlServerListener *self = g_new0 (SlServerListener, 1);
  PGconn *conn;

  self->changed = changed;
  self->lost = lost;
  self->data = data;
  self->own_pid = own != NULL ? PQbackendPID (sl_server_get_handle (own)) : 0;
  self->server = sl_server_connect (uri, error);
  if (self->server == NULL || !sl_server_exec (self->server, "LISTEN shortlist_changes", error))
    {
      sl_server_listener_free (self);
      return NULL;
    }
  conn = sl_server_get_handle (self->server);
  self->source = g_unix_fd_add (PQsocket (conn), G_IO_IN | G_IO_ERR | G_IO_HUP, readable_cb, self);
  return self;
}

void
sl_server_listener_free (SlServerListener *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->server);
  g_free (self);
}
