/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-report-export.c — reports and the candidate list as CSV, XLSX, PDF and JSON files
 *
 * The reports are built by hand, so what the files must hold is known exactly; each export
 * goes to a fresh folder, which must hold the file and nothing else after it, and nothing at all
 * after a cancelled or failed one.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sl-candidate-csv.h"
#include "sl-candidate-json.h"
#include "sl-report-export-private.h"
#include "sl-report-export.h"
#include "sl-report-private.h"
#include "sl-store.h"
#include "test-util.h"

static const char *const format_names[] = { "csv", "xlsx", "pdf" };

/* A funnel of two tables, one with text a spreadsheet would run, and a speed report */
static GPtrArray *
make_reports (void)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_report_unref);
  SlReport *funnel = sl_report_new (SL_REPORT_FUNNEL);
  SlReport *speed = sl_report_new (SL_REPORT_SPEED);
  SlReportTable *table;
  guint row;

  table = sl_report_table_new ("stages", "Stages", SL_REPORT_CHART_FUNNEL, 1);
  sl_report_table_add_column (table, "stage", "Stage", SL_REPORT_TEXT);
  sl_report_table_add_column (table, "reached", "Reached", SL_REPORT_COUNT);
  sl_report_table_add_column (table, "passed_rate", "Passed, next", SL_REPORT_RATE);
  sl_report_table_add_column (table, "median_days", "Median", SL_REPORT_DAYS);
  row = sl_report_table_add_row (table);
  sl_report_table_set_text (table, row, 0, "Sourced");
  sl_report_table_set_number (table, row, 1, 1234);
  sl_report_table_set_number (table, row, 2, 0.4521);
  sl_report_table_set_number (table, row, 3, 12.25);
  row = sl_report_table_add_row (table);
  sl_report_table_set_text (table, row, 0, "=1+1");
  sl_report_table_set_number (table, row, 1, 558);
  sl_report_table_set_number (table, row, 2, 0.5);
  sl_report_table_set_number (table, row, 3, 3);
  row = sl_report_table_add_row (table);
  sl_report_table_set_text (table, row, 0, "+cmd|' /C calc'!A0");
  sl_report_table_set_number (table, row, 1, 0);
  sl_report_table_set_number (table, row, 2, NAN);
  row = sl_report_table_add_row (table);
  sl_report_table_set_text (table, row, 0, "@SUM(A1:A3)");
  sl_report_table_set_number (table, row, 1, 7);
  sl_report_table_set_number (table, row, 2, 1);
  sl_report_table_set_number (table, row, 3, 0.126);
  sl_report_add_table (funnel, table);

  /* A title with what a sheet name cannot hold, and too long for one */
  table = sl_report_table_new ("reasons", "Reasons [all]: rejected/withdrawn? * \\ and more words",
                               SL_REPORT_CHART_BARS, 1);
  sl_report_table_add_column (table, "reason", "Reason", SL_REPORT_TEXT);
  sl_report_table_add_column (table, "applications", "Applications", SL_REPORT_COUNT);
  row = sl_report_table_add_row (table);
  sl_report_table_set_text (table, row, 0, "Said \"no\", twice");
  sl_report_table_set_number (table, row, 1, 3);
  row = sl_report_table_add_row (table);
  sl_report_table_set_text (table, row, 0, "-5 days late");
  sl_report_table_set_number (table, row, 1, 1);
  sl_report_add_table (funnel, table);

  table = sl_report_table_new ("time_to_hire", "Time to hire", SL_REPORT_CHART_NONE, 0);
  sl_report_table_add_column (table, "position", "Position", SL_REPORT_TEXT);
  sl_report_table_add_column (table, "median_hours", "Median time", SL_REPORT_HOURS);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Position %u", i);

      row = sl_report_table_add_row (table);
      sl_report_table_set_text (table, row, 0, name);
      sl_report_table_set_number (table, row, 1, i * 1.5);
    }
  sl_report_add_table (speed, table);

  g_ptr_array_add (reports, funnel);
  g_ptr_array_add (reports, speed);
  return reports;
}

