#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Tests of shortlist-cli: the real binary against real SQLite files in a temporary folder.

Usage: test_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments, e.g. a TestCase name]
"""

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
import unittest

# cli_backend is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import cli_backend  # noqa: E402

CLI = None

OFFSHORE = {"BR", "UA", "PL", "RO", "PH", "MX"}
STAGES = ["sourced", "screening", "resume-review", "pre-sell", "technical", "culture",
          "feedback", "offer", "hired", "rejected", "withdrawn"]
ACTIVE_STAGES = STAGES[:9]
CYRILLIC = re.compile("[\u0400-\u04ff]")


def fold(text):
    """Lower case without accents, enough to compare what a search matched"""
    text = text.lower().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


def cells(text):
    """Terminal cells a string takes, as the table counts them"""
    width = 0
    for c in text:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


class Result:
    def __init__(self, completed):
        self.status = completed.returncode
        self.stdout = completed.stdout.decode("utf-8")
        self.stderr = completed.stderr.decode("utf-8")
        self.raw_stdout = completed.stdout


class CliTestCase(unittest.TestCase):
    """Each test class gets a temporary folder and, once, a demo database of 500 candidates:
    a local file, or a team database with the same data (cli_backend.py)"""

    demo_size = 500
    team = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="shortlist-cli-test-")
        # The default database must never be the user's own
        cls.env = dict(os.environ)
        cls.env.pop("SHORTLIST_DATABASE", None)
        cls.env["XDG_DATA_HOME"] = os.path.join(cls.tmp, "xdg-data")
        cls.env["HOME"] = os.path.join(cls.tmp, "home")
        cls.demo = os.path.join(cls.tmp, "demo.db")
        result = cls.run_cli_static(cls.env, "demo", "--database", cls.demo,
                                    "--candidates", str(cls.demo_size), "--seed", "1")
        if result.status != 0:
            raise RuntimeError("demo failed: " + result.stderr)
        if cli_backend.TEAM:
            if cli_backend.HOST is None and os.environ.get("SHORTLIST_TEST_PG_REQUIRED"):
                raise RuntimeError("SHORTLIST_TEST_PG_HOST is not set: build-aux/test.sh starts "
                                   "the server")
            cls.team = cli_backend.Team(lambda *args: cls.run_cli_static(cls.env, *args))
            cls.team.load(cls.demo)
            cls.demo = cls.team.copy("demo.db")

    @classmethod
    def tearDownClass(cls):
        if cls.team is not None:
            cls.team.drop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @staticmethod
    def run_cli_static(env, *args):
        completed = subprocess.run([CLI, *args], capture_output=True, env=env, timeout=300,
                                   check=False)
        return Result(completed)

    def cli(self, *args, env=None):
        if self.team is not None:
            args = self.team.translate(args)
        return self.run_cli_static(env or self.env, *args)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def copy_demo(self, name):
        if self.team is not None:
            return self.team.copy(name)
        target = self.path(name)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.unlink(target + suffix)
        shutil.copyfile(self.demo, target)
        return target

    def ok(self, *args, env=None):
        result = self.cli(*args, env=env)
        self.assertEqual(result.status, 0, f"{args}: {result.stderr}")
        self.assertEqual(result.stderr, "", args)
        return result

    def json(self, *args):
        return json.loads(self.ok("candidates", "--format", "json", *args).stdout)

    def assert_one_line_error(self, result, status, pattern=None):
        """An error is one line "shortlist-cli: …" on stderr, nothing on stdout"""
        self.assertEqual(result.status, status, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertTrue(result.stderr.endswith("\n"), repr(result.stderr))
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, repr(result.stderr))
        self.assertTrue(lines[0].startswith("shortlist-cli: "), lines[0])
        self.assertGreater(len(lines[0]), len("shortlist-cli: "))
        if pattern is not None:
            self.assertRegex(lines[0], pattern)

    def query(self, database, sql, *params):
        """Rows of @sql, read from the file or the team database"""
        if cli_backend.is_uri(database):
            return cli_backend.query(database, sql, *params)
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            return db.execute(sql, params).fetchall()

    def snapshot(self, path):
        """What must not change: the bytes, the modification time and the side files"""
        if cli_backend.is_uri(path):
            return self.team.snapshot(path)
        with open(path, "rb") as f:
            data = f.read()
        return data, os.stat(path).st_mtime_ns

    def side_files(self, path):
        if cli_backend.is_uri(path):
            return self.team.side_files(path)
        return sorted(p for p in os.listdir(os.path.dirname(path))
                      if p.startswith(os.path.basename(path)))


class TestDemo(CliTestCase):
    def test_summary_is_one_line(self):
        path = self.path("summary.db")
        result = self.ok("demo", "--database", path, "--candidates", "7")
        self.assertEqual(len(result.stdout.splitlines()), 1)
        self.assertIn("7", result.stdout)

    def test_size_countries_and_scripts(self):
        rows = self.json("--database", self.demo)
        self.assertEqual(len(rows), 500)
        self.assertEqual(len({row["id"] for row in rows}), 500)
        self.assertEqual({row["country"] for row in rows}, OFFSHORE)
        cyrillic = [row["name"] for row in rows if CYRILLIC.search(row["name"])]
        self.assertGreater(len(cyrillic), 10)
        self.assertTrue(all(row["country"] == "UA" for row in rows
                            if CYRILLIC.search(row["name"])))

    def test_same_seed_same_data(self):
        first, second = self.path("seed-a.db"), self.path("seed-b.db")
        for path in (first, second):
            self.ok("demo", "--database", path, "--candidates", "150", "--seed", "42")
        for fmt in ("json", "csv", "table"):
            a = self.ok("candidates", "--database", first, "--format", fmt).raw_stdout
            b = self.ok("candidates", "--database", second, "--format", fmt).raw_stdout
            self.assertEqual(a, b, fmt)
        self.assertEqual(len(self.json("--database", first)), 150)

    def test_different_seed_different_data(self):
        first, second = self.path("seed-c.db"), self.path("seed-d.db")
        self.ok("demo", "--database", first, "--candidates", "150", "--seed", "1")
        self.ok("demo", "--database", second, "--candidates", "150", "--seed", "2")
        a = self.json("--database", first)
        b = self.json("--database", second)
        self.assertEqual(len(a), len(b))
        self.assertNotEqual([r["name"] for r in a], [r["name"] for r in b])

    def test_default_database_from_environment(self):
        path = self.path("from-env.db")
        env = dict(self.env, SHORTLIST_DATABASE=path)
        self.ok("demo", "--candidates", "5", env=env)
        self.assertTrue(os.path.exists(path))
        result = self.ok("candidates", "--format", "json", env=env)
        self.assertEqual(len(json.loads(result.stdout)), 5)

    def test_database_is_private(self):
        path = self.path("private.db")
        self.ok("demo", "--database", path, "--candidates", "3")
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode) & 0o077, 0)


class TestAddCandidate(CliTestCase):
    def test_prints_id_and_candidate_is_listed(self):
        path = self.copy_demo("add.db")
        result = self.ok("add-candidate", "--database", path, "--name", "Ana Prüfer",
                         "--email", "ana@example.com", "--country", "br", "--stack", "python",
                         "--seniority", "mid", "--city", "Niterói", "--years-experience", "3.5")
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        new_id = int(result.stdout)
        self.assertGreater(new_id, 500)
        rows = [r for r in self.json("--database", path, "--search", "prufer")]
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual(row["id"], new_id)
        self.assertEqual(row["name"], "Ana Prüfer")
        self.assertEqual(row["email"], "ana@example.com")
        self.assertEqual(row["country"], "BR")
        self.assertEqual(row["stack"], "python")
        self.assertEqual(row["seniority"], "mid")
        self.assertEqual(row["city"], "Niterói")
        self.assertEqual(row["years_experience"], 3.5)
        self.assertIsNone(row["stage"])
        self.assertEqual(row["applications"], [])

    def test_optional_fields_are_null(self):
        path = self.copy_demo("add-min.db")
        new_id = int(self.ok("add-candidate", "--database", path, "--name", "Solo").stdout)
        row = [r for r in self.json("--database", path) if r["id"] == new_id][0]
        self.assertEqual(row["name"], "Solo")
        self.assertEqual(row["email"], "")
        self.assertEqual(row["city"], "")
        for member in ("country", "seniority", "stack", "stage", "years_experience"):
            self.assertIsNone(row[member], member)

    def test_creates_a_new_database(self):
        path = self.path("new-add.db")
        first = int(self.ok("add-candidate", "--database", path, "--name", "First").stdout)
        second = int(self.ok("add-candidate", "--database", path, "--name", "Second").stdout)
        self.assertNotEqual(first, second)
        self.assertEqual([r["name"] for r in self.json("--database", path)], ["First", "Second"])
        self.assertEqual(self.ok("check", "--database", path).status, 0)

    def test_utf8_name_in_c_locale(self):
        path = self.path("c-locale.db")
        env = dict(self.env, LC_ALL="C")
        result = self.ok("add-candidate", "--database", path, "--name", "João Ștefan Олена",
                         env=env)
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        self.assertEqual(self.json("--database", path)[0]["name"], "João Ștefan Олена")


class TestCandidates(CliTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        result = cls.run_cli_static(cls.env, "candidates", "--database", cls.demo,
                                    "--format", "json")
        cls.all = json.loads(result.stdout)

    def search(self, text):
        return self.json("--database", self.demo, "--search", text)

    def test_sorted_by_name(self):
        names = [r["name"] for r in self.all]
        self.assertEqual(len(names), 500)
        # The sort key folds accents: João sorts among the Jo…, not after Z
        self.assertLess(names.index(next(n for n in names if n.startswith("João"))),
                        names.index(next(n for n in names if n.startswith("Zofia"))))

    def test_search_ignores_accents(self):
        rows = self.search("joao")
        self.assertTrue(rows)
        self.assertTrue(any(r["name"].startswith("João") for r in rows))
        self.assertTrue(all("joao" in fold(r["name"] + " " + r["email"]) for r in rows))

    def test_search_romanian_comma_below(self):
        rows = self.search("stefan")
        self.assertTrue(any(r["name"].startswith("Ștefan") for r in rows))

    def test_search_polish_l_with_stroke(self):
        lodz = self.search("lodz")
        self.assertTrue(any(r["city"] == "Łódź" for r in lodz))
        expected = {r["id"] for r in self.all if r["city"] == "Łódź"}
        self.assertTrue(expected <= {r["id"] for r in lodz})
        self.assertEqual(self.search("łukasz"), self.search("lukasz"))
        self.assertTrue(any(r["name"].startswith("Łukasz") for r in self.search("lukasz")))

    def test_search_cyrillic_by_transliteration(self):
        rows = self.search("oleksandr")
        self.assertTrue(rows)
        self.assertTrue(all(r["country"] == "UA" for r in rows))
        self.assertTrue(any(r["name"].startswith("Олександр") for r in rows))

    def test_search_without_match_is_empty(self):
        self.assertEqual(self.search("zzzqqq"), [])
        result = self.ok("candidates", "--database", self.demo, "--search", "zzzqqq",
                         "--format", "csv")
        self.assertEqual(len(result.stdout.splitlines()), 1)

    def test_country_filter(self):
        rows = self.json("--database", self.demo, "--country", "PL")
        self.assertEqual([r["id"] for r in rows],
                         [r["id"] for r in self.all if r["country"] == "PL"])
        self.assertTrue(rows)
        self.assertEqual(self.json("--database", self.demo, "--country", "pl"), rows)

    def test_stage_filter(self):
        for stage in ("hired", "sourced", "technical"):
            rows = self.json("--database", self.demo, "--stage", stage)
            self.assertTrue(rows, stage)
            self.assertEqual([r["id"] for r in rows],
                             [r["id"] for r in self.all if r["stage"] == stage])

    def test_outcome_stage_filter(self):
        # Rejected or withdrawn: no active application left, and one that ended so
        for stage in ("rejected", "withdrawn"):
            rows = self.json("--database", self.demo, "--stage", stage)
            self.assertTrue(rows, stage)
            for row in rows:
                self.assertIsNone(row["stage"])
                stages = [a["stage"] for a in row["applications"]]
                self.assertIn(stage, stages)
                self.assertTrue(set(stages) <= {"rejected", "withdrawn"}, stages)

    def test_filters_combine(self):
        rows = self.json("--database", self.demo, "--country", "UA", "--stage", "sourced",
                         "--seniority", "senior", "--stack", "java")
        expected = [r["id"] for r in self.all if r["country"] == "UA" and r["stage"] == "sourced"
                    and r["seniority"] == "senior" and r["stack"] == "java"]
        self.assertEqual([r["id"] for r in rows], expected)

    def test_limit(self):
        rows = self.json("--database", self.demo, "--limit", "5")
        self.assertEqual(rows, self.all[:5])
        self.assertEqual(len(self.json("--database", self.demo, "--limit", "100000")), 500)

    def test_json_members(self):
        for row in self.all:
            self.assertIsInstance(row["id"], int)
            for member in ("name", "email", "city"):
                self.assertIsInstance(row[member], str)
            self.assertIn(row["country"], OFFSHORE)
            self.assertIn(row["seniority"], ("junior", "mid", "senior", None))
            self.assertTrue(row["stack"] is None or re.fullmatch("[a-z]+", row["stack"]))
            self.assertTrue(row["years_experience"] is None
                            or isinstance(row["years_experience"], (int, float)))
            self.assertIn(row["stage"], STAGES[:9] + [None])

    def test_json_applications(self):
        with_applications = [r for r in self.all if r["applications"]]
        self.assertGreater(len(with_applications), 100)
        for row in self.all:
            active = []
            for application in row["applications"]:
                self.assertIsInstance(application["id"], int)
                self.assertIsInstance(application["position_id"], int)
                self.assertTrue(application["position"])
                self.assertIn(application["stage"], STAGES)
                if application["stage"] in ACTIVE_STAGES:
                    active.append(ACTIVE_STAGES.index(application["stage"]))
            # The candidate's stage is their most advanced active application's
            expected = ACTIVE_STAGES[max(active)] if active else None
            self.assertEqual(row["stage"], expected, row["id"])

    def test_json_matches_database(self):
        count = self.query(self.demo, "SELECT count(*) FROM candidates WHERE deleted_at IS NULL")
        applications = self.query(self.demo, "SELECT count(*) FROM applications")
        self.assertEqual(len(self.all), count[0][0])
        self.assertEqual(sum(len(r["applications"]) for r in self.all), applications[0][0])

    def test_csv_parses_back(self):
        result = self.ok("candidates", "--database", self.demo, "--format", "csv")
        # CRLF after every record (the demo's fields hold no line breaks)
        self.assertTrue(result.raw_stdout.endswith(b"\r\n"))
        self.assertEqual(result.raw_stdout.count(b"\n"), result.raw_stdout.count(b"\r\n"))
        self.assertEqual(result.raw_stdout.count(b"\r\n"), 501)
        rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
        self.assertEqual(len(rows), 500)
        self.assertNotIn("applications", rows[0])
        for member in ("id", "name", "email", "country", "seniority", "stack", "stage", "city",
                       "years_experience"):
            self.assertIn(member, rows[0])
        for row, expected in zip(rows, self.all):
            self.assertEqual(int(row["id"]), expected["id"])
            self.assertEqual(row["name"], expected["name"])
            self.assertEqual(row["city"], expected["city"])
            self.assertEqual(row["country"], expected["country"] or "")
            self.assertEqual(row["stage"], expected["stage"] or "")

    def test_csv_neutralizes_formulas(self):
        path = self.copy_demo("formulas.db")
        names = ['=HYPERLINK("http://x.example","click")', "=cmd", "+1 project", "-2",
                 "@SUM(A1)", "Plain, with comma"]
        ids = {}
        for name in names:
            ids[int(self.ok("add-candidate", "--database", path, "--name", name).stdout)] = name
        result = self.ok("candidates", "--database", path, "--format", "csv")
        by_id = {int(r["id"]): r for r in csv.DictReader(io.StringIO(result.stdout, newline=""))}
        for candidate_id, name in ids.items():
            written = by_id[candidate_id]["name"]
            if name[0] in "=+-@":
                self.assertEqual(written, "'" + name)
            else:
                self.assertEqual(written, name)
        self.assertIn('"\'=HYPERLINK(""http://x.example"",""click"")"', result.stdout)
        # JSON is data, not a spreadsheet: names as they are
        rows = {r["id"]: r for r in self.json("--database", path)}
        for candidate_id, name in ids.items():
            self.assertEqual(rows[candidate_id]["name"], name)

    def test_table_columns_align(self):
        path = self.copy_demo("table.db")
        for name in ("山田 太郎", "Jose\u0301 Combining", "Ελένη Παπαδοπούλου"):
            self.ok("add-candidate", "--database", path, "--name", name, "--country", "RO",
                    "--seniority", "junior")
        for country, label in (("UA", "Ukraine"), ("RO", "Romania"), ("BR", "Brazil")):
            result = self.ok("candidates", "--database", path, "--country", country)
            lines = result.stdout.splitlines()
            self.assertGreater(len(lines), 10)
            header, rows = lines[0], lines[1:]
            self.assertIn("Name", header)
            column = cells(header[:header.index("Country")])
            for line in rows:
                self.assertIn(label, line)
                self.assertEqual(cells(line[:line.index(label)]), column, line)
        table = self.ok("candidates", "--database", path, "--country", "RO").stdout
        self.assertIn("山田 太郎", table)
        self.assertIn("Jose\u0301 Combining", table)

    def test_table_shows_labels(self):
        result = self.ok("candidates", "--database", self.demo, "--stage", "hired", "--limit",
                         "3")
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 4)
        for line in lines[1:]:
            self.assertIn("Hired", line)

    def test_read_leaves_file_unchanged(self):
        path = self.copy_demo("read-only.db")
        before = self.snapshot(path)
        time.sleep(0.05)
        for fmt in ("table", "csv", "json"):
            self.ok("candidates", "--database", path, "--format", fmt)
        # A check is the local file's: a team database's server keeps its own pages sound
        if not cli_backend.TEAM:
            self.ok("check", "--database", path)
        self.assertEqual(self.snapshot(path), before)


class TestCheck(CliTestCase):
    demo_size = 60

    def test_sound(self):
        path = self.copy_demo("sound.db")
        before = self.snapshot(path)
        result = self.ok("check", "--database", path)
        self.assertEqual(result.stdout, "Database is sound (schema version 10)\n")
        self.assertEqual(self.snapshot(path), before)

    def test_dangling_reference(self):
        path = self.copy_demo("dangling.db")
        with sqlite3.connect(path) as db:
            # The reports' trigger calls a function only Shortlist defines: off, as in bulk
            db.create_function("sl_live_index", 0, lambda: 0)
            db.execute("INSERT INTO stage_events (application_id, to_stage, at)"
                       " VALUES (999999, 'sourced', 0)")
        db.close()
        result = self.cli("check", "--database", path)
        self.assertEqual(result.status, 1)
        # One line on stderr, as for every error; the findings are the report, on stdout
        self.assertEqual(result.stderr, "shortlist-cli: The database has 1 problem\n")
        self.assertEqual(len(result.stdout.splitlines()), 1)
        self.assertIn("stage_events", result.stdout)

    def test_damaged_search_index(self):
        path = self.copy_demo("damaged-index.db")
        with sqlite3.connect(path) as db:
            db.execute("UPDATE candidates_fts_content SET c0 = 'nothing like the index'"
                       " WHERE id = (SELECT min(id) FROM candidates_fts_content)")
        db.close()
        result = self.cli("check", "--database", path)
        self.assertEqual(result.status, 1, result.stderr)
        self.assertEqual(result.stderr, "shortlist-cli: The database has 1 problem\n")
        self.assertIn("search index", result.stdout)

    def test_damaged_file(self):
        # Random bytes over interior pages, as a disk or a copy gone wrong leaves them: check
        # lists what SQLite found (not only "malformed"), says how to recover, changes nothing
        import random
        # (pages of the data, not of the schema: a damaged schema leaves nothing to check)
        path = self.copy_demo("damaged-file.db")
        with sqlite3.connect(path) as db:
            pages = [row[0] for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name IN ('candidates', 'stage_events')"
                " ORDER BY pageno LIMIT 4")]
        db.close()
        self.assertEqual(len(pages), 4)
        rng = random.Random(7)
        with open(path, "r+b") as f:
            for page in pages:
                f.seek((page - 1) * 4096)
                f.write(bytes(rng.randrange(256) for _ in range(4096)))
        before = self.snapshot(path)
        result = self.cli("check", "--database", path)
        self.assertEqual(result.status, 1, result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertRegex(result.stderr, r"The database has \d+ problems?\n")
        lines = result.stdout.splitlines()
        self.assertGreaterEqual(len(lines), 2, result.stdout)
        self.assertLessEqual(len(lines), 12, result.stdout)
        self.assertIn("restore --from", lines[-1])
        self.assertNotEqual(lines[0].strip(), "database disk image is malformed")
        self.assertEqual(self.snapshot(path), before)

    def test_candidate_missing_from_search_index(self):
        path = self.copy_demo("missing-index.db")
        with sqlite3.connect(path) as db:
            # (the index is keyed by each candidate's place in the list's order)
            db.execute("DELETE FROM candidates_fts"
                       " WHERE rowid = (SELECT sort_pos FROM candidates WHERE id = 3)")
        db.close()
        before = self.snapshot(path)
        result = self.cli("check", "--database", path)
        self.assertEqual(result.status, 1, result.stderr)
        self.assertEqual(result.stderr, "shortlist-cli: The database has 1 problem\n")
        self.assertIn("missing from the search index", result.stdout)
        self.assertEqual(self.snapshot(path), before)


class TestDamage(CliTestCase):
    """A file damaged while Shortlist was not looking: refused for writing, mended by a restore,
    or salvaged into a new file"""
    demo_size = 600

    def damage_leaves(self, path, table, fractions):
        """Random bytes over leaf pages of @table, at @fractions of the way through it"""
        import random
        with sqlite3.connect(path) as db:
            leaves = [row[0] for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'"
                " ORDER BY path", (table,))]
        db.close()
        self.assertGreater(len(leaves), 6)
        rng = random.Random(11)
        with open(path, "r+b") as f:
            for fraction in fractions:
                f.seek((leaves[int(len(leaves) * fraction)] - 1) * 4096)
                f.write(bytes(rng.randrange(256) for _ in range(4096)))

    def test_write_refused_on_damaged_file(self):
        # Damage a write does not touch: SQLite alone would write beside it. The file changed
        # since Shortlist last saw it sound, so the command reads it through first and refuses
        path = self.copy_demo("refuse.db")
        self.ok("add-candidate", "--database", path, "--name", "Before Damage")
        self.damage_leaves(path, "stage_events", [0.5])
        before = self.snapshot(path)
        result = self.cli("add-candidate", "--database", path, "--name", "Beside Damage")
        self.assert_one_line_error(result, 1, "damaged")
        self.assertIn("nothing is written", result.stderr)
        self.assertEqual(self.snapshot(path), before)
        # A restore is what mends it
        backup = self.path("refuse-backup.db")
        self.ok("backup", "--database", self.demo, "--output", backup)
        self.ok("restore", "--database", path, "--from", backup)
        self.ok("add-candidate", "--database", path, "--name", "After Restore")
        self.ok("check", "--database", path)

    def test_recover(self):
        # Two damaged stretches in the middle of the candidates: what lies before, between and
        # after them is saved, and the new file is sound
        path = self.copy_demo("recover.db")
        with sqlite3.connect(path) as db:
            ids = [row[0] for row in db.execute("SELECT id FROM candidates ORDER BY id")]
        db.close()
        self.damage_leaves(path, "candidates", [0.3, 0.7])
        before = self.snapshot(path)
        output = self.path("recovered.db")
        result = self.ok("recover", "--database", path, "--output", output)
        self.assertEqual(self.snapshot(path), before)
        self.assertRegex(result.stdout, r"candidates +[0-9,.]+ +some rows could not be read")
        self.assertIn("recovered.db", result.stdout.splitlines()[-1])
        self.ok("check", "--database", output)
        self.assertEqual(os.stat(output).st_mode & 0o777, 0o600)
        with sqlite3.connect(output) as db:
            saved = {row[0] for row in db.execute("SELECT id FROM candidates")}
        db.close()
        lost = [i for i in ids if i not in saved]
        self.assertTrue(lost)
        self.assertLess(len(lost), len(ids) // 4)
        # The first and last rows (read forwards and backwards), and rows between the two
        # damaged stretches (reached again past the first), are all there
        self.assertIn(ids[0], saved)
        self.assertIn(ids[-1], saved)
        runs = []
        for position, i in enumerate(ids):
            if i in lost:
                if runs and runs[-1][1] == position - 1:
                    runs[-1][1] = position
                else:
                    runs.append([position, position])
        self.assertEqual(len(runs), 2, runs)
        self.assertLess(runs[0][1] + 1, runs[1][0])
        # It is a Shortlist database like any other
        self.ok("add-candidate", "--database", output, "--name", "After Recovery")
        # Never over a database, the damaged one least of all
        result = self.cli("recover", "--database", path, "--output", path)
        self.assert_one_line_error(result, 1, "database")
        self.assertEqual(self.snapshot(path), before)


class TestErrors(CliTestCase):
    demo_size = 40

    def assert_usage_error(self, *args, pattern=None, opens=False):
        """A usage error changes nothing; unless it @opens the file to find it (a stack id, a
        value the store refuses), it is found before the file is even opened"""
        path = self.copy_demo("usage.db")
        before = self.snapshot(path)
        result = self.cli(*[path if a == "DB" else a for a in args])
        self.assert_one_line_error(result, 2, pattern)
        self.assertEqual(self.snapshot(path), before, args)
        if not opens:
            self.assertEqual(self.side_files(path), ["usage.db"], args)

    def test_unknown_command(self):
        self.assert_usage_error("frobnicate", pattern="frobnicate")

    def test_no_command(self):
        self.assert_usage_error()

    def test_unknown_option(self):
        self.assert_usage_error("--bogus", "candidates", pattern="--bogus")
        self.assert_usage_error("candidates", "--database", "DB", "--bogus", pattern="--bogus")
        self.assert_usage_error("check", "--database", "DB", "--format", "json")

    def test_missing_option_value(self):
        self.assert_usage_error("candidates", "--database")

    def test_unexpected_argument(self):
        self.assert_usage_error("candidates", "--database", "DB", "extra", pattern="extra")

    def test_bad_format(self):
        self.assert_usage_error("candidates", "--database", "DB", "--format", "xml",
                                pattern="--format")

    def test_unknown_time_zone(self):
        # Said once, in words, with the zone used; the command still runs
        db = self.copy_demo("tz.db")
        result = self.cli("candidates", "--database", db, "--limit", "1",
                          env=dict(self.env, TZ="Mars/Olympus"))
        self.assertEqual(result.status, 0, result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn("Mars/Olympus", result.stderr)
        self.assertIn("UTC", result.stderr)
        for known in ("Europe/Warsaw", ":America/Mexico_City", "UTC"):
            result = self.cli("candidates", "--database", db, "--limit", "1",
                              env=dict(self.env, TZ=known))
            self.assertEqual(result.stderr, "")

    def test_bad_country(self):
        self.assert_usage_error("candidates", "--database", "DB", "--country", "XX",
                                pattern="XX")
        self.assert_usage_error("add-candidate", "--database", "DB", "--name", "A",
                                "--country", "Brazil")

    def test_bad_stage(self):
        self.assert_usage_error("candidates", "--database", "DB", "--stage", "interview",
                                pattern="--stage")

    def test_bad_limit(self):
        for limit in ("0", "-1", "abc", "1.5", "99999999999999999999"):
            self.assert_usage_error("candidates", "--database", "DB", "--limit", limit,
                                    pattern="--limit")

    def test_bad_seniority(self):
        self.assert_usage_error("candidates", "--database", "DB", "--seniority", "lead")
        self.assert_usage_error("add-candidate", "--database", "DB", "--name", "A",
                                "--seniority", "lead")

    def test_bad_stack(self):
        self.assert_usage_error("candidates", "--database", "DB", "--stack", "cobol",
                                pattern="--stack", opens=True)
        self.assert_usage_error("add-candidate", "--database", "DB", "--name", "A",
                                "--stack", "cobol", opens=True)

    def test_missing_name(self):
        self.assert_usage_error("add-candidate", "--database", "DB", "--email", "a@b.example",
                                pattern="--name")

    def test_blank_name(self):
        self.assert_usage_error("add-candidate", "--database", "DB", "--name", "   ",
                                opens=True)

    def test_invalid_email(self):
        self.assert_usage_error("add-candidate", "--database", "DB", "--name", "A",
                                "--email", "not-an-address", pattern="email", opens=True)

    def test_bad_years(self):
        self.assert_usage_error("add-candidate", "--database", "DB", "--name", "A",
                                "--years-experience", "old")

    def test_bad_demo_values(self):
        for args in (("--candidates", "0"), ("--candidates", "many"), ("--seed", "-3")):
            self.assert_usage_error("demo", "--database", "DB", *args)

    def test_empty_database_path(self):
        self.assert_usage_error("candidates", "--database", "")

    def test_invalid_values_create_nothing(self):
        path = self.path("never.db")
        for args in (("demo", "--candidates", "0"),
                     ("add-candidate", "--name", "A", "--email", "bad"),
                     ("add-candidate", "--name", "A", "--stack", "cobol"),
                     ("add-candidate",),
                     ("candidates", "--format", "xml")):
            result = self.cli(args[0], "--database", path, *args[1:])
            self.assert_one_line_error(result, 2)
            self.assertEqual(self.side_files(path), [], args)

    def test_text_file_is_refused(self):
        path = self.path("notes.db")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Not a database, just notes.\n")
        before = self.snapshot(path)
        time.sleep(0.05)
        for args in (("candidates",), ("check",), ("add-candidate", "--name", "A"),
                     ("demo", "--candidates", "3")):
            result = self.cli(args[0], "--database", path, *args[1:])
            self.assert_one_line_error(result, 1, "not a Shortlist database")
            self.assertEqual(self.snapshot(path), before, args)
            self.assertEqual(self.side_files(path), ["notes.db"], args)

    def test_other_sqlite_file_is_refused(self):
        path = self.path("other-app.sqlite")
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
            db.execute("INSERT INTO things (name) VALUES ('x')")
        db.close()
        before = self.snapshot(path)
        for args in (("candidates",), ("check",), ("add-candidate", "--name", "A"),
                     ("demo", "--candidates", "3")):
            result = self.cli(args[0], "--database", path, *args[1:])
            self.assert_one_line_error(result, 1, "not a Shortlist database")
            self.assertEqual(self.snapshot(path), before, args)

    def test_read_on_missing_database(self):
        path = self.path("missing.db")
        for command in ("candidates", "check"):
            result = self.cli(command, "--database", path)
            self.assert_one_line_error(result, 1, "missing.db")
            self.assertFalse(os.path.exists(path))
            self.assertEqual(self.side_files(path), [])
        folder = self.path("no-such-folder")
        result = self.cli("candidates", "--database", os.path.join(folder, "x.db"))
        self.assert_one_line_error(result, 1)
        self.assertFalse(os.path.exists(folder))

    def test_default_database_missing(self):
        result = self.cli("candidates")
        self.assert_one_line_error(result, 1, "shortlist.db")
        self.assertFalse(os.path.exists(self.env["XDG_DATA_HOME"]))

    def test_directory_is_refused(self):
        folder = self.path("a-folder.db")
        os.mkdir(folder)
        for args in (("candidates",), ("add-candidate", "--name", "A")):
            result = self.cli(args[0], "--database", folder, *args[1:])
            self.assert_one_line_error(result, 1)
        self.assertEqual(os.listdir(folder), [])

    def test_newer_schema_is_refused(self):
        path = self.copy_demo("future.db")
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 99")
        db.close()
        before = self.snapshot(path)
        time.sleep(0.05)
        for args in (("check",), ("candidates",), ("candidates", "--format", "json"),
                     ("add-candidate", "--name", "A"), ("demo", "--candidates", "2")):
            result = self.cli(args[0], "--database", path, *args[1:])
            self.assert_one_line_error(result, 1, "newer version")
            self.assertEqual(self.snapshot(path), before, args)
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 99)
        db.close()


class TestGlobalOptions(CliTestCase):
    """--database before the command works as after it, for reading and writing commands"""

    demo_size = 20

    def names(self, *args, env=None):
        return [row["name"] for row in json.loads(self.ok(*args, env=env).stdout)]

    def test_database_before_and_after_the_command(self):
        after = self.names("candidates", "--database", self.demo, "--format", "json")
        self.assertEqual(len(after), self.demo_size)
        self.assertEqual(self.names("--database", self.demo, "candidates", "--format", "json"),
                         after)
        self.assertEqual(self.names("-d", self.demo, "candidates", "--format", "json"), after)
        self.assertEqual(self.names(f"--database={self.demo}", "candidates", "--format", "json"),
                         after)

    def test_before_the_command_overrides_the_environment(self):
        env = dict(self.env, SHORTLIST_DATABASE=self.path("not-there.db"))
        self.assertEqual(len(self.names("--database", self.demo, "candidates", "--format", "json",
                                        env=env)), self.demo_size)
        self.assertFalse(os.path.exists(self.path("not-there.db")))

    def test_writing_command_uses_the_database_before_it(self):
        path = self.path("before.db")
        self.ok("--database", path, "add-candidate", "--name", "Ana Lima", "--country", "BR")
        self.assertEqual(self.names("candidates", "--database", path, "--format", "json"),
                         ["Ana Lima"])
        # Nothing went to the default database
        self.assertFalse(os.path.exists(os.path.join(self.env["XDG_DATA_HOME"], "shortlist")))

    def test_after_the_command_wins(self):
        other = self.path("other.db")
        self.ok("add-candidate", "--database", other, "--name", "Ștefan Pop")
        self.assertEqual(self.names("--database", other, "candidates", "--database", self.demo,
                                    "--format", "json"),
                         self.names("candidates", "--database", self.demo, "--format", "json"))

    def test_before_the_command_in_commands_with_arguments(self):
        with sqlite3.connect(self.demo) as db:
            (application,) = db.execute("SELECT min(id) FROM applications").fetchone()
        after = self.ok("history", "--database", self.demo, str(application)).stdout
        self.assertNotEqual(after, "")
        self.assertEqual(self.ok("--database", self.demo, "history", str(application)).stdout,
                         after)

    def test_empty_database_before_the_command(self):
        self.assert_one_line_error(self.cli("--database", "", "candidates"), 2, "--database")

    def test_missing_database_before_the_command(self):
        result = self.cli("--database", self.path("missing.db"), "candidates")
        self.assert_one_line_error(result, 1)
        self.assertFalse(os.path.exists(self.path("missing.db")))


class TestHelp(CliTestCase):
    demo_size = 1
    commands = ("demo", "add-candidate", "candidates", "check")

    def test_tool_help(self):
        result = self.ok("--help")
        for command in self.commands:
            self.assertIn(command, result.stdout)
        self.assertEqual(self.ok("help").stdout, result.stdout)

    def test_command_help(self):
        for command in self.commands:
            result = self.ok(command, "--help")
            self.assertIn(f"shortlist-cli {command}", result.stdout)
            self.assertIn("--database", result.stdout)
            self.assertEqual(self.ok("help", command).stdout, result.stdout)
        self.assertIn("--format", self.ok("candidates", "--help").stdout)
        self.assertIn("--seed", self.ok("demo", "--help").stdout)
        self.assertIn("--name", self.ok("add-candidate", "--help").stdout)

    def test_tool_help_names_the_database(self):
        result = self.ok("--help")
        self.assertIn("--database", result.stdout)
        self.assertIn("SHORTLIST_DATABASE", result.stdout)

    def test_help_for_unknown_command(self):
        self.assert_one_line_error(self.cli("help", "frobnicate"), 2)

    def test_version(self):
        self.assertRegex(self.ok("--version").stdout, r"^shortlist-cli [0-9][0-9.]*\n$")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
