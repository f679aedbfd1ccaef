/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-positions.c — shortlist-cli positions, add-position and approve
 *
 * `positions` only reads: it opens the file read-only. `add-position` creates the database if
 * it does not exist, like add-candidate; `approve` changes a position, so its file must exist.
 * Refusals by the hiring rules (who may approve, a description to approve) exit with 1: the
 * command was used rightly, the data did not allow it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sl-cli-table.h"
#include "sl-cli.h"
#include "sl-server.h"
#include "sl-csv.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"

static const char *const formats[] = { "table", "csv", "json", NULL };

/* The same labels as the app's Positions view */
static const struct
{
  const char *id;
  const char *label;
} status_labels[] = {
  { "kickoff", N_ ("Kickoff") }, { "draft", N_ ("Description draft") }, { "open", N_ ("Open") },
  { "on-hold", N_ ("On hold") }, { "filled", N_ ("Filled") },           { "closed", N_ ("Closed") },
};

/* The CSV's count columns: the default pipeline (a stage of a position's own counts in
 * "active" only) */
static const char *const csv_stages[] = { "sourced",   "screening", "resume-review", "pre-sell",
                                          "technical", "culture",   "feedback",      "offer",
                                          "hired",     NULL };

static const char *
status_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_labels); i++)
    if (g_str_equal (status_labels[i].id, status))
      return _ (status_labels[i].label);
  return status;
}

