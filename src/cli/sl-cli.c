/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
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
#include "sl-server.h"
#include "sl-countries.h"
#include "sl-database.h"
#include "sl-option.h"

/* A new context for a command: --database first, then the command's own options. The summary
 * is translated when --help shows it. */
GOptionContext *
sl_cli_context_new (const char *summary, const GOptionEntry *entries, char **database)
{
  return sl_cli_context_new_with_arguments (NULL, summary, entries, database);
}

/* The same for a command that takes arguments after its options, named in @arguments for
 * --help: "CANDIDATE_ID POSITION_ID" */
GOptionContext *
sl_cli_context_new_with_arguments (const char *arguments, const char *summary,
                                   const GOptionEntry *entries, char **database)
{
  GOptionContext *context = g_option_context_new (arguments);
  const GOptionEntry database_entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, database,
      N_ (
        "The database file, or a team database’s postgresql:// address (default: $SHORTLIST_DATABASE, else the app’s own)"),
      N_ ("PATH") },
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

/* Parses the command's options and then exactly one argument for each of @names (such as
 * "APPLICATION_ID"); a missing or an extra argument is an error */
gboolean
sl_cli_parse_arguments (GOptionContext *context, const char *command, int *argc, char ***argv,
                        const char *const *names, int *status)
{
  g_autoptr (GError) error = NULL;
  int n_names = (int) g_strv_length ((char **) names);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sl_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  if (*argc - 1 < n_names)
    {
      *status = sl_cli_usage_error (command, _ ("%s is required"), names[*argc - 1]);
      return FALSE;
    }
  if (*argc - 1 > n_names)
    {
      *status = sl_cli_usage_error (command, _ ("Unexpected argument “%s”"), (*argv)[n_names + 1]);
      return FALSE;
    }
  return TRUE;
}

/* --database given before the command, kept until the command asks for its database */
static char *global_database;

void
sl_cli_set_global_database (const char *path)
{
  g_free (global_database);
  global_database = g_strdup (path);
}

/* The database --database names after the command, else before it, else the default one
 * ($SHORTLIST_DATABASE, else the app's own file): a file's path or a team database's URI */
gboolean
sl_cli_database_name (const char *option, char **name, int *status)
{
  if (option == NULL)
    option = global_database;
  if (option == NULL)
    {
      *name = sl_database_default_path ();
      return TRUE;
    }
  if (*option == '\0')
    {
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("--database needs a file name"));
      return FALSE;
    }
  /* An address PostgreSQL's is not (a typo in its scheme) is not taken for a file's name */
  if (strstr (option, "://") != NULL && !sl_server_is_uri (option))
    {
      *status =
        sl_cli_fail (SL_CLI_USAGE,
                     _ ("“%s” is not a PostgreSQL address (postgresql://LOGIN@HOST/DATABASE): "
                        "%s"),
                     option, _ ("it does not start with postgresql://"));
      return FALSE;
    }
  *name = g_strdup (option);
  return TRUE;
}

/* The file the command works on: as sl_cli_database_name(), for the commands that work on a
 * local file only */
gboolean
sl_cli_database_path (const char *option, char **path, int *status)
{
  g_autofree char *name = NULL;

  if (!sl_cli_database_name (option, &name, status))
    return FALSE;
  if (sl_server_is_uri (name))
    {
      *status = sl_cli_fail (
        SL_CLI_USAGE, _ ("This command works on a local database file only: a team database's "
                         "server checks, restores and repairs its own"));
      return FALSE;
    }
  *path = g_steal_pointer (&name);
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

/* A row id given as an argument: a whole number of at least 1 */
gboolean
sl_cli_id (const char *name, const char *value, gint64 *out, int *status)
{
  if (value != NULL && g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, out, NULL))
    return TRUE;
  /* Translators: "--limit must be a whole number of at least 1" */
  *status = sl_cli_fail (SL_CLI_USAGE, _ ("%s must be a whole number of at least %s"), name, "1");
  return FALSE;
}

/* Whether @value (unset is fine) is an id of @vocab; says which ones are when it is not */
gboolean
sl_cli_vocab (const char *option, const char *value, SlVocab vocab, int *status)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  if (value == NULL || sl_vocab_is_valid (vocab, value))
    return TRUE;
  for (guint i = 0; i < sl_vocab_size (vocab); i++)
    g_ptr_array_add (ids, (gpointer) sl_vocab_id (vocab, i));
  g_ptr_array_add (ids, NULL);
  return sl_cli_choice (option, value, (const char *const *) ids->pdata, status);
}

/* A stage id: one of the vocabulary's, or a position's own "custom-N" */
gboolean
sl_cli_stage (const char *option, const char *stage, int *status)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  const char *number;

  if (stage == NULL || sl_vocab_is_valid (SL_VOCAB_STAGE, stage))
    return TRUE;
  if (g_str_has_prefix (stage, "custom-"))
    {
      number = stage + strlen ("custom-");
      if (*number != '\0' && strspn (number, "0123456789") == strlen (number))
        return TRUE;
    }
  for (guint i = 0; i < sl_vocab_size (SL_VOCAB_STAGE); i++)
    g_ptr_array_add (ids, (gpointer) sl_vocab_id (SL_VOCAB_STAGE, i));
  g_ptr_array_add (ids, (gpointer) "custom-N");
  g_ptr_array_add (ids, NULL);
  return sl_cli_choice (option, stage, (const char *const *) ids->pdata, status);
}

