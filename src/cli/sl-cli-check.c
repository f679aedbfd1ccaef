/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-check.c — shortlist-cli check: is the file a sound Shortlist database */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-backup.h"
#include "sl-cli.h"
#include "sl-database.h"

int
sl_cli_check (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *report = NULL;
  g_auto (GStrv) findings = NULL;
  g_autofree char *backups = sl_backup_default_folder ();
  guint n_findings;
  gboolean damaged = FALSE;
  int status = SL_CLI_OK;

  context = sl_cli_context_new (
    N_ ("Checks the database’s integrity, its references and its search index without changing "
        "it. Exits with 0 when it is sound."),
    NULL, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (!sl_cli_database_path (database, &path, &status))
    return status;

  db = sl_database_open_readonly (path, &error);
  if (db == NULL)
    return sl_cli_fail_error (error);
  if (sl_database_check_full (db, &report, &damaged, &error))
    {
      g_print (_ ("Database is sound (schema version %d)"), sl_database_get_version (db));
      g_print ("\n");
      return SL_CLI_OK;
    }
  if (error != NULL)
    return sl_cli_fail_error (error);

  /* The findings are the report, on stdout; the error is one line on stderr, as for every
   * command */
  findings = g_strsplit (g_strstrip (report), "\n", -1);
  n_findings = g_strv_length (findings);
  for (guint i = 0; i < n_findings; i++)
    g_print ("%s\n", findings[i]);
  /* Damage to the file itself is not repaired in place: say how to get the data back */
  if (damaged)
    {
      g_print (_ ("The file itself is damaged. Restore a backup: “%s restore --from FILE”, or "
                  "Restore from Backup… in the app, which keeps a backup a day in %s."),
               SL_CLI_NAME, backups);
      g_print ("\n");
    }
  sl_cli_fail (SL_CLI_FAILED,
               ngettext ("The database has %u problem", "The database has %u problems", n_findings),
               n_findings);
  return SL_CLI_FAILED;
}
