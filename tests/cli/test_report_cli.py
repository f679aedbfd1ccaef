#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Tests of shortlist-cli report as CSV, XLSX, PDF and JSON (and candidates --format xlsx): the
real binary against a demo database in a temporary folder. The CSV is parsed back with Python's csv module, the XLSX opened
with python3-openpyxl, the PDF's pages counted with pdfinfo and its text read with pdftotext,
the JSON parsed with Python's json module.

Usage: test_report_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments, e.g. a TestCase name]
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

# test_cli is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import cli_backend  # noqa: E402
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

try:
    import openpyxl
except ImportError:  # python3-openpyxl is a test dependency; say so rather than fail oddly
    openpyxl = None

REPORTS = ["funnel", "speed", "sources", "breakdown", "offers", "interviewers", "retention"]
TITLES = ["Funnel", "Speed", "Sources", "Breakdowns", "Offers", "Interviewers", "Retention"]
NUMBER = re.compile(r"^-?\d+(\.\d{1,4})?$")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_FORBIDDEN = set("[]:*?/\\")
LEAD = "helen.carter@shortlist.example"
LEAD_NAME = "Helen Carter"


def ooxml_text(value):
    """A cell's text as Excel shows it: OOXML writes what XML cannot hold as _xHHHH_ (and an
    underscore that would start one as _x005F_), which openpyxl leaves as it is"""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def parse_tables(text):
    """The CSV's tables: (title, header, rows), split at the blank lines between them"""
    tables, current = [], []
    for row in csv.reader(io.StringIO(text, newline="")):
        if not row:
            if current:
                tables.append(current)
            current = []
        else:
            current.append(row)
    if current:
        tables.append(current)
    for t in tables:
        if len(t[0]) != 1 or len(t) < 2:
            raise AssertionError(f"a table starts with its title alone, then its header: {t[:2]}")
    return [(t[0][0], t[1], t[2:]) for t in tables]


class ReportTestCase(CliTestCase):
    demo_size = 300

    def setUp(self):
        # Each test writes into a folder of its own, to see exactly what it left there
        self.out = tempfile.mkdtemp(prefix="out-", dir=self.tmp)

    def tearDown(self):
        shutil.rmtree(self.out, ignore_errors=True)

    def output(self, name):
        return os.path.join(self.out, name)

    def report(self, *args):
        return self.ok("report", "--database", self.demo, *args)

    def csv_tables(self, *args):
        path = self.output("report.csv")
        self.report(*args, "--format", "csv", "--output", path)
        with open(path, "rb") as f:
            data = f.read()
        os.unlink(path)
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), data[:10])
        return parse_tables(data[3:].decode("utf-8")), data

    def assert_out_holds(self, *names):
        self.assertEqual(sorted(os.listdir(self.out)), sorted(names))


