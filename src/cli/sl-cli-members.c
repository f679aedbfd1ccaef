/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-members.c — shortlist-cli add-member and edit-member
 *
 * The rules are the app's: once the database has an admin, only an admin (--as) adds or
 * changes members; while it has none, the member added must be one; the last active admin
 * cannot be demoted or deactivated (the store refuses that itself). A local file has no
 * logins, so --as is a claim, as it is in the app.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-cli.h"
#include "sl-server.h"

static gboolean
check_admin (SlStore *store, const char *as, int *status)
{
  g_autoptr (SlMember) me = NULL;
  gint64 id;

  if (sl_store_count_admins (store) == 0)
    return TRUE;
  if (as == NULL)
    {
      *status = sl_cli_fail (SL_CLI_USAGE,
                             _ ("Only an admin can add or change team members: say which "
                                "admin you are with %s"),
                             "--as");
      return FALSE;
    }
  if (!sl_cli_act_as (store, as, &id, status))
    return FALSE;
  me = sl_store_find_member (store, as);
  if (me == NULL || !g_str_equal (sl_member_get_role (me), "admin"))
    {
      *status = sl_cli_fail (SL_CLI_FAILED, _ ("Only an admin can add or change team members"));
      return FALSE;
    }
  return TRUE;
}

int
sl_cli_add_member (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *role = NULL;
  g_autofree char *as = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password_file = NULL;
  int status = SL_CLI_OK;
  gint64 id;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("The member’s name (required)"), N_ ("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_ ("Their email address (required)"),
      N_ ("EMAIL") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_ ("recruiter, interviewer, hiring-lead or admin (required)"), N_ ("ROLE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_ ("The email of the admin who adds them; not needed while the database has no admin"),
      N_ ("EMAIL") },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login,
      N_ ("In a team database: the PostgreSQL login they connect as (required there)"),
      N_ ("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_ ("In a team database: a file whose first line is their login’s password"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Adds a team member and prints their id. While the database has no admin, the member "
        "added must be one."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (name == NULL || email == NULL || role == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"),
                               name == NULL    ? "--name"
                               : email == NULL ? "--email"
                                               : "--role");
  if (!sl_cli_vocab ("--role", role, SL_VOCAB_ROLE, &status) ||
      !sl_cli_email ("--email", email, &status) || !sl_cli_email ("--as", as, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;
  if (sl_server_is_uri (path))
    return sl_cli_server_add_member (path, name, email, role, login, password_file, as);
  if (login != NULL || password_file != NULL)
    return sl_cli_fail (SL_CLI_USAGE,
                        _ ("A local database has no logins: %s is for a team "
                           "database"),
                        login != NULL ? "--login" : "--password-file");

  /* Refused before a new file is made for it */
  if (!g_str_equal (role, "admin") && !g_file_test (path, G_FILE_TEST_EXISTS))
    return sl_cli_fail (SL_CLI_FAILED,
                        _ ("The database has no admin yet: the member you add must be one (%s)"),
                        "--role admin");
  store = sl_cli_open_store (path, TRUE, &status);
  if (store == NULL || !check_admin (store, as, &status))
    return status;
  if (sl_store_count_admins (store) == 0 && !g_str_equal (role, "admin"))
    return sl_cli_fail (SL_CLI_FAILED,
                        _ ("The database has no admin yet: the member you add must be one (%s)"),
                        "--role admin");
  id = sl_store_add_member (store, name, email, role, &error);
  if (id == 0)
    return sl_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return SL_CLI_OK;
}

int
sl_cli_edit_member (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *role = NULL;
  g_autofree char *active = NULL;
  g_autofree char *as = NULL;
  g_autofree char *login = NULL;
  g_autofree char *password_file = NULL;
  static const char *const arguments[] = { "MEMBER_ID", NULL };
  static const char *const booleans[] = { "true", "false", NULL };
  int status = SL_CLI_OK;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("A new name"), N_ ("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_ ("A new email address"), N_ ("EMAIL") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_ ("A new role: recruiter, interviewer, hiring-lead or admin"), N_ ("ROLE") },
    { "active", 0, 0, G_OPTION_ARG_STRING, &active,
      N_ ("false deactivates them (they keep their name in history and reports); true brings "
          "them back"),
      N_ ("BOOLEAN") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_ ("The email of the admin who changes them"),
      N_ ("EMAIL") },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login,
      N_ ("In a team database: a login for a member who has none, such as one copied from a "
          "local file"),
      N_ ("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_ ("In a team database: a file whose first line is their login’s password"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "MEMBER_ID",
    N_ ("Changes team member MEMBER_ID: what is given changes, the rest stays. The last active "
        "admin cannot be demoted or deactivated."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (!sl_cli_id ("MEMBER_ID", argv[1], &id, &status) ||
      (role != NULL && !sl_cli_vocab ("--role", role, SL_VOCAB_ROLE, &status)) ||
      (email != NULL && !sl_cli_email ("--email", email, &status)) ||
      (active != NULL && !sl_cli_choice ("--active", active, booleans, &status)) ||
      !sl_cli_email ("--as", as, &status) || !sl_cli_database_name (database, &path, &status))
    return status;
  if (sl_server_is_uri (path))
    return sl_cli_server_edit_member (path, id, name, email, role, active, login, password_file,
                                      as);
  if (login != NULL || password_file != NULL)
    return sl_cli_fail (SL_CLI_USAGE,
                        _ ("A local database has no logins: %s is for a team "
                           "database"),
                        login != NULL ? "--login" : "--password-file");

  store = sl_cli_open_store (path, FALSE, &status);
  if (store == NULL || !check_admin (store, as, &status))
    return status;
  if (!sl_store_update_member (store, id, name, email, role,
                               active == NULL ? -1 : g_str_equal (active, "true"), &error))
    return sl_cli_fail_error (error);
  return SL_CLI_OK;
}