static void
set_code (JsonObject *object, const char *member, const char *value)
{
  if (value == NULL || *value == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

static char *
iso_time (gint64 unix_time)
{
  g_autoptr (GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_utc (unix_time) : NULL;

  return time ? g_date_time_format_iso8601 (time) : NULL;
}

/* The email of who approved @position, or NULL; looked up once per member */
static const char *
approver_email (SlStore *store, GHashTable *emails, SlPosition *position)
{
  gint64 id = sl_position_get_approved_by (position);
  const char *email;

  if (id <= 0)
    return NULL;
  if (!g_hash_table_lookup_extended (emails, &id, NULL, (gpointer *) &email))
    {
      g_autoptr (SlMember) member = sl_store_get_member (store, id);

      email = member ? g_strdup (sl_member_get_email (member)) : NULL;
      g_hash_table_insert (emails, g_memdup2 (&id, sizeof id), (gpointer) email);
    }
  return email;
}

/* The position as the JSON object `positions --format json` writes, and its number of active
 * applications (those not rejected or withdrawn) */
static JsonObject *
position_to_json (SlStore *store, GHashTable *emails, SlPosition *position, guint *active,
                  GError **error)
{
  g_autoptr (GListModel) stages =
    sl_store_list_position_stages (store, sl_position_get_id (position), TRUE, error);
  g_autoptr (JsonObject) object = NULL;
  g_autofree char *approved_at = NULL;
  JsonArray *countries;
  JsonObject *counts;
  const char *const *codes = sl_position_get_countries (position);

  if (stages == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_int_member (object, "id", sl_position_get_id (position));
  json_object_set_string_member (object, "title", sl_position_get_title (position));
  json_object_set_string_member (object, "status", sl_position_get_status (position));
  json_object_set_string_member (object, "client",
                                 sl_position_get_text (position, SL_POSITION_CLIENT));
  set_code (object, "seniority", sl_position_get_text (position, SL_POSITION_SENIORITY));
  set_code (object, "stack", sl_position_get_text (position, SL_POSITION_STACK));
  set_code (object, "employment_type",
            sl_position_get_text (position, SL_POSITION_EMPLOYMENT_TYPE));
  json_object_set_int_member (object, "headcount", sl_position_get_headcount (position));
  countries = json_array_new ();
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    json_array_add_string_element (countries, codes[i]);
  json_object_set_array_member (object, "countries", countries);
  set_code (object, "approved_by", approver_email (store, emails, position));
  approved_at = iso_time (sl_position_get_approved_at (position));
  set_code (object, "approved_at", approved_at);

  /* Every stage of the pipeline, hidden ones too (an application may wait there), in order */
  counts = json_object_new ();
  *active = 0;
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      guint count = sl_position_get_count (position, sl_stage_column_get_id (column));

      json_object_set_int_member (counts, sl_stage_column_get_id (column), count);
      *active += count;
    }
  json_object_set_object_member (object, "counts", counts);
  return g_steal_pointer (&object);
}

static void
append_csv_header (GString *out)
{
  static const char *const columns[] = {
    "id",        "title",     "status",      "client",      "seniority", "stack", "employment_type",
    "headcount", "countries", "approved_by", "approved_at", "active",
  };
  g_autoptr (GPtrArray) header = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_ptr_array_add (header, (gpointer) columns[i]);
  for (guint i = 0; csv_stages[i] != NULL; i++)
    g_ptr_array_add (header, (gpointer) csv_stages[i]);
  sl_csv_append_row (out, (const char *const *) header->pdata, header->len);
}

static char *
member_text (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup (json_node_get_string (node));
}

/* A CSV row with the JSON's values: null is an empty field, the countries are joined with "; " */
static void
append_csv_row (GString *out, JsonObject *object, guint active)
{
  static const char *const scalars[] = { "id",        "title", "status",          "client",
                                         "seniority", "stack", "employment_type", "headcount",
                                         NULL };
  g_autoptr (GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  JsonArray *countries = json_object_get_array_member (object, "countries");
  JsonObject *counts = json_object_get_object_member (object, "counts");
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; scalars[i] != NULL; i++)
    g_ptr_array_add (row, member_text (object, scalars[i]));
  for (guint i = 0; i < json_array_get_length (countries); i++)
    g_ptr_array_add (codes, (gpointer) json_array_get_string_element (countries, i));
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (row, g_strjoinv ("; ", (char **) codes->pdata));
  g_ptr_array_add (row, member_text (object, "approved_by"));
  g_ptr_array_add (row, member_text (object, "approved_at"));
  g_ptr_array_add (row, g_strdup_printf ("%u", active));
  for (guint i = 0; csv_stages[i] != NULL; i++)
    g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT,
                                           json_object_has_member (counts, csv_stages[i])
                                             ? json_object_get_int_member (counts, csv_stages[i])
                                             : 0));
  sl_csv_append_row (out, (const char *const *) row->pdata, row->len);
}

static gboolean
write_positions (SlStore *store, GListModel *positions, const char *format, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (SlCliTable) table = NULL;
  g_autoptr (GHashTable) emails =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gboolean json = g_str_equal (format, "json");
  gboolean csv = g_str_equal (format, "csv");
  guint n = g_list_model_get_n_items (positions);

  if (csv)
    append_csv_header (out);
  else if (json)
    g_string_append_c (out, '[');
  else
    {
      /* Translators: a column of the positions' list: how many of each one's applications are
       * still in the pipeline (not hired, rejected or withdrawn) */
      const char *header[] = { _ ("ID"), _ ("Title"), _ ("Status"), _ ("Headcount"),
                               C_ ("applications", "Active") };

      table = sl_cli_table_new (G_N_ELEMENTS (header));
      sl_cli_table_set_align_end (table, 0, TRUE);
      sl_cli_table_set_max_width (table, 1, 40);
      sl_cli_table_set_align_end (table, 3, TRUE);
      sl_cli_table_set_align_end (table, 4, TRUE);
      sl_cli_table_add_row (table, (const char *const *) header);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlPosition) position = g_list_model_get_item (positions, i);
      g_autoptr (GError) error = NULL;
      guint active = 0;
      g_autoptr (JsonObject) object = position_to_json (store, emails, position, &active, &error);

      if (object == NULL)
        {
          *status = sl_cli_fail_error (error);
          return FALSE;
        }
      if (json)
        {
          g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
          sl_cli_append_json (out, node, i == 0);
        }
      else if (csv)
        append_csv_row (out, object, active);
      else
        {
          g_autofree char *id =
            g_strdup_printf ("%" G_GINT64_FORMAT, sl_position_get_id (position));
          g_autofree char *headcount = g_strdup_printf ("%d", sl_position_get_headcount (position));
          g_autofree char *total = g_strdup_printf ("%u", active);
          const char *cells[] = { id, sl_position_get_title (position),
                                  status_label (sl_position_get_status (position)), headcount,
                                  total };

          sl_cli_table_add_row (table, cells);
        }
    }

  return sl_cli_finish_listing (out, json, n, table, status);
}