class TestReportCsv(ReportTestCase):
    def test_all_parses_back(self):
        tables, data = self.csv_tables("all")
        self.assert_out_holds()
        # CRLF lines only (no field of the demo holds a line break)
        self.assertEqual(data.count(b"\n"), data.count(b"\r\n"))
        self.assertGreaterEqual(len(tables), len(REPORTS))
        for title in TITLES:
            self.assertTrue(any(t[0] == title or t[0].startswith(title + " – ") for t in tables),
                            title)
        numeric_columns = 0
        for title, header, rows in tables:
            self.assertGreater(len(header), 0, title)
            for row in rows:
                self.assertEqual(len(row), len(header), (title, row))
                for cell in row:
                    # Neutralized: nothing a spreadsheet would run as a formula
                    self.assertFalse(cell.startswith(FORMULA_STARTS) and not NUMBER.match(cell),
                                     (title, cell))
            for c in range(1, len(header)):
                values = [row[c] for row in rows if row[c] != ""]
                if values and all(NUMBER.match(v) for v in values):
                    numeric_columns += 1
        self.assertGreater(numeric_columns, 10)

    def test_durations_say_their_unit(self):
        # The cells are bare numbers; the column's title says what of
        tables, _ = self.csv_tables("speed")
        self.assertEqual(tables[0][1][2:], ["Median (days)", "90th percentile (days)"])
        tables, _ = self.csv_tables("interviewers")
        self.assertEqual(tables[0][1][-1], "Median time to submit (hours)")

    def test_rates_are_fractions(self):
        tables, _ = self.csv_tables("funnel")
        title, header, rows = tables[0]
        self.assertTrue(title.startswith("Funnel"), title)
        # A rate column: plain fractions from 0 to 1, with a dot, up to 4 decimals
        rates = [c for c in range(1, len(header))
                 if any("." in row[c] for row in rows)
                 and all(row[c] == "" or 0 <= float(row[c]) <= 1 for row in rows)]
        self.assertTrue(rates, header)
        for row in rows:
            self.assertRegex(row[rates[0]], r"^(0(\.\d{1,4})?|1|)$")

    def test_numbers_ignore_the_language(self):
        tables, _ = self.csv_tables("all")
        env = dict(self.env, LC_ALL="pl_PL.UTF-8", LANGUAGE="pl")
        path = self.output("pl.csv")
        self.ok("report", "--database", self.demo, "all", "--output", path, env=env)
        with open(path, "rb") as f:
            polish = parse_tables(f.read()[3:].decode("utf-8"))
        self.assertEqual(len(polish), len(tables))
        for (_, _, rows), (_, _, pl_rows) in zip(tables, polish):
            for row, pl_row in zip(rows, pl_rows):
                for cell, pl_cell in zip(row, pl_row):
                    if NUMBER.match(cell):
                        self.assertEqual(cell, pl_cell)

    def test_reasons_in_the_readers_language(self):
        # Reasons are stored as ids: a Ukrainian reader gets every one in Ukrainian, each once
        env = dict(self.env, LC_ALL="uk_UA.UTF-8", LANGUAGE="uk")
        path = self.output("uk.csv")
        self.ok("report", "--database", self.demo, "funnel", "--output", path, env=env)
        with open(path, "rb") as f:
            tables = parse_tables(f.read()[3:].decode("utf-8"))
        rows = tables[2][2]
        reasons = {row[2] for row in rows}
        self.assertIn("Не підходить команді", reasons)
        self.assertNotIn("Not a fit for the team", reasons)
        keys = [(row[0], row[1], row[2]) for row in rows]
        self.assertEqual(len(keys), len(set(keys)))

    def test_standard_output_is_the_file(self):
        _, data = self.csv_tables("sources")
        stdout = self.report("sources", "--output", "-").raw_stdout
        self.assertEqual(stdout, data[3:])
        self.assert_out_holds()

    def test_one_report(self):
        tables, _ = self.csv_tables("speed")
        self.assertTrue(tables)
        for title, _, _ in tables:
            self.assertTrue(title == "Speed" or title.startswith("Speed – "), title)

    def test_filters_narrow(self):
        everything, _ = self.csv_tables("funnel")
        future, _ = self.csv_tables("funnel", "--from", "2100-01-01")
        self.assertEqual(future[0][1], everything[0][1])
        total = sum(int(row[1]) for row in everything[0][2] if row[1])
        self.assertGreater(total, 0)
        for row in future[0][2]:
            self.assertIn(row[1], ("", "0"), row)

    def test_position_filter(self):
        positions = json.loads(self.ok("positions", "--database", self.demo, "--format",
                                       "json").stdout)
        everything, _ = self.csv_tables("funnel")
        one, _ = self.csv_tables("funnel", "--position", str(positions[0]["id"]))
        first = int(everything[0][2][0][1])
        self.assertLessEqual(int(one[0][2][0][1] or 0), first)

    def test_date_range(self):
        # --to is inclusive: a range of one day is a range
        self.csv_tables("funnel", "--from", "2026-03-01", "--to", "2026-03-01")
        # Limits past all the data change nothing
        wide, _ = self.csv_tables("funnel", "--from", "1990-01-01", "--to", "2100-12-31")
        everything, _ = self.csv_tables("funnel")
        self.assertEqual(wide, everything)

    def test_replaces_an_older_file(self):
        path = self.output("report.csv")
        with open(path, "w") as f:
            f.write("older")
        self.report("offers", "--output", path)
        with open(path, "rb") as f:
            self.assertTrue(f.read().startswith(b"\xef\xbb\xbfOffers"))
        self.assert_out_holds("report.csv")


