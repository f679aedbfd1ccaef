/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-json.c — a candidate and its applications as JSON, for export and the CLI
 *
 * Members use the stable ids of the database and the command line, never translated labels, so
 * a file reads the same in every language. A code that is not set (country, stage, …) is null;
 * free text that is not set is "". Times are ISO 8601 in UTC.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "sl-candidate-json.h"

/* The members, in the order they are written (“applications” follows them all), and the
 * columns of a CSV or XLSX export, in the same order: one table for all three, so they cannot
 * drift apart */
typedef enum
{
  FIELD_ID,
  FIELD_TEXT, /* "" when not set */
  FIELD_CODE, /* null when not set */
  FIELD_YEARS,
  FIELD_RATE,
  FIELD_CONSENT,
  FIELD_CREATED,
  FIELD_UPDATED,
  FIELD_SKILLS,
} FieldKind;

static const struct
{
  const char *name;
  FieldKind kind;
  SlCandidateText text;
} fields[] = {
  { "id", FIELD_ID, 0 },
  { "name", FIELD_TEXT, SL_CANDIDATE_NAME },
  { "email", FIELD_TEXT, SL_CANDIDATE_EMAIL },
  { "phone", FIELD_TEXT, SL_CANDIDATE_PHONE },
  { "country", FIELD_CODE, SL_CANDIDATE_COUNTRY },
  { "city", FIELD_TEXT, SL_CANDIDATE_CITY },
  { "timezone", FIELD_CODE, SL_CANDIDATE_TIMEZONE },
  { "english_level", FIELD_CODE, SL_CANDIDATE_ENGLISH_LEVEL },
  { "seniority", FIELD_CODE, SL_CANDIDATE_SENIORITY },
  { "years_experience", FIELD_YEARS, 0 },
  { "stack", FIELD_CODE, SL_CANDIDATE_STACK },
  { "skills", FIELD_SKILLS, 0 },
  { "employment_type", FIELD_CODE, SL_CANDIDATE_EMPLOYMENT_TYPE },
  { "expected_rate", FIELD_RATE, 0 },
  { "currency", FIELD_CODE, SL_CANDIDATE_CURRENCY },
  { "rate_period", FIELD_CODE, SL_CANDIDATE_RATE_PERIOD },
  { "availability", FIELD_TEXT, SL_CANDIDATE_AVAILABILITY },
  { "source", FIELD_CODE, SL_CANDIDATE_SOURCE },
  { "links", FIELD_TEXT, SL_CANDIDATE_LINKS },
  { "notes", FIELD_TEXT, SL_CANDIDATE_NOTES },
  { "stage", FIELD_CODE, SL_CANDIDATE_STAGE },
  { "consent_at", FIELD_CONSENT, 0 },
  { "created_at", FIELD_CREATED, 0 },
  { "updated_at", FIELD_UPDATED, 0 },
};

static const char *const *
field_names (void)
{
  static const char *names[G_N_ELEMENTS (fields) + 1];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        names[i] = fields[i].name;
      g_once_init_leave (&done, 1);
    }
  return names;
}

/* The members every candidate object has, in order, without "applications": a CSV header */
const char *const *
sl_candidate_json_fields (void)
{
  return field_names ();
}

guint
sl_candidate_n_fields (void)
{
  return G_N_ELEMENTS (fields);
}

/* The value of field @field (an index into sl_candidate_json_fields()) of @row. A text may
 * point into @row or @scratch, which it overwrites (the skills, joined with “; ”). */