static const char *const expected_csv =
  "Funnel – Stages\r\n"
  "Stage,Reached,\"Passed, next\",Median (days)\r\n"
  "Sourced,1234,0.4521,12.25\r\n"
  "'=1+1,558,0.5,3\r\n"
  "'+cmd|' /C calc'!A0,0,,\r\n"
  "'@SUM(A1:A3),7,1,0.13\r\n"
  "\r\n"
  "Funnel – Reasons [all]: rejected/withdrawn? * \\ and more words\r\n"
  "Reason,Applications\r\n"
  "\"Said \"\"no\"\", twice\",3\r\n"
  "'-5 days late,1\r\n"
  "\r\n"
  "Speed – Time to hire\r\n"
  "Position,Median time (hours)\r\n";

/* The names in @dir, sorted, joined by spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_dir_holds (const char *dir, const char *expected)
{
  g_autofree char *names = list_dir (dir);
  g_assert_cmpstr (names, ==, expected);
}

typedef struct
{
  GArray *fractions;
  GCancellable *cancel; /* cancelled at the first progress past 0 */
} Progress;

static void
progress_cb (double fraction, gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel != NULL && fraction > 0)
    g_cancellable_cancel (progress->cancel);
}

static char *export(SlTestDir *fixture, GPtrArray *reports, SlExportFormat format,
                    Progress *progress)
{
  g_autofree char *name = g_strconcat ("report", sl_export_format_extension (format), NULL);
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  const SlExportInfo info = { "From 2026-01-01 · Country: Poland", "Ana Lima" };

  g_assert_true (sl_report_export (reports, format, &info, path, progress ? progress_cb : NULL,
                                   progress, NULL, &error));
  g_assert_no_error (error);
  assert_dir_holds (fixture->dir, name);
  return path;
}

static void
test_formats (void)
{
  SlExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      g_assert_true (sl_export_format_from_id (format_names[i], &format));
      g_assert_cmpint (format, ==, (SlExportFormat) i);
      g_assert_true (g_str_has_suffix (sl_export_format_extension (format), format_names[i]));
    }
  g_assert_false (sl_export_format_from_id ("doc", &format));
  g_assert_false (sl_export_format_from_id (NULL, &format));
}