@unittest.skipIf(openpyxl is None, "python3-openpyxl is not installed")
class TestReportXlsx(ReportTestCase):
    def test_sheets_cells_and_properties(self):
        tables, _ = self.csv_tables("all")
        path = self.output("report.xlsx")
        self.report("all", "--format", "xlsx", "--output", path, "--as", LEAD)
        self.assert_out_holds("report.xlsx")
        book = openpyxl.load_workbook(path)

        # One sheet per table, named as Excel allows
        self.assertEqual(len(book.sheetnames), len(tables))
        self.assertEqual(len({n.casefold() for n in book.sheetnames}), len(book.sheetnames))
        for name in book.sheetnames:
            self.assertLessEqual(len(name), 31, name)
            self.assertFalse(SHEET_FORBIDDEN & set(name), name)
            self.assertFalse(name.startswith("'") or name.endswith("'"), name)
        self.assertEqual(book.properties.title, "Hiring report")
        self.assertEqual(book.properties.creator, LEAD_NAME)
        self.assertIsNotNone(book.properties.created)

        percent_cells = 0
        for sheet, (title, header, rows) in zip(book.worksheets, tables):
            self.assertEqual(sheet.freeze_panes, "A2", sheet.title)
            self.assertEqual([c.value for c in sheet[1]], header, sheet.title)
            for cell in sheet[1]:
                self.assertTrue(cell.font.b, (sheet.title, cell.value))
            self.assertEqual(sheet.max_row, len(rows) + 1, sheet.title)
            # The same values as the CSV, numbers as numbers
            for r, row in enumerate(rows, start=2):
                for c, text in enumerate(row, start=1):
                    cell = sheet.cell(row=r, column=c)
                    if text == "":
                        self.assertIsNone(cell.value, (sheet.title, r, c))
                    elif NUMBER.match(text):
                        self.assertEqual(cell.data_type, "n", (sheet.title, r, c))
                        self.assertAlmostEqual(cell.value, float(text), delta=0.006)
                        if cell.number_format.endswith("%"):
                            percent_cells += 1
                            self.assertLessEqual(cell.value, 1)
                    else:
                        self.assertEqual(cell.data_type, "s", (sheet.title, r, c))
                        self.assertEqual(cell.value, text)
        self.assertGreater(percent_cells, 0)

    def test_numbers_and_names_in_other_languages(self):
        # The cells' numbers are the same whatever the language's decimal comma, and sheet names
        # keep every letter (only what Excel refuses goes)
        path = self.output("en.xlsx")
        self.report("all", "--output", path)
        english = openpyxl.load_workbook(path)
        for language, locale_name in (("pl", "pl_PL.UTF-8"), ("uk", "uk_UA.UTF-8")):
            env = dict(self.env, LC_ALL=locale_name, LANGUAGE=language)
            path = self.output(language + ".xlsx")
            self.ok("report", "--database", self.demo, "all", "--output", path, env=env)
            book = openpyxl.load_workbook(path)
            self.assertEqual(len(book.worksheets), len(english.worksheets))
            for sheet, theirs in zip(english.worksheets, book.worksheets):
                for row, their_row in zip(sheet.iter_rows(min_row=2, values_only=True),
                                          theirs.iter_rows(min_row=2, values_only=True)):
                    for cell, their_cell in zip(row, their_row):
                        if isinstance(cell, (int, float)):
                            self.assertEqual(cell, their_cell)
            if language == "uk":
                self.assertIn("Заявки на кожному етапі", book.sheetnames)

    def test_columns_are_wide_enough(self):
        path = self.output("report.xlsx")
        self.report("sources", "--output", path)
        sheet = openpyxl.load_workbook(path).worksheets[0]
        width = sheet.column_dimensions["A"].width
        longest = max(len(str(c.value)) for c in sheet["A"] if c.value is not None)
        self.assertGreaterEqual(width, min(longest, 60))


class TestReportPdf(ReportTestCase):
    def setUp(self):
        super().setUp()
        if not shutil.which("pdfinfo") or not shutil.which("pdftotext"):
            self.skipTest("poppler-utils is not installed")

    def pages(self, path):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)
        self.assertIn("(A4)", info.stdout)
        return int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M).group(1))

    def text(self, path, page=None):
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return subprocess.run(["pdftotext", "-layout", *pages, path, "-"], capture_output=True,
                              text=True, check=True).stdout

    def test_title_page_reports_and_page_numbers(self):
        path = self.output("report.pdf")
        self.report("all", "--format", "pdf", "--output", path, "--as", LEAD)
        self.assert_out_holds("report.pdf")
        n = self.pages(path)
        # The title page, then each report from a page of its own
        self.assertGreaterEqual(n, 1 + len(REPORTS))
        title_page = self.text(path, 1)
        self.assertIn("Hiring report", title_page)
        self.assertIn("All applications", title_page)
        self.assertIn(LEAD_NAME, title_page)
        self.assertIn(f"Page 1 of {n}", title_page)
        for page in range(2, n + 1):
            self.assertIn(f"Page {page} of {n}", self.text(path, page))
        text = self.text(path)
        for title in TITLES:
            self.assertRegex(text, rf"(?m)^\s*{title}\s*$")

    def test_filters_on_title_page(self):
        path = self.output("report.pdf")
        self.report("funnel", "--output", path, "--country", "pl", "--from", "2026-01-01",
                    "--to", "2026-12-31")
        title_page = self.text(path, 1)
        self.assertIn("Country: Poland", title_page)
        self.assertIn("From 2026-01-01", title_page)
        self.assertIn("To 2026-12-31", title_page)
        self.assertNotIn("Speed", title_page)
        # A position by its title, client and id: two may share a title
        self.report("funnel", "--output", path, "--position", "3")
        self.assertRegex(self.text(path, 1), r"Position: .+ · .+\s\(#3\)")

    def test_tables_hold_the_numbers(self):
        tables, _ = self.csv_tables("sources")
        path = self.output("report.pdf")
        self.report("sources", "--output", path)
        text = self.text(path)
        for row in tables[0][2]:
            # The label and its count (a thousands separator may show in other languages)
            self.assertRegex(text, re.escape(row[0]) + r"\s.*\b" + row[1] + r"\b")


