/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-scorecards.c — shortlist-cli scorecard and scorecards
 *
 * `scorecard` fills in an interviewer's scorecard: the changes are applied to the one the store
 * opens (a new draft from the position's kit, or the one already started) and saved as a
 * draft, or submitted. A change to a submitted scorecard is an amendment: the store keeps the
 * version it replaces. Values the command line can check on its own are usage errors (exit 2)
 * found before the file is opened, and so is an attribute the scorecard does not rate; refusals
 * by the store (not an interviewer of it, no overall recommendation to submit) exit with 1.
 * Nothing is written unless every change is valid.
 *
 * `scorecards` lists an application's scorecards as the member --as may see them: the store's
 * blind rule decides, exactly as in the app. It only reads.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-cli-table.h"
#include "sl-cli.h"
#include "sl-server.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-store-pipeline.h"
#include "sl-time.h"

static const char *const formats[] = { "table", "json", NULL };

typedef struct
{
  char *attribute;
  char *value;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->attribute);
  g_free (change->value);
  g_free (change);
}

/* Reads each "ATTRIBUTE=VALUE" of @option into @changes; @placeholder names the form */
static gboolean
parse_changes (const char *option, const char *placeholder, char **values, GPtrArray *changes,
               int *status)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      const char *equals;
      Change *change;

      if (!sl_cli_text (option, values[i], &text, status))
        return FALSE;
      equals = strchr (text, '=');
      if (equals == NULL || equals == text)
        {
          /* Translators: "--rating takes ATTRIBUTE=VALUE, not “language”" */
          *status =
            sl_cli_fail (SL_CLI_USAGE, _ ("%s takes %s, not “%s”"), option, placeholder, text);
          return FALSE;
        }
      change = g_new0 (Change, 1);
      change->attribute = g_strstrip (g_strndup (text, (gsize) (equals - text)));
      change->value = g_strdup (equals + 1);
      g_ptr_array_add (changes, change);
    }
  return TRUE;
}

/* The index of @attribute in @scorecard, or -1 with the error printed: a usage error that
 * lists the attributes this scorecard rates */
static int
find_attribute (SlScorecard *scorecard, const char *option, const char *attribute, int *status)
{
  g_autoptr (GPtrArray) ids = NULL;
  g_autofree char *list = NULL;
  int index = sl_scorecard_find_rating (scorecard, attribute);

  if (index >= 0)
    return index;
  ids = g_ptr_array_new ();
  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    g_ptr_array_add (ids, sl_scorecard_get_rating (scorecard, i)->attribute);
  g_ptr_array_add (ids, NULL);
  list = g_strjoinv (", ", (char **) ids->pdata);
  *status = sl_cli_fail (SL_CLI_USAGE,
                         /* Translators: "--rating: this scorecard has no attribute “speed”; it
                          * rates: language, design, …" */
                         _ ("%s: this scorecard has no attribute “%s”; it rates: %s"), option,
                         attribute, list);
  return -1;
}

/* Applies the ratings and their notes; nothing when one names an attribute it does not rate */
static gboolean
apply_changes (SlScorecard *scorecard, GPtrArray *ratings, GPtrArray *notes, int *status)
{
  g_autofree int *rating_index = g_new0 (int, ratings->len + 1);
  g_autofree int *note_index = g_new0 (int, notes->len + 1);

  for (guint i = 0; i < ratings->len; i++)
    {
      Change *change = g_ptr_array_index (ratings, i);

      rating_index[i] = find_attribute (scorecard, "--rating", change->attribute, status);
      if (rating_index[i] < 0)
        return FALSE;
    }
  for (guint i = 0; i < notes->len; i++)
    {
      Change *change = g_ptr_array_index (notes, i);

      note_index[i] = find_attribute (scorecard, "--note", change->attribute, status);
      if (note_index[i] < 0)
        return FALSE;
    }
  for (guint i = 0; i < ratings->len; i++)
    sl_scorecard_set_rating (scorecard, (guint) rating_index[i],
                             ((Change *) g_ptr_array_index (ratings, i))->value);
  for (guint i = 0; i < notes->len; i++)
    sl_scorecard_set_rating_note (scorecard, (guint) note_index[i],
                                  ((Change *) g_ptr_array_index (notes, i))->value);
  return TRUE;
}

