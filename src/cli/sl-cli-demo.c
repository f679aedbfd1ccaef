/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-demo.c — shortlist-cli demo: sample data, the same for the same seed */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-cli.h"
#include "sl-database.h"
#include "sl-demo.h"

#define DEFAULT_CANDIDATES 200
#define MAX_CANDIDATES 1000000

int
sl_cli_demo (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  guint64 count = DEFAULT_CANDIDATES;
  guint64 seed = 1;
  gboolean existed;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "candidates", 'n', 0, G_OPTION_ARG_STRING, &count_text,
      N_ ("How many candidates to add (default: 200)"), N_ ("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_ ("Where the random choices start; the same seed gives the same data (default: 1)"),
      N_ ("SEED") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Adds sample candidates from the six offshore countries, with positions, applications "
        "and their stage history. The database is created if it does not exist."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if ((count_text != NULL &&
       !sl_cli_number ("--candidates", count_text, 1, MAX_CANDIDATES, &count, &status)) ||
      (seed_text != NULL && !sl_cli_number ("--seed", seed_text, 0, G_MAXUINT32, &seed, &status)))
    return status;
  if (!sl_cli_database_path (database, &path, &status))
    return status;

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  db = sl_database_open (path, &error);
  if (db == NULL || !sl_demo_generate (db, (guint) count, (guint32) seed, NULL, NULL, NULL, &error))
    {
      g_clear_object (&db);
      if (!existed)
        sl_cli_remove_database (path);
      return sl_cli_fail_error (error);
    }
  g_clear_object (&db);

  display = g_filename_display_name (path);
  g_print (ngettext ("Added %u sample candidate to “%s”", "Added %u sample candidates to “%s”",
                     (gulong) count),
           (guint) count, display);
  g_print ("\n");
  return SL_CLI_OK;
}