# The stable ids of `report --format json` (shortlist-cli(1)): a script may rely on them
JSON_TABLES = {
    "funnel": {"stages": ["stage", "reached", "passed_rate"],
               "months": ["month", "applications", "hires"],
               "outcomes": ["stage", "outcome", "reason", "applications"]},
    "speed": {"stages": ["stage", "applications", "median_days", "p90_days"],
              "time_to_hire": ["span", "hires", "median_days", "p90_days"]},
    "sources": {"sources": ["source", "candidates", "interviewed", "offers", "hires",
                            "hired_rate"]},
    "breakdown": {table: [column, "applications", "interviewed", "offers", "hires", "hired_rate"]
                  for table, column in (("countries", "country"), ("stacks", "stack"),
                                        ("seniorities", "seniority"),
                                        ("employment_types", "employment_type"))},
    "offers": {"totals": ["status", "applications", "share_rate"],
               "acceptance": ["scope", "acceptance_rate"],
               "positions": ["position", "made", "accepted", "declined", "acceptance_rate"]},
    "interviewers": {"interviewers": ["interviewer", "interviews", "submitted", "on_time_rate",
                                      "median_submit_hours"]},
    "retention": {"retention": ["after_months", "hires", "still_there", "retained_rate"]},
}
PIPELINE = ["sourced", "screening", "resume-review", "pre-sell", "technical", "culture",
            "feedback", "offer", "hired"]
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
UK = {"LC_ALL": "uk_UA.UTF-8", "LANGUAGE": "uk"}
C = {"LC_ALL": "C", "LANGUAGE": ""}


