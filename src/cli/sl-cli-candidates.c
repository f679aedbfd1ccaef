/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-candidates.c — shortlist-cli add-candidate and candidates
 *
 * Values the command line can check on its own are checked before the database is opened, so
 * a mistyped option never creates or touches a file. `candidates` only reads: it opens the file
 * read-only, and a missing file is an error, not a new database.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-candidate-csv.h"
#include "sl-candidate-json.h"
#include "sl-cli-table.h"
#include "sl-cli.h"
#include "sl-countries.h"
#include "sl-report-export.h"
#include "sl-store.h"
#include "sl-vocab.h"

/* Output is written in pieces of about this size */
#define FLUSH_SIZE 65536

static const char *const formats[] = { "table", "csv", "json", "xlsx", NULL };

static gboolean
parse_years (const char *text, double *years, int *status)
{
  char *end = NULL;

  if (text == NULL)
    return TRUE;
  *years = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && *years >= 0 && *years <= 70)
    return TRUE;
  *status = sl_cli_fail (SL_CLI_USAGE, _ ("%s must be a number from %d to %d"),
                         "--years-experience", 0, 70);
  return FALSE;
}

int
sl_cli_add_candidate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlCandidate) candidate = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw_name = NULL;
  g_autofree char *raw_email = NULL;
  g_autofree char *raw_phone = NULL;
  g_autofree char *raw_city = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *country = NULL;
  g_autofree char *city = NULL;
  g_autofree char *stack = NULL;
  g_autofree char *seniority = NULL;
  g_autofree char *years_text = NULL;
  double years = -1;
  gboolean existed;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &raw_name, N_ ("The candidate’s name (required)"),
      N_ ("NAME") },
    { "email", 0, 0, G_OPTION_ARG_FILENAME, &raw_email, N_ ("Their email address"), N_ ("EMAIL") },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME, &raw_phone, N_ ("Their phone number"), N_ ("PHONE") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_ ("Where they live: an ISO 3166 code such as BR, UA, PL, RO, PH or MX"), N_ ("CC") },
    { "city", 0, 0, G_OPTION_ARG_FILENAME, &raw_city, N_ ("The city they live in"), N_ ("CITY") },
    { "stack", 0, 0, G_OPTION_ARG_STRING, &stack,
      N_ ("Their primary stack: java, python, dotnet, php, ruby, node, go, kotlin, …"),
      N_ ("STACK") },
    { "seniority", 0, 0, G_OPTION_ARG_STRING, &seniority, N_ ("junior, mid or senior"),
      N_ ("LEVEL") },
    { "years-experience", 0, 0, G_OPTION_ARG_STRING, &years_text,
      N_ ("Years of experience, from 0 to 70"), N_ ("YEARS") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Adds a candidate and prints their id. The database is created if it does not exist."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (raw_name == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--name");
  if (!sl_cli_text ("--name", raw_name, &name, &status) ||
      !sl_cli_text ("--email", raw_email, &email, &status) ||
      !sl_cli_text ("--phone", raw_phone, &phone, &status) ||
      !sl_cli_text ("--city", raw_city, &city, &status) || !sl_cli_country (&country, &status) ||
      !sl_cli_vocab ("--seniority", seniority, SL_VOCAB_SENIORITY, &status) ||
      !parse_years (years_text, &years, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;
  if (stack != NULL)
    {
      char *lower = g_ascii_strdown (stack, -1);
      g_free (stack);
      stack = lower;
    }

  candidate = sl_candidate_new ();
  sl_candidate_set_name (candidate, name);
  sl_candidate_set_text (candidate, SL_CANDIDATE_EMAIL, email ? email : "");
  sl_candidate_set_text (candidate, SL_CANDIDATE_PHONE, phone ? phone : "");
  sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, country ? country : "");
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, city ? city : "");
  sl_candidate_set_text (candidate, SL_CANDIDATE_STACK, stack ? stack : "");
  sl_candidate_set_text (candidate, SL_CANDIDATE_SENIORITY, seniority ? seniority : "");
  sl_candidate_set_years_experience (candidate, years);

  /* A file this run creates is removed again if the candidate cannot be saved */
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = sl_store_open (path, &error);
  if (store == NULL || !sl_cli_stack (store, stack, &status) ||
      !sl_store_save_candidate (store, candidate, &error))
    {
      g_clear_object (&store);
      if (!existed)
        sl_cli_remove_database (path);
      return error ? sl_cli_fail_error (error) : status;
    }

  g_print ("%" G_GINT64_FORMAT "\n", sl_candidate_get_id (candidate));
  return sl_cli_finish_output (&status) ? SL_CLI_OK : status;
}

