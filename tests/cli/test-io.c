/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-io.c — the CSV writer and the candidate's JSON that shortlist-cli and exports share */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sl-application.h"
#include "sl-candidate-csv.h"
#include "sl-candidate-json.h"
#include "sl-candidate.h"
#include "sl-csv.h"

static char *
row (const char *const *fields, gssize n_fields)
{
  GString *out = g_string_new (NULL);

  sl_csv_append_row (out, fields, n_fields);
  return g_string_free (out, FALSE);
}

static void
assert_row (const char *const *fields, const char *expected)
{
  g_autofree char *text = row (fields, -1);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_csv_plain (void)
{
  assert_row ((const char *[]){ "a", "b c", "Łódź", NULL }, "a,b c,Łódź\r\n");
  assert_row ((const char *[]){ "", "x", "", NULL }, ",x,\r\n");
  assert_row ((const char *[]){ NULL }, "\r\n");
}

static void
test_csv_quoting (void)
{
  assert_row ((const char *[]){ "a,b", NULL }, "\"a,b\"\r\n");
  assert_row ((const char *[]){ "say \"hi\"", NULL }, "\"say \"\"hi\"\"\"\r\n");
  assert_row ((const char *[]){ "two\nlines", "cr\rhere", "crlf\r\n", NULL },
              "\"two\nlines\",\"cr\rhere\",\"crlf\r\n\"\r\n");
  /* Not RFC 4180 specials: left as they are */
  assert_row ((const char *[]){ " padded ", "semi;colon", "it's", NULL },
              " padded ,semi;colon,it's\r\n");
}

static void
test_csv_neutralizes_formulas (void)
{
  assert_row ((const char *[]){ "=1+1", "+1", "-1", "@SUM(A1)", NULL },
              "'=1+1,'+1,'-1,'@SUM(A1)\r\n");
  assert_row ((const char *[]){ "\tx", NULL }, "'\tx\r\n");
  /* A leading CR is both neutralized and quoted */
  assert_row ((const char *[]){ "\r=x", NULL }, "\"'\r=x\"\r\n");
  assert_row ((const char *[]){ "=HYPERLINK(\"http://x.example\",\"y\")", NULL },
              "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\"\r\n");
  /* Only at the start */
  assert_row ((const char *[]){ "a=b", "1-2", "x@y.example", NULL }, "a=b,1-2,x@y.example\r\n");

  g_assert_true (sl_csv_needs_neutralizing ("=x"));
  g_assert_false (sl_csv_needs_neutralizing ("x="));
  g_assert_false (sl_csv_needs_neutralizing (""));
  g_assert_false (sl_csv_needs_neutralizing (NULL));
}

static void
test_csv_counted_row (void)
{
  const char *fields[] = { "a", NULL, "c" };
  g_autofree char *text = row (fields, G_N_ELEMENTS (fields));

  g_assert_cmpstr (text, ==, "a,,c\r\n");
}

static void
test_csv_invalid_utf8 (void)
{
  g_autofree char *text = row ((const char *[]){ "ok\xff", NULL }, -1);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "ok"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
}

static void
test_csv_stream (void)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_true (
    sl_csv_write_row (stream, (const char *[]){ "id", "name", NULL }, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (
    sl_csv_write_row (stream, (const char *[]){ "1", "=x, y", NULL }, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  data = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (data, ==, "id,name\r\n1,\"'=x, y\"\r\n");

  /* A closed stream is an error, not a crash */
  g_assert_false (sl_csv_write_row (stream, (const char *[]){ "x", NULL }, -1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static SlCandidate *
make_candidate (void)
{
  SlCandidate *candidate = sl_candidate_new ();
  const char *skills[] = { "Docker", "PostgreSQL", NULL };

  sl_candidate_set_id (candidate, 42);
  sl_candidate_set_name (candidate, "=Ștefan Popescu");
  sl_candidate_set_text (candidate, SL_CANDIDATE_EMAIL, "stefan@example.com");
  sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, "RO");
  sl_candidate_set_text (candidate, SL_CANDIDATE_CITY, "Cluj-Napoca");
  sl_candidate_set_text (candidate, SL_CANDIDATE_SENIORITY, "senior");
  sl_candidate_set_text (candidate, SL_CANDIDATE_STACK, "go");
  sl_candidate_set_text (candidate, SL_CANDIDATE_STAGE, "technical");
  sl_candidate_set_years_experience (candidate, 6);
  sl_candidate_set_expected_rate (candidate, 37.5);
  sl_candidate_set_skills (candidate, skills);
  sl_candidate_set_created_at (candidate, 1793491200);
  sl_candidate_set_updated_at (candidate, 1793491200);
  return candidate;
}

static void
test_json_candidate (void)
{
  g_autoptr (SlCandidate) candidate = make_candidate ();
  g_autoptr (GListStore) applications = g_list_store_new (SL_TYPE_APPLICATION);
  g_autoptr (SlApplication) application =
    sl_application_new (7, 42, 3, "Senior Go Developer", "technical", 1793491200, NULL, NULL, NULL);
  g_autoptr (JsonObject) object = NULL;
  JsonArray *array;
  JsonObject *first;
  g_autoptr (GList) members = NULL;
  guint i = 0;

  g_list_store_append (applications, application);
  object = sl_candidate_to_json_object (candidate, G_LIST_MODEL (applications));

  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 42);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "=Ștefan Popescu");
  g_assert_cmpstr (json_object_get_string_member (object, "country"), ==, "RO");
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "technical");
  g_assert_cmpstr (json_object_get_string_member (object, "stack"), ==, "go");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "years_experience")),
                   ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (object, "years_experience"), ==, 6);
  g_assert_cmpfloat (json_object_get_double_member (object, "expected_rate"), ==, 37.5);
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==,
                   "2026-11-01T00:00:00Z");
  /* Codes that are not set are null, free text that is not set is "" */
  g_assert_true (json_object_get_null_member (object, "timezone"));
  g_assert_true (json_object_get_null_member (object, "consent_at"));
  g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, "");

  array = json_object_get_array_member (object, "skills");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "PostgreSQL");

  array = json_object_get_array_member (object, "applications");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (first, "position_id"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "position"), ==, "Senior Go Developer");
  g_assert_cmpstr (json_object_get_string_member (first, "stage"), ==, "technical");

  /* The members come in the documented order, then the applications */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      const char *expected = sl_candidate_json_fields ()[i];
      g_assert_cmpstr (l->data, ==, expected ? expected : "applications");
    }
  g_assert_cmpuint (i, ==, g_strv_length ((char **) sl_candidate_json_fields ()) + 1);
}