class TestReportJson(ReportTestCase):
    def json_report(self, *args, env=None, database=None):
        result = self.ok("report", "--database", database or self.demo, *args, "--format", "json",
                         env=dict(self.env, **(env or {})))
        return json.loads(result.raw_stdout.decode("utf-8")), result.raw_stdout

    def assert_table(self, report, table):
        columns = table["columns"]
        ids = [column["id"] for column in columns]
        self.assertEqual(ids, JSON_TABLES[report][table["id"]], (report, table["id"]))
        for column in columns:
            self.assertRegex(column["id"], SNAKE_CASE)
            self.assertIn(column["type"], ("integer", "number", "string", "date"), column)
        for row in table["rows"]:
            # Every column, by its id, and nothing else
            self.assertEqual(list(row), ids, row)
            for column in columns:
                value, kind = row[column["id"]], column["type"]
                where = (report, table["id"], column["id"], value)
                if value is None:
                    continue
                if kind == "integer":
                    self.assertIs(type(value), int, where)
                    self.assertGreaterEqual(value, 0, where)
                elif kind == "number":
                    self.assertIn(type(value), (int, float), where)
                    self.assertGreaterEqual(value, 0, where)
                    if column["id"].endswith("_rate"):
                        self.assertLessEqual(value, 1, where)
                elif kind == "date":
                    self.assertRegex(value, r"^\d{4}-\d{2}(-\d{2})?$", where)
                else:
                    self.assertIs(type(value), str, where)
                    self.assertNotIn("%", value, where)

    def test_every_report_parses_with_its_ids(self):
        for report in REPORTS:
            document, data = self.json_report(report)
            self.assertTrue(data.endswith(b"}\n"), report)
            self.assertEqual(list(document), ["report", "filters", "tables"])
            self.assertEqual(document["report"], report)
            self.assertEqual(document["filters"], {"position": None, "from": None, "to": None,
                                                   "country": None, "stack": None,
                                                   "seniority": None})
            self.assertEqual([t["id"] for t in document["tables"]], list(JSON_TABLES[report]))
            for table in document["tables"]:
                self.assert_table(report, table)
        self.assert_out_holds()

    def test_values_are_ids_and_numbers(self):
        funnel, _ = self.json_report("funnel")
        stages = funnel["tables"][0]["rows"]
        self.assertEqual([row["stage"] for row in stages], PIPELINE)
        self.assertIsInstance(stages[0]["reached"], int)
        self.assertGreater(stages[0]["reached"], 0)
        self.assertIsInstance(stages[0]["passed_rate"], float)
        self.assertIsNone(stages[-1]["passed_rate"])  # nothing after Hired
        outcomes = funnel["tables"][2]["rows"]
        self.assertTrue({row["outcome"] for row in outcomes} <= {"rejected", "withdrawn"})
        self.assertTrue({row["stage"] for row in outcomes} <= set(PIPELINE))
        # Reasons by their ids, each once per stage and outcome
        keys = [(row["stage"], row["outcome"], row["reason"]) for row in outcomes]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertTrue(all(SNAKE_CASE.match(r.replace("-", "_")) for _, _, r in keys), keys)
        breakdown, _ = self.json_report("breakdown")
        countries = [row["country"] for row in breakdown["tables"][0]["rows"]]
        self.assertIn("BR", countries)
        self.assertTrue(all(c is None or re.match(r"^[A-Z]{2}$", c) for c in countries))
        offers, _ = self.json_report("offers")
        self.assertEqual([row["status"] for row in offers["tables"][0]["rows"]],
                         ["made", "accepted", "declined", "rescinded", "open"])
        retention, _ = self.json_report("retention")
        self.assertEqual([row["after_months"] for row in retention["tables"][0]["rows"]],
                         [3, 6, 12])
        speed, _ = self.json_report("speed")
        self.assertEqual(speed["tables"][1]["rows"][0]["span"], "first_stage_to_hired")

    def test_numbers_match_the_csv(self):
        # The same model and the same numbers as the CSV, which people read
        document, _ = self.json_report("all")
        tables, _ = self.csv_tables("all")
        json_tables = [(r["report"], t) for r in document["reports"] for t in r["tables"]]
        self.assertEqual(len(json_tables), len(tables))
        for (report, table), (title, header, rows) in zip(json_tables, tables):
            self.assertEqual(len(table["columns"]), len(header), title)
            self.assertEqual(len(table["rows"]), len(rows), title)
            if report == "interviewers":
                continue  # ordered by the bytes of the names in JSON
            for row, csv_row in zip(table["rows"], rows):
                for column, cell in zip(table["columns"], csv_row):
                    value = row[column["id"]]
                    if column["type"] in ("integer", "number") and column["id"] != "after_months":
                        self.assertEqual("" if value is None else str(value), cell,
                                         (title, column["id"]))

    def test_same_bytes_in_every_language(self):
        # Ukrainian and C, and an interviewer whose name the two languages sort apart: a
        # lower-case name comes before “Camila” in Ukrainian, after every capital in C
        database = self.copy_demo("languages.db")
        members = json.loads(self.ok("members", "--database", database, "--format",
                                     "json").stdout)
        admin = next(m["email"] for m in members if m["role"] == "admin")
        ana = next(m for m in members if m["name"] == "Ana Ribeiro")
        self.ok("edit-member", "--database", database, str(ana["id"]), "--name", "ana ribeiro",
                "--as", admin)
        uk_csv = self.ok("report", "--database", database, "interviewers", "-o", "-",
                         env=dict(self.env, **UK)).stdout
        c_csv = self.ok("report", "--database", database, "interviewers", "-o", "-",
                        env=dict(self.env, **C)).stdout
        self.assertIn("Інтерв’юер", uk_csv)
        names = [line.split(",")[0] for line in uk_csv.splitlines()[2:]]
        c_names = [line.split(",")[0] for line in c_csv.splitlines()[2:]]
        self.assertNotEqual(names, c_names)  # the people's order depends on the language
        for report in REPORTS + ["all"]:
            _, uk = self.json_report(report, env=UK, database=database)
            _, c = self.json_report(report, env=C, database=database)
            self.assertEqual(uk, c, report)
        document, _ = self.json_report("interviewers", env=UK, database=database)
        rows = document["tables"][0]["rows"]
        self.assertEqual([row["interviewer"] for row in rows], sorted(c_names))
        self.assertNotIn(b"\xd0", uk)  # nothing in Cyrillic: no label, no title

    def test_all_is_every_report(self):
        document, _ = self.json_report("all", "--from", "2026-01-01")
        self.assertEqual(list(document), ["filters", "reports"])
        self.assertEqual([r["report"] for r in document["reports"]], REPORTS)
        for report in document["reports"]:
            one, _ = self.json_report(report["report"], "--from", "2026-01-01")
            self.assertEqual(one["filters"], document["filters"])
            self.assertEqual(one["tables"], report["tables"], report["report"])

    def test_filters(self):
        positions = json.loads(self.ok("positions", "--database", self.demo, "--format",
                                       "json").stdout)
        document, _ = self.json_report("funnel", "--position", str(positions[0]["id"]),
                                       "--from", "2026-01-01", "--to", "2026-03-31",
                                       "--country", "br", "--stack", "Python",
                                       "--seniority", "senior")
        # As given, --to the last day counted
        self.assertEqual(document["filters"], {"position": positions[0]["id"],
                                               "from": "2026-01-01", "to": "2026-03-31",
                                               "country": "BR", "stack": "python",
                                               "seniority": "senior"})
        future, _ = self.json_report("funnel", "--from", "2100-01-01")
        self.assertTrue(all(row["reached"] == 0 for row in future["tables"][0]["rows"]))
        self.assertEqual(future["tables"][1]["rows"], [])

    def test_file_and_standard_output(self):
        _, data = self.json_report("sources")
        self.assertEqual(self.report("sources", "--format", "json", "-o", "-").raw_stdout, data)
        # Written whole, and guessed from the name like the other formats
        self.report("sources", "--format", "JSON", "--output", self.output("a.json"))
        self.report("sources", "--output", self.output("b.JSON"))
        for name in ("a.json", "b.JSON"):
            with open(self.output(name), "rb") as f:
                self.assertEqual(f.read(), data, name)
        self.assert_out_holds("a.json", "b.JSON")

    def test_bad_format(self):
        # One line, in the reader's language, and nothing written
        for env, pattern in ((self.env, "must be one of: csv, xlsx, pdf, json"),
                             (dict(self.env, **UK), "csv, xlsx, pdf, json")):
            result = self.cli("report", "--database", self.demo, "funnel", "--format", "yaml",
                              env=env)
            self.assert_one_line_error(result, 2, pattern)
            self.assertIn("--format", result.stderr)
        self.assertNotIn("must be", result.stderr)
        self.assertRegex(result.stderr, "[а-яі]")
        self.assert_out_holds()