static void
add_table_row (SlCliTable *table, SlStore *store, GHashTable *stack_names, SlCandidate *candidate)
{
  const char *stack = sl_candidate_get_text (candidate, SL_CANDIDATE_STACK);
  const char *seniority = sl_candidate_get_text (candidate, SL_CANDIDATE_SENIORITY);
  const char *stage = sl_candidate_get_text (candidate, SL_CANDIDATE_STAGE);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sl_candidate_get_id (candidate));
  const char *stack_name = NULL;
  const char *cells[6];

  if (*stack != '\0')
    {
      stack_name = g_hash_table_lookup (stack_names, stack);
      if (stack_name == NULL)
        {
          char *found = sl_store_get_stack_name (store, stack);
          stack_name = found ? found : stack;
          g_hash_table_insert (stack_names, g_strdup (stack), found ? found : g_strdup (stack));
        }
    }
  cells[0] = id;
  cells[1] = sl_candidate_get_name (candidate);
  cells[2] = sl_countries_name (sl_candidate_get_text (candidate, SL_CANDIDATE_COUNTRY));
  cells[3] = *seniority ? sl_vocab_label (SL_VOCAB_SENIORITY, seniority) : "";
  cells[4] = stack_name;
  cells[5] = *stage ? sl_vocab_label (SL_VOCAB_STAGE, stage) : "";
  sl_cli_table_add_row (table, cells);
}

static void
append_json (GString *out, JsonGenerator *generator, JsonNode *node, gboolean first)
{
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, first ? "\n  " : ",\n  ");
  g_string_append (out, text);
}

typedef struct
{
  GString *out;
  GString *scratch;
  int *status;
} CsvWriter;

static gboolean
write_csv_record (const SlCandidateRecord *record, gpointer data, GError **error)
{
  CsvWriter *writer = data;

  sl_candidate_csv_append_record (writer->out, record, writer->scratch);
  if (writer->out->len >= FLUSH_SIZE)
    {
      if (!sl_cli_write (writer->out->str, writer->out->len, writer->status))
        return FALSE;
      g_string_truncate (writer->out, 0);
    }
  return TRUE;
}

typedef struct
{
  SlApplicationReader *reader;
  GString *out;
  GString *scratch;
  GArray *applications;
  guint count;
  int *status;
} JsonWriter;

static gboolean
write_json_record (const SlCandidateRecord *record, gpointer data, GError **error)
{
  JsonWriter *writer = data;

  if (!sl_application_reader_read (writer->reader, record->id, writer->applications, error))
    return FALSE;
  g_string_append (writer->out, writer->count++ == 0 ? "\n  " : ",\n  ");
  sl_candidate_json_append (writer->out, record,
                            (const SlApplicationRecord *) (gpointer) writer->applications->data,
                            writer->applications->len, writer->scratch);
  if (writer->out->len >= FLUSH_SIZE)
    {
      if (!sl_cli_write (writer->out->str, writer->out->len, writer->status))
        return FALSE;
      g_string_truncate (writer->out, 0);
    }
  return TRUE;
}

/* JSON straight from the database like the CSV, each candidate with their applications: no
 * object or JSON tree for each (five times the CSV's time for all 100,000 before) */
static gboolean
write_json (SlDatabase *db, const SlCandidateQuery *query, int *status)
{
  g_autoptr (GString) out = g_string_new ("[");
  g_autoptr (GString) scratch = g_string_new (NULL);
  g_autoptr (GArray) applications = g_array_new (FALSE, FALSE, sizeof (SlApplicationRecord));
  g_autoptr (GError) error = NULL;
  g_autoptr (SlApplicationReader) reader = sl_application_reader_new (db, &error);
  JsonWriter writer = { reader, out, scratch, applications, 0, status };

  if (reader == NULL || !sl_store_read_candidates (db, query, write_json_record, &writer, &error))
    {
      if (error != NULL)
        *status = sl_cli_fail_error (error);
      return FALSE;
    }
  return sl_cli_finish_listing (out, TRUE, writer.count, NULL, status);
}

/* CSV rows straight from the database, as the CSV export writes them */
static gboolean
write_csv (SlDatabase *db, const SlCandidateQuery *query, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) scratch = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  CsvWriter writer = { out, scratch, status };

  sl_candidate_csv_append_header (out);
  if (!sl_store_read_candidates (db, query, write_csv_record, &writer, &error))
    {
      /* A failed write has said so already */
      if (error != NULL)
        *status = sl_cli_fail_error (error);
      return FALSE;
    }
  return sl_cli_finish_listing (out, FALSE, 0, NULL, status);
}

/* Writes the candidates with @ids as a table or JSON; a table is aligned, so it is written at
 * the end, JSON as it goes */