int
sl_cli_scorecard (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (SlScorecard) scorecard = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ratings = g_ptr_array_new_with_free_func (change_free);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (change_free);
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *email = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *raw_takeaways = NULL;
  g_autofree char *raw_private_notes = NULL;
  g_autofree char *takeaways = NULL;
  g_autofree char *private_notes = NULL;
  g_auto (GStrv) raw_ratings = NULL;
  g_auto (GStrv) raw_notes = NULL;
  static const char *const arguments[] = { "INTERVIEW_ID", NULL };
  gboolean submit = FALSE;
  gboolean saved;
  gint64 interview_id = 0;
  gint64 member_id = 0;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the interviewer whose scorecard it is (required)"), N_ ("EMAIL") },
    { "rating", 0, 0, G_OPTION_ARG_STRING_ARRAY, &raw_ratings,
      N_ ("Rate an attribute of the interview kit (such as language or communication): "
          "definitely-not, no, mixed, yes, strong-yes or no-decision; repeat it for each"),
      N_ ("ATTRIBUTE=VALUE") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &raw_notes,
      N_ ("A note on an attribute’s rating; repeat it for each"), N_ ("ATTRIBUTE=TEXT") },
    { "overall", 0, 0, G_OPTION_ARG_STRING, &overall,
      N_ ("The overall recommendation: definitely-not, no, yes or strong-yes; needed to submit"),
      N_ ("VALUE") },
    { "takeaways", 0, 0, G_OPTION_ARG_FILENAME, &raw_takeaways, N_ ("The key take-aways"),
      N_ ("TEXT") },
    { "private-notes", 0, 0, G_OPTION_ARG_FILENAME, &raw_private_notes,
      N_ ("Notes only the interviewer and the hiring leads see"), N_ ("TEXT") },
    { "submit", 0, 0, G_OPTION_ARG_NONE, &submit,
      N_ ("Submit the scorecard instead of saving a draft"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "INTERVIEW_ID",
    N_ ("Fills in the --as interviewer’s scorecard of interview INTERVIEW_ID and prints its id. "
        "The changes are saved as a draft, or submitted with --submit; a change to a submitted "
        "scorecard is kept as an amendment, with the version it replaces."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (!sl_cli_id ("INTERVIEW_ID", argv[1], &interview_id, &status) ||
      !sl_cli_email ("--as", email, &status) ||
      !parse_changes ("--rating", "ATTRIBUTE=VALUE", raw_ratings, ratings, &status) ||
      !parse_changes ("--note", "ATTRIBUTE=TEXT", raw_notes, notes, &status) ||
      !sl_cli_vocab ("--overall", overall, SL_VOCAB_OVERALL, &status) ||
      !sl_cli_text ("--takeaways", raw_takeaways, &takeaways, &status) ||
      !sl_cli_text ("--private-notes", raw_private_notes, &private_notes, &status))
    return status;
  for (guint i = 0; i < ratings->len; i++)
    if (!sl_cli_vocab ("--rating", ((Change *) g_ptr_array_index (ratings, i))->value,
                       SL_VOCAB_RATING, &status))
      return status;
  if (!sl_cli_database_name (database, &path, &status))
    return status;
  /* In a team database, whose scorecard it is is who logged in */
  if (email == NULL && !sl_server_is_uri (path))
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--as");

  store = sl_cli_open_store (path, FALSE, &status);
  if (store == NULL || !sl_cli_act_as (store, email, &member_id, &status))
    return status;
  /* A team database's owner, who set it up, writes no scorecard */
  if (member_id == 0)
    return sl_cli_fail (SL_CLI_FAILED, _ ("The login you connect as is no member of the team"));
  scorecard = sl_store_open_scorecard (store, interview_id, member_id, &error);
  if (scorecard == NULL)
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
  if (!apply_changes (scorecard, ratings, notes, &status))
    return status;
  if (overall != NULL)
    sl_scorecard_set_overall (scorecard, overall);
  if (takeaways != NULL)
    sl_scorecard_set_takeaways (scorecard, takeaways);
  if (private_notes != NULL)
    sl_scorecard_set_private_notes (scorecard, private_notes);
  saved = submit ? sl_store_submit_scorecard (store, scorecard, &error)
                 : sl_store_save_scorecard (store, scorecard, &error);
  if (!saved)
    return sl_cli_fail (SL_CLI_FAILED, "%s", error->message);

  g_print ("%" G_GINT64_FORMAT "\n", sl_scorecard_get_id (scorecard));
  return sl_cli_finish_output (&status) ? SL_CLI_OK : status;
}

/* "language: Yes; communication: Mixed": the attributes rated, for the table */
static char *
ratings_summary (SlScorecard *scorecard)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    {
      const SlRating *rating = sl_scorecard_get_rating (scorecard, i);

      if (g_strcmp0 (rating->value, "no-decision") == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", rating->attribute,
                              sl_vocab_label (SL_VOCAB_RATING, rating->value));
    }
  return g_string_free (text, FALSE);
}

static char *
scorecard_status (SlScorecard *scorecard)
{
  guint amendments = sl_scorecard_get_n_amendments (scorecard);

  if (sl_scorecard_get_submitted_at (scorecard) == 0)
    return g_strdup (_ ("Draft"));
  if (amendments == 0)
    return g_strdup (_ ("Submitted"));
  return g_strdup_printf (
    ngettext ("Submitted, %u amendment", "Submitted, %u amendments", amendments), amendments);
}

static gboolean
write_scorecards (GListModel *scorecards, const char *format, int *status)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (SlCliTable) table = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  gboolean json = g_str_equal (format, "json");
  guint n = g_list_model_get_n_items (scorecards);

  if (json)
    g_string_append_c (out, '[');
  else
    {
      const char *header[] = { _ ("ID"),      _ ("Interview"), _ ("When"),   _ ("Interviewer"),
                               _ ("Overall"), _ ("Status"),    _ ("Ratings") };

      table = sl_cli_table_new (G_N_ELEMENTS (header));
      sl_cli_table_set_align_end (table, 0, TRUE);
      sl_cli_table_set_max_width (table, 3, 28);
      sl_cli_table_set_max_width (table, 6, 60);
      sl_cli_table_add_row (table, (const char *const *) header);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, i);

      if (json)
        {
          g_autofree char *text = sl_scorecard_to_json (scorecard);
          g_autoptr (GError) error = NULL;
          g_autoptr (JsonNode) node = json_from_string (text, &error);

          if (node == NULL)
            {
              *status = sl_cli_fail (SL_CLI_FAILED, "%s", error->message);
              return FALSE;
            }
          sl_cli_append_json (out, node, i == 0);
        }
      else
        {
          g_autofree char *id =
            g_strdup_printf ("%" G_GINT64_FORMAT, sl_scorecard_get_id (scorecard));
          g_autofree char *when = sl_time_format (sl_scorecard_get_starts_at (scorecard), local);
          g_autofree char *state = scorecard_status (scorecard);
          g_autofree char *rated = ratings_summary (scorecard);
          const char *overall = sl_scorecard_get_overall (scorecard);
          const char *cells[] = {
            id,
            sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_scorecard_get_kind (scorecard)),
            when,
            sl_scorecard_get_member_name (scorecard),
            overall ? sl_vocab_label (SL_VOCAB_OVERALL, overall) : "",
            state,
            rated,
          };

          sl_cli_table_add_row (table, cells);
        }
    }
  return sl_cli_finish_listing (out, json, n, table, status);
}