void
sl_candidate_record_cell (const SlCandidateRecord *row, guint field, GString *scratch,
                          SlCandidateCell *cell)
{
  const char *text;
  double number;
  gint64 time;

  g_return_if_fail (field < G_N_ELEMENTS (fields));

  cell->kind = SL_CANDIDATE_CELL_NULL;
  switch (fields[field].kind)
    {
    case FIELD_ID:
      cell->kind = SL_CANDIDATE_CELL_NUMBER;
      cell->number = (double) row->id;
      break;
    case FIELD_TEXT:
    case FIELD_CODE:
      text = row->texts[fields[field].text];
      if (*text != '\0' || fields[field].kind == FIELD_TEXT)
        {
          cell->kind = SL_CANDIDATE_CELL_TEXT;
          cell->text = text;
        }
      break;
    case FIELD_YEARS:
    case FIELD_RATE:
      /* Negative means not known */
      number = fields[field].kind == FIELD_YEARS ? row->years_experience : row->expected_rate;
      if (number >= 0 && !isnan (number))
        {
          cell->kind = SL_CANDIDATE_CELL_NUMBER;
          cell->number = number;
        }
      break;
    case FIELD_CONSENT:
    case FIELD_CREATED:
    case FIELD_UPDATED:
      time = fields[field].kind == FIELD_CONSENT   ? row->consent_at
             : fields[field].kind == FIELD_CREATED ? row->created_at
                                                   : row->updated_at;
      if (time > 0)
        {
          cell->kind = SL_CANDIDATE_CELL_TIME;
          cell->time = time;
        }
      break;
    case FIELD_SKILLS:
    default:
      g_string_truncate (scratch, 0);
      for (guint i = 0; row->skills[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (scratch, "; ");
          g_string_append (scratch, row->skills[i]);
        }
      cell->kind = SL_CANDIDATE_CELL_LIST;
      cell->text = scratch->str;
      break;
    }
}

/* A time as ISO 8601 in UTC, “2026-11-01T00:00:00Z” (as g_date_time_format_iso8601() writes
 * whole seconds), into @buffer of at least SL_CANDIDATE_TIME_SIZE bytes */
const char *
sl_candidate_format_time (gint64 unix_time, char *buffer)
{
  struct tm tm;
  time_t t = (time_t) unix_time;
  int parts[5];
  char *p = buffer;

  if (gmtime_r (&t, &tm) == NULL || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999)
    {
      *buffer = '\0';
      return buffer;
    }
  /* By hand: printf was a tenth of a whole export */
  parts[0] = tm.tm_mon + 1;
  parts[1] = tm.tm_mday;
  parts[2] = tm.tm_hour;
  parts[3] = tm.tm_min;
  parts[4] = tm.tm_sec;
  for (int year = tm.tm_year + 1900, d = 1000; d > 0; d /= 10)
    *p++ = (char) ('0' + year / d % 10);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      *p++ = "--T::"[i];
      *p++ = (char) ('0' + parts[i] / 10);
      *p++ = (char) ('0' + parts[i] % 10);
    }
  *p++ = 'Z';
  *p = '\0';
  return buffer;
}

/* A number as the CSV writes it: whole numbers without a fraction */
const char *
sl_candidate_format_number (double number, char *buffer, gsize size)
{
  if (number == floor (number) && fabs (number) < 1e15)
    g_snprintf (buffer, size, "%" G_GINT64_FORMAT, (gint64) number);
  else
    g_ascii_formatd (buffer, (int) size, "%.15g", number);
  return buffer;
}

/* A JSON string of @text, escaped as JSON-GLib's generator does, so both ways of writing a
 * candidate give the same bytes; the text between escapes is copied in runs. The reports'
 * JSON (sl-report-json.c) writes its strings with it too. */
