/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-backup.c — shortlist-cli backup and restore
 *
 * Both go through sl-backup.c: a backup is correct while the app or another command is
 * writing; a restore keeps the database it replaces beside it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-backup.h"
#include "sl-cli-table.h"
#include "sl-cli.h"
#include "sl-recover.h"

/* Parses a command whose one option is a required --output file (not "-": a database is not
 * written to a pipe). FALSE with @status set when the command ends here. */
static gboolean
parse_output_command (int *argc, char ***argv, const char *summary, const char *output_help,
                      gboolean team_too, char **path, char **output, int *status)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *database = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, output, output_help, N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (summary, entries, &database);
  if (!sl_cli_parse (context, (*argv)[0], argc, argv, status))
    return FALSE;
  if (*output == NULL)
    {
      *status = sl_cli_usage_error ((*argv)[0], _ ("%s is required"), "--output");
      return FALSE;
    }
  if (**output == '\0' || g_str_equal (*output, "-"))
    {
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("%s needs a file name"), "--output");
      return FALSE;
    }
  /* A team database is backed up into a local file (its server keeps its own backups) */
  if (team_too)
    return sl_cli_database_name (database, path, status);
  return sl_cli_database_path (database, path, status);
}

int
sl_cli_backup (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  int status = SL_CLI_OK;

  if (!parse_output_command (
        &argc, &argv,
        N_ ("Writes a copy of the database to FILE, correct even while the app or another command "
            "is writing to it (what is still in its write-ahead log included). The copy is "
            "checked, readable by you alone, and replaces an older file only once it is complete."),
        N_ ("The file to write (required)"), TRUE, &path, &output, &status))
    return status;
  if (!sl_backup_write (path, output, &error))
    return sl_cli_fail_error (error);
  return SL_CLI_OK;
}

int
sl_cli_restore (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *kept = NULL;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_ ("The backup to restore (required)"),
      N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Replaces the database with a backup. The database it replaces is first kept beside it, "
        "named for the date and time. A file that is not a Shortlist database, or is from a "
        "newer version, changes nothing."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (from == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--from");
  if (*from == '\0')
    return sl_cli_fail (SL_CLI_USAGE, _ ("%s needs a file name"), "--from");
  if (!sl_cli_database_path (database, &path, &status))
    return status;
  if (!sl_backup_restore (path, from, &kept, &error))
    return sl_cli_fail_error (error);
  if (kept != NULL)
    {
      g_autofree char *display = g_filename_display_name (kept);

      g_print (_ ("Restored; the database it replaced is kept as “%s”"), display);
      g_print ("\n");
    }
  return SL_CLI_OK;
}

int
sl_cli_recover (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (SlCliTable) table = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;
  gint64 total = 0;
  guint incomplete = 0;
  int status = SL_CLI_OK;

  if (!parse_output_command (
        &argc, &argv,
        N_ ("Saves what can still be read of a damaged database into a new database at FILE, and "
            "prints how many rows of each table were saved. The damaged database is only read. "
            "Open the new file, check it, and restore it in place of the damaged one with "
            "“restore”."),
        N_ ("The new database to write (required)"), FALSE, &path, &output, &status))
    return status;
  tables = sl_recover (path, output, &error);
  if (tables == NULL)
    return sl_cli_fail_error (error);

  table = sl_cli_table_new (3);
  sl_cli_table_set_align_end (table, 1, TRUE);
  {
    const char *header[] = { _ ("Table"), _ ("Rows saved"), "" };
    sl_cli_table_add_row (table, header);
  }
  for (guint i = 0; i < tables->len; i++)
    {
      SlRecoveredTable *recovered = tables->pdata[i];
      g_autofree char *rows = g_strdup_printf ("%'lld", (long long) recovered->rows);
      const char *row[] = { recovered->name, rows,
                            recovered->incomplete ? _ ("some rows could not be read") : "" };

      sl_cli_table_add_row (table, row);
      total += recovered->rows;
      incomplete += recovered->incomplete;
    }
  text = sl_cli_table_to_string (table);
  g_print ("%s", text);
  display = g_filename_display_name (output);
  if (incomplete > 0)
    g_print (ngettext ("Saved %'lld rows into “%s”; %u table lost rows.",
                       "Saved %'lld rows into “%s”; %u tables lost rows.", incomplete),
             (long long) total, display, incomplete);
  else
    g_print (_ ("Saved all %'lld rows into “%s”."), (long long) total, display);
  g_print ("\n");
  return SL_CLI_OK;
}