static gboolean
write_candidates (SlStore *store, GArray *ids, const char *format, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (SlCliTable) table = NULL;
  g_autoptr (GHashTable) stack_names =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean json = g_str_equal (format, "json");

  if (json)
    g_string_append_c (out, '[');
  else
    {
      const char *header[] = { _ ("ID"),        _ ("Name"),  _ ("Country"),
                               _ ("Seniority"), _ ("Stack"), _ ("Stage") };

      table = sl_cli_table_new (G_N_ELEMENTS (header));
      sl_cli_table_set_align_end (table, 0, TRUE);
      sl_cli_table_set_max_width (table, 1, 40);
      sl_cli_table_add_row (table, (const char *const *) header);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SlCandidate) candidate =
        sl_store_get_candidate (store, g_array_index (ids, gint64, i), &error);

      if (candidate == NULL)
        {
          *status = sl_cli_fail_error (error);
          return FALSE;
        }
      if (json)
        {
          g_autoptr (GListModel) applications =
            sl_store_list_applications (store, sl_candidate_get_id (candidate), &error);
          g_autoptr (JsonNode) node = NULL;

          if (applications == NULL)
            {
              *status = sl_cli_fail_error (error);
              return FALSE;
            }
          node = sl_candidate_to_json (candidate, applications);
          append_json (out, generator, node, i == 0);
        }
      else
        add_table_row (table, store, stack_names, candidate);

      if (out->len >= FLUSH_SIZE)
        {
          if (!sl_cli_write (out->str, out->len, status))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return sl_cli_finish_listing (out, json, ids->len, table, status);
}

int
sl_cli_candidates (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  SlDatabase *db;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw_search = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  guint64 limit = 0;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &raw_search,
      N_ ("Only candidates matching these words (name, email, city, skills, notes); accents and "
          "case do not matter"),
      N_ ("TEXT") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &query->country,
      N_ ("Only candidates from this country (ISO 3166 code)"), N_ ("CC") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &query->stage,
      N_ ("Only candidates whose current stage is STAGE: sourced, screening, resume-review, "
          "pre-sell, technical, culture, feedback, offer, hired, rejected or withdrawn"),
      N_ ("STAGE") },
    { "seniority", 0, 0, G_OPTION_ARG_STRING, &query->seniority,
      N_ ("Only junior, mid or senior candidates"), N_ ("LEVEL") },
    { "stack", 0, 0, G_OPTION_ARG_STRING, &query->stack,
      N_ ("Only candidates with this primary stack"), N_ ("STACK") },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text, N_ ("Show at most N candidates"), N_ ("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_ ("table (the default), csv, json or xlsx; csv, json and xlsx show every field"),
      N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write csv or xlsx to this file instead of the standard output (required for xlsx)"),
      N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Lists candidates sorted by name. The database is only read; it must exist."), entries,
    &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (format == NULL)
    format = g_strdup ("table");
  if (query->stack != NULL)
    {
      char *lower = g_ascii_strdown (query->stack, -1);
      g_free (query->stack);
      query->stack = lower;
    }
  if (!sl_cli_text ("--search", raw_search, &query->text, &status) ||
      !sl_cli_country (&query->country, &status) ||
      !sl_cli_stage ("--stage", query->stage, &status) ||
      !sl_cli_vocab ("--seniority", query->seniority, SL_VOCAB_SENIORITY, &status) ||
      (limit_text != NULL &&
       !sl_cli_number ("--limit", limit_text, 1, G_MAXUINT, &limit, &status)) ||
      !sl_cli_choice ("--format", format, formats, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;
  query->limit = (guint) limit;
  if (output != NULL && g_str_equal (output, "-"))
    g_clear_pointer (&output, g_free);
  if (output != NULL && *output == '\0')
    return sl_cli_fail (SL_CLI_USAGE, _ ("%s needs a file name"), "--output");
  if (g_str_equal (format, "xlsx") && output == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--output");
  if (output != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    /* Translators: "--output is only for --format csv or xlsx" */
    return sl_cli_fail (SL_CLI_USAGE, _ ("%s is only for %s csv or xlsx"), "--output", "--format");

  store = sl_cli_open_reader (path, &status);
  if (store == NULL)
    return status;
  db = sl_store_get_database (store);
  if (!sl_cli_stack (store, query->stack, &status))
    return status;
  if (output != NULL)
    {
      /* Written beside the file and moved into place once complete */
      if (!sl_candidates_export (db, query,
                                 g_str_equal (format, "xlsx") ? SL_EXPORT_XLSX : SL_EXPORT_CSV,
                                 output, NULL, NULL, NULL, &error))
        return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
      return SL_CLI_OK;
    }
  /* Every candidate, the whole file read in name order: mapped, as the exports do */
  if (sl_candidate_query_is_empty (query) && query->limit == 0 &&
      !sl_database_map_file (db, &error))
    return sl_cli_fail_error (error);
  if (g_str_equal (format, "csv"))
    return write_csv (db, query, &status) ? SL_CLI_OK : status;
  if (g_str_equal (format, "json"))
    return write_json (db, query, &status) ? SL_CLI_OK : status;
  ids = sl_candidate_query_run (query, db, NULL, &error);
  if (ids == NULL)
    return sl_cli_fail_error (error);
  if (!write_candidates (store, ids, format, &status))
    return status;
  return SL_CLI_OK;
}
