/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-interviews.c — shortlist-cli members, schedule, interviews and ics
 *
 * `schedule` changes an existing database: a missing file is an error, not a new one. Values
 * the command line can check on its own (the id, the kind, the time, the duration, the emails'
 * form) are checked before the file is opened and are usage errors (exit 2); a time without an
 * offset is read in the local time zone (TZ), and one the clocks skip is refused. Emails that
 * name nobody on the team and refusals by the hiring rules exit with 1. `members`, `interviews`
 * and `ics` only read: they open the file read-only.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-cli-table.h"
#include "sl-cli.h"
#include "sl-server.h"
#include "sl-ics.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-time.h"

#define DEFAULT_DURATION 60
#define MAX_DURATION (12 * 60)

static const char *const formats[] = { "table", "json", NULL };

static void
set_text_or_null (JsonObject *object, const char *member, const char *value)
{
  if (value == NULL || *value == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

/* members */

static gboolean
write_members (GListModel *members, const char *format, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (SlCliTable) table = NULL;
  gboolean json = g_str_equal (format, "json");
  guint n = g_list_model_get_n_items (members);

  if (json)
    g_string_append_c (out, '[');
  else
    {
      const char *header[] = { _ ("ID"), _ ("Name"), _ ("Email"), _ ("Role") };

      table = sl_cli_table_new (G_N_ELEMENTS (header));
      sl_cli_table_set_align_end (table, 0, TRUE);
      sl_cli_table_add_row (table, (const char *const *) header);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlMember) member = g_list_model_get_item (members, i);

      if (json)
        {
          g_autoptr (JsonObject) object = json_object_new ();
          g_autoptr (JsonNode) node = NULL;

          json_object_set_int_member (object, "id", sl_member_get_id (member));
          json_object_set_string_member (object, "name", sl_member_get_name (member));
          json_object_set_string_member (object, "email", sl_member_get_email (member));
          json_object_set_string_member (object, "role", sl_member_get_role (member));
          json_object_set_boolean_member (object, "active", sl_member_get_active (member));
          node = json_node_init_object (json_node_alloc (), object);
          sl_cli_append_json (out, node, i == 0);
        }
      else
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sl_member_get_id (member));
          const char *role = sl_vocab_label (SL_VOCAB_ROLE, sl_member_get_role (member));
          /* Translators: the role of a team member who has been deactivated */
          g_autofree char *shown = sl_member_get_active (member)
                                     ? g_strdup (role)
                                     : g_strdup_printf (_ ("%s, deactivated"), role);
          const char *cells[] = { id, sl_member_get_name (member), sl_member_get_email (member),
                                  shown };

          sl_cli_table_add_row (table, cells);
        }
    }
  return sl_cli_finish_listing (out, json, n, table, status);
}