static void
test_json_empty_candidate (void)
{
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object;

  sl_candidate_set_name (candidate, "Solo");
  node = sl_candidate_to_json (candidate, NULL);
  object = json_node_get_object (node);

  g_assert_false (json_object_has_member (object, "applications"));
  for (const char *const *m = (const char *const[]){ "country", "seniority", "stack", "stage",
                                                     "years_experience", "expected_rate", NULL };
       *m != NULL; m++)
    g_assert_true (json_object_get_null_member (object, *m));
  g_assert_cmpstr (json_object_get_string_member (object, "email"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "skills")), ==, 0);
}

static void
test_candidate_csv (void)
{
  g_autoptr (SlCandidate) candidate = make_candidate ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  g_autofree char *header = g_strjoinv (",", (char **) sl_candidate_json_fields ());

  sl_candidate_csv_append_header (out);
  sl_candidate_csv_append (out, candidate);
  lines = g_strsplit (out->str, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, header);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (g_str_has_prefix (lines[1], "42,'=Ștefan Popescu,stefan@example.com,,RO,"));
  g_assert_nonnull (strstr (lines[1], ",senior,6,go,Docker; PostgreSQL,,37.5,"));
  g_assert_nonnull (strstr (lines[1], ",technical,,2026-11-01T00:00:00Z,"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/plain", test_csv_plain);
  g_test_add_func ("/io/csv/quoting", test_csv_quoting);
  g_test_add_func ("/io/csv/neutralizes-formulas", test_csv_neutralizes_formulas);
  g_test_add_func ("/io/csv/counted-row", test_csv_counted_row);
  g_test_add_func ("/io/csv/invalid-utf8", test_csv_invalid_utf8);
  g_test_add_func ("/io/csv/stream", test_csv_stream);
  g_test_add_func ("/io/json/candidate", test_json_candidate);
  g_test_add_func ("/io/json/empty-candidate", test_json_empty_candidate);
  g_test_add_func ("/io/candidate-csv/row", test_candidate_csv);
  return g_test_run ();
}