static void
test_csv (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = make_reports ();
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { fractions, NULL };
  g_autofree char *path = export(fixture, reports, SL_EXPORT_CSV, &progress);
  g_autoptr (GBytes) bytes = sl_test_read_file (path);
  const char *text = g_bytes_get_data (bytes, NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) expected = g_string_new (expected_csv);

  for (guint i = 0; i < 120; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (expected, "Position %u,%s\r\n", i,
                              g_ascii_formatd (buffer, sizeof buffer, "%g", i * 1.5));
    }

  /* UTF-8 with its mark, for spreadsheets; the same text as for the standard output */
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, expected->len + 3);
  g_assert_cmpstr (text + 3, ==, expected->str);
  sl_report_csv_append (out, reports);
  g_assert_cmpstr (out->str, ==, expected->str);

  /* Progress goes up to 1 */
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* Numbers use a dot whatever the language */
static void
test_csv_locale (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = make_reports ();
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr (GString) out = g_string_new (NULL);

  if (setlocale (LC_NUMERIC, "pl_PL.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("No locale with a decimal comma");
      return;
    }
  sl_report_csv_append (out, reports);
  setlocale (LC_NUMERIC, old);
  g_assert_true (g_str_has_prefix (out->str, expected_csv));
}

/* JSON: ids, not titles; labels as the ids they stand for; numbers as numbers, whatever the
 * language; a collated table in the order of its bytes */
static void
test_json (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_report_unref);
  SlReport *report = sl_report_new (SL_REPORT_RETENTION);
  SlReportTable *table = sl_report_table_new ("after", "Nach", SL_REPORT_CHART_NONE, 0);
  SlReportTable *people = sl_report_table_new ("people", "Leute", SL_REPORT_CHART_NONE, 0);
  const SlReportFilter filter = { 7, 1767225600, 1775001600, (char *) "PL", NULL, NULL };
  const SlReportFilter none = { 0 };
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *path = g_build_filename (fixture->dir, "r.json", NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) several = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  guint row;

  sl_report_table_add_column (table, "after_months", "Nach", SL_REPORT_TEXT);
  sl_report_table_set_column_value_type (table, 0, SL_REPORT_VALUE_INTEGER);
  sl_report_table_add_column (table, "stage", "Stufe", SL_REPORT_TEXT);
  sl_report_table_add_column (table, "hires", "Einstellungen", SL_REPORT_COUNT);
  sl_report_table_add_column (table, "retained_rate", "Geblieben", SL_REPORT_RATE);
  sl_report_table_add_column (table, "median_days", "Median", SL_REPORT_DAYS);
  row = sl_report_table_add_row (table);
  sl_report_table_set_label (table, row, 0, "3", "3 Monate");
  sl_report_table_set_label (table, row, 1, "resume-review", "Lebenslauf");
  sl_report_table_set_number (table, row, 2, 1234);
  sl_report_table_set_number (table, row, 3, 0.45214);
  sl_report_table_set_number (table, row, 4, 12.5);
  row = sl_report_table_add_row (table);
  sl_report_table_set_label (table, row, 0, "12", "12 Monate");
  sl_report_table_set_label (table, row, 1, NULL, "Nicht erfasst");
  sl_report_table_set_number (table, row, 2, 0);
  sl_report_table_set_number (table, row, 3, NAN);
  sl_report_add_table (report, table);
  sl_report_table_add_column (people, "name", "Name", SL_REPORT_TEXT);
  sl_report_table_set_collated (people, TRUE);
  sl_report_table_set_text (people, sl_report_table_add_row (people), 0, "ana \"the\" \\ one");
  sl_report_table_set_text (people, sl_report_table_add_row (people), 0, "Zoë\n");
  sl_report_table_set_text (people, sl_report_table_add_row (people), 0, "Bob");
  sl_report_add_table (report, people);
  g_ptr_array_add (reports, report);

  /* A decimal comma in the reader's language changes nothing */
  if (setlocale (LC_NUMERIC, "pl_PL.UTF-8") == NULL)
    setlocale (LC_NUMERIC, "de_DE.UTF-8");
  sl_report_json_append (out, reports, &filter);
  setlocale (LC_NUMERIC, old);
  g_assert_cmpstr (
    out->str, ==,
    "{\n"
    "  \"report\": \"retention\",\n"
    "  \"filters\": {\"position\": 7, \"from\": \"2026-01-01\", \"to\": \"2026-03-31\", "
    "\"country\": \"PL\", \"stack\": null, \"seniority\": null},\n"
    "  \"tables\": [\n"
    "    {\n"
    "      \"id\": \"after\",\n"
    "      \"columns\": [{\"id\": \"after_months\", \"type\": \"integer\"}, {\"id\": \"stage\", "
    "\"type\": \"string\"}, {\"id\": \"hires\", \"type\": \"integer\"}, {\"id\": "
    "\"retained_rate\", \"type\": \"number\"}, {\"id\": \"median_days\", \"type\": \"number\"}],\n"
    "      \"rows\": [\n"
    "        {\"after_months\": 3, \"stage\": \"resume-review\", \"hires\": 1234, "
    "\"retained_rate\": 0.4521, \"median_days\": 12.5},\n"
    "        {\"after_months\": 12, \"stage\": null, \"hires\": 0, \"retained_rate\": null, "
    "\"median_days\": null}\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"people\",\n"
    "      \"columns\": [{\"id\": \"name\", \"type\": \"string\"}],\n"
    "      \"rows\": [\n"
    "        {\"name\": \"Bob\"},\n"
    "        {\"name\": \"Zoë\\n\"},\n"
    "        {\"name\": \"ana \\\"the\\\" \\\\ one\"}\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n");

  /* It parses, and several reports go in "reports" under the filters */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_ptr_array_add (reports, sl_report_new (SL_REPORT_FUNNEL));
    sl_report_json_append (several, reports, &none);
    g_assert_true (json_parser_load_from_data (parser, several->str, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_has_member (root, "filters"));
    g_assert_false (json_object_has_member (root, "report"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "reports")), ==,
                      2);
    g_assert_true (json_node_is_null (
      json_object_get_member (json_object_get_object_member (root, "filters"), "position")));
  }

  /* The file holds the same, and nothing else is left beside it */
  g_assert_true (sl_report_export_json (reports, &none, path, &error));
  g_assert_no_error (error);
  bytes = sl_test_read_file (path);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, several->str);
  assert_dir_holds (fixture->dir, "r.json");
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static char *
spawn (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The candidate sheet names its columns past Z, as a candidate field added later would need */
static void
test_sheet_column_names (void)
{
  static const struct
  {
    guint index;
    const char *name;
  } cases[] = { { 0, "A" },   { 25, "Z" },   { 26, "AA" },   { 27, "AB" },    { 51, "AZ" },
                { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char name[4];

      g_assert_cmpuint (sl_sheet_column_name (cases[i].index, name), ==, strlen (cases[i].name));
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_xlsx (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = make_reports ();
  g_autofree char *path = export(fixture, reports, SL_EXPORT_XLSX, NULL);
  g_autoptr (GBytes) bytes = sl_test_read_file (path);
  g_autofree char *list = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *core = NULL;

  /* A zip */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 4);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "PK\x03\x04", 4);
  if (!have_program ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }

  /* One sheet per table */
  list = spawn ((const char *const[]){ "unzip", "-l", path, NULL });
  g_assert_nonnull (strstr (list, "xl/worksheets/sheet3.xml"));
  g_assert_null (strstr (list, "xl/worksheets/sheet4.xml"));

  /* Names Excel accepts: the second table's title lost []:*?/\ and was cut at a word to at
   * most 31 characters */
  workbook = spawn ((const char *const[]){ "unzip", "-p", path, "xl/workbook.xml", NULL });
  g_assert_nonnull (strstr (workbook, "name=\"Funnel – Stages\""));
  g_assert_nonnull (strstr (workbook, "name=\"Funnel – Reasons all rejected…\""));
  g_assert_nonnull (strstr (workbook, "name=\"Speed – Time to hire\""));

  core = spawn ((const char *const[]){ "unzip", "-p", path, "docProps/core.xml", NULL });
  g_assert_nonnull (strstr (core, "Ana Lima"));
  g_assert_nonnull (strstr (core, "Hiring report"));
}

static void
test_pdf (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = make_reports ();
  g_autofree char *path = export(fixture, reports, SL_EXPORT_PDF, NULL);
  g_autoptr (GBytes) bytes = sl_test_read_file (path);
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 5);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  text = spawn ((const char *const[]){ "pdftotext", "-layout", path, "-", NULL });
  g_assert_nonnull (strstr (text, "Hiring report"));
  g_assert_nonnull (strstr (text, "From 2026-01-01 · Country: Poland"));
  g_assert_nonnull (strstr (text, "Ana Lima"));
  g_assert_nonnull (strstr (text, "=1+1"));
  g_assert_nonnull (strstr (text, "Time to hire (continued)"));
  g_assert_nonnull (strstr (text, "Position 119"));
  /* Title page, funnel, and the 120 rows of the speed report on two or more */
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_nonnull (strstr (text, "Page 4 of "));
}

/* A cancelled export returns G_IO_ERROR_CANCELLED and leaves the folder as it was, a file
 * already at the path included */
static void
test_cancel (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = make_reports ();
  const SlExportInfo info = { "", "" };

  for (guint f = 0; f < G_N_ELEMENTS (format_names); f++)
    for (guint when = 0; when < 2; when++)
      {
        g_autoptr (GCancellable) cancellable = g_cancellable_new ();
        g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GError) error = NULL;
        g_autofree char *path = g_build_filename (fixture->dir, "report.out", NULL);
        g_autofree char *old = g_build_filename (fixture->dir, "old.out", NULL);
        g_autoptr (GBytes) kept = NULL;
        Progress progress = { fractions, when == 1 ? cancellable : NULL };

        if (when == 0)
          g_cancellable_cancel (cancellable);
        g_assert_false (sl_report_export (reports, (SlExportFormat) f, &info, path, progress_cb,
                                          &progress, cancellable, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        assert_dir_holds (fixture->dir, "");
        if (when == 1)
          g_assert_cmpuint (fractions->len, >=, 1);

        /* Over an older file */
        g_clear_error (&error);
        g_assert_true (g_file_set_contents (old, "older", -1, NULL));
        g_cancellable_reset (cancellable);
        if (when == 0)
          g_cancellable_cancel (cancellable);
        g_assert_false (sl_report_export (reports, (SlExportFormat) f, &info, old, progress_cb,
                                          &progress, cancellable, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        assert_dir_holds (fixture->dir, "old.out");
        kept = sl_test_read_file (old);
        g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "older", 5);
        g_unlink (old);
      }
}

static void
test_unwritable (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) reports = make_reports ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.csv", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (format_names); f++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (
        sl_report_export (reports, (SlExportFormat) f, NULL, path, NULL, NULL, NULL, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_assert_nonnull (strstr (error->message, "report.csv"));
      assert_dir_holds (fixture->dir, "");
    }
}

/* The candidate list */

static SlStore *
make_store (SlTestDir *fixture)
{
  g_autoptr (GError) error = NULL;
  SlStore *store = sl_store_open (fixture->path, &error);
  const char *const names[] = { "=HYPERLINK(\"http://x.example\")", "Ana Lima", "+Bruno", NULL };

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (SlCandidate) candidate = sl_candidate_new ();

      sl_candidate_set_name (candidate, names[i]);
      sl_candidate_set_text (candidate, SL_CANDIDATE_COUNTRY, "PL");
      sl_candidate_set_years_experience (candidate, 4.5);
      g_assert_true (sl_store_save_candidate (store, candidate, &error));
      g_assert_no_error (error);
    }
  return store;
}

static void
test_candidates (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = make_store (fixture);
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autofree char *csv = g_build_filename (fixture->dir, "candidates.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "candidates.xlsx", NULL);
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { fractions, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (sl_candidates_export (sl_store_get_database (store), query, SL_EXPORT_CSV, csv,
                                       progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  bytes = sl_test_read_file (csv);
  lines = g_strsplit ((const char *) g_bytes_get_data (bytes, NULL) + 3, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "id,name,email,"));
  g_assert_cmpstr (lines[4], ==, "");
  /* In the list's order, by name; what a spreadsheet would run neutralized */
  g_assert_nonnull (strstr (lines[1], ",'+Bruno,"));
  g_assert_nonnull (strstr (lines[2], ",\"'=HYPERLINK(\"\"http://x.example\"\")\","));
  g_assert_nonnull (strstr (lines[3], ",Ana Lima,"));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_assert_true (sl_candidates_export (sl_store_get_database (store), query, SL_EXPORT_XLSX, xlsx,
                                       NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = sl_test_read_file (xlsx);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "PK\x03\x04", 4);

  /* Not as PDF */
  g_assert_false (sl_candidates_export (sl_store_get_database (store), query, SL_EXPORT_PDF, csv,
                                        NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

typedef struct
{
  GString *csv;
  GPtrArray *json;
} Records;

static gboolean
collect_record (const SlCandidateRecord *record, gpointer data, GError **error)
{
  Records *records = data;
  g_autoptr (GString) scratch = g_string_new (NULL);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  sl_candidate_csv_append_record (records->csv, record, scratch);
  json_node_take_object (node, sl_candidate_record_to_json_object (record, NULL));
  g_ptr_array_add (records->json, json_to_string (node, FALSE));
  return TRUE;
}

/* The exports read candidates as rows straight from the database; those rows say what the
 * candidate objects the rest of the app uses say, field for field */
static void
test_candidate_records (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = make_store (fixture);
  g_autoptr (SlCandidate) full = sl_candidate_new ();
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GString) expected_csv = g_string_new (NULL);
  g_autoptr (GPtrArray) json = g_ptr_array_new_with_free_func (g_free);
  Records records = { g_string_new (NULL), json };
  const char *skills[] = { "postgreSQL", "Docker", "aws", NULL };

  sl_candidate_set_name (full, "Ștefan Popescu");
  for (guint i = SL_CANDIDATE_EMAIL; i <= SL_CANDIDATE_NOTES; i++)
    if (i != SL_CANDIDATE_STACK)
      sl_candidate_set_text (full, i, "x");
  sl_candidate_set_text (full, SL_CANDIDATE_EMAIL, "stefan@example.com");
  sl_candidate_set_text (full, SL_CANDIDATE_COUNTRY, "RO");
  sl_candidate_set_text (full, SL_CANDIDATE_TIMEZONE, "Europe/Bucharest");
  sl_candidate_set_text (full, SL_CANDIDATE_ENGLISH_LEVEL, "C1");
  sl_candidate_set_text (full, SL_CANDIDATE_SENIORITY, "senior");
  sl_candidate_set_text (full, SL_CANDIDATE_STACK, "go");
  sl_candidate_set_text (full, SL_CANDIDATE_EMPLOYMENT_TYPE, "contractor");
  sl_candidate_set_text (full, SL_CANDIDATE_CURRENCY, "EUR");
  sl_candidate_set_text (full, SL_CANDIDATE_RATE_PERIOD, "hour");
  sl_candidate_set_text (full, SL_CANDIDATE_SOURCE, "referral");
  sl_candidate_set_text (full, SL_CANDIDATE_NOTES, "Line one\nline two, \"quoted\"");
  sl_candidate_set_years_experience (full, 6);
  sl_candidate_set_expected_rate (full, 37.5);
  sl_candidate_set_consent_at (full, 1793491200);
  sl_candidate_set_skills (full, skills);
  g_assert_true (sl_store_save_candidate (store, full, &error));
  g_assert_no_error (error);
  /* Read back from the file below, not this live object */
  g_clear_object (&full);

  ids = sl_candidate_query_run (query, sl_store_get_database (store), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_true (sl_store_read_candidates (sl_store_get_database (store), query, collect_record,
                                           &records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (SlCandidate) candidate =
        sl_store_get_candidate (store, g_array_index (ids, gint64, i), &error);
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *expected_json = NULL;

      g_assert_no_error (error);
      sl_candidate_csv_append (expected_csv, candidate);
      json_node_take_object (node, sl_candidate_to_json_object (candidate, NULL));
      expected_json = json_to_string (node, FALSE);
      g_assert_cmpstr (json->pdata[i], ==, expected_json);
    }
  g_assert_cmpstr (records.csv->str, ==, expected_csv->str);
  /* The skills in name order, whatever their case; the rate with its fraction */
  g_assert_nonnull (strstr (records.csv->str, ",aws; Docker; postgreSQL,"));
  g_assert_nonnull (strstr (records.csv->str, ",37.5,EUR,hour,"));
  g_assert_nonnull (strstr (records.csv->str, ",2026-11-01T00:00:00Z,"));
  g_string_free (records.csv, TRUE);
}

/* Ended by a signal halfway through an export, a process leaves no temporary file, and the
 * older file at that name stays as it was */
static void
test_signal_removes_the_half_file (SlTestDir *fixture, gconstpointer data)
{
  g_autofree char *export_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (export_dir, "candidates.csv", NULL);
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "older\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      int status = 0;
      pid_t child = fork ();
      g_autofree char *contents = NULL;

      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          SlExportFile file = { NULL, NULL, -1 };

          sl_export_remove_on_signals ();
          if (!sl_export_file_open (&file, path, NULL) ||
              !sl_export_file_write (&file, "half a file", 11, NULL))
            _exit (3);
          raise (signals[i]);
          _exit (4);
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, signals[i]);
      assert_dir_holds (export_dir, "candidates.csv");
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "older\n");
    }
}

static void
test_candidates_cancel (SlTestDir *fixture, gconstpointer data)
{
  g_autoptr (SlStore) store = make_store (fixture);
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autofree char *export_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (export_dir, "candidates", NULL);

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  for (guint f = SL_EXPORT_CSV; f <= SL_EXPORT_XLSX; f++)
    for (guint when = 0; when < 2; when++)
      {
        g_autoptr (GCancellable) cancellable = g_cancellable_new ();
        g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GError) error = NULL;
        Progress progress = { fractions, when == 1 ? cancellable : NULL };

        if (when == 0)
          g_cancellable_cancel (cancellable);
        g_assert_false (sl_candidates_export (sl_store_get_database (store), query,
                                              (SlExportFormat) f, path, progress_cb, &progress,
                                              cancellable, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        assert_dir_holds (export_dir, "");
      }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-export/formats", test_formats);
  SL_TEST_ADD ("/report-export/csv", test_csv);
  SL_TEST_ADD ("/report-export/csv-locale", test_csv_locale);
  SL_TEST_ADD ("/report-export/json", test_json);
  SL_TEST_ADD ("/report-export/xlsx", test_xlsx);
  g_test_add_func ("/report-export/sheet-column-names", test_sheet_column_names);
  SL_TEST_ADD ("/report-export/pdf", test_pdf);
  SL_TEST_ADD ("/report-export/cancel", test_cancel);
  SL_TEST_ADD ("/report-export/unwritable", test_unwritable);
  SL_TEST_ADD ("/report-export/candidates", test_candidates);
  SL_TEST_ADD ("/report-export/candidate-records", test_candidate_records);
  SL_TEST_ADD ("/report-export/candidates-cancel", test_candidates_cancel);
  SL_TEST_ADD ("/report-export/signal-removes-the-half-file", test_signal_removes_the_half_file);
  return g_test_run ();
}
