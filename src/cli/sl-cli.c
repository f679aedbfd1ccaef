/* sl-cli.c — what the commands of shortlist-cli share: option parsing, errors, exit codes
 *
 * Scripts rely on the contract: an error is one line on stderr, "shortlist-cli: <message>",
 * with exit status 1 (it failed) or 2 (it was used wrongly), and nothing on stdout.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sl-cli.h"
#include "sl-database.h"

/* A new context for a command: --database first, then the command's own options. The summary
 * is translated when --help shows it. */
GOptionContext *
sl_cli_context_new (const char *summary, const GOptionEntry *entries, char **database)
{
  GOptionContext *context = g_option_context_new (NULL);
  const GOptionEntry database_entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, database,
      N_ ("The database file (default: $SHORTLIST_DATABASE, else the app’s own)"), N_ ("PATH") },
    G_OPTION_ENTRY_NULL,
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses the command's options; anything left over is an error */
gboolean
sl_cli_parse (GOptionContext *context, const char *command, int *argc, char ***argv, int *status)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sl_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      *status = sl_cli_usage_error (command, _ ("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

/* The file --database names, or the default one */
gboolean
sl_cli_database_path (const char *option, char **path, int *status)
{
  if (option == NULL)
    {
      *path = sl_database_default_path ();
      return TRUE;
    }
  if (*option == '\0')
    {
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("--database needs a file name"));
      return FALSE;
    }
  *path = g_strdup (option);
  return TRUE;
}

/* Text options are taken as bytes (G_OPTION_ARG_FILENAME) and read here: as UTF-8 when they
 * are, else in the locale's encoding, so a script under LC_ALL=C can still pass “João”. */
gboolean
sl_cli_text (const char *option, const char *value, char **out, int *status)
{
  if (value == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (g_utf8_validate (value, -1, NULL))
    *out = g_strdup (value);
  else
    *out = g_locale_to_utf8 (value, -1, NULL, NULL, NULL);
  if (*out == NULL)
    {
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("The value of %s is not valid text"), option);
      return FALSE;
    }
  return TRUE;
}

/* A whole number from @min to @max; @max G_MAXUINT reads as “no limit” in the message */
gboolean
sl_cli_number (const char *option, const char *value, guint64 min, guint64 max, guint64 *out,
               int *status)
{
  g_autofree char *min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
  g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, min, max, out, NULL))
    return TRUE;
  if (max == G_MAXUINT)
    *status = sl_cli_fail (SL_CLI_USAGE,
                           /* Translators: "--limit must be a whole number of at least 1" */
                           _ ("%s must be a whole number of at least %s"), option, min_text);
  else
    *status =
      sl_cli_fail (SL_CLI_USAGE,
                   /* Translators: "--candidates must be a whole number from 1 to 1000" */
                   _ ("%s must be a whole number from %s to %s"), option, min_text, max_text);
  return FALSE;
}

/* Whether @value is one of @choices; says which ones are when it is not */
gboolean
sl_cli_choice (const char *option, const char *value, const char *const *choices, int *status)
{
  g_autofree char *list = NULL;

  if (value != NULL && g_strv_contains (choices, value))
    return TRUE;
  list = g_strjoinv (", ", (char **) choices);
  *status = sl_cli_fail (SL_CLI_USAGE,
                         /* Translators: "--format must be one of: table, csv, json" */
                         _ ("%s must be one of: %s"), option, list);
  return FALSE;
}

/* Removes a database file this run created and could not fill, with SQLite's side files */
void
sl_cli_remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static int
print_error (int status, char *message)
{
  /* One line, whatever the message holds */
  g_strdelimit (g_strstrip (message), "\r\n", ' ');
  g_printerr ("%s: %s\n", SL_CLI_NAME, message);
  g_free (message);
  return status;
}

/* Prints "shortlist-cli: <message>" on stderr and returns @status */
int
sl_cli_fail (int status, const char *format, ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return print_error (status, message);
}

/* A value the store refused is the caller's mistake; anything else is a failure */
int
sl_cli_fail_error (const GError *error)
{
  gboolean usage = g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID) ||
                   error->domain == G_OPTION_ERROR;

  return print_error (usage ? SL_CLI_USAGE : SL_CLI_FAILED, g_strdup (error->message));
}

/* A usage error, with where to read how it is used */
int
sl_cli_usage_error (const char *command, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  help = command ? g_strdup_printf ("%s %s --help", SL_CLI_NAME, command)
                 : g_strdup_printf ("%s --help", SL_CLI_NAME);
  /* Translators: the first %s is an error message, the second a command such as
   * “shortlist-cli candidates --help” */
  return print_error (SL_CLI_USAGE, g_strdup_printf (_ ("%s (see “%s”)"), message, help));
}

/* Writes to stdout as it is: UTF-8, whatever the locale (CSV and JSON are UTF-8 files) */
gboolean
sl_cli_write (const char *data, gsize length, int *status)
{
  if (length > 0 && fwrite (data, 1, length, stdout) != length)
    {
      int saved = errno;
      *status = sl_cli_fail (SL_CLI_FAILED, _ ("Cannot write the output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_cli_finish_output (int *status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;
      *status = sl_cli_fail (SL_CLI_FAILED, _ ("Cannot write the output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