int
sl_cli_members (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GListModel) members = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("table (the default) or json"),
      N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Lists the team members by name, with their email and role: recruiter, interviewer, "
        "hiring-lead or admin, and whether they are active. The database is only read; it "
        "must exist."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (format == NULL)
    format = g_strdup ("table");
  if (!sl_cli_choice ("--format", format, formats, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;

  if (sl_server_is_uri (path))
    {
      members = sl_cli_server_members (path, &status);
      if (members == NULL)
        return status;
    }
  else
    {
      store = sl_cli_open_reader (path, &status);
      if (store == NULL)
        return status;
      members = sl_store_list_members (store, &error);
      if (members == NULL)
        return sl_cli_fail_error (error);
    }
  if (!write_members (members, format, &status))
    return status;
  return SL_CLI_OK;
}

/* schedule */

int
sl_cli_schedule (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GArray) interviewer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *at = NULL;
  g_autofree char *duration_text = NULL;
  g_autofree char *raw_place = NULL;
  g_autofree char *place = NULL;
  g_auto (GStrv) emails = NULL;
  static const char *const arguments[] = { "APPLICATION_ID", NULL };
  gint64 application_id = 0;
  gint64 starts_at;
  gint64 interview_id;
  guint64 duration = DEFAULT_DURATION;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_ ("pre-sell, technical, culture or other (required)"), N_ ("KIND") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_ ("When it starts (required): 2026-11-30T14:00 in the local time zone ($TZ), or with "
          "an offset: 2026-11-30T14:00+02:00, 2026-11-30T12:00Z"),
      N_ ("TIME") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration_text,
      N_ ("How long it lasts, in minutes from 5 to 720 (default: 60)"), N_ ("MINUTES") },
    { "interviewer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &emails,
      N_ ("The email of a team member who interviews (required); repeat it for each"),
      N_ ("EMAIL") },
    { "place", 0, 0, G_OPTION_ARG_FILENAME, &raw_place,
      N_ ("Where: a room, an address or a video call’s link"), N_ ("TEXT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "APPLICATION_ID",
    N_ ("Schedules an interview of application APPLICATION_ID and prints its id. Each "
        "interviewer then fills in a scorecard of it. The application must not be rejected "
        "or withdrawn."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (kind == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--kind");
  if (at == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--at");
  if (emails == NULL || emails[0] == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--interviewer");
  if (!sl_cli_id ("APPLICATION_ID", argv[1], &application_id, &status) ||
      !sl_cli_vocab ("--kind", kind, SL_VOCAB_INTERVIEW_KIND, &status) ||
      (duration_text != NULL &&
       !sl_cli_number ("--duration", duration_text, 5, MAX_DURATION, &duration, &status)) ||
      !sl_cli_text ("--place", raw_place, &place, &status))
    return status;
  for (guint i = 0; emails[i] != NULL; i++)
    if (!sl_cli_email ("--interviewer", emails[i], &status))
      return status;
  starts_at = sl_time_parse_iso8601 (at, local, &error);
  if (starts_at == 0)
    return sl_cli_fail (SL_CLI_USAGE, "%s", error->message);
  if (!sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_store (path, FALSE, &status);
  if (store == NULL)
    return status;
  for (guint i = 0; emails[i] != NULL; i++)
    {
      gint64 member_id;

      if (!sl_cli_member (store, emails[i], &member_id, &status))
        return status;
      g_array_append_val (interviewer_ids, member_id);
    }
  interview_id = sl_store_schedule_interview (store, application_id, kind, starts_at,
                                              (int) duration, place, interviewer_ids, &error);
  if (interview_id <= 0)
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);

  g_print ("%" G_GINT64_FORMAT "\n", interview_id);
  return sl_cli_finish_output (&status) ? SL_CLI_OK : status;
}

/* interviews */

static JsonObject *
interview_to_json (SlInterview *interview, gint64 now)
{
  JsonObject *object = json_object_new ();
  JsonArray *interviewers = json_array_new ();
  g_autofree char *starts_at = sl_time_format_iso8601 (sl_interview_get_starts_at (interview));

  json_object_set_int_member (object, "id", sl_interview_get_id (interview));
  json_object_set_int_member (object, "application", sl_interview_get_application_id (interview));
  json_object_set_string_member (object, "candidate", sl_interview_get_candidate_name (interview));
  set_text_or_null (object, "candidate_email", sl_interview_get_candidate_email (interview));
  json_object_set_string_member (object, "position", sl_interview_get_position_title (interview));
  json_object_set_string_member (object, "kind", sl_interview_get_kind (interview));
  json_object_set_string_member (object, "starts_at", starts_at);
  json_object_set_int_member (object, "duration", sl_interview_get_duration (interview));
  json_object_set_string_member (object, "place", sl_interview_get_place (interview));
  for (guint i = 0; i < sl_interview_get_n_interviewers (interview); i++)
    json_array_add_string_element (interviewers,
                                   sl_interview_get_interviewer (interview, i)->email);
  json_object_set_array_member (object, "interviewers", interviewers);
  json_object_set_string_member (
    object, "status", sl_interview_is_upcoming (interview, now) ? "upcoming" : "awaiting-feedback");
  return object;
}

static gboolean
write_interviews (GListModel *interviews, const char *format, gint64 now, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (SlCliTable) table = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  gboolean json = g_str_equal (format, "json");
  guint n = g_list_model_get_n_items (interviews);

  if (json)
    g_string_append_c (out, '[');
  else
    {
      const char *header[] = { _ ("ID"),   _ ("When"),         _ ("Candidate"), _ ("Position"),
                               _ ("Kind"), _ ("Interviewers"), _ ("Status") };

      table = sl_cli_table_new (G_N_ELEMENTS (header));
      sl_cli_table_set_align_end (table, 0, TRUE);
      sl_cli_table_set_max_width (table, 2, 28);
      sl_cli_table_set_max_width (table, 3, 32);
      sl_cli_table_set_max_width (table, 5, 40);
      sl_cli_table_add_row (table, (const char *const *) header);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlInterview) interview = g_list_model_get_item (interviews, i);

      if (json)
        {
          g_autoptr (JsonObject) object = interview_to_json (interview, now);
          g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

          sl_cli_append_json (out, node, i == 0);
        }
      else
        {
          g_autofree char *id =
            g_strdup_printf ("%" G_GINT64_FORMAT, sl_interview_get_id (interview));
          g_autofree char *when = sl_time_format (sl_interview_get_starts_at (interview), local);
          g_autofree char *names = sl_interview_dup_interviewer_names (interview);
          const char *cells[] = {
            id,
            when,
            sl_interview_get_candidate_name (interview),
            sl_interview_get_position_title (interview),
            sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_interview_get_kind (interview)),
            names,
            sl_interview_is_upcoming (interview, now) ? _ ("Upcoming") : _ ("Awaiting feedback"),
          };

          sl_cli_table_add_row (table, cells);
        }
    }
  return sl_cli_finish_listing (out, json, n, table, status);
}

int
sl_cli_interviews (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GListModel) interviews = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *email = NULL;
  gint64 member_id = 0;
  gint64 now;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("Only this team member’s interviews, by email (default: everyone’s)"), N_ ("EMAIL") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("table (the default) or json"),
      N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new (
    N_ ("Lists the interviews ahead and those that took place and still wait for a scorecard, "
        "earliest first. Times are shown in the local time zone ($TZ), and in UTC in JSON. The "
        "database is only read; it must exist."),
    entries, &database);
  if (!sl_cli_parse (context, argv[0], &argc, &argv, &status))
    return status;
  if (format == NULL)
    format = g_strdup ("table");
  if (!sl_cli_choice ("--format", format, formats, &status) ||
      !sl_cli_email ("--as", email, &status) || !sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_reader (path, &status);
  if (store == NULL || !sl_cli_act_as (store, email, &member_id, &status))
    return status;
  now = g_get_real_time () / G_USEC_PER_SEC;
  interviews =
    sl_store_list_member_interviews (store, sl_store_get_database (store), member_id, now, &error);
  if (interviews == NULL)
    return sl_cli_fail_error (error);
  if (!write_interviews (interviews, format, now, &status))
    return status;
  return SL_CLI_OK;
}

/* ics */

int
sl_cli_ics (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlInterview) interview = NULL;
  g_autoptr (SlMember) organizer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *email = NULL;
  static const char *const arguments[] = { "INTERVIEW_ID", NULL };
  gint64 interview_id = 0;
  gint64 member_id = 0;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The file to write (required); - writes to the standard output"), N_ ("FILE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the team member who sends the invitation, its organizer"), N_ ("EMAIL") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "INTERVIEW_ID",
    N_ ("Writes an invitation to interview INTERVIEW_ID as an iCalendar file (.ics) that "
        "calendar programs and mail clients open: its time in the local time zone ($TZ), the "
        "interviewers and the candidate as attendees. A file already there is replaced only "
        "once the new one is complete. The database is only read; it must exist."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (output == NULL)
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--output");
  if (*output == '\0')
    return sl_cli_fail (SL_CLI_USAGE, _ ("%s needs a file name"), "--output");
  if (!sl_cli_id ("INTERVIEW_ID", argv[1], &interview_id, &status) ||
      !sl_cli_email ("--as", email, &status) || !sl_cli_database_name (database, &path, &status))
    return status;

  store = sl_cli_open_reader (path, &status);
  if (store == NULL || !sl_cli_act_as (store, email, &member_id, &status))
    return status;
  if (member_id > 0)
    organizer = sl_store_get_member (store, member_id);
  interview = sl_store_get_interview (store, interview_id, &error);
  if (interview == NULL)
    return sl_cli_fail_error (error);

  if (g_str_equal (output, "-"))
    {
      g_autoptr (GTimeZone) local = g_time_zone_new_local ();
      g_autofree char *text = sl_ics_interview_to_string (
        interview, organizer, local, g_get_real_time () / G_USEC_PER_SEC, &error);

      if (text == NULL)
        return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
      return sl_cli_write (text, strlen (text), &status) && sl_cli_finish_output (&status)
               ? SL_CLI_OK
               : status;
    }
  if (!sl_ics_write_interview (interview, organizer, output, &error))
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
  return SL_CLI_OK;
}
