/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-connect.c — Connect to Team Database…: the real dialog, a team database on the test
 * PostgreSQL server (build-aux/test.sh starts it) and a real keyring
 *
 * The keyring is GNOME Keyring's daemon on the test's own session bus (build-aux/test.sh's
 * dbus-run-session), its files in a folder of the test's own: nothing reaches the user's.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sl-app.h"
#include "sl-candidate-pane.h"
#include "sl-connect-dialog.h"
#include "sl-keyring.h"
#include "sl-server.h"
#include "sl-window.h"

#define PASSWORD "pw-ana"

static SlApp *the_app;
static char *database;
static char *login; /* the server's, shared by its databases: this process's own */
static char *keyring_home;

static const char *
pg_host (void)
{
  return g_getenv ("SHORTLIST_TEST_PG_HOST");
}

static char *
owner_uri (const char *name)
{
  return g_strdup_printf ("postgresql://shortlist_owner@/%s?host=%s&port=%s", name, pg_host (),
                          g_getenv ("SHORTLIST_TEST_PG_PORT"));
}

static void
owner_sql (const char *sql)
{
  g_autofree char *uri = owner_uri ("postgres");
  PGconn *conn = PQconnectdb (uri);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* One value of @sql, as the owner, in the team database */
static char *
team_value (const char *sql)
{
  g_autofree char *uri = owner_uri (database);
  PGconn *conn = PQconnectdb (uri);
  PGresult *result = PQexec (conn, sql);
  char *value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
  PQclear (result);
  PQfinish (conn);
  return value;
}

static void
offline_cb (SlDatabase *db, GParamSpec *pspec, gboolean *offline)
{
  *offline = sl_database_is_offline (db);
}

/* A team database with one member, Ana, whose login is @login */
static void
set_up_team (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlServer) server = NULL;
  g_autofree char *create = NULL;
  g_autofree char *uri = NULL;

  database = g_strdup_printf ("sl_gui_%d", (int) getpid ());
  login = g_strdup_printf ("t_gui_%d", (int) getpid ());
  create = g_strdup_printf ("CREATE DATABASE %s", database);
  owner_sql (create);
  uri = owner_uri (database);
  server = sl_server_connect (uri, &error);
  g_assert_no_error (error);
  g_assert_true (sl_server_setup (server, NULL, &error));
  g_assert_cmpint (sl_server_add_member (server, "Ana Ribeiro", "ana@example.com", "recruiter",
                                         login, PASSWORD, &error),
                   >, 0);
  g_assert_no_error (error);
}

static void
tear_down_team (void)
{
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", database);
  g_autofree char *drop_login = g_strdup_printf ("DROP ROLE %s", login);

  owner_sql (drop);
  owner_sql (drop_login);
}

/* GNOME Keyring on this session bus, with an unlocked login keyring in a folder of its own */
static void
start_keyring (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_auto (GStrv) env = g_get_environ ();
  const char *argv[] = { "gnome-keyring-daemon", "--unlock", "--components=secrets", NULL };
  int input = -1;
  int status = 0;
  GPid pid;

  g_assert_no_error (error);
  keyring_home = g_dir_make_tmp ("shortlist-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  env = g_environ_setenv (env, "HOME", keyring_home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", keyring_home, TRUE);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, env,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                             G_SPAWN_STDOUT_TO_DEV_NULL |
                                             G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, &pid, &input, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (write (input, "test", 4), ==, 4);
  close (input);
  /* It forks the daemon and ends once the daemon is up */
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* The daemon's name on the bus, before anything asks it */
  for (;;)
    {
      g_autoptr (GVariant) reply = g_dbus_connection_call_sync (
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
        "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.secrets"), G_VARIANT_TYPE ("(b)"),
        G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      gboolean owned = FALSE;

      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &owned);
      if (owned)
        break;
      g_usleep (50 * 1000);
    }
}

/* The keyring's daemon goes with the test, not with the session bus */
static void
stop_keyring (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GVariant) reply = g_dbus_connection_call_sync (
    bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
    "GetConnectionUnixProcessID", g_variant_new ("(s)", "org.freedesktop.secrets"),
    G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  guint32 pid = 0;

  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);
  kill ((pid_t) pid, SIGTERM);
  {
    const char *argv[] = { "rm", "-rf", keyring_home, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                                 NULL, NULL, &error));
  }
  g_clear_pointer (&keyring_home, g_free);
}

