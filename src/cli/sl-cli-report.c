/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-report.c — shortlist-cli report: the hiring reports as CSV, XLSX or PDF files, or
 * as JSON for scripts (the same bytes in every language; see sl-report-json.c)
 *
 * Only reads: the database is opened read-only and must exist. Everything the command line
 * can check on its own (the report, the format, the dates, the codes) is checked before the
 * database is opened. The file is written beside its name and moved into place once complete,
 * so a failed export leaves no file behind, and an older one as it was.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sl-cli.h"
#include "sl-store-positions.h"
#include "sl-report-export.h"
#include "sl-report.h"
#include "sl-store.h"

static const char *const export_formats[] = { "csv", "xlsx", "pdf", "json", NULL };

/* JSON is not a file the app exports: it is written here, not by sl_report_export () */
#define FORMAT_JSON ((SlExportFormat) -1)

/* A date given as YYYY-MM-DD: midnight UTC of that day, or of the day after when @next_day (an
 * inclusive --to is an exclusive limit at the start of the next day) */
static gboolean
parse_date (const char *option, const char *text, gboolean next_day, gint64 *out, int *status)
{
  g_autoptr (GDateTime) date = NULL;
  int year = 0, month = 0, day = 0;

  if (text == NULL)
    return TRUE;
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      for (guint i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
          goto invalid;
      year = atoi (text);
      month = atoi (text + 5);
      day = atoi (text + 8);
      if (year >= 1970 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        date = g_date_time_new_utc (year, month, day, 0, 0, 0);
    }
  if (date == NULL)
    goto invalid;
  if (next_day)
    {
      GDateTime *after = g_date_time_add_days (date, 1);
      g_date_time_unref (date);
      date = after;
    }
  *out = g_date_time_to_unix (date);
  return TRUE;

invalid:
  /* Translators: "--from must be a date such as 2026-03-31" */
  *status = sl_cli_fail (SL_CLI_USAGE, _ ("%s must be a date such as %s"), option, "2026-03-31");
  return FALSE;
}

static gboolean
format_from_id (const char *id, SlExportFormat *out)
{
  if (g_str_equal (id, "json"))
    {
      *out = FORMAT_JSON;
      return TRUE;
    }
  return sl_export_format_from_id (id, out);
}

/* The --format given, else the one --output's name ends in; CSV for the standard output */
static gboolean
export_format (const char *format, const char *output, SlExportFormat *out, int *status)
{
  g_autofree char *lower = NULL;

  /* PDF and pdf alike, in the option as in the file's name */
  if (format != NULL)
    {
      lower = g_ascii_strdown (format, -1);
      if (!sl_cli_choice ("--format", lower, export_formats, status))
        return FALSE;
      return format_from_id (lower, out);
    }
  if (g_str_equal (output, "-"))
    {
      *out = SL_EXPORT_CSV;
      return TRUE;
    }
  lower = g_ascii_strdown (output, -1);
  if (g_str_has_suffix (lower, ".json"))
    {
      *out = FORMAT_JSON;
      return TRUE;
    }
  for (guint i = 0; export_formats[i] != NULL; i++)
    {
      SlExportFormat guess;

      if (sl_export_format_from_id (export_formats[i], &guess) &&
          g_str_has_suffix (lower, sl_export_format_extension (guess)))
        {
          *out = guess;
          return TRUE;
        }
    }
  *status = sl_cli_usage_error ("report", _ ("%s is required"), "--format");
  return FALSE;
}

/* The reports @name asks for: one kind, or all of them */
static gboolean
report_kinds (const char *name, GArray *kinds, int *status)
{
  g_autoptr (GPtrArray) choices = g_ptr_array_new ();
  SlReportKind kind;

  if (g_strcmp0 (name, "all") == 0)
    {
      for (guint i = 0; i < SL_N_REPORTS; i++)
        {
          kind = (SlReportKind) i;
          g_array_append_val (kinds, kind);
        }
      return TRUE;
    }
  if (sl_report_kind_from_id (name, &kind))
    {
      g_array_append_val (kinds, kind);
      return TRUE;
    }
  for (guint i = 0; i < SL_N_REPORTS; i++)
    g_ptr_array_add (choices, (gpointer) sl_report_kind_id ((SlReportKind) i));
  g_ptr_array_add (choices, (gpointer) "all");
  g_ptr_array_add (choices, NULL);
  return sl_cli_choice ("REPORT", name, (const char *const *) choices->pdata, status);
}

static gboolean
write_stdout (GPtrArray *reports, gboolean json, const SlReportFilter *filter, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (json)
    sl_report_json_append (out, reports, filter);
  else
    sl_report_csv_append (out, reports);
  return sl_cli_write (out->str, out->len, status) && sl_cli_finish_output (status);
}

int
sl_cli_report (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  SlDatabase *db;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlMember) member = NULL;
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_report_unref);
  g_autoptr (GArray) kinds = g_array_new (FALSE, FALSE, sizeof (SlReportKind));
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *position = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *email = NULL;
  g_autofree char *filters = NULL;
  static const char *const arguments[] = { "REPORT", NULL };
  SlReportFilter filter = { 0 };
  SlExportFormat export_format_id = SL_EXPORT_CSV;
  SlExportInfo info;
  gint64 member_id = 0;
  gint64 now;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_ ("csv, xlsx, pdf or json (default: from the name of the output file; csv for -)"),
      N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The file to write (required but for json, which goes to the standard output "
          "without it); - is the standard output"),
      N_ ("FILE") },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position,
      N_ ("Only the applications to the position with this id"), N_ ("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_ ("Only applications made on this day or later (UTC)"), N_ ("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_ ("Only applications made on this day or earlier (UTC)"), N_ ("YYYY-MM-DD") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &filter.country,
      N_ ("Only candidates from this country (ISO 3166 code)"), N_ ("CC") },
    { "stack", 0, 0, G_OPTION_ARG_STRING, &filter.stack,
      N_ ("Only candidates with this primary stack"), N_ ("STACK") },
    { "seniority", 0, 0, G_OPTION_ARG_STRING, &filter.seniority,
      N_ ("Only junior, mid or senior candidates"), N_ ("LEVEL") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the team member who exports it, named on the title page"), N_ ("EMAIL") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "REPORT",
    N_ ("Writes a hiring report as a file: REPORT is funnel, speed, sources, breakdown, offers, "
        "interviewers, retention or all. The filters choose the applications counted, by the "
        "day they were made. A file already there is replaced only once the new one is "
        "complete. JSON, for scripts, names every table and column by a stable id and reads "
        "the same in every language. The database is only read; it must exist."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    goto out;
  if (!report_kinds (argv[1], kinds, &status))
    goto out;
  /* A format that is none is said first, rather than a missing --output */
  if (format != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (format, -1);

      if (!sl_cli_choice ("--format", lower, export_formats, &status))
        goto out;
    }
  /* JSON is for scripts: to the standard output unless told otherwise */
  if (output == NULL && format != NULL && g_ascii_strcasecmp (format, "json") == 0)
    output = g_strdup ("-");
  if (output == NULL)
    {
      status = sl_cli_usage_error (argv[0], _ ("%s is required"), "--output");
      goto out;
    }
  if (*output == '\0')
    {
      status = sl_cli_fail (SL_CLI_USAGE, _ ("%s needs a file name"), "--output");
      goto out;
    }
  if (filter.stack != NULL)
    {
      char *lower = g_ascii_strdown (filter.stack, -1);
      g_free (filter.stack);
      filter.stack = lower;
    }
  if (!export_format (format, output, &export_format_id, &status) ||
      (position != NULL && !sl_cli_id ("--position", position, &filter.position_id, &status)) ||
      !parse_date ("--from", from, FALSE, &filter.from, &status) ||
      !parse_date ("--to", to, TRUE, &filter.to, &status) ||
      !sl_cli_country (&filter.country, &status) ||
      !sl_cli_vocab ("--seniority", filter.seniority, SL_VOCAB_SENIORITY, &status) ||
      !sl_cli_email ("--as", email, &status) || !sl_cli_database_name (database, &path, &status))
    goto out;
  if (filter.from > 0 && filter.to > 0 && filter.from >= filter.to)
    {
      status = sl_cli_fail (SL_CLI_USAGE, _ ("%s must not be after %s"), "--from", "--to");
      goto out;
    }
  if (g_str_equal (output, "-") && export_format_id != SL_EXPORT_CSV &&
      export_format_id != FORMAT_JSON)
    {
      status =
        sl_cli_fail (SL_CLI_USAGE, _ ("Only CSV and JSON can be written to the standard output"));
      goto out;
    }

  store = sl_cli_open_reader (path, &status);
  if (store == NULL)
    goto out;
  db = sl_store_get_database (store);
  if (!sl_cli_stack (store, filter.stack, &status) ||
      !sl_cli_act_as (store, email, &member_id, &status))
    goto out;
  if (member_id > 0)
    member = sl_store_get_member (store, member_id);
  if (filter.position_id > 0)
    {
      g_autoptr (SlPosition) found = sl_store_get_position (store, filter.position_id, &error);

      if (found == NULL)
        {
          status = sl_cli_fail_error (error);
          goto out;
        }
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  {
    GPtrArray *run = sl_report_run_many (db, (const SlReportKind *) (gpointer) kinds->data,
                                         kinds->len, &filter, now, NULL, &error);

    if (run == NULL)
      {
        status = sl_cli_fail_error (error);
        goto out;
      }
    g_ptr_array_extend_and_steal (reports, run);
  }

  if (g_str_equal (output, "-"))
    {
      if (!write_stdout (reports, export_format_id == FORMAT_JSON, &filter, &status))
        goto out;
      status = SL_CLI_OK;
      goto out;
    }
  if (export_format_id == FORMAT_JSON)
    {
      if (!sl_report_export_json (reports, &filter, output, &error))
        status = sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
      goto out;
    }
  filters = sl_report_filter_describe (&filter, db);
  info.filters = filters;
  info.author = member ? sl_member_get_name (member) : "";
  if (!sl_report_export (reports, export_format_id, &info, output, NULL, NULL, NULL, &error))
    status = sl_cli_fail (SL_CLI_FAILED, "%s", error->message);

out:
  sl_report_filter_clear (&filter);
  return status;
}