/* ISO codes are stored upper-case; "br" is accepted for "BR" */
gboolean
sl_cli_country (char **country, int *status)
{
  char *upper;

  if (*country == NULL)
    return TRUE;
  upper = g_ascii_strup (*country, -1);
  g_free (*country);
  *country = upper;
  if (sl_countries_is_valid (upper))
    return TRUE;
  *status = sl_cli_fail (SL_CLI_USAGE, _ ("“%s” is not an ISO 3166 country code"), upper);
  return FALSE;
}

/* An email address that names a team member (unset is fine) */
gboolean
sl_cli_email (const char *option, const char *value, int *status)
{
  if (value == NULL || (*value != '\0' && sl_store_valid_email (value)))
    return TRUE;
  /* Translators: "--as must be an email address" */
  *status = sl_cli_fail (SL_CLI_USAGE, _ ("%s must be an email address"), option);
  return FALSE;
}

/* Stack ids live in the database, so they are checked once it is open */
gboolean
sl_cli_stack (SlStore *store, const char *stack, int *status)
{
  g_autofree char *name = NULL;
  g_autoptr (GListModel) stacks = NULL;
  g_autofree const char **choices = NULL;
  guint n_stacks;

  if (stack == NULL)
    return TRUE;
  name = sl_store_get_stack_name (store, stack);
  if (name != NULL)
    return TRUE;
  stacks = sl_store_list_stacks (store, NULL);
  n_stacks = g_list_model_get_n_items (stacks);
  choices = g_new0 (const char *, n_stacks + 1);
  for (guint i = 0; i < n_stacks; i++)
    {
      /* The list keeps the option, and so its id, alive */
      g_autoptr (SlOption) option = g_list_model_get_item (stacks, i);
      choices[i] = sl_option_get_id (option);
    }
  return sl_cli_choice ("--stack", stack, choices, status);
}

/* Opens @path read-only, for a command that only reads, and a store over it (which then only
 * reads too); NULL with @status set when it cannot be opened */
SlStore *
sl_cli_open_reader (const char *path, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = sl_database_open_readonly (path, &error);

  if (db == NULL)
    {
      *status = sl_cli_fail_error (error);
      return NULL;
    }
  return sl_store_new (db);
}

/* Opens @path to change it, creating it when @create. Unlike sl_store_open(), this leaves the
 * trash alone: the app may be running and still offer to undo a deletion. A missing file that
 * is not to be created is an error (the rows the command names cannot be in a new database),
 * reported as the read-only commands report it. */
SlStore *
sl_cli_open_store (const char *path, gboolean create, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = NULL;

  if (!create && !sl_server_is_uri (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      db = sl_database_open_readonly (path, &error);
      if (db == NULL)
        {
          *status = sl_cli_fail_error (error);
          return NULL;
        }
      g_clear_object (&db);
    }
  db = sl_database_open (path, &error);
  if (db == NULL)
    {
      *status = sl_cli_fail_error (error);
      return NULL;
    }
  return sl_store_new (db);
}

/* The team member with @email (none: 0), for --as */
gboolean
sl_cli_member (SlStore *store, const char *email, gint64 *member_id, int *status)
{
  g_autoptr (SlMember) member = NULL;

  *member_id = 0;
  if (email == NULL)
    return TRUE;
  member = sl_store_find_member (store, email);
  if (member == NULL)
    {
      *status = sl_cli_fail (SL_CLI_FAILED, _ ("There is no team member with the email %s"), email);
      return FALSE;
    }
  if (!sl_member_get_active (member))
    {
      *status = sl_cli_fail (SL_CLI_FAILED, _ ("The team member %s is deactivated"), email);
      return FALSE;
    }
  *member_id = sl_member_get_id (member);
  return TRUE;
}

/* --as @email: the member the command acts as, whose name the rows it changes carry. In a team
 * database that is the login's member, and --as is refused. */
gboolean
sl_cli_act_as (SlStore *store, const char *email, gint64 *member_id, int *status)
{
  if (sl_database_is_team (sl_store_get_database (store)))
    {
      *member_id = sl_store_get_actor (store);
      if (email == NULL)
        return TRUE;
      *status = sl_cli_fail (SL_CLI_USAGE, _ ("In a team database you are the login you connect "
                                              "as: --as is for a local file"));
      return FALSE;
    }
  if (!sl_cli_member (store, email, member_id, status))
    return FALSE;
  sl_store_set_actor (store, *member_id);
  return TRUE;
}

/* Appends @node as one line of a JSON array written one element per line */
void
sl_cli_append_json (GString *out, JsonNode *node, gboolean first)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, first ? "\n  " : ",\n  ");
  g_string_append (out, text);
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
