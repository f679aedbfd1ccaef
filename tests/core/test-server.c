/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-server.c — the team database on a real PostgreSQL server: setting it up, its members,
 * and the rules the server keeps, checked with plain SQL as each member's login
 *
 * build-aux/test.sh starts a private server (build-aux/pg-test-server.sh) and says where in
 * SHORTLIST_TEST_PG_HOST and SHORTLIST_TEST_PG_PORT; each test has a new database of its own.
 * Run without them (meson test alone), the tests are skipped, unless
 * SHORTLIST_TEST_PG_REQUIRED is set, as test.sh sets it: then they fail.
 */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "sl-candidate-list.h"
#include "sl-candidate-query.h"
#include "sl-database.h"
#include "sl-demo.h"
#include "sl-member.h"
#include "sl-server.h"
#include "sl-store.h"
#include "test-util.h"

typedef struct
{
  char *db;    /* this test's database */
  char *owner; /* its URI as the owner (the server's superuser) */
  SlServer *server;
} Fixture;

static const char *
pg_host (void)
{
  return g_getenv ("SHORTLIST_TEST_PG_HOST");
}

static PGconn *
connect_or_die (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect with %s: %s", conninfo, PQerrorMessage (conn));
  return conn;
}

static char *
uri_as (Fixture *fixture, const char *login, const char *password)
{
  return g_strdup_printf ("postgresql://%s%s%s@/%s?host=%s&port=%s", login, password ? ":" : "",
                          password ? password : "", fixture->db, pg_host (),
                          g_getenv ("SHORTLIST_TEST_PG_PORT"));
}