class TestReportErrors(ReportTestCase):
    def assert_fails(self, status, *args, pattern=None):
        result = self.cli("report", "--database", self.demo, *args)
        self.assert_one_line_error(result, status, pattern)
        return result

    def test_unknown_report(self):
        self.assert_fails(2, "hiring", "--output", self.output("r.csv"), pattern="funnel")
        self.assert_out_holds()

    def test_bad_format(self):
        self.assert_fails(2, "funnel", "--format", "docx", "--output", self.output("r.docx"),
                          pattern="csv, xlsx, pdf")
        self.assert_fails(2, "funnel", "--output", self.output("r.docx"), pattern="--format")
        self.assert_fails(2, "funnel", "--format", "pdf", "--output", "-")
        self.assert_out_holds()

    def test_bad_dates(self):
        for date in ("2026-02-30", "2026/01/01", "26-01-01", "2026-1-1", "yesterday", ""):
            self.assert_fails(2, "funnel", "--from", date, "--output", self.output("r.csv"),
                              pattern="--from")
        self.assert_fails(2, "funnel", "--from", "2026-03-02", "--to", "2026-03-01",
                          "--output", self.output("r.csv"))
        self.assert_out_holds()

    def test_missing_arguments(self):
        self.assert_fails(2, "--output", self.output("r.csv"), pattern="REPORT")
        self.assert_fails(2, "funnel", pattern="--output")
        self.assert_fails(2, "funnel", "speed", "--output", self.output("r.csv"))
        self.assert_out_holds()

    def test_bad_filters(self):
        self.assert_fails(2, "funnel", "--country", "XX", "--output", self.output("r.csv"))
        self.assert_fails(2, "funnel", "--seniority", "principal", "--output",
                          self.output("r.csv"))
        self.assert_fails(2, "funnel", "--stack", "cobol", "--output", self.output("r.csv"))
        self.assert_fails(2, "funnel", "--position", "x", "--output", self.output("r.csv"))
        self.assert_fails(1, "funnel", "--position", "999999", "--output", self.output("r.csv"))
        self.assert_fails(cli_backend.nobody_refused()[0], "funnel", "--as", "nobody@example.com",
                          "--output", self.output("r.csv"))
        self.assert_out_holds()

    def test_unwritable_output(self):
        for fmt in ("csv", "xlsx", "pdf"):
            missing = os.path.join(self.out, "missing", f"r.{fmt}")
            self.assert_fails(1, "all", "--format", fmt, "--output", missing,
                              pattern="missing")
            # A folder where the file should go: the temporary file goes again
            os.mkdir(self.output("taken"))
            self.assert_fails(1, "all", "--format", fmt, "--output", self.output("taken"),
                              pattern="taken")
            self.assert_out_holds("taken")
            os.rmdir(self.output("taken"))

    def test_format_in_capitals(self):
        # “--format CSV” and a name ending in “.PDF” are understood
        self.report("funnel", "--format", "CSV", "--output", self.output("a.csv"))
        self.report("funnel", "--output", self.output("B.PDF"))
        with open(self.output("B.PDF"), "rb") as f:
            self.assertEqual(f.read(4), b"%PDF")

    def test_failure_keeps_an_older_file(self):
        path = self.output("r.csv")
        with open(path, "w") as f:
            f.write("older")
        self.assert_fails(1, "funnel", "--position", "999999", "--output", path)
        with open(path) as f:
            self.assertEqual(f.read(), "older")
        self.assert_out_holds("r.csv")

    def test_missing_formats_module(self):
        # XLSX and PDF come from a module loaded on first use: without it, a clear error, no
        # file made and an older one kept; CSV needs no module and still works
        env = dict(self.env, SHORTLIST_MODULEDIR=os.path.join(self.tmp, "no-such-folder"))
        older = self.output("r.pdf")
        with open(older, "w") as f:
            f.write("older")
        for fmt, name in (("pdf", "r.pdf"), ("xlsx", "r.xlsx")):
            result = self.cli("report", "--database", self.demo, "funnel", "--format", fmt,
                              "--output", self.output(name), env=env)
            self.assert_one_line_error(result, 1, "Reinstall Shortlist")
        with open(older) as f:
            self.assertEqual(f.read(), "older")
        self.assert_out_holds("r.pdf")
        self.ok("report", "--database", self.demo, "funnel", "--output", self.output("r.csv"),
                env=env)
        self.assert_out_holds("r.pdf", "r.csv")

    def test_missing_database(self):
        result = self.cli("report", "--database", self.output("none.db"), "funnel", "--output",
                          self.output("r.csv"))
        self.assert_one_line_error(result, 1)
        self.assert_out_holds()