int
sl_cli_positions (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  SlDatabase *db;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GListModel) positions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_ ("table (the default), csv or json; csv and json show every field and the number of "
          "active applications at each stage"),
      N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Lists positions with their status and active applications; open ones first. The "
        "database is only read; it must exist."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (format == NULL)
    format = g_strdup ("table");
  if (!sl_cli_choice ("--format", format, formats, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_reader (path, &status);
  if (store == NULL)
    return status;
  db = sl_store_get_database (store);
  positions = sl_store_list_positions (store, db, &error);
  if (positions == NULL)
    return sl_cli_fail_error (error);
  if (!write_positions (store, positions, format, &status))
    return status;
  return SL_CLI_OK;
}

int
sl_cli_add_position (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw_title = NULL;
  g_autofree char *raw_client = NULL;
  g_autofree char *raw_description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *client = NULL;
  g_autofree char *description = NULL;
  g_autofree char *seniority = NULL;
  g_autofree char *stack = NULL;
  g_autofree char *employment = NULL;
  g_autofree char *headcount_text = NULL;
  g_auto (GStrv) countries = NULL;
  guint64 headcount = 1;
  gboolean existed;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &raw_title, N_ ("The position’s title (required)"),
      N_ ("TITLE") },
    { "client", 0, 0, G_OPTION_ARG_FILENAME, &raw_client, N_ ("The client or team it is for"),
      N_ ("CLIENT") },
    { "seniority", 0, 0, G_OPTION_ARG_STRING, &seniority, N_ ("junior, mid or senior"),
      N_ ("LEVEL") },
    { "stack", 0, 0, G_OPTION_ARG_STRING, &stack,
      N_ ("The primary stack: java, python, dotnet, php, ruby, node, go, kotlin, …"),
      N_ ("STACK") },
    { "employment", 0, 0, G_OPTION_ARG_STRING, &employment,
      N_ ("employee, freelancer or contractor"), N_ ("TYPE") },
    { "headcount", 0, 0, G_OPTION_ARG_STRING, &headcount_text,
      N_ ("How many people to hire, from 1 to 1000 (default: 1)"), N_ ("N") },
    { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, &countries,
      N_ ("A country candidates may live in (ISO 3166 code); repeat it for each"), N_ ("CC") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &raw_description,
      N_ ("The job description; it still needs approval before candidates can apply"),
      N_ ("TEXT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Adds a position and prints its id. It starts at kickoff, or as a description draft "
        "when it has a description. The database is created if it does not exist."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (raw_title == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--title");
  if (!sl_cli_text ("--title", raw_title, &title, &status) ||
      !sl_cli_text ("--client", raw_client, &client, &status) ||
      !sl_cli_text ("--description", raw_description, &description, &status) ||
      !sl_cli_vocab ("--seniority", seniority, SL_VOCAB_SENIORITY, &status) ||
      !sl_cli_vocab ("--employment", employment, SL_VOCAB_EMPLOYMENT, &status) ||
      (headcount_text != NULL &&
       !sl_cli_number ("--headcount", headcount_text, 1, 1000, &headcount, &status)))
    return status;
  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    if (!sl_cli_country (&countries[i], &status))
      return status;
  if (!sl_cli_database_name (database, &path, &status))
    return status;
  if (stack != NULL)
    {
      char *lower = g_ascii_strdown (stack, -1);
      g_free (stack);
      stack = lower;
    }

  position = sl_position_new ();
  sl_position_set_text (position, SL_POSITION_TITLE, title);
  sl_position_set_text (position, SL_POSITION_CLIENT, client ? client : "");
  sl_position_set_text (position, SL_POSITION_SENIORITY, seniority ? seniority : "");
  sl_position_set_text (position, SL_POSITION_STACK, stack ? stack : "");
  sl_position_set_text (position, SL_POSITION_EMPLOYMENT_TYPE, employment ? employment : "");
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, description ? description : "");
  sl_position_set_headcount (position, (int) headcount);
  sl_position_set_countries (position, (const char *const *) countries);

  /* A file this run creates is removed again if the position cannot be saved */
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = sl_cli_open_store (path, TRUE, &status);
  if (store == NULL || !sl_cli_stack (store, stack, &status) ||
      !sl_store_save_position (store, position, &error))
    {
      g_clear_object (&store);
      if (!existed)
        sl_cli_remove_database (path);
      return error ? sl_cli_fail_error (error) : status;
    }

  g_print ("%" G_GINT64_FORMAT "\n", sl_position_get_id (position));
  return sl_cli_finish_output (&status) ? SL_CLI_OK : status;
}

int
sl_cli_approve (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlPosition) position = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *email = NULL;
  static const char *const arguments[] = { "POSITION_ID", NULL };
  gint64 position_id = 0;
  gint64 member_id = 0;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the hiring lead or admin who approves (required)"), N_ ("EMAIL") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "POSITION_ID",
    N_ ("Approves the job description of position POSITION_ID and opens the position, so "
        "candidates can apply. Only a hiring lead or an admin can approve. Prints nothing."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (!sl_cli_id ("POSITION_ID", argv[1], &position_id, &status) ||
      !sl_cli_email ("--as", email, &status) || !sl_cli_database_name (database, &path, &status))
    return status;
  /* In a team database, who approves is who logged in */
  if (email == NULL && !sl_server_is_uri (path))
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--as");

  store = sl_cli_open_store (path, FALSE, &status);
  if (store == NULL || !sl_cli_act_as (store, email, &member_id, &status))
    return status;
  position = sl_store_get_position (store, position_id, &error);
  if (position == NULL || !sl_store_approve_description (store, position, member_id, &error))
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
  return SL_CLI_OK;
}