static void
admin_sql (const char *sql)
{
  g_autofree char *conninfo =
    g_strdup_printf ("host=%s port=%s user=shortlist_owner dbname=postgres", pg_host (),
                     g_getenv ("SHORTLIST_TEST_PG_PORT"));
  PGconn *conn = connect_or_die (conninfo);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  static guint n;
  g_autofree char *create = NULL;
  g_autoptr (GError) error = NULL;

  if (pg_host () == NULL)
    {
      if (g_getenv ("SHORTLIST_TEST_PG_REQUIRED") != NULL)
        g_error ("SHORTLIST_TEST_PG_HOST is not set: build-aux/test.sh starts the test server");
      g_test_skip ("no PostgreSQL server for the tests (build-aux/test.sh starts one)");
      return;
    }
  fixture->db = g_strdup_printf ("sl_test_%d_%u", (int) getpid (), ++n);
  create = g_strdup_printf ("CREATE DATABASE %s", fixture->db);
  admin_sql (create);
  fixture->owner = uri_as (fixture, "shortlist_owner", NULL);
  fixture->server = sl_server_connect (fixture->owner, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *drop = NULL;

  if (fixture->db == NULL)
    return;
  g_clear_object (&fixture->server);
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", fixture->db);
  admin_sql (drop);
  /* The logins are the cluster's: each test's own go with its database */
  admin_sql (
    "DO $$ DECLARE r text; BEGIN FOR r IN SELECT rolname FROM pg_roles"
    " WHERE rolname LIKE 't\\_%' LOOP EXECUTE format('DROP ROLE %I', r); END LOOP; END $$");
  g_free (fixture->db);
  g_free (fixture->owner);
}

#define SKIP_WITHOUT_SERVER(fixture) \
  if ((fixture)->db == NULL)         \
  return

/* One value from @sql as @conn's login, or NULL if the query failed (the error in *@failed) */
static char *
value (PGconn *conn, const char *sql, char **failed)
{
  PGresult *result = PQexec (conn, sql);
  char *found = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    found = g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
  else if (PQresultStatus (result) == PGRES_COMMAND_OK)
    found = g_strdup ("");
  else if (failed != NULL)
    *failed = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  else
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  return found;
}

static void
assert_value (PGconn *conn, const char *sql, const char *expected)
{
  g_autofree char *found = value (conn, sql, NULL);

  g_assert_cmpstr (found, ==, expected);
}

/* Runs @sql as @conn's login; it must succeed */
static void
run (PGconn *conn, const char *sql)
{
  g_free (value (conn, sql, NULL));
}

/* @sql fails as @conn's login with @sqlstate */
static void
assert_refused (PGconn *conn, const char *sql, const char *sqlstate)
{
  g_autofree char *state = NULL;
  g_autofree char *found = value (conn, sql, &state);

  if (found != NULL)
    g_error ("%s was allowed", sql);
  g_assert_cmpstr (state, ==, sqlstate);
}

static PGconn *
login (Fixture *fixture, const char *name)
{
  g_autofree char *password = g_strdup_printf ("pw-%s", name);
  g_autofree char *uri = uri_as (fixture, name, password);

  return connect_or_die (uri);
}

static void
set_up_team (Fixture *fixture)
{
  static const char *const team[][2] = {
    { "t_ada", "admin" },        { "t_helen", "hiring-lead" }, { "t_rita", "recruiter" },
    { "t_ivan", "interviewer" }, { "t_olga", "interviewer" },
  };
  g_autoptr (GError) error = NULL;

  g_assert_true (sl_server_setup (fixture->server, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    {
      g_autofree char *email = g_strdup_printf ("%s@example.com", team[i][0] + 2);
      g_autofree char *password = g_strdup_printf ("pw-%s", team[i][0]);
      gint64 id = sl_server_add_member (fixture->server, team[i][0] + 2, email, team[i][1],
                                        team[i][0], password, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, ==, i + 1);
    }
}

/* A store on the team database as @login (whose password is "pw-" and the login) */
static SlStore *
store_as (Fixture *fixture, const char *login)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *password = g_strdup_printf ("pw-%s", login);
  g_autofree char *uri = uri_as (fixture, login, password);
  SlStore *store = sl_store_open (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gboolean
too_long_cb (gpointer data)
{
  g_error ("%s did not come", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@flag is set: by a signal, whenever the server's notification
 * arrives (a minute at most, which only a broken listener reaches) */
static void
wait_for (gboolean *flag, const char *what)
{
  guint guard = g_timeout_add_seconds (60, too_long_cb, (gpointer) what);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static void
set_flag_cb (gpointer instance, gint64 id, gboolean *flag)
{
  *flag = TRUE;
}

static void
set_flag0_cb (gpointer instance, gboolean *flag)
{
  *flag = TRUE;
}

/* A member's window hears of another member's changes through the server: a new candidate,
 * and an edit of the one it shows */
static void
test_live_changes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *rita_uri = NULL;
  g_autoptr (SlStore) rita = NULL;
  g_autoptr (SlStore) helen = NULL;
  g_autoptr (SlCandidate) added = sl_candidate_new ();
  g_autoptr (SlCandidate) shown = NULL;
  g_autoptr (SlCandidate) edited = NULL;
  gboolean listed = FALSE, changed = FALSE;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  /* Rita's password as the Connect dialog gives it: kept for her address, not in it */
  rita_uri = uri_as (fixture, "t_rita", NULL);
  g_assert_null (sl_store_open (rita_uri, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_PASSWORD);
  g_clear_error (&error);
  sl_server_set_password (rita_uri, "pw-t_rita");
  rita = sl_store_open (rita_uri, &error);
  g_assert_no_error (error);
  helen = store_as (fixture, "t_helen");

  sl_candidate_set_text (added, SL_CANDIDATE_NAME, "Oleksandr Bondarenko");
  g_assert_true (sl_store_save_candidate (rita, added, &error));
  g_assert_no_error (error);
  shown = sl_store_get_candidate (rita, sl_candidate_get_id (added), &error);
  g_assert_no_error (error);
  sl_store_watch_changes (rita);
  g_signal_connect (rita, "candidates-changed", G_CALLBACK (set_flag0_cb), &listed);
  g_signal_connect (rita, "candidate-changed", G_CALLBACK (set_flag_cb), &changed);

  edited = sl_store_get_candidate (helen, sl_candidate_get_id (added), &error);
  g_assert_no_error (error);
  sl_candidate_set_text (edited, SL_CANDIDATE_CITY, "Lviv");
  g_assert_true (sl_store_save_candidate (helen, edited, &error));
  g_assert_no_error (error);
  wait_for (&changed, "Helen's edit");
  g_assert_cmpstr (sl_candidate_get_text (shown, SL_CANDIDATE_CITY), ==, "Lviv");
  wait_for (&listed, "the lists' requery");
  /* Searched as locally: the server's copy of the row was indexed by Helen's save */
  {
    g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
    g_autoptr (GArray) ids = NULL;

    query->text = g_strdup ("lviv olek");
    ids = sl_candidate_query_run (query, sl_store_get_database (rita), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }
  sl_server_set_password (rita_uri, NULL);
}

typedef struct
{
  gboolean went_offline;
  gboolean came_back;
} Connection;

typedef struct
{
  gboolean done;
  gboolean ok;
} Queried;

static void
queried_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Queried *queried = data;
  g_autoptr (GError) error = NULL;

  queried->ok = sl_candidate_list_query_finish (SL_CANDIDATE_LIST (source), result, NULL, &error);
  queried->done = TRUE;
}

static void
offline_cb (SlDatabase *db, GParamSpec *pspec, Connection *connection)
{
  if (sl_database_is_offline (db))
    connection->went_offline = TRUE;
  else if (connection->went_offline)
    connection->came_back = TRUE;
}

/* Runs @text through @list as the window's search does (its worker, in a read snapshot); the
 * number of candidates found, or -1 when the query failed */
static int
search_list (SlCandidateList *list, const char *text)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  Queried queried = { FALSE, FALSE };

  query->text = g_strdup (text);
  sl_candidate_list_query_async (list, query, 0, NULL, queried_cb, &queried);
  wait_for (&queried.done, "the list's search");
  return queried.ok ? (int) g_list_model_get_n_items (G_LIST_MODEL (list)) : -1;
}

/* The server drops a member's connections (a restart, a network gone): the window's store
 * says it is offline, makes its connections anew by itself, reads what it missed and hears
 * the others again; its statements are prepared anew */
static void
test_reconnects (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlStore) rita = NULL;
  g_autoptr (SlStore) helen = NULL;
  g_autoptr (SlCandidate) added = sl_candidate_new ();
  g_autoptr (SlCandidate) shown = NULL;
  g_autoptr (SlCandidate) edited = NULL;
  Connection connection = { FALSE, FALSE };
  g_autoptr (SlCandidateList) list = NULL;
  gboolean changed = FALSE;
  PGconn *owner;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  rita = store_as (fixture, "t_rita");
  helen = store_as (fixture, "t_helen");
  sl_candidate_set_text (added, SL_CANDIDATE_NAME, "Ana Lima");
  g_assert_true (sl_store_save_candidate (rita, added, &error));
  shown = sl_store_get_candidate (rita, sl_candidate_get_id (added), &error);
  g_assert_no_error (error);
  sl_store_watch_changes (rita);
  g_signal_connect (sl_store_get_database (rita), "notify::offline", G_CALLBACK (offline_cb),
                    &connection);
  g_signal_connect (rita, "candidate-changed", G_CALLBACK (set_flag_cb), &changed);

  /* The list's search worker has its connection open too */
  list = sl_candidate_list_new (rita);
  g_assert_cmpint (search_list (list, "ana"), ==, 1);

  owner = connect_or_die (fixture->owner);
  run (owner, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 't_rita'");
  PQfinish (owner);
  wait_for (&connection.came_back, "the new connection");
  /* The worker's lost connection is made anew too: the first search after may be the one
   * that finds it lost, the next one finds the candidate again */
  search_list (list, "lima");
  g_assert_cmpint (search_list (list, "lima"), ==, 1);

  /* Its statements work again, prepared on the new connection */
  sl_candidate_set_text (shown, SL_CANDIDATE_CITY, "Recife");
  g_assert_true (sl_store_save_candidate (rita, shown, &error));
  g_assert_no_error (error);
  /* And it hears the others again (its own save said it changed, too) */
  changed = FALSE;
  edited = sl_store_get_candidate (helen, sl_candidate_get_id (added), &error);
  g_assert_no_error (error);
  sl_candidate_set_text (edited, SL_CANDIDATE_EMAIL, "ana.lima@example.com");
  g_assert_true (sl_store_save_candidate (helen, edited, &error));
  g_assert_no_error (error);
  wait_for (&changed, "Helen's edit after the reconnection");
  g_assert_cmpstr (sl_candidate_get_text (shown, SL_CANDIDATE_EMAIL), ==, "ana.lima@example.com");
  g_assert_cmpstr (sl_candidate_get_text (shown, SL_CANDIDATE_CITY), ==, "Recife");
}

/* SQLite's placeholders become PostgreSQL's outside quotes, dollar quotes and comments */
static void
test_placeholders (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = NULL;
  SlStmt *stmt;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  db = sl_database_open (fixture->owner, &error);
  g_assert_no_error (error);
  stmt = sl_database_prepare (db,
                              "SELECT '?q' || ? || $$?d$$ || $t$?t$t$ || \"?column?\" || ?"
                              " /* ? */ -- ?\n FROM (SELECT '!' AS \"?column?\") s",
                              &error);
  g_assert_no_error (error);
  sl_stmt_bind_text (stmt, 1, "A");
  sl_stmt_bind_text (stmt, 2, "B");
  g_assert_cmpint (sl_stmt_step (stmt), ==, SL_STMT_ROW);
  g_assert_cmpstr (sl_stmt_column_text (stmt, 0), ==, "?qA?d?t!B");
  sl_stmt_reset (stmt);
  /* Numbered ones, repeated, and a value for one the statement does not name */
  stmt = sl_database_prepare (db, "SELECT ?2 || ?2 || ?1", &error);
  g_assert_no_error (error);
  sl_stmt_bind_text (stmt, 1, "x");
  sl_stmt_bind_text (stmt, 2, "y");
  sl_stmt_bind_text (stmt, 3, "ignored");
  g_assert_cmpint (sl_stmt_step (stmt), ==, SL_STMT_ROW);
  g_assert_cmpstr (sl_stmt_column_text (stmt, 0), ==, "yyx");
  sl_stmt_reset (stmt);
}

/* Two members change the same candidate: the second save, from a copy read before the first,
 * is refused with who saved first, and writes nothing; a field only the second changed is
 * saved over the first's once rebased */
static void
test_clash (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlStore) rita = NULL;
  g_autoptr (SlStore) helen = NULL;
  g_autoptr (SlCandidate) added = sl_candidate_new ();
  g_autoptr (SlCandidate) hers = NULL;
  g_autoptr (SlCandidate) mine = NULL;
  gboolean clashed = TRUE;
  PGconn *owner;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  rita = store_as (fixture, "t_rita");
  helen = store_as (fixture, "t_helen");
  sl_candidate_set_text (added, SL_CANDIDATE_NAME, "Mateus Costa");
  g_assert_true (sl_store_save_candidate (rita, added, &error));
  g_assert_no_error (error);
  /* Each reads it in a store of their own (the identity map would share one object) */
  hers = sl_store_get_candidate (helen, sl_candidate_get_id (added), &error);
  g_assert_no_error (error);
  mine = g_object_ref (added);

  sl_candidate_set_text (hers, SL_CANDIDATE_CITY, "Recife");
  g_assert_true (sl_store_save_candidate (helen, hers, &error));
  g_assert_no_error (error);
  sl_candidate_set_text (mine, SL_CANDIDATE_CITY, "Natal");
  sl_candidate_set_text (mine, SL_CANDIDATE_EMAIL, "mateus@example.com");
  g_assert_false (sl_store_save_candidate (rita, mine, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "helen"));
  g_clear_error (&error);
  owner = connect_or_die (fixture->owner);
  assert_value (owner, "SELECT city || ' ' || email FROM shortlist.candidates", "Recife ");

  /* The form takes Helen's city (both changed it) and keeps Rita's email */
  g_assert_true (sl_store_rebase_candidate (rita, mine, &clashed, &error));
  g_assert_no_error (error);
  g_assert_true (clashed);
  g_assert_true (sl_store_save_candidate (rita, mine, &error));
  g_assert_no_error (error);
  assert_value (owner, "SELECT city || ' ' || email FROM shortlist.candidates",
                "Recife mateus@example.com");
  PQfinish (owner);
}

/* The app's Preferences on a team database: an admin adds a member with a login, changes
 * their role and deactivates them, through the store; the server moves and disables the
 * login. A recruiter cannot. */
static void
test_store_members (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *nina_uri = NULL;
  g_autoptr (SlStore) ada = NULL;
  g_autoptr (SlStore) rita = NULL;
  g_autoptr (SlMember) nina = NULL;
  g_autoptr (SlDatabase) refused = NULL;
  PGconn *owner;
  gint64 id;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  nina_uri = uri_as (fixture, "t_nina", "pw-nina");
  ada = store_as (fixture, "t_ada");
  rita = store_as (fixture, "t_rita");

  g_assert_cmpint (sl_store_add_team_member (rita, "Nina", "nina@example.com", "interviewer",
                                             "t_nina", "pw-nina", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED);
  g_clear_error (&error);
  id = sl_store_add_team_member (ada, "Nina", "nina@example.com", "interviewer", "t_nina",
                                 "pw-nina", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  nina = sl_store_get_member (ada, id);
  g_assert_true (sl_store_edit_member (ada, nina, "Nina Kowalska", "nina@example.com",
                                       "hiring-lead", TRUE, &error));
  g_assert_no_error (error);
  owner = connect_or_die (fixture->owner);
  assert_value (owner,
                "SELECT name || ' ' || role || ' '"
                " || pg_has_role('t_nina', 'shortlist_hiring_lead', 'MEMBER')"
                " || pg_has_role('t_nina', 'shortlist_interviewer', 'MEMBER')"
                " FROM shortlist.team_members WHERE login = 't_nina'",
                "Nina Kowalska hiring-lead truefalse");
  PQfinish (owner);

  g_clear_object (&nina);
  nina = sl_store_get_member (ada, id);
  g_assert_true (sl_store_edit_member (ada, nina, "Nina Kowalska", "nina@example.com",
                                       "hiring-lead", FALSE, &error));
  g_assert_no_error (error);
  refused = sl_database_open (nina_uri, &error);
  g_assert_null (refused);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED);
}

static void
test_setup (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gboolean created = FALSE;
  PGconn *conn;

  SKIP_WITHOUT_SERVER (fixture);
  g_assert_cmpint (sl_server_get_version (fixture->server, &error), ==, 0);
  g_assert_true (sl_server_setup (fixture->server, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  g_assert_cmpint (sl_server_get_version (fixture->server, &error), ==, SL_SERVER_SCHEMA_VERSION);
  /* Again: nothing to do */
  g_assert_true (sl_server_setup (fixture->server, &created, &error));
  g_assert_false (created);

  conn = connect_or_die (fixture->owner);
  assert_value (conn, "SELECT count(*) FROM shortlist.stages", "11");
  assert_value (
    conn, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'shortlist\\_%' AND NOT rolcanlogin",
    "4");
  assert_value (
    conn, "SELECT relrowsecurity FROM pg_class WHERE oid = 'shortlist.scorecards'::regclass", "t");
  /* Written by a newer Shortlist: refused, and left as it was */
  run (conn, "UPDATE shortlist.schema_version SET version = 99");
  g_assert_false (sl_server_setup (fixture->server, NULL, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW);
  assert_value (conn, "SELECT version FROM shortlist.schema_version", "99");
  PQfinish (conn);
}

static void
test_refuses_other_databases (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlServer) member = NULL;
  g_autofree char *uri = NULL;
  PGconn *conn;

  SKIP_WITHOUT_SERVER (fixture);
  conn = connect_or_die (fixture->owner);
  run (conn, "CREATE TABLE invoices (id int)");
  g_assert_false (sl_server_setup (fixture->server, NULL, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_SHORTLIST);
  /* Nothing was written */
  assert_value (conn, "SELECT count(*) FROM pg_namespace WHERE nspname = 'shortlist'", "0");
  run (conn, "DROP TABLE invoices");
  PQfinish (conn);
  g_clear_error (&error);

  /* Only the owner sets a database up */
  set_up_team (fixture);
  uri = uri_as (fixture, "t_ada", "pw-t_ada");
  member = sl_server_connect (uri, &error);
  g_assert_no_error (error);
  g_assert_false (sl_server_setup (member, NULL, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED);
}

static void
test_bad_addresses (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *nobody = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  {
    /* A member of one team database cannot reach another on the same server */
    g_autofree char *other = g_strdup_printf ("%s_other", fixture->db);
    g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", other);
    g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", other);
    g_autofree char *owner =
      g_strdup_printf ("postgresql://shortlist_owner@/%s?host=%s&port=%s", other, pg_host (),
                       g_getenv ("SHORTLIST_TEST_PG_PORT"));
    g_autofree char *member =
      g_strdup_printf ("postgresql://t_ivan:pw-t_ivan@/%s?host=%s&port=%s", other, pg_host (),
                       g_getenv ("SHORTLIST_TEST_PG_PORT"));
    g_autoptr (SlServer) server = NULL;

    admin_sql (create);
    server = sl_server_connect (owner, &error);
    g_assert_no_error (error);
    g_assert_true (sl_server_setup (server, NULL, &error));
    g_clear_object (&server);
    g_assert_null (sl_server_connect (member, &error));
    g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
    g_clear_error (&error);
    admin_sql (drop);
  }
  g_assert_null (sl_server_connect ("postgresql://[oops", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "is not a PostgreSQL address"));
  g_clear_error (&error);

  wrong = uri_as (fixture, "t_ivan", "not-it");
  g_assert_null (sl_server_connect (wrong, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "the password is wrong"));
  g_clear_error (&error);

  nobody = g_strdup_printf ("postgresql://shortlist_owner@/no_such_db?host=%s&port=%s", pg_host (),
                            g_getenv ("SHORTLIST_TEST_PG_PORT"));
  g_assert_null (sl_server_connect (nobody, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "no_such_db"));
}

static void
test_members (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlServer) ivan = NULL;
  g_autoptr (SlServer) ada = NULL;
  g_autoptr (GListModel) members = NULL;
  g_autofree char *ivan_uri = NULL;
  g_autofree char *ada_uri = NULL;
  PGconn *conn;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_team (fixture);
  members = sl_server_list_members (fixture->server, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 5);

  /* A login or an email already taken; a login PostgreSQL would have to quote */
  g_assert_cmpint (sl_server_add_member (fixture->server, "Ada Two", "ada2@example.com",
                                         "recruiter", "t_ada", "pw", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "t_ada"));
  g_clear_error (&error);
  g_assert_cmpint (sl_server_add_member (fixture->server, "Ada Two", "ADA@example.com", "recruiter",
                                         "t_ada2", "pw", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "ADA@example.com"));
  g_clear_error (&error);
  g_assert_cmpint (sl_server_add_member (fixture->server, "Bob", "bob@example.com", "recruiter",
                                         "Bob Smith", "pw", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  /* The local store's checks hold here too */
  g_assert_cmpint (sl_server_add_member (fixture->server, "Bob", "not an email", "recruiter",
                                         "t_bob", "pw", &error),
                   ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sl_server_set_member_details (fixture->server, 2, NULL, "nope", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Only admins manage members */
  ivan_uri = uri_as (fixture, "t_ivan", "pw-t_ivan");
  ivan = sl_server_connect (ivan_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    sl_server_add_member (ivan, "Eve", "eve@example.com", "admin", "t_eve", "pw", &error), ==, 0);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sl_server_set_member_role (ivan, 4, "admin", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED);
  g_clear_error (&error);
  conn = login (fixture, "t_ivan");
  assert_refused (conn, "UPDATE shortlist.team_members SET role = 'admin' WHERE id = 4", "42501");
  assert_refused (
    conn, "SELECT shortlist.add_member('Eve', 'e@example.com', 'admin', 't_eve', NULL)", "42501");
  PQfinish (conn);
  g_clear_object (&ivan);

  /* An admin moves a login between the groups, and a deactivated member cannot log in */
  ada_uri = uri_as (fixture, "t_ada", "pw-t_ada");
  ada = sl_server_connect (ada_uri, &error);
  g_assert_no_error (error);
  g_assert_true (sl_server_set_member_role (ada, 4, "hiring-lead", &error));
  g_assert_no_error (error);
  conn = connect_or_die (fixture->owner);
  assert_value (conn, "SELECT pg_has_role('t_ivan', 'shortlist_hiring_lead', 'MEMBER')", "t");
  assert_value (conn, "SELECT pg_has_role('t_ivan', 'shortlist_interviewer', 'MEMBER')", "f");
  {
    /* A session still open when the member is deactivated can do nothing more */
    PGconn *open = login (fixture, "t_ivan");
    g_autofree char *state = NULL;
    g_autofree char *found = NULL;

    g_assert_true (sl_server_set_member_active (ada, 4, FALSE, &error));
    g_assert_no_error (error);
    found = value (open, "SELECT count(*) FROM shortlist.candidates", &state);
    g_assert_null (found);
    PQfinish (open);
  }
  g_assert_null (sl_server_connect (ivan_uri, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "disabled"));
  g_clear_error (&error);
  /* The last active admin stays one */
  g_assert_false (sl_server_set_member_active (ada, 1, FALSE, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sl_server_set_member_role (ada, 1, "recruiter", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID);
  assert_value (conn, "SELECT role || ' ' || active FROM shortlist.team_members WHERE id = 1",
                "admin true");
  PQfinish (conn);
}

/* An application with a technical interview by Ivan and Olga (members 4 and 5), and Olga's
 * scorecard submitted with private notes; Ivan's a draft */
static void
set_up_interview (Fixture *fixture)
{
  PGconn *conn;

  set_up_team (fixture);
  conn = connect_or_die (fixture->owner);
  run (conn, "INSERT INTO shortlist.candidates (id, name, created_at, updated_at)"
             "  VALUES (1, 'Oleksandr Bondarenko', 0, 0);"
             "INSERT INTO shortlist.positions (id, title, status, created_at, updated_at)"
             "  VALUES (1, 'Backend developer', 'open', 0, 0);"
             "INSERT INTO shortlist.applications (id, candidate_id, position_id, stage, created_at,"
             "  updated_at) VALUES (1, 1, 1, 'technical', 0, 0);"
             "INSERT INTO shortlist.interviews (id, application_id, kind, starts_at, created_at)"
             "  VALUES (1, 1, 'technical', 0, 0);"
             "INSERT INTO shortlist.interview_interviewers VALUES (1, 4), (1, 5);"
             "INSERT INTO shortlist.scorecards (id, interview_id, member_id, overall, submitted_at,"
             "  updated_at) VALUES (1, 1, 5, 'yes', 100, 100), (2, 1, 4, NULL, NULL, 50);"
             "INSERT INTO shortlist.scorecard_private_notes VALUES (1, 'olga private');"
             "INSERT INTO shortlist.scorecard_ratings (scorecard_id, category, attribute, value)"
             "  VALUES (1, 'skills', 'sql', 'strong-yes');");
  PQfinish (conn);
}

static void
test_blind_rule (Fixture *fixture, gconstpointer data)
{
  PGconn *ivan, *olga, *helen, *rita;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_interview (fixture);
  ivan = login (fixture, "t_ivan");
  olga = login (fixture, "t_olga");
  helen = login (fixture, "t_helen");
  rita = login (fixture, "t_rita");

  /* Ivan owes his scorecard: he sees his own draft, not Olga's submitted one or its ratings */
  assert_value (ivan, "SELECT string_agg(id::text, ',' ORDER BY id) FROM shortlist.scorecards",
                "2");
  assert_value (ivan, "SELECT count(*) FROM shortlist.scorecard_ratings", "0");
  /* Olga has submitted but Ivan has not: she never sees his draft */
  assert_value (olga, "SELECT string_agg(id::text, ',' ORDER BY id) FROM shortlist.scorecards",
                "1");
  /* A recruiter who interviewed nobody sees no one's scorecard */
  assert_value (rita, "SELECT count(*) FROM shortlist.scorecards", "0");
  /* The leads see every scorecard, drafts and private notes included */
  assert_value (helen, "SELECT string_agg(id::text, ',' ORDER BY id) FROM shortlist.scorecards",
                "1,2");
  assert_value (helen, "SELECT notes FROM shortlist.scorecard_private_notes", "olga private");

  /* Ivan cannot write Olga's scorecard, nor one in her name */
  assert_value (ivan, "UPDATE shortlist.scorecards SET overall = 'no' WHERE id = 1", "");
  assert_value (helen, "SELECT overall FROM shortlist.scorecards WHERE id = 1", "yes");
  assert_refused (ivan,
                  "INSERT INTO shortlist.scorecards (interview_id, member_id, updated_at)"
                  " VALUES (1, 5, 0)",
                  "42501");

  /* Nor can he give himself a way round the rule: a scorecard of an interview he is not on, a
   * place on an interview, a history rewritten */
  run (helen, "INSERT INTO shortlist.interviews (id, application_id, kind, starts_at, created_at)"
              " VALUES (2, 1, 'culture', 0, 0)");
  assert_refused (ivan,
                  "INSERT INTO shortlist.scorecards (interview_id, member_id, submitted_at,"
                  " updated_at) VALUES (2, 4, 1, 0)",
                  "42501");
  assert_refused (ivan, "INSERT INTO shortlist.interview_interviewers VALUES (2, 4)", "42501");
  assert_refused (ivan, "UPDATE shortlist.stage_events SET by_member = 5", "42501");
  assert_refused (ivan, "UPDATE shortlist.scorecards SET interview_id = 2 WHERE id = 2", "42501");
  assert_refused (rita, "UPDATE shortlist.interviews SET application_id = 1", "42501");

  /* Once Ivan submits and owes nothing, Olga's submitted scorecard shows, her notes do not */
  assert_value (
    ivan, "UPDATE shortlist.scorecards SET submitted_at = 200, overall = 'yes' WHERE id = 2", "");
  assert_value (ivan, "SELECT string_agg(id::text, ',' ORDER BY id) FROM shortlist.scorecards",
                "1,2");
  assert_value (ivan, "SELECT count(*) FROM shortlist.scorecard_ratings", "1");
  assert_value (ivan, "SELECT count(*) FROM shortlist.scorecard_private_notes", "0");
  assert_value (olga, "SELECT notes FROM shortlist.scorecard_private_notes", "olga private");

  PQfinish (ivan);
  PQfinish (olga);
  PQfinish (helen);
  PQfinish (rita);
}

static void
test_server_says_who (Fixture *fixture, gconstpointer data)
{
  PGconn *rita, *helen, *ivan;

  SKIP_WITHOUT_SERVER (fixture);
  set_up_interview (fixture);
  rita = login (fixture, "t_rita");
  helen = login (fixture, "t_helen");
  ivan = login (fixture, "t_ivan");

  /* A move says who made it, whoever the client claims */
  assert_value (rita,
                "INSERT INTO shortlist.stage_events (application_id, from_stage, to_stage, at,"
                " by_member) VALUES (1, 'technical', 'culture', 10, 2) RETURNING by_member",
                "3");
  /* Only the leads approve; the approver is who approved, and when is now */
  assert_refused (rita, "UPDATE shortlist.positions SET approved_at = 5, approved_by = 2", "42501");
  assert_value (helen,
                "UPDATE shortlist.positions SET approved_at = 5, approved_by = 1"
                " RETURNING approved_by || ' ' || (approved_at > 5)",
                "2 true");
  /* Editing an approved position is anyone's; its approval stays Helen's while its description
   * stays, and goes with a new description, which sends it back to a draft */
  assert_value (rita,
                "UPDATE shortlist.positions SET title = 'Senior backend developer'"
                " RETURNING approved_by",
                "2");
  assert_value (rita,
                "UPDATE shortlist.positions SET description = 'Unapproved'"
                " RETURNING coalesce(approved_by, 0) || ' ' || status",
                "0 draft");
  assert_refused (rita, "UPDATE shortlist.positions SET status = 'open'", "23514");
  /* Who changed a row last is who is logged in */
  assert_value (rita, "UPDATE shortlist.candidates SET changed_by = 2 RETURNING changed_by", "3");
  /* An interview whose scorecards were submitted stays */
  assert_refused (rita, "DELETE FROM shortlist.interviews WHERE id = 1", "42501");

  /* A scorecard is submitted at the server's time, once; a change after that is an amendment
   * the server records, with what it said before; nobody writes amendments themselves */
  /* What is written with the submission itself is no amendment */
  assert_value (ivan,
                "UPDATE shortlist.scorecards SET submitted_at = 7, overall = 'no' WHERE id = 2;"
                "INSERT INTO shortlist.scorecard_ratings (scorecard_id, category, attribute, value)"
                " VALUES (2, 'skills', 'go', 'yes');"
                "SELECT submitted_at > 7 FROM shortlist.scorecards WHERE id = 2",
                "t");
  assert_value (ivan, "SELECT count(*) FROM shortlist.scorecard_amendments", "0");
  assert_value (ivan,
                "UPDATE shortlist.scorecards SET submitted_at = NULL, overall = 'yes'"
                " WHERE id = 2 RETURNING submitted_at IS NOT NULL",
                "t");
  assert_value (ivan,
                "SELECT by_member || ' ' || (previous::json ->> 'overall') || ' '"
                " || json_array_length(previous::json -> 'ratings')"
                " FROM shortlist.scorecard_amendments",
                "4 no 1");
  /* One amendment per save, however many of its rows it writes */
  assert_value (ivan,
                "UPDATE shortlist.scorecards SET overall = 'strong-yes' WHERE id = 2;"
                "UPDATE shortlist.scorecard_ratings SET value = 'no' WHERE scorecard_id = 2;"
                "INSERT INTO shortlist.scorecard_ratings (scorecard_id, category, attribute, value)"
                " VALUES (2, 'skills', 'sql', 'no');"
                "SELECT count(*) FROM shortlist.scorecard_amendments",
                "2");
  assert_refused (ivan,
                  "INSERT INTO shortlist.scorecard_amendments (scorecard_id, at, previous)"
                  " VALUES (2, 0, '{}')",
                  "42501");
  /* Nor through the server's own function, which only its triggers call */
  assert_refused (ivan, "SELECT shortlist.amend(2, 'strong-yes', 'made up', 1)", "42501");
  /* The change clock moves on by one, and only so */
  assert_refused (ivan, "UPDATE shortlist.change_clock SET clock = 0", "42501");
  run (ivan, "UPDATE shortlist.change_clock SET clock = clock + 1");
  PQfinish (rita);
  PQfinish (helen);
  PQfinish (ivan);
}

/* The sample data copied from a local file: every search and filter finds the same candidates
 * in the same order on both sides, the folding of names across scripts included */
static void
test_search_as_locally (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = {
    NULL,     "o",      "ol",     "olek",         "lukasz", "Łukasz", "joao", "João", "Олександр",
    "andrii", "stefan", "ștefan", "maria santos", "go",     "kyiv",   "@",    "zzzz",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shortlist-server-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "local.db", NULL);
  g_autoptr (SlDatabase) local = NULL;
  g_autoptr (GPtrArray) counts = NULL;
  guint matched = 0;

  SKIP_WITHOUT_SERVER (fixture);
  g_assert_no_error (error);
  local = sl_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_demo_generate (local, 400, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  counts = sl_server_copy_from_file (fixture->server, path, &error);
  g_assert_no_error (error);

  for (guint filter = 0; filter < 3; filter++)
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
        g_autoptr (GArray) here = NULL;
        g_autoptr (GArray) there = NULL;

        query->text = g_strdup (texts[i]);
        if (filter == 1)
          query->country = g_strdup ("UA");
        if (filter == 2)
          {
            query->stage = g_strdup ("rejected");
            query->limit = 5;
          }
        here = sl_candidate_query_run (query, local, NULL, &error);
        g_assert_no_error (error);
        there = sl_server_query_ids (fixture->server, query, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (there->len, ==, here->len);
        for (guint k = 0; k < here->len; k++)
          g_assert_cmpint (g_array_index (there, gint64, k), ==, g_array_index (here, gint64, k));
        matched += here->len;
      }
  /* The searches found something: the comparison compared rows */
  g_assert_cmpuint (matched, >, 400);
  g_clear_object (&local);
  sl_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/setup", Fixture, NULL, fixture_set_up, test_setup, fixture_tear_down);
  g_test_add ("/server/live-changes", Fixture, NULL, fixture_set_up, test_live_changes,
              fixture_tear_down);
  g_test_add ("/server/reconnects", Fixture, NULL, fixture_set_up, test_reconnects,
              fixture_tear_down);
  g_test_add ("/server/store-members", Fixture, NULL, fixture_set_up, test_store_members,
              fixture_tear_down);
  g_test_add ("/server/clash", Fixture, NULL, fixture_set_up, test_clash, fixture_tear_down);
  g_test_add ("/server/placeholders", Fixture, NULL, fixture_set_up, test_placeholders,
              fixture_tear_down);
  g_test_add ("/server/refuses-other-databases", Fixture, NULL, fixture_set_up,
              test_refuses_other_databases, fixture_tear_down);
  g_test_add ("/server/bad-addresses", Fixture, NULL, fixture_set_up, test_bad_addresses,
              fixture_tear_down);
  g_test_add ("/server/members", Fixture, NULL, fixture_set_up, test_members, fixture_tear_down);
  g_test_add ("/server/blind-rule", Fixture, NULL, fixture_set_up, test_blind_rule,
              fixture_tear_down);
  g_test_add ("/server/server-says-who", Fixture, NULL, fixture_set_up, test_server_says_who,
              fixture_tear_down);
  g_test_add ("/server/search-as-locally", Fixture, NULL, fixture_set_up, test_search_as_locally,
              fixture_tear_down);
  return g_test_run ();
}
