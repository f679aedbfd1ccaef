/* sl-candidate-json.c — a candidate and its applications as JSON, for export and the CLI
 *
 * Members use the stable ids of the database and the command line, never translated labels, so
 * a file reads the same in every language. A code that is not set (country, stage, …) is null;
 * free text that is not set is "". Times are ISO 8601 in UTC.
 */
#include "config.h"

#include <math.h>

#include "sl-candidate-json.h"

/* The scalar members in the order they are written; "skills" is a list of strings and
 * "applications" follows them all */
static const char *const fields[] = {
  "id",          "name",         "email",           "phone",         "country",
  "city",        "timezone",     "english_level",   "seniority",     "years_experience",
  "stack",       "skills",       "employment_type", "expected_rate", "currency",
  "rate_period", "availability", "source",          "links",         "notes",
  "stage",       "consent_at",   "created_at",      "updated_at",    NULL,
};

/* The members every candidate object has, in order, without "applications": a CSV header */
const char *const *
sl_candidate_json_fields (void)
{
  return fields;
}

/* A list member (the skills) as one field of a table: its strings joined with “; ” */
char *
sl_candidate_json_join (JsonArray *array)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *part = json_array_get_string_element (array, i);
      if (part != NULL)
        g_ptr_array_add (parts, (gpointer) part);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
set_text (JsonObject *object, const char *member, const char *value)
{
  json_object_set_string_member (object, member, value ? value : "");
}

static void
set_code (JsonObject *object, const char *member, const char *value)
{
  if (value == NULL || *value == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

/* Whole numbers are written without a fraction; negative means unknown */
static void
set_number (JsonObject *object, const char *member, double value)
{
  if (value < 0 || isnan (value))
    json_object_set_null_member (object, member);
  else if (value == floor (value) && value < 1e15)
    json_object_set_int_member (object, member, (gint64) value);
  else
    json_object_set_double_member (object, member, value);
}

static void
set_time (JsonObject *object, const char *member, gint64 unix_time)
{
  g_autoptr (GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_utc (unix_time) : NULL;
  g_autofree char *text = time ? g_date_time_format_iso8601 (time) : NULL;

  if (text == NULL)
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, text);
}

JsonObject *
sl_application_to_json_object (SlApplication *application)
{
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (SL_IS_APPLICATION (application), object);

  json_object_set_int_member (object, "id", sl_application_get_id (application));
  json_object_set_int_member (object, "position_id", sl_application_get_position_id (application));
  set_text (object, "position", sl_application_get_position_title (application));
  set_code (object, "stage", sl_application_get_stage (application));
  set_time (object, "updated_at", sl_application_get_updated_at (application));
  return object;
}

/* The candidate's profile; with @applications (a list of SlApplication) also an
 * "applications" array, without it no such member */
JsonObject *
sl_candidate_to_json_object (SlCandidate *candidate, GListModel *applications)
{
  JsonObject *object = json_object_new ();
  JsonArray *skills = json_array_new ();
  const char *const *tags;

  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), object);

  json_object_set_int_member (object, "id", sl_candidate_get_id (candidate));
  set_text (object, "name", sl_candidate_get_name (candidate));
  set_text (object, "email", sl_candidate_get_text (candidate, SL_CANDIDATE_EMAIL));
  set_text (object, "phone", sl_candidate_get_text (candidate, SL_CANDIDATE_PHONE));
  set_code (object, "country", sl_candidate_get_text (candidate, SL_CANDIDATE_COUNTRY));
  set_text (object, "city", sl_candidate_get_text (candidate, SL_CANDIDATE_CITY));
  set_code (object, "timezone", sl_candidate_get_text (candidate, SL_CANDIDATE_TIMEZONE));
  set_code (object, "english_level", sl_candidate_get_text (candidate, SL_CANDIDATE_ENGLISH_LEVEL));
  set_code (object, "seniority", sl_candidate_get_text (candidate, SL_CANDIDATE_SENIORITY));
  set_number (object, "years_experience", sl_candidate_get_years_experience (candidate));
  set_code (object, "stack", sl_candidate_get_text (candidate, SL_CANDIDATE_STACK));
  tags = sl_candidate_get_skills (candidate);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_array_add_string_element (skills, tags[i]);
  json_object_set_array_member (object, "skills", skills);
  set_code (object, "employment_type",
            sl_candidate_get_text (candidate, SL_CANDIDATE_EMPLOYMENT_TYPE));
  set_number (object, "expected_rate", sl_candidate_get_expected_rate (candidate));
  set_code (object, "currency", sl_candidate_get_text (candidate, SL_CANDIDATE_CURRENCY));
  set_code (object, "rate_period", sl_candidate_get_text (candidate, SL_CANDIDATE_RATE_PERIOD));
  set_text (object, "availability", sl_candidate_get_text (candidate, SL_CANDIDATE_AVAILABILITY));
  set_code (object, "source", sl_candidate_get_text (candidate, SL_CANDIDATE_SOURCE));
  set_text (object, "links", sl_candidate_get_text (candidate, SL_CANDIDATE_LINKS));
  set_text (object, "notes", sl_candidate_get_text (candidate, SL_CANDIDATE_NOTES));
  set_code (object, "stage", sl_candidate_get_text (candidate, SL_CANDIDATE_STAGE));
  set_time (object, "consent_at", sl_candidate_get_consent_at (candidate));
  set_time (object, "created_at", sl_candidate_get_created_at (candidate));
  set_time (object, "updated_at", sl_candidate_get_updated_at (candidate));

  if (applications != NULL)
    {
      JsonArray *array = json_array_new ();
      guint n = g_list_model_get_n_items (applications);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (SlApplication) application = g_list_model_get_item (applications, i);
          json_array_add_object_element (array, sl_application_to_json_object (application));
        }
      json_object_set_array_member (object, "applications", array);
    }
  return object;
}

JsonNode *
sl_candidate_to_json (SlCandidate *candidate, GListModel *applications)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, sl_candidate_to_json_object (candidate, applications));
  return node;
}
