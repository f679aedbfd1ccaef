/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-pipeline.c — shortlist-cli apply, move and history
 *
 * `apply` and `move` change an existing database: a missing file is an error, not a new one.
 * Values the command line can check on its own (ids, the stage id, a rejection's reason, the
 * email's form) are checked before the file is opened, and are usage errors (exit 2). Refusals
 * by the hiring rules — the description is not approved, the position is not open, the
 * candidate already applied, the stage is not in this position's pipeline — exit with 1: the
 * command was used rightly, the data did not allow it. `move` prints nothing when it worked.
 * `history` only reads: it opens the file read-only.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-cli-table.h"
#include "sl-cli.h"
#include "sl-store-pipeline.h"
#include "sl-stage-event.h"

static const char *const history_formats[] = { "table", "json", NULL };

int
sl_cli_apply (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *email = NULL;
  static const char *const arguments[] = { "CANDIDATE_ID", "POSITION_ID", NULL };
  gint64 candidate_id = 0;
  gint64 position_id = 0;
  gint64 member_id = 0;
  gint64 application_id;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the team member who adds the candidate, for the history"), N_ ("EMAIL") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "CANDIDATE_ID POSITION_ID",
    N_ ("Adds candidate CANDIDATE_ID to position POSITION_ID at the first stage of its pipeline "
        "and prints the application’s id. The position must be open, with its description "
        "approved."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (!sl_cli_id ("CANDIDATE_ID", argv[1], &candidate_id, &status) ||
      !sl_cli_id ("POSITION_ID", argv[2], &position_id, &status) ||
      !sl_cli_email ("--as", email, &status) || !sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_store (path, FALSE, &status);
  if (store == NULL || !sl_cli_act_as (store, email, &member_id, &status))
    return status;
  application_id = sl_store_apply (store, candidate_id, position_id, member_id, &error);
  if (application_id <= 0)
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);

  g_print ("%" G_GINT64_FORMAT "\n", application_id);
  return sl_cli_finish_output (&status) ? SL_CLI_OK : status;
}

int
sl_cli_move (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *email = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *raw_details = NULL;
  g_autofree char *details = NULL;
  g_autofree char *rejections = sl_vocab_ids_joined (SL_VOCAB_REJECTION, ", ");
  g_autofree char *withdrawals = sl_vocab_ids_joined (SL_VOCAB_WITHDRAWAL, ", ");
  g_autofree char *summary = NULL;
  static const char *const arguments[] = { "APPLICATION_ID", "STAGE", NULL };
  const char *stage;
  gint64 application_id = 0;
  gint64 member_id = 0;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_ ("Why it ended, from the list below: required for rejected, optional for withdrawn"),
      N_ ("REASON") },
    { "details", 0, 0, G_OPTION_ARG_FILENAME, &raw_details,
      N_ ("Details in your own words, kept in the history for any move"), N_ ("TEXT") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the team member who moves it, for the history"), N_ ("EMAIL") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "APPLICATION_ID STAGE",
    N_ ("Moves application APPLICATION_ID to STAGE: a stage of its position’s pipeline "
        "(sourced, screening, resume-review, pre-sell, technical, culture, feedback, offer, "
        "hired, or a custom-N stage of the position’s own), rejected (with --reason) or "
        "withdrawn. Moving a rejected or withdrawn application to a stage reopens it. Prints "
        "nothing."),
    entries, &database);
  summary = g_strdup_printf (
    /* Translators: each %s is a list of ids, which stay in English */
    _ ("Reasons for rejected: %s.\nReasons for withdrawn: %s."), rejections, withdrawals);
  g_option_context_set_description (context, summary);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  stage = argv[2];
  if (!sl_cli_id ("APPLICATION_ID", argv[1], &application_id, &status) ||
      !sl_cli_stage ("STAGE", stage, &status) ||
      !sl_cli_text ("--details", raw_details, &details, &status) ||
      !sl_cli_email ("--as", email, &status))
    return status;
  if (reason != NULL)
    g_strstrip (reason);
  if (details != NULL)
    g_strstrip (details);
  if (g_str_equal (stage, "rejected") && (reason == NULL || *reason == '\0'))
    return sl_cli_usage_error (argv[0], _ ("A rejection needs a reason: give it with %s"),
                               "--reason");
  if (reason != NULL && !sl_vocab_is_outcome (stage))
    return sl_cli_usage_error (
      argv[0], _ ("%s is for rejected or withdrawn; say more about any move with %s"), "--reason",
      "--details");
  if (reason != NULL && !sl_vocab_is_valid (sl_vocab_reasons_for (stage), reason))
    return sl_cli_usage_error (argv[0], _ ("Unknown reason “%s”: use one of %s"), reason,
                               g_str_equal (stage, "rejected") ? rejections : withdrawals);
  if (!sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_store (path, FALSE, &status);
  if (store == NULL || !sl_cli_act_as (store, email, &member_id, &status))
    return status;
  if (!sl_store_move_application (store, application_id, stage, reason, details, member_id, &error))
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
  return SL_CLI_OK;
}

static char *
iso_time (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return time ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

static void
set_text_or_null (JsonObject *object, const char *member, const char *value)
{
  if (value == NULL || *value == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

static gboolean
write_history (GListModel *events, const char *format, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (SlCliTable) table = NULL;
  gboolean json = g_str_equal (format, "json");
  guint n = g_list_model_get_n_items (events);

  if (json)
    g_string_append_c (out, '[');
  else
    {
      const char *header[] = { _ ("When"), _ ("From"), _ ("To"), _ ("By"), _ ("Reason") };

      table = sl_cli_table_new (G_N_ELEMENTS (header));
      sl_cli_table_set_max_width (table, 4, 60);
      sl_cli_table_add_row (table, (const char *const *) header);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageEvent) event = g_list_model_get_item (events, i);
      g_autofree char *at = iso_time (sl_stage_event_get_at (event));
      const char *from = sl_stage_event_get_from_stage (event);
      const char *to = sl_stage_event_get_to_stage (event);
      const char *by = sl_stage_event_get_by_name (event);
      const char *details = sl_stage_event_get_reason (event);

      if (json)
        {
          g_autoptr (JsonObject) object = json_object_new ();
          g_autoptr (JsonNode) node = NULL;

          set_text_or_null (object, "from", from);
          json_object_set_string_member (object, "to", to);
          json_object_set_string_member (object, "at", at);
          set_text_or_null (object, "by", by);
          set_text_or_null (object, "reason", sl_stage_event_get_reason_id (event));
          set_text_or_null (object, "details", details);
          node = json_node_init_object (json_node_alloc (), object);
          sl_cli_append_json (out, node, i == 0);
        }
      else
        {
          g_autofree char *reason = sl_stage_event_dup_reason_text (event);
          const char *cells[] = { at, from && *from ? sl_vocab_label (SL_VOCAB_STAGE, from) : "",
                                  sl_vocab_label (SL_VOCAB_STAGE, to), by ? by : "",
                                  reason ? reason : "" };

          sl_cli_table_add_row (table, cells);
        }
    }

  return sl_cli_finish_listing (out, json, n, table, status);
}

int
sl_cli_history (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GListModel) events = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  static const char *const arguments[] = { "APPLICATION_ID", NULL };
  gint64 application_id = 0;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("table (the default) or json"),
      N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "APPLICATION_ID",
    N_ ("Lists the stage moves of application APPLICATION_ID, oldest first: from, to, when (UTC), "
        "by whom and why. The database is only read; it must exist."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (format == NULL)
    format = g_strdup ("table");
  if (!sl_cli_id ("APPLICATION_ID", argv[1], &application_id, &status) ||
      !sl_cli_choice ("--format", format, history_formats, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_reader (path, &status);
  if (store == NULL)
    return status;
  events = sl_store_list_stage_events (store, application_id, &error);
  if (events == NULL)
    return sl_cli_fail_error (error);
  if (g_list_model_get_n_items (events) == 0)
    {
      /* No history: is there such an application at all? (Looking for its next stage reads
       * it, and says so when there is none.) */
      g_autofree char *next = sl_store_adjacent_stage (store, application_id, 1, &error);

      if (error != NULL && g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND))
        return sl_cli_fail_error (error);
      g_clear_error (&error);
    }
  if (!write_history (events, format, &status))
    return status;
  return SL_CLI_OK;
}