class TestReportHelp(ReportTestCase):
    def test_help(self):
        self.assertIn("report", self.ok("--help").stdout)
        text = self.ok("report", "--help").stdout
        self.assertIn("shortlist-cli report", text)
        for option in ("--format", "--output", "--position", "--from", "--to", "--country",
                       "--stack", "--seniority", "--as", "--database"):
            self.assertIn(option, text)
        for report in REPORTS:
            self.assertIn(report, text)
        self.assertEqual(self.ok("help", "report").stdout, text)


@unittest.skipIf(openpyxl is None, "python3-openpyxl is not installed")
class TestCandidatesXlsx(ReportTestCase):
    def test_xlsx_matches_csv(self):
        stdout = self.ok("candidates", "--database", self.demo, "--format", "csv").stdout
        rows = list(csv.reader(io.StringIO(stdout, newline="")))
        path = self.output("candidates.xlsx")
        self.ok("candidates", "--database", self.demo, "--format", "xlsx", "--output", path)
        self.assert_out_holds("candidates.xlsx")
        book = openpyxl.load_workbook(path)
        self.assertEqual(book.sheetnames, ["Candidates"])
        sheet = book.worksheets[0]
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual([c.value for c in sheet[1]], rows[0])
        self.assertTrue(all(c.font.b for c in sheet[1]))
        self.assertEqual(sheet.max_row, len(rows))
        header = rows[0]
        for r, row in enumerate(rows[1:], start=2):
            self.assertEqual(sheet.cell(row=r, column=1).value, int(row[0]))
            self.assertEqual(sheet.cell(row=r, column=1).data_type, "n")
            name = sheet.cell(row=r, column=header.index("name") + 1).value
            self.assertEqual(name, row[header.index("name")].removeprefix("'"))
            created = sheet.cell(row=r, column=header.index("created_at") + 1).value
            self.assertEqual(created.strftime("%Y-%m-%dT%H:%M:%SZ"), row[header.index("created_at")])

    def test_every_cell_matches_csv(self):
        """Every cell of the workbook says what the CSV says: text as text (the CSV's mark before
        what a spreadsheet would run left out), numbers as numbers, times as dates in UTC"""
        db = self.copy_demo("awkward.db")
        awkward = ["  <b>Zoë & \"Ana\"</b>  ", "=1+2", "tab\there", "_x000D_ stays as typed",
                   "ctrl\x01char"]
        for name in awkward:
            self.ok("add-candidate", "--database", db, "--name", name, "--city", name,
                    "--years-experience", "4.5")
        stdout = self.ok("candidates", "--database", db, "--format", "csv").stdout
        rows = list(csv.reader(io.StringIO(stdout, newline="")))
        path = self.output("all.xlsx")
        self.ok("candidates", "--database", db, "--format", "xlsx", "--output", path)
        with zipfile.ZipFile(path) as archive:
            self.assertIsNone(archive.testzip())
        book = openpyxl.load_workbook(path)
        self.assertEqual(book.properties.title, "Candidates")
        sheet = book.worksheets[0]
        header = rows[0]
        self.assertEqual(sheet.auto_filter.ref, f"A1:X{len(rows)}")
        self.assertEqual(sheet.max_column, len(header))
        self.assertGreater(sheet.column_dimensions["B"].width, 20)
        times = {i for i, name in enumerate(header) if name.endswith("_at")}
        numbers = {header.index(n) for n in ("id", "years_experience", "expected_rate")}
        names = []
        for r, row in enumerate(rows[1:], start=2):
            for c, text in enumerate(row):
                cell = sheet.cell(row=r, column=c + 1)
                if text == "":
                    self.assertIsNone(cell.value, (r, header[c]))
                elif c in times:
                    self.assertEqual(cell.value.strftime("%Y-%m-%dT%H:%M:%SZ"), text)
                    self.assertTrue(cell.is_date)
                elif c in numbers:
                    self.assertEqual(cell.data_type, "n", (r, header[c]))
                    self.assertEqual(cell.value, float(text))
                else:
                    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
                        text = text[1:]
                    self.assertEqual(ooxml_text(cell.value), text, (r, header[c]))
                    self.assertEqual(cell.data_type, "s")
            names.append(ooxml_text(sheet.cell(row=r, column=header.index("city") + 1).value))
        # The cities as typed, spaces at either end too (names are trimmed when saved)
        for name in awkward:
            self.assertIn(name, names)

    def test_overwriting_keeps_mode_and_link(self):
        # A private file stays private; a link stays a link to the file replaced
        path = self.output("private.csv")
        with open(path, "w") as f:
            f.write("old")
        os.chmod(path, 0o600)
        self.ok("candidates", "--database", self.demo, "--format", "csv", "--output", path)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        target = self.output("target.xlsx")
        link = self.output("link.xlsx")
        with open(target, "w") as f:
            f.write("old")
        os.symlink("target.xlsx", link)
        self.ok("candidates", "--database", self.demo, "--format", "xlsx", "--output", link)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(openpyxl.load_workbook(target).sheetnames, ["Candidates"])
        self.assertEqual(sorted(os.listdir(self.out)), ["link.xlsx", "private.csv", "target.xlsx"])

    @cli_backend.local_only("the files of the database itself, its WAL and a copy of it")
    def test_never_over_a_database(self):
        # The open database, the files beside it and a copy of it are refused, and stay as
        # they were; so is any other SQLite file
        db = self.copy_demo("target.db")
        backup = self.path("target-copy.db")
        shutil.copyfile(db, backup)
        before = self.snapshot(db)
        for target in (db, db + "-wal", db + "-shm", backup):
            if target.endswith(("-wal", "-shm")):
                open(target, "ab").close()
            for fmt in ("csv", "pdf"):
                result = self.cli("report", "--database", db, "funnel", "--format", fmt,
                                  "--output", target)
                self.assert_one_line_error(result, 1, "is a database")
            result = self.cli("candidates", "--database", db, "--format", "xlsx",
                              "--output", target)
            self.assert_one_line_error(result, 1, "is a database")
        self.assertEqual(self.snapshot(db), before)
        self.assertEqual(self.ok("check", "--database", db).status, 0)
        self.assertEqual(self.ok("check", "--database", backup).status, 0)

    def test_private_from_the_start(self):
        # A new export is 0600 whatever the umask lets through
        path = self.output("new.csv")
        self.ok("candidates", "--database", self.demo, "--format", "csv", "--output", path)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        path = self.output("new.pdf")
        self.ok("report", "--database", self.demo, "funnel", "--format", "pdf", "--output", path)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)

    def test_pipe_is_written_through(self):
        # A named pipe gets the content and stays a pipe
        import stat
        import threading

        fifo = self.output("pipe.csv")
        os.mkfifo(fifo, 0o600)
        received = []
        reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
        reader.start()
        self.ok("report", "--database", self.demo, "funnel", "--output", fifo)
        reader.join(60)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))
        self.assertIn(b"Funnel", received[0])
        self.assert_out_holds("pipe.csv")

    def test_device_is_written_through(self):
        # /dev/full stays a device (as root it became a regular file), and the write fails
        # with one line
        import stat

        result = self.cli("report", "--database", self.demo, "funnel", "--format", "csv",
                          "--output", "/dev/full")
        self.assert_one_line_error(result, 1, "/dev/full")
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/full").st_mode))
        self.ok("report", "--database", self.demo, "funnel", "--format", "pdf", "--output",
                "/dev/null")
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))

    def test_stale_temporary_files_are_removed(self):
        # What a killed export left (an old, unlocked temporary file) goes with the next export
        # into that folder; one still being written (locked), or just made, stays
        import fcntl

        stale = self.output(".old.csv.shortlist-AbC123")
        fresh = self.output(".new.csv.shortlist-XyZ789")
        busy = self.output(".busy.csv.shortlist-QrS456")
        other = self.output(".notes.txt")
        for name in (stale, fresh, busy, other):
            with open(name, "w") as f:
                f.write("partial")
        for name in (stale, busy, other):
            os.utime(name, (0, 0))
        with open(busy) as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            self.ok("report", "--database", self.demo, "funnel", "--output",
                    self.output("r.csv"))
        self.assertFalse(os.path.exists(stale))
        self.assert_out_holds(".new.csv.shortlist-XyZ789", ".busy.csv.shortlist-QrS456",
                              ".notes.txt", "r.csv")

    def test_full_disk(self):
        """A write that fails (here the file size limit) gives one line and leaves no file"""
        import resource
        import signal

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (100000, 100000))

        # Big enough that the sheet is deflated in several pieces, the write failing midway
        big = self.path("full-disk.db")
        if not os.path.exists(big):
            self.ok("demo", "--database", big, "--candidates", "3000")
        for fmt in ("xlsx", "csv"):
            path = self.output("full." + fmt)
            result = subprocess.run([test_cli.CLI, "candidates", "--database", big,
                                     "--format", fmt, "--output", path],
                                    env=self.env, capture_output=True, text=True,
                                    preexec_fn=limit, timeout=60)
            self.assertEqual(result.returncode, 1, (fmt, result.stderr))
            self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
            self.assertIn("full." + fmt, result.stderr)
            self.assertEqual(os.listdir(self.out), [])

    def test_csv_file_is_stdout_with_a_mark(self):
        stdout = self.ok("candidates", "--database", self.demo, "--format", "csv",
                         "--country", "PL").raw_stdout
        path = self.output("candidates.csv")
        self.ok("candidates", "--database", self.demo, "--format", "csv", "--country", "PL",
                "--output", path)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), b"\xef\xbb\xbf" + stdout)

    def test_errors(self):
        self.assert_one_line_error(
            self.cli("candidates", "--database", self.demo, "--format", "xlsx"), 2, "--output")
        self.assert_one_line_error(
            self.cli("candidates", "--database", self.demo, "--format", "json", "--output",
                     self.output("c.json")), 2, "--output")
        self.assert_one_line_error(
            self.cli("candidates", "--database", self.demo, "--format", "xlsx", "--output",
                     os.path.join(self.out, "missing", "c.xlsx")), 1)
        self.assert_out_holds()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    test_cli.CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