static gboolean
too_long_cb (gpointer data)
{
  g_error ("%s did not happen", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Waits until @window's subtitle says @expected: the list's count comes with its first query,
 * which a worker runs (a minute at most, which only a broken window reaches) */
static void
assert_subtitle (SlWindow *window, const char *expected)
{
  guint guard = g_timeout_add_seconds (60, too_long_cb, (gpointer) expected);

  while (g_strcmp0 (sl_window_get_subtitle (window), expected) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static SlWindow *
team_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL; l = l->next)
    if (SL_IS_WINDOW (l->data) &&
        sl_database_is_team (sl_store_get_database (sl_window_get_store (l->data))))
      return l->data;
  return NULL;
}

/* The row titled @title under @widget */
static GtkWidget *
find_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The error label: the only GtkLabel with the error style */
static GtkLabel *
find_problem (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_problem (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fill (GtkWindow *dialog, const char *title, const char *text)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Presses Connect and waits until the dialog says why not (@expect_window FALSE) or a
 * window opens on the team database */
static void
press_connect (GtkWindow *dialog, gboolean expect_window)
{
  GtkLabel *problem = find_problem (GTK_WIDGET (dialog));
  guint guard = g_timeout_add_seconds (60, too_long_cb, (gpointer) "the connection's outcome");

  gtk_label_set_label (problem, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL));
  while (expect_window ? team_window () == NULL : *gtk_label_get_label (problem) == '\0')
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static void
test_build_uri (void)
{
  g_autofree char *tls =
    sl_connect_dialog_build_uri ("db.example.com", "6432", "acme hiring", "ana@acme", TRUE);
  g_autofree char *plain = sl_connect_dialog_build_uri ("10.0.0.5", "", "team", "ana", FALSE);
  g_autofree char *local =
    sl_connect_dialog_build_uri ("/run/postgresql", "5432", "team", "ana", TRUE);
  g_autofree char *host = NULL, *port = NULL, *name = NULL, *login = NULL;
  gboolean secure = FALSE;

  g_assert_cmpstr (tls, ==,
                   "postgresql://ana%40acme@db.example.com:6432/acme%20hiring?sslmode=verify-full");
  g_assert_cmpstr (plain, ==, "postgresql://ana@10.0.0.5:5432/team?sslmode=disable");
  g_assert_cmpstr (local, ==, "postgresql://ana@/team?host=%2Frun%2Fpostgresql&port=5432");
  /* And back, as the dialog shows the last one */
  g_assert_true (sl_server_split_uri (tls, &host, &port, &name, &login, &secure));
  g_assert_cmpstr (host, ==, "db.example.com");
  g_assert_cmpstr (port, ==, "6432");
  g_assert_cmpstr (name, ==, "acme hiring");
  g_assert_cmpstr (login, ==, "ana@acme");
  g_assert_true (secure);
}

static void
test_connect (void)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *uri = NULL;
  g_autofree char *kept = NULL;
  GtkWindow *dialog;
  SlWindow *window;

  if (pg_host () == NULL)
    {
      if (g_getenv ("SHORTLIST_TEST_PG_REQUIRED") != NULL)
        g_error ("SHORTLIST_TEST_PG_HOST is not set: build-aux/test.sh starts the test server");
      g_test_skip ("no PostgreSQL server for the tests (build-aux/test.sh starts one)");
      return;
    }
  set_up_team ();
  start_keyring ();
  uri = sl_connect_dialog_build_uri (pg_host (), g_getenv ("SHORTLIST_TEST_PG_PORT"), database,
                                     login, TRUE);

  dialog = sl_connect_dialog_new (GTK_APPLICATION (the_app), NULL, NULL);
  gtk_window_present (dialog);
  /* A field left empty is named, and nothing is tried */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL));
  g_assert_cmpstr (gtk_label_get_label (find_problem (GTK_WIDGET (dialog))), ==,
                   "Enter the server’s name or address");

  /* A wrong password: said, nothing kept, no window */
  fill (dialog, "Server", pg_host ());
  fill (dialog, "Port", g_getenv ("SHORTLIST_TEST_PG_PORT"));
  fill (dialog, "Database", database);
  fill (dialog, "Login", login);
  fill (dialog, "Password", "not the password");
  press_connect (dialog, FALSE);
  g_assert_nonnull (
    strstr (gtk_label_get_label (find_problem (GTK_WIDGET (dialog))), "password is wrong"));
  g_assert_null (team_window ());
  g_assert_null (sl_keyring_lookup (uri));
  g_assert_cmpstr (g_settings_get_string (settings, "team-database"), ==, "");

  /* The right one: the window opens as Ana, the password is in the keyring, the address (and
   * only it) in the settings */
  fill (dialog, "Password", PASSWORD);
  press_connect (dialog, TRUE);
  window = team_window ();
  assert_subtitle (window, "Ana Ribeiro · 0 candidates");
  /* Kept without the window waiting for the keyring: looked up once it has it */
  {
    guint guard = g_timeout_add_seconds (60, too_long_cb, (gpointer) "the keyring's store");

    while ((kept = sl_keyring_lookup (uri)) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (guard);
  }
  g_assert_cmpstr (kept, ==, PASSWORD);
  g_assert_cmpstr (g_settings_get_string (settings, "team-database"), ==, uri);
  g_assert_null (strstr (uri, PASSWORD));

  /* A field typed while the server cannot be reached is saved once it can */
  {
    SlDatabase *db = sl_store_get_database (sl_window_get_store (window));
    g_autofree char *block = g_strdup_printf ("ALTER ROLE %s NOLOGIN", login);
    g_autofree char *unblock = g_strdup_printf ("ALTER ROLE %s LOGIN", login);
    g_autofree char *drop = g_strdup_printf (
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '%s'", login);
    g_autofree char *dropped = NULL;
    SlCandidatePane *pane;
    GtkWidget *name_row, *city_row;
    gboolean offline = FALSE;
    guint guard;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-candidate", NULL));
    pane = sl_window_get_pane (window);
    name_row = GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "name_row"));
    city_row = GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (pane), SL_TYPE_CANDIDATE_PANE, "city_row"));
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Olena Offline");
    g_signal_connect (db, "notify::offline", G_CALLBACK (offline_cb), &offline);
    owner_sql (block);
    dropped = team_value (drop);
    guard = g_timeout_add_seconds (60, too_long_cb, (gpointer) "the window going offline");
    while (!offline)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (guard);
    gtk_editable_set_text (GTK_EDITABLE (city_row), "Lviv");
    g_assert_true (gtk_widget_has_css_class (city_row, "error"));
    owner_sql (unblock);
    guard = g_timeout_add_seconds (60, too_long_cb, (gpointer) "the city saved once back");
    for (;;)
      {
        g_autofree char *city =
          team_value ("SELECT city FROM shortlist.candidates WHERE name = 'Olena Offline'");

        if (g_str_equal (city, "Lviv"))
          break;
        g_main_context_iteration (NULL, TRUE);
      }
    g_source_remove (guard);
    g_assert_false (gtk_widget_has_css_class (city_row, "error"));
    g_signal_handlers_disconnect_by_func (db, offline_cb, &offline);
  }

  /* The next start opens it again, logging in with the keyring's password alone */
  gtk_window_destroy (GTK_WINDOW (window));
  sl_server_set_password (uri, NULL);
  sl_app_open_database (the_app, NULL);
  window = team_window ();
  g_assert_nonnull (window);
  assert_subtitle (window, "Ana Ribeiro · 1 candidate");

  /* Open Local Database: the team is forgotten for the next start */
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "open-local", NULL);
  g_assert_cmpstr (g_settings_get_string (settings, "team-database"), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
  stop_keyring ();
  tear_down_team ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The local database Open Local Database opens: a folder of the test's own (before GLib
   * reads where the user's data is) */
  data_home = g_dir_make_tmp ("shortlist-connect-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("SHORTLIST_DATABASE");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_app = sl_app_new ();
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, NULL);

  g_test_add_func ("/connect/build-uri", test_build_uri);
  g_test_add_func ("/connect/connect", test_connect);
  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