int
sl_cli_scorecards (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SlStore) store = NULL;
  g_autoptr (GListModel) scorecards = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *email = NULL;
  static const char *const arguments[] = { "APPLICATION_ID", NULL };
  gint64 application_id = 0;
  gint64 member_id = 0;
  gboolean blinded = TRUE;
  int status = SL_CLI_OK;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &email,
      N_ ("The email of the team member who reads them (required)"), N_ ("EMAIL") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("table (the default) or json"),
      N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };

  context = sl_cli_context_new_with_arguments (
    "APPLICATION_ID",
    N_ ("Lists the scorecards of application APPLICATION_ID that the --as team member may see, "
        "earliest interview first. An interviewer sees the others’ only once all of their own "
        "are submitted; hiring leads and admins see all of them, drafts and private notes "
        "included. The database is only read; it must exist."),
    entries, &database);
  if (!sl_cli_parse_arguments (context, argv[0], &argc, &argv, arguments, &status))
    return status;
  if (format == NULL)
    format = g_strdup ("table");
  if (!sl_cli_id ("APPLICATION_ID", argv[1], &application_id, &status) ||
      !sl_cli_email ("--as", email, &status) ||
      !sl_cli_choice ("--format", format, formats, &status) ||
      !sl_cli_database_name (database, &path, &status))
    return status;
  if (email == NULL && !sl_server_is_uri (path))
    return sl_cli_usage_error (argv[0], _ ("%s is required"), "--as");

  store = sl_cli_open_reader (path, &status);
  if (store == NULL)
    return status;
  if (!sl_cli_act_as (store, email, &member_id, &status))
    return status;
  scorecards = sl_store_list_scorecards (store, application_id, member_id, &blinded, &error);
  if (scorecards == NULL)
    return sl_cli_fail_error (error);
  if (g_list_model_get_n_items (scorecards) == 0)
    {
      /* None: is there such an application at all? (Looking for its next stage reads it,
       * and says so when there is none.) */
      g_autofree char *next = sl_store_adjacent_stage (store, application_id, 1, &error);

      if (error != NULL && g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND))
        return sl_cli_fail_error (error);
      g_clear_error (&error);
    }
  if (!write_scorecards (scorecards, format, &status))
    return status;
  /* JSON stays a plain array; a reader of the table is told what it does not show */
  if (blinded && !g_str_equal (format, "json"))
    g_printerr ("%s: %s\n", SL_CLI_NAME,
                _ ("The other interviewers’ scorecards are hidden until all of yours of this "
                   "application are submitted"));
  return SL_CLI_OK;
}
