/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-server.c — shortlist-cli server-setup, and the team database's members
 *
 * A team database is named by a PostgreSQL URI in --database (or SHORTLIST_DATABASE). Its
 * owner sets it up and adds the first admin; from then on admins add and change members.
 * Who runs a command is the login the URI connects as: --as is for a local file only.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-cli.h"
#include "sl-server.h"

/* The database's URI: --database after the command, else before it, else SHORTLIST_DATABASE;
 * NULL (with *status) when none is a team database's */
static char *
team_uri (const char *option, int *status)
{
  g_autofree char *database = NULL;

  if (!sl_cli_database_name (option, &database, status))
    return NULL;
  if (!sl_server_is_uri (database))
    {
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("--database must name a team database here, as "
                                              "postgresql://LOGIN@HOST/DATABASE"));
      return NULL;
    }
  return g_steal_pointer (&database);
}

static SlServer *
connect_team (const char *uri, int *status)
{
  g_autoptr (GError) error = NULL;
  SlServer *server = sl_server_connect (uri, &error);

  if (server == NULL)
    *status = sl_cli_fail_error (error);
  return server;
}

int
sl_cli_server_setup (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *uri = NULL;
  int status = SL_CLI_OK;
  gboolean created;
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };

  context = sl_cli_context_new (
    N_ ("Sets up a team database on PostgreSQL: its tables, the team’s group roles, their "
        "grants and row-level security. Run by the database’s owner, once; a database already "
        "set up is left as it is, and one that holds other tables is refused. Then add the "
        "first admin with add-member."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  uri = team_uri (database, &status);
  if (uri == NULL)
    return status;
  server = connect_team (uri, &status);
  if (server == NULL)
    return status;
  if (!sl_server_setup (server, &created, &error))
    return sl_cli_fail_error (error);
  if (created)
    g_print (_ ("The team database is set up (schema version %d)\n"), SL_SERVER_SCHEMA_VERSION);
  else
    g_print (_ ("The team database was already set up (schema version %d)\n"),
             SL_SERVER_SCHEMA_VERSION);
  return SL_CLI_OK;
}

/* The first line of @path, for --password-file */
static gboolean
read_password (const char *path, char **password, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  char *newline;

  *password = NULL;
  if (path == NULL)
    return TRUE;
  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      *status = sl_cli_fail (SL_CLI_FAILED, _ ("Cannot read the password: %s"), error->message);
      return FALSE;
    }
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  if (*contents == '\0')
    {
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("The password file %s is empty"), path);
      return FALSE;
    }
  *password = g_steal_pointer (&contents);
  return TRUE;
}

int
sl_cli_server_add_member (const char *database, const char *name, const char *email,
                          const char *role, const char *login, const char *password_file,
                          const char *as)
{
  g_autoptr (SlServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *password = NULL;
  int status = SL_CLI_OK;
  gint64 id;

  if (as != NULL)
    return sl_cli_fail (SL_CLI_USAGE, _ ("In a team database you are the login you connect as: "
                                         "--as is for a local file"));
  if (login == NULL)
    return sl_cli_usage_error ("add-member", _ ("%s is required"), "--login");
  if (!read_password (password_file, &password, &status))
    return status;
  server = connect_team (database, &status);
  if (server == NULL)
    return status;
  id = sl_server_add_member (server, name, email, role, login, password, &error);
  if (password != NULL)
    memset (password, 0, strlen (password));
  if (id == 0)
    return sl_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return SL_CLI_OK;
}

int
sl_cli_server_edit_member (const char *database, gint64 id, const char *name, const char *email,
                           const char *role, const char *active, const char *login,
                           const char *password_file, const char *as)
{
  g_autoptr (SlServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *password = NULL;
  int status = SL_CLI_OK;

  if (as != NULL)
    return sl_cli_fail (SL_CLI_USAGE, _ ("In a team database you are the login you connect as: "
                                         "--as is for a local file"));
  if (!read_password (password_file, &password, &status))
    return status;
  server = connect_team (database, &status);
  if (server == NULL)
    return status;
  if ((login != NULL && !sl_server_set_member_login (server, id, login, password, &error)) ||
      (login == NULL && password != NULL &&
       !sl_server_set_member_password (server, id, password, &error)) ||
      ((name != NULL || email != NULL) &&
       !sl_server_set_member_details (server, id, name, email, &error)) ||
      (role != NULL && !sl_server_set_member_role (server, id, role, &error)) ||
      (active != NULL &&
       !sl_server_set_member_active (server, id, g_str_equal (active, "true"), &error)))
    return sl_cli_fail_error (error);
  return SL_CLI_OK;
}

GListModel *
sl_cli_server_members (const char *database, int *status)
{
  g_autoptr (SlServer) server = connect_team (database, status);
  g_autoptr (GError) error = NULL;
  GListModel *members;

  if (server == NULL)
    return NULL;
  members = sl_server_list_members (server, &error);
  if (members == NULL)
    *status = sl_cli_fail_error (error);
  return members;
}

int
sl_cli_copy (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) counts = NULL;
  g_autofree char *database = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_ ("The local database file to copy (required)"),
      N_ ("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_ ("The team database: postgresql://LOGIN@HOST/DATABASE (required)"), N_ ("URI") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Copies a local database into an empty team database: every row of every table, ids "
        "kept and résumés included, in one transaction. Run by the team database’s owner; a "
        "new one is set up first. Prints the rows of each table, the same as the local file’s."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (from == NULL || to == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), from == NULL ? "--from" : "--to");
  if (!sl_server_is_uri (to))
    return sl_cli_fail (SL_CLI_USAGE,
                        _ ("--to must name a team database, as postgresql://LOGIN@HOST/DATABASE"));
  server = connect_team (to, &status);
  if (server == NULL)
    return status;
  counts = sl_server_copy_from_file (server, from, &error);
  if (counts == NULL)
    return sl_cli_fail_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      SlServerCopyCount *count = g_ptr_array_index (counts, i);

      g_print ("%-24s %" G_GINT64_FORMAT "\n", count->table, count->copied);
    }
  return SL_CLI_OK;
}