void
sl_json_append_string (GString *out, const char *text)
{
  const char *run = text;
  const char *p = text;

  g_string_append_c (out, '"');
  for (;; p++)
    {
      guchar c = (guchar) *p;
      char unicode[8];
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      if (c == '\0')
        break;
      switch (c)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        default:
          g_snprintf (unicode, sizeof unicode, "\\u%04x", c);
          escape = unicode;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_integer (GString *out, gint64 value)
{
  char digits[24];
  int n = 0;
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  /* By hand: printf was a good part of writing a list */
  do
    digits[n++] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static void
append_json_number (GString *out, double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Whole numbers without a fraction; others as JSON-GLib writes a double */
  if (number == floor (number) && fabs (number) < 1e15)
    append_integer (out, (gint64) number);
  else
    {
      g_ascii_dtostr (buffer, sizeof buffer, number);
      g_string_append (out, buffer);
      if (strpbrk (buffer, ".eE") == NULL)
        g_string_append (out, ".0");
    }
}

/* Each member's opening, written before its value: “{"id":”, then “,"name":” and so on */
static const char *const *
member_keys (void)
{
  static char *keys[G_N_ELEMENTS (fields)];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        keys[i] = g_strdup_printf ("%s\"%s\":", i == 0 ? "{" : ",", fields[i].name);
      g_once_init_leave (&done, 1);
    }
  return (const char *const *) keys;
}

/* Appends the candidate @row and its @applications as one JSON object, the bytes JSON-GLib
 * would write for sl_candidate_record_to_json_object(): for listings of many candidates, with
 * no tree of nodes for each */
void
sl_candidate_json_append (GString *out, const SlCandidateRecord *row,
                          const SlApplicationRecord *applications, guint n_applications,
                          GString *scratch)
{
  char when[SL_CANDIDATE_TIME_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      SlCandidateCell cell;

      g_string_append (out, member_keys ()[i]);
      sl_candidate_record_cell (row, i, scratch, &cell);
      switch (cell.kind)
        {
        case SL_CANDIDATE_CELL_NULL:
          g_string_append (out, "null");
          break;
        case SL_CANDIDATE_CELL_TEXT:
          sl_json_append_string (out, cell.text);
          break;
        case SL_CANDIDATE_CELL_NUMBER:
          append_json_number (out, cell.number);
          break;
        case SL_CANDIDATE_CELL_TIME:
          if (*sl_candidate_format_time (cell.time, when) == '\0')
            g_string_append (out, "null");
          else
            sl_json_append_string (out, when);
          break;
        case SL_CANDIDATE_CELL_LIST:
        default:
          g_string_append_c (out, '[');
          for (guint s = 0; row->skills[s] != NULL; s++)
            {
              if (s > 0)
                g_string_append_c (out, ',');
              sl_json_append_string (out, row->skills[s]);
            }
          g_string_append_c (out, ']');
          break;
        }
    }
  g_string_append (out, ",\"applications\":[");
  for (guint i = 0; i < n_applications; i++)
    {
      const SlApplicationRecord *application = &applications[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (
        out, "{\"id\":%" G_GINT64_FORMAT ",\"position_id\":%" G_GINT64_FORMAT ",\"position\":",
        application->id, application->position_id);
      sl_json_append_string (out, application->position);
      g_string_append (out, ",\"stage\":");
      if (*application->stage == '\0')
        g_string_append (out, "null");
      else
        sl_json_append_string (out, application->stage);
      g_string_append (out, ",\"updated_at\":");
      if (application->updated_at > 0)
        sl_json_append_string (out, sl_candidate_format_time (application->updated_at, when));
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

JsonObject *
sl_application_to_json_object (SlApplication *application)
{
  JsonObject *object = json_object_new ();
  char when[SL_CANDIDATE_TIME_SIZE];
  gint64 updated_at;
  const char *stage;

  g_return_val_if_fail (SL_IS_APPLICATION (application), object);

  json_object_set_int_member (object, "id", sl_application_get_id (application));
  json_object_set_int_member (object, "position_id", sl_application_get_position_id (application));
  json_object_set_string_member (object, "position",
                                 sl_application_get_position_title (application)
                                   ? sl_application_get_position_title (application)
                                   : "");
  stage = sl_application_get_stage (application);
  if (stage == NULL || *stage == '\0')
    json_object_set_null_member (object, "stage");
  else
    json_object_set_string_member (object, "stage", stage);
  updated_at = sl_application_get_updated_at (application);
  if (updated_at > 0)
    json_object_set_string_member (object, "updated_at",
                                   sl_candidate_format_time (updated_at, when));
  else
    json_object_set_null_member (object, "updated_at");
  return object;
}

/* The candidate @row as a JSON object; with @applications (a list of SlApplication) also an
 * "applications" array, without it no such member */
JsonObject *
sl_candidate_record_to_json_object (const SlCandidateRecord *row, GListModel *applications)
{
  JsonObject *object = json_object_new ();
  g_autoptr (GString) scratch = g_string_new (NULL);
  char when[SL_CANDIDATE_TIME_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      SlCandidateCell cell;

      sl_candidate_record_cell (row, i, scratch, &cell);
      switch (cell.kind)
        {
        case SL_CANDIDATE_CELL_NULL:
          json_object_set_null_member (object, fields[i].name);
          break;
        case SL_CANDIDATE_CELL_TEXT:
          json_object_set_string_member (object, fields[i].name, cell.text);
          break;
        case SL_CANDIDATE_CELL_NUMBER:
          /* Whole numbers are written without a fraction */
          if (cell.number == floor (cell.number) && fabs (cell.number) < 1e15)
            json_object_set_int_member (object, fields[i].name, (gint64) cell.number);
          else
            json_object_set_double_member (object, fields[i].name, cell.number);
          break;
        case SL_CANDIDATE_CELL_TIME:
          /* A time past what ISO 8601 years hold is none */
          if (*sl_candidate_format_time (cell.time, when) == '\0')
            json_object_set_null_member (object, fields[i].name);
          else
            json_object_set_string_member (object, fields[i].name, when);
          break;
        case SL_CANDIDATE_CELL_LIST:
        default:
          {
            JsonArray *skills = json_array_new ();

            for (guint s = 0; row->skills[s] != NULL; s++)
              json_array_add_string_element (skills, row->skills[s]);
            json_object_set_array_member (object, fields[i].name, skills);
          }
          break;
        }
    }

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

JsonObject *
sl_candidate_to_json_object (SlCandidate *candidate, GListModel *applications)
{
  SlCandidateRecord row;

  g_return_val_if_fail (SL_IS_CANDIDATE (candidate), json_object_new ());

  sl_candidate_record_init (&row, candidate);
  return sl_candidate_record_to_json_object (&row, applications);
}

JsonNode *
sl_candidate_to_json (SlCandidate *candidate, GListModel *applications)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, sl_candidate_to_json_object (candidate, applications));
  return node;
}
