/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* shortlist-cli.c — the Shortlist database from scripts: shortlist-cli [--database PATH] COMMAND
 * [OPTION…]
 *
 * Each command parses its own options (shortlist-cli COMMAND --help) and lives in its own file;
 * --database may also come before the command, for all of them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sl-cli.h"
#include "sl-time.h"
#include "sl-report-export.h"

static const struct
{
  const char *name;
  const char *summary;
  SlCliRun run;
} commands[] = {
  { "demo", N_ ("Add sample candidates; the same seed gives the same data"), sl_cli_demo },
  { "add-candidate", N_ ("Add a candidate and print its id"), sl_cli_add_candidate },
  { "candidates", N_ ("List candidates as a table, CSV or JSON"), sl_cli_candidates },
  { "positions", N_ ("List positions with their active applications per stage"), sl_cli_positions },
  { "add-position", N_ ("Add a position and print its id"), sl_cli_add_position },
  { "approve", N_ ("Approve a position’s job description, which opens it"), sl_cli_approve },
  { "apply", N_ ("Add a candidate to an open position and print the application’s id"),
    sl_cli_apply },
  { "move", N_ ("Move an application to another stage, or reject or withdraw it"), sl_cli_move },
  { "history", N_ ("Show an application’s stage moves, oldest first"), sl_cli_history },
  { "members", N_ ("List the team members with their roles"), sl_cli_members },
  { "add-member", N_ ("Add a team member and print their id"), sl_cli_add_member },
  { "edit-member", N_ ("Change a team member’s name, email, role, or deactivate them"),
    sl_cli_edit_member },
  { "server-setup", N_ ("Set up a team database on PostgreSQL, run by its owner"),
    sl_cli_server_setup },
  { "copy", N_ ("Copy a local database into an empty team database"), sl_cli_copy },
  { "schedule", N_ ("Schedule an interview of an application and print its id"), sl_cli_schedule },
  { "interviews", N_ ("List the interviews ahead and those waiting for a scorecard"),
    sl_cli_interviews },
  { "scorecard", N_ ("Fill in, save or submit an interviewer’s scorecard and print its id"),
    sl_cli_scorecard },
  { "scorecards", N_ ("List an application’s scorecards as a team member may see them"),
    sl_cli_scorecards },
  { "ics", N_ ("Write an interview’s invitation as an iCalendar file"), sl_cli_ics },
  { "report", N_ ("Write a hiring report as a CSV, XLSX, PDF or JSON file"), sl_cli_report },
  { "check", N_ ("Check that the database is sound"), sl_cli_check },
  { "backup", N_ ("Write a copy of the database, correct while it is in use"), sl_cli_backup },
  { "restore", N_ ("Replace the database with a backup, keeping the one it replaces"),
    sl_cli_restore },
  { "recover", N_ ("Save what can still be read of a damaged database into a new one"),
    sl_cli_recover },
};

static char *
describe_commands (void)
{
  GString *out = g_string_new (_ ("Commands:"));
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "\n  %-*s  %s", width, commands[i].name, _ (commands[i].summary));
  g_string_append (out, "\n\n");
  g_string_append_printf (out, _ ("Run “%s COMMAND --help” for the options of a command."),
                          SL_CLI_NAME);
  g_string_append (out, "\n\n");
  /* Translators: keep "SHORTLIST_DATABASE" and "--database" as they are */
  g_string_append (out, _ ("Environment:\n"
                           "  SHORTLIST_DATABASE  The database file when --database is given "
                           "neither before nor after the command"));
  return g_string_free (out, FALSE);
}

static int
run_command (const char *name, int argc, char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      {
        g_autofree char *prgname = g_strdup_printf ("%s %s", SL_CLI_NAME, name);

        /* --help then says "Usage: shortlist-cli candidates [OPTION…]" */
        g_set_prgname (prgname);
        return commands[i].run (argc, argv);
      }
  return sl_cli_usage_error (NULL, _ ("Unknown command “%s”"), name);
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  g_autofree char *database = NULL;
  /* --database before the command is every command's, as if given after it */
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_ (
        "The database file, or a team database’s postgresql:// address (default: $SHORTLIST_DATABASE, else the app’s own)"),
      N_ ("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Show the version and exit"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/run.sh, the tests) points this at its own catalogs */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("SHORTLIST_LOCALEDIR") ? g_getenv ("SHORTLIST_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (SL_CLI_NAME);
  sl_export_remove_on_signals ();
  {
    /* Said once, before anything is read or written in the wrong zone */
    g_autofree char *zone_problem = sl_time_check_local_zone ();

    if (zone_problem != NULL)
      g_printerr ("%s: %s\n", SL_CLI_NAME, zone_problem);
  }

  context = g_option_context_new (N_ ("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_ ("Work with a Shortlist database from scripts."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  /* Options after the command are the command's own */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sl_cli_usage_error (NULL, "%s", error->message);
  if (version)
    {
      g_print ("%s %s\n", SL_CLI_NAME, PACKAGE_VERSION);
      return SL_CLI_OK;
    }
  if (database != NULL && *database == '\0')
    return sl_cli_usage_error (NULL, _ ("--database needs a file name"));
  if (argc < 2)
    return sl_cli_usage_error (NULL, _ ("No command given"));
  /* Given after the command too, the command's own wins: the nearer one */
  sl_cli_set_global_database (database);

  /* "help COMMAND" is "COMMAND --help" */
  if (g_str_equal (argv[1], "help"))
    {
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc == 2)
        {
          g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
          g_print ("%s", help);
          return SL_CLI_OK;
        }
      if (argc > 3)
        return sl_cli_usage_error (NULL, _ ("Unexpected argument “%s”"), argv[3]);
      help_argv[0] = argv[2];
      return run_command (argv[2], 2, help_argv);
    }
  return run_command (argv[1], argc - 1, argv + 1);
}
