#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Tests of shortlist-cli's positions and pipeline commands: positions, add-position, approve,
apply, move and history. The real binary against real SQLite files in a temporary folder; what
the commands wrote is read back with Python's own sqlite3.

Usage: test_pipeline_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments, e.g. a TestCase name]
"""

import calendar
import csv
import io
import json
import os
import re
import sqlite3
import sys
import time
import unittest

# test_cli is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import cli_backend  # noqa: E402
import test_cli  # noqa: E402
from test_cli import ACTIVE_STAGES, CliTestCase  # noqa: E402

STATUSES = ["kickoff", "draft", "open", "on-hold", "filled", "closed"]
STATUS_LABELS = {"kickoff": "Kickoff", "draft": "Description draft", "open": "Open",
                 "on-hold": "On hold", "filled": "Filled", "closed": "Closed"}
POSITION_MEMBERS = {"id", "title", "status", "client", "seniority", "stack", "employment_type",
                    "headcount", "countries", "approved_by", "approved_at", "counts"}
EVENT_MEMBERS = {"from", "to", "at", "by", "reason", "details"}
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

# The demo's team
RECRUITER = "ana.ribeiro@shortlist.example"
INTERVIEWER = "piotr.zajac@shortlist.example"
LEAD = "helen.carter@shortlist.example"
ADMIN = "sam.okafor@shortlist.example"


def iso_to_unix(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


class PipelineTestCase(CliTestCase):
    demo_size = 80

    def query(self, path, sql, *params):
        if cli_backend.is_uri(path):
            return cli_backend.query(path, sql, *params)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def value(self, path, sql, *params):
        return self.query(path, sql, *params)[0][0]

    def write(self, path, sql, *params):
        if cli_backend.is_uri(path):
            cli_backend.execute(path, sql, *params)
            return
        db = sqlite3.connect(path)
        try:
            with db:
                db.execute(sql, params)
        finally:
            db.close()

    def dump(self, path):
        """Every row of every table the commands write, to compare before and after"""
        tables = ("positions", "position_countries", "position_stages", "stages",
                  "applications", "stage_events", "candidates", "team_members")
        return {t: self.query(path, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}

    def assert_refused(self, path, *args, status=1, pattern=None):
        """An error is one line, exits with @status and changes nothing"""
        before = self.dump(path)
        result = self.cli(*[path if a == "DB" else a for a in args])
        self.assert_one_line_error(result, status, pattern)
        self.assertEqual(self.dump(path), before, args)
        return result

    def assert_nobody_refused(self, path, *args):
        """--as an email no member has. In a team database nobody claims to be anyone: --as
        itself is refused there."""
        if cli_backend.TEAM:
            self.assert_refused(path, *args, "--as", "nobody@shortlist.example", status=2,
                                pattern="--as is for a local file")
        else:
            self.assert_refused(path, *args, "--as", "nobody@shortlist.example",
                                pattern="nobody@shortlist.example")

    def assert_usage_before_open(self, *args, pattern=None):
        """A usage error the command line finds on its own: the file is not even opened"""
        path = self.copy_demo("usage.db")
        before = self.snapshot(path)
        result = self.cli(*[path if a == "DB" else a for a in args])
        self.assert_one_line_error(result, 2, pattern)
        self.assertEqual(self.snapshot(path), before, args)
        self.assertEqual(self.side_files(path), ["usage.db"], args)

    def add_position(self, path, *args, title="Senior Go developer"):
        result = self.ok("add-position", "--database", path, "--title", title, *args)
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        return int(result.stdout)

    def open_position(self, path, title="Senior Go developer"):
        position = self.add_position(path, "--description", "Build Go services.", title=title)
        self.assertEqual(self.ok("approve", "--database", path, str(position), "--as", LEAD).stdout,
                         "")
        return position

    def add_candidate(self, path, name="Maria Santos"):
        return int(self.ok("add-candidate", "--database", path, "--name", name).stdout)

    def apply(self, path, candidate, position, *args):
        result = self.ok("apply", "--database", path, str(candidate), str(position), *args)
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        return int(result.stdout)

    def positions(self, path):
        return json.loads(self.ok("positions", "--database", path, "--format", "json").stdout)

    def history(self, path, application):
        return json.loads(self.ok("history", "--database", path, str(application),
                                  "--format", "json").stdout)


class TestPositions(PipelineTestCase):
    def test_json_members_and_types(self):
        rows = self.positions(self.demo)
        self.assertEqual(len(rows), self.value(self.demo, "SELECT count(*) FROM positions"))
        self.assertEqual({r["status"] for r in rows}, set(STATUSES))
        for row in rows:
            self.assertEqual(set(row), POSITION_MEMBERS, row["id"])
            self.assertIsInstance(row["id"], int)
            self.assertIsInstance(row["title"], str)
            self.assertIsInstance(row["client"], str)
            self.assertIn(row["seniority"], ("junior", "mid", "senior", None))
            self.assertIn(row["employment_type"], ("employee", "freelancer", "contractor", None))
            self.assertIsInstance(row["headcount"], int)
            self.assertIsInstance(row["countries"], list)
            self.assertEqual(row["countries"], sorted(row["countries"]))
            self.assertEqual(list(row["counts"]), ACTIVE_STAGES)
            approved = row["status"] not in ("kickoff", "draft")
            if approved:
                self.assertRegex(row["approved_by"], r"^[a-z.]+@shortlist\.example$")
                self.assertRegex(row["approved_at"], ISO_UTC)
            else:
                self.assertIsNone(row["approved_by"])
                self.assertIsNone(row["approved_at"])

    def test_json_matches_database(self):
        path = self.copy_demo("positions-sql.db")
        # A candidate in the trash counts nowhere
        trashed = self.value(path, "SELECT candidate_id FROM applications"
                                   " WHERE stage = 'sourced' ORDER BY id LIMIT 1")
        self.write(path, "UPDATE candidates SET deleted_at = 1 WHERE id = ?", trashed)
        rows = self.positions(path)
        expected_order = [r[0] for r in self.query(
            path, "SELECT id FROM positions"
                  " ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'on-hold' THEN 1 WHEN 'draft' THEN 2"
                  " WHEN 'kickoff' THEN 3 WHEN 'filled' THEN 4 ELSE 5 END, title, id")]
        self.assertEqual([r["id"] for r in rows], expected_order)
        for row in rows:
            db_row = self.query(
                path, "SELECT p.title, p.status, p.client, p.seniority, p.stack_id,"
                      " p.employment_type, p.headcount, m.email, p.approved_at"
                      " FROM positions p LEFT JOIN team_members m ON m.id = p.approved_by"
                      " WHERE p.id = ?", row["id"])[0]
            self.assertEqual((row["title"], row["status"], row["client"], row["seniority"],
                              row["stack"], row["employment_type"], row["headcount"],
                              row["approved_by"]), db_row[:8])
            if db_row[8] is None:
                self.assertIsNone(row["approved_at"])
            else:
                self.assertEqual(iso_to_unix(row["approved_at"]), db_row[8])
            self.assertEqual(row["countries"], [r[0] for r in self.query(
                path, "SELECT country FROM position_countries WHERE position_id = ?"
                      " ORDER BY country", row["id"])])
            counts = dict(self.query(
                path, "SELECT a.stage, count(*) FROM applications a"
                      " JOIN candidates c ON c.id = a.candidate_id"
                      " WHERE a.position_id = ? AND c.deleted_at IS NULL"
                      " AND a.stage NOT IN ('rejected', 'withdrawn') GROUP BY a.stage",
                row["id"]))
            self.assertEqual(row["counts"], {s: counts.get(s, 0) for s in ACTIVE_STAGES},
                             row["id"])
        self.assertGreater(sum(sum(r["counts"].values()) for r in rows), 20)
        # Rejected and withdrawn applications exist, and are in no count
        outcomes = self.value(path, "SELECT count(*) FROM applications"
                                    " WHERE stage IN ('rejected', 'withdrawn')")
        self.assertGreater(outcomes, 0)

    def test_counts_follow_the_pipeline(self):
        path = self.copy_demo("positions-counts.db")
        position = self.open_position(path)
        row = [r for r in self.positions(path) if r["id"] == position][0]
        self.assertEqual(row["counts"], {s: 0 for s in ACTIVE_STAGES})
        candidates = [self.add_candidate(path, f"Candidate {i}") for i in range(4)]
        applications = [self.apply(path, c, position) for c in candidates]
        self.ok("move", "--database", path, str(applications[0]), "technical")
        self.ok("move", "--database", path, str(applications[1]), "rejected", "--reason", "rate")
        self.ok("move", "--database", path, str(applications[2]), "withdrawn")
        row = [r for r in self.positions(path) if r["id"] == position][0]
        expected = {s: 0 for s in ACTIVE_STAGES}
        expected.update(sourced=1, technical=1)
        self.assertEqual(row["counts"], expected)
        table = self.ok("positions", "--database", path).stdout
        line = [l for l in table.splitlines() if l.split()[0] == str(position)][0]
        self.assertEqual(line.split()[-2:], ["1", "2"])  # headcount, active

    def test_table(self):
        result = self.ok("positions", "--database", self.demo)
        rows = self.positions(self.demo)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), len(rows) + 1)
        header = lines[0]
        for column in ("ID", "Title", "Status", "Headcount", "Active"):
            self.assertIn(column, header)
        status_at = header.index("Status")
        for line, row in zip(lines[1:], rows):
            self.assertEqual(int(line.split()[0]), row["id"])
            self.assertIn(row["title"], line)
            self.assertTrue(line[status_at:].startswith(STATUS_LABELS[row["status"]]), line)
            self.assertEqual(line.split()[-2:],
                             [str(row["headcount"]), str(sum(row["counts"].values()))])

    def test_csv(self):
        path = self.copy_demo("positions-csv.db")
        formula = self.add_position(path, "--client", "+1 team", title="=HYPERLINK(\"x\")")
        result = self.ok("positions", "--database", path, "--format", "csv")
        self.assertTrue(result.raw_stdout.endswith(b"\r\n"))
        rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
        by_id = {int(r["id"]): r for r in rows}
        expected = self.positions(path)
        self.assertEqual([int(r["id"]) for r in rows], [r["id"] for r in expected])
        for row in expected:
            written = by_id[row["id"]]
            if row["id"] != formula:
                self.assertEqual(written["title"], row["title"])
            self.assertEqual(written["status"], row["status"])
            self.assertEqual(written["countries"], "; ".join(row["countries"]))
            self.assertEqual(written["approved_by"], row["approved_by"] or "")
            self.assertEqual(written["approved_at"], row["approved_at"] or "")
            self.assertEqual(int(written["active"]), sum(row["counts"].values()))
            for stage in ACTIVE_STAGES:
                self.assertEqual(int(written[stage]), row["counts"][stage])
        # Neutralized for spreadsheets, as the candidates' CSV is
        self.assertEqual(by_id[formula]["title"], "'=HYPERLINK(\"x\")")
        self.assertEqual(by_id[formula]["client"], "'+1 team")

    def test_read_leaves_file_unchanged(self):
        path = self.copy_demo("positions-read.db")
        before = self.snapshot(path)
        time.sleep(0.05)
        for fmt in ("table", "csv", "json"):
            self.ok("positions", "--database", path, "--format", fmt)
        self.assertEqual(self.snapshot(path), before)

    def test_errors(self):
        self.assert_usage_before_open("positions", "--database", "DB", "--format", "xml",
                                      pattern="--format")
        self.assert_usage_before_open("positions", "--database", "DB", "extra", pattern="extra")
        missing = self.path("missing-positions.db")
        self.assert_one_line_error(self.cli("positions", "--database", missing), 1,
                                   "missing-positions.db")
        self.assertEqual(self.side_files(missing), [])


class TestAddPosition(PipelineTestCase):
    def test_every_field(self):
        path = self.copy_demo("add-position.db")
        position = self.add_position(path, "--client", "Acme Payments", "--seniority", "senior",
                                     "--stack", "GO", "--employment", "contractor",
                                     "--headcount", "3", "--country", "ua", "--country", "BR",
                                     "--description", "Build payment services.",
                                     title="Senior Go developer")
        row = [r for r in self.positions(path) if r["id"] == position][0]
        self.assertEqual(row, {
            "id": position, "title": "Senior Go developer", "status": "draft",
            "client": "Acme Payments", "seniority": "senior", "stack": "go",
            "employment_type": "contractor", "headcount": 3, "countries": ["BR", "UA"],
            "approved_by": None, "approved_at": None,
            "counts": {s: 0 for s in ACTIVE_STAGES}})
        self.assertEqual(self.value(path, "SELECT description FROM positions WHERE id = ?",
                                    position), "Build payment services.")
        # It gets the default pipeline of its own
        self.assertEqual([r[0] for r in self.query(
            path, "SELECT stage_id FROM position_stages WHERE position_id = ? ORDER BY rank",
            position)], ACTIVE_STAGES)

    def test_minimal_is_kickoff(self):
        path = self.copy_demo("add-position-min.db")
        position = self.add_position(path, title="Ruby developer")
        row = [r for r in self.positions(path) if r["id"] == position][0]
        self.assertEqual(row["status"], "kickoff")
        self.assertEqual(row["headcount"], 1)
        self.assertEqual(row["client"], "")
        self.assertEqual(row["countries"], [])
        for member in ("seniority", "stack", "employment_type", "approved_by", "approved_at"):
            self.assertIsNone(row[member], member)

    def test_creates_a_new_database(self):
        path = self.path("new-position.db")
        first = self.add_position(path, title="First")
        second = self.add_position(path, title="Second")
        self.assertNotEqual(first, second)
        self.assertEqual([r["title"] for r in self.positions(path)], ["First", "Second"])
        self.ok("check", "--database", path)

    def test_usage_errors(self):
        for args, pattern in (
                ((), "--title"),
                (("--title", "A", "--seniority", "lead"), "--seniority"),
                (("--title", "A", "--employment", "intern"), "--employment"),
                (("--title", "A", "--headcount", "0"), "--headcount"),
                (("--title", "A", "--headcount", "many"), "--headcount"),
                (("--title", "A", "--headcount", "1001"), "--headcount"),
                (("--title", "A", "--country", "BR", "--country", "XX"), "XX"),
                (("--title", "A", "extra"), "extra")):
            self.assert_usage_before_open("add-position", "--database", "DB", *args,
                                          pattern=pattern)

    def test_refused_by_the_store(self):
        path = self.copy_demo("add-position-refused.db")
        self.assert_refused(path, "add-position", "--database", "DB", "--title", "   ",
                            status=2, pattern="title")
        self.assert_refused(path, "add-position", "--database", "DB", "--title", "A",
                            "--stack", "cobol", status=2, pattern="--stack")

    def test_invalid_values_create_nothing(self):
        path = self.path("never-position.db")
        for args in (("--title", "   "), ("--title", "A", "--stack", "cobol"),
                     ("--title", "A", "--country", "XX"), ()):
            result = self.cli("add-position", "--database", path, *args)
            self.assert_one_line_error(result, 2)
            self.assertEqual(self.side_files(path), [], args)


class TestApprove(PipelineTestCase):
    def test_approve_opens_the_position(self):
        path = self.copy_demo("approve.db")
        position = self.add_position(path, "--description", "Build services.")
        started = int(time.time())
        result = self.ok("approve", "--database", path, str(position), "--as", LEAD.upper())
        self.assertEqual(result.stdout, "")
        row = [r for r in self.positions(path) if r["id"] == position][0]
        self.assertEqual(row["status"], "open")
        self.assertEqual(row["approved_by"], LEAD)
        self.assertRegex(row["approved_at"], ISO_UTC)
        self.assertGreaterEqual(iso_to_unix(row["approved_at"]), started)
        self.assertLessEqual(iso_to_unix(row["approved_at"]), int(time.time()) + 1)
        # An admin may approve too
        other = self.add_position(path, "--description", "More services.", title="Other")
        self.ok("approve", "--database", path, str(other), "--as", ADMIN)
        self.assertEqual([r for r in self.positions(path) if r["id"] == other][0]["approved_by"],
                         ADMIN)

    def test_refusals_change_nothing(self):
        path = self.copy_demo("approve-refused.db")
        kickoff = self.add_position(path, title="No description yet")
        draft = self.add_position(path, "--description", "Build services.")
        for email in (RECRUITER, INTERVIEWER):
            self.assert_refused(path, "approve", "--database", "DB", str(draft), "--as", email,
                                pattern="hiring lead or an admin")
        self.assert_nobody_refused(path, "approve", "--database", "DB", str(draft))
        self.assert_refused(path, "approve", "--database", "DB", str(kickoff), "--as", LEAD,
                            pattern="description")
        self.assert_refused(path, "approve", "--database", "DB", "999999", "--as", LEAD,
                            pattern="999999")
        self.ok("approve", "--database", path, str(draft), "--as", LEAD)
        self.assert_refused(path, "approve", "--database", "DB", str(draft), "--as", ADMIN,
                            pattern="already approved")

    def test_usage_errors(self):
        # Who approves is who logged in, in a team database: no --as to ask for there
        for args, pattern in ((("1",), "--as") if not cli_backend.TEAM else (("1", "2"), "2"),
                              (("--as", LEAD), "POSITION_ID"),
                              (("abc", "--as", LEAD), "POSITION_ID"),
                              (("0", "--as", LEAD), "POSITION_ID"),
                              (("1", "2", "--as", LEAD), "2"),
                              (("1", "--as", "helen"), "--as")):
            self.assert_usage_before_open("approve", "--database", "DB", *args, pattern=pattern)

    def test_missing_database_is_not_created(self):
        path = self.path("approve-missing.db")
        result = self.cli("approve", "--database", path, "1", "--as", LEAD)
        self.assert_one_line_error(result, 1, "approve-missing.db")
        self.assertEqual(self.side_files(path), [])


class TestApply(PipelineTestCase):
    def test_apply_prints_the_application(self):
        path = self.copy_demo("apply.db")
        position = self.open_position(path)
        candidate = self.add_candidate(path)
        started = int(time.time())
        application = self.apply(path, candidate, position, "--as", RECRUITER)
        self.assertEqual(self.query(path, "SELECT candidate_id, position_id, stage"
                                          " FROM applications WHERE id = ?", application),
                         [(candidate, position, "sourced")])
        events = self.history(path, application)
        self.assertEqual(len(events), 1)
        self.assertEqual(events[0]["from"], None)
        self.assertEqual(events[0]["to"], "sourced")
        self.assertEqual(events[0]["by"], RECRUITER)
        self.assertIsNone(events[0]["reason"])
        self.assertGreaterEqual(iso_to_unix(events[0]["at"]), started)
        # The candidates' JSON lists it
        row = [r for r in self.json("--database", path) if r["id"] == candidate][0]
        self.assertEqual(row["stage"], "sourced")
        self.assertEqual([(a["id"], a["position_id"], a["stage"]) for a in row["applications"]],
                         [(application, position, "sourced")])
        # Without --as nobody is recorded
        other = self.apply(path, self.add_candidate(path, "Jose Reyes"), position)
        self.assertIsNone(self.history(path, other)[0]["by"])

    def test_refusals_change_nothing(self):
        path = self.copy_demo("apply-refused.db")
        candidate = self.add_candidate(path)
        kickoff = self.add_position(path, title="Kickoff")
        draft = self.add_position(path, "--description", "Not approved yet.", title="Draft")
        self.assert_refused(path, "apply", "--database", "DB", str(candidate), str(kickoff),
                            pattern="not approved")
        self.assert_refused(path, "apply", "--database", "DB", str(candidate), str(draft),
                            pattern="not approved")
        # Approved but on hold, filled or closed: not open
        for status in ("on-hold", "filled", "closed"):
            position = self.value(path, "SELECT id FROM positions WHERE status = ?"
                                        " AND approved_at IS NOT NULL LIMIT 1", status)
            self.assert_refused(path, "apply", "--database", "DB", str(candidate), str(position),
                                pattern="not open")
        position = self.open_position(path)
        self.apply(path, candidate, position)
        self.assert_refused(path, "apply", "--database", "DB", str(candidate), str(position),
                            pattern="already applied")
        self.assert_refused(path, "apply", "--database", "DB", "999999", str(position),
                            pattern="999999")
        self.assert_refused(path, "apply", "--database", "DB", str(candidate), "999999",
                            pattern="999999")
        other = self.add_candidate(path, "Olena Kovalenko")
        self.assert_nobody_refused(path, "apply", "--database", "DB", str(other), str(position))
        # A candidate in the trash does not apply, and the trash is left alone (the app may
        # still offer to undo the deletion)
        self.write(path, "UPDATE candidates SET deleted_at = 1 WHERE id = ?", other)
        self.assert_refused(path, "apply", "--database", "DB", str(other), str(position),
                            pattern=str(other))
        self.ok("move", "--database", path,
                str(self.value(path, "SELECT max(id) FROM applications")), "screening")
        self.assertEqual(self.value(path, "SELECT deleted_at FROM candidates WHERE id = ?", other),
                         1)

    def test_usage_errors(self):
        for args, pattern in (((), "CANDIDATE_ID"),
                              (("1",), "POSITION_ID"),
                              (("1", "2", "3"), "3"),
                              (("x", "2"), "CANDIDATE_ID"),
                              (("1", "0"), "POSITION_ID"),
                              (("1", "2", "--as", "not-an-email"), "--as"),
                              (("1", "2", "--bogus"), "--bogus")):
            self.assert_usage_before_open("apply", "--database", "DB", *args, pattern=pattern)

    def test_missing_database_is_not_created(self):
        path = self.path("apply-missing.db")
        self.assert_one_line_error(self.cli("apply", "--database", path, "1", "2"), 1)
        self.assertEqual(self.side_files(path), [])


class TestMove(PipelineTestCase):
    def setUp(self):
        self.db_path = self.copy_demo(f"move-{self._testMethodName}.db")
        self.position = self.open_position(self.db_path)
        self.candidate = self.add_candidate(self.db_path, "Sofía Ramírez")
        self.application = self.apply(self.db_path, self.candidate, self.position)

    def move(self, stage, *args):
        result = self.ok("move", "--database", self.db_path, str(self.application), stage, *args)
        self.assertEqual(result.stdout, "")

    def stage(self):
        return self.value(self.db_path, "SELECT stage FROM applications WHERE id = ?",
                          self.application)

    def test_every_move_is_one_event(self):
        moves = [("screening", (), None, None), ("technical", ("--as", LEAD), LEAD, None),
                 ("screening", ("--details", "Back for a second look"), None,
                  "Back for a second look"),
                 ("offer", ("--as", RECRUITER, "--details", " Fast track "), RECRUITER,
                  "Fast track"),
                 ("hired", (), None, None)]
        previous = "sourced"
        for count, (stage, args, by, details) in enumerate(moves, start=2):
            self.move(stage, *args)
            self.assertEqual(self.stage(), stage)
            events = self.history(self.db_path, self.application)
            self.assertEqual(len(events), count)
            self.assertEqual(events[-1], {"from": previous, "to": stage, "at": events[-1]["at"],
                                          "by": by, "reason": None, "details": details})
            previous = stage
        row = [r for r in self.json("--database", self.db_path) if r["id"] == self.candidate][0]
        self.assertEqual(row["stage"], "hired")
        self.assertEqual(row["applications"][0]["stage"], "hired")

    def test_reject_withdraw_and_reopen(self):
        self.move("technical")
        self.move("rejected", "--reason", "rate", "--details", "Asked for 40% more", "--as",
                  RECRUITER)
        self.assertEqual(self.stage(), "rejected")
        last = self.history(self.db_path, self.application)[-1]
        self.assertEqual((last["from"], last["to"], last["by"], last["reason"], last["details"]),
                         ("technical", "rejected", RECRUITER, "rate", "Asked for 40% more"))
        # People read the reason in their language, with the details after it
        table = self.ok("history", "--database", self.db_path, str(self.application)).stdout
        self.assertIn("Rate above the budget — Asked for 40% more", table)
        row = [r for r in self.json("--database", self.db_path) if r["id"] == self.candidate][0]
        self.assertIsNone(row["stage"])
        self.assertEqual(row["applications"][0]["stage"], "rejected")
        # Moving a rejected application to a stage reopens it
        self.move("technical")
        self.move("withdrawn", "--reason", "other-offer")
        self.assertEqual(self.stage(), "withdrawn")
        self.assertEqual(self.history(self.db_path, self.application)[-1]["reason"],
                         "other-offer")
        self.move("culture")
        self.assertEqual(len(self.history(self.db_path, self.application)), 6)

    def test_rejection_needs_a_reason(self):
        for args in ((), ("--reason", ""), ("--reason", "  \t ")):
            self.assert_usage_before_open("move", "--database", "DB", str(self.application),
                                          "rejected", *args, pattern="--reason")
        before = self.dump(self.db_path)
        result = self.cli("move", "--database", self.db_path, str(self.application), "rejected")
        self.assert_one_line_error(result, 2, "reason")
        self.assertEqual(self.dump(self.db_path), before)

    def test_reasons_come_from_the_list(self):
        # A reason is an id of the list for that outcome; free text goes in --details
        for stage, reason, pattern in (("rejected", "Rate above the budget", "experience, rate"),
                                       ("withdrawn", "filled", "other-offer"),
                                       ("screening", "rate", "--details")):
            self.assert_usage_before_open("move", "--database", "DB", str(self.application),
                                          stage, "--reason", reason, pattern=pattern)
        self.assertIn("other-offer", self.ok("move", "--help").stdout)

    def test_refusals_change_nothing(self):
        for stage, pattern in (("sourced", "already at that stage"),
                               ("custom-7", "pipeline")):
            self.assert_refused(self.db_path, "move", "--database", "DB", str(self.application),
                                stage, pattern=pattern)
        self.assert_refused(self.db_path, "move", "--database", "DB", "999999", "screening",
                            pattern="999999")
        self.assert_nobody_refused(self.db_path, "move", "--database", "DB",
                                   str(self.application), "screening")

    def test_custom_stage(self):
        # A position's own stage (added in the app), after technical
        self.write(self.db_path, "INSERT INTO stages (id, rank, outcome)"
                                 " VALUES ('custom-1', 5.5, 0)")
        self.write(self.db_path, "UPDATE position_stages SET rank = rank + 1"
                                 " WHERE position_id = ? AND rank > 5", self.position)
        self.write(self.db_path, "INSERT INTO position_stages (position_id, stage_id, name, rank)"
                                 " VALUES (?, 'custom-1', 'Take-home test', 6)", self.position)
        row = [r for r in self.positions(self.db_path) if r["id"] == self.position][0]
        self.assertEqual(list(row["counts"]),
                         ACTIVE_STAGES[:5] + ["custom-1"] + ACTIVE_STAGES[5:])
        self.move("custom-1")
        self.assertEqual(self.stage(), "custom-1")
        row = [r for r in self.positions(self.db_path) if r["id"] == self.position][0]
        self.assertEqual(row["counts"]["custom-1"], 1)
        self.assertEqual(self.history(self.db_path, self.application)[-1]["to"], "custom-1")

    def test_usage_errors(self):
        for args, pattern in (((), "APPLICATION_ID"),
                              (("1",), "STAGE"),
                              (("1", "interview"), "STAGE"),
                              (("1", "custom-"), "STAGE"),
                              (("1", "Sourced"), "STAGE"),
                              (("one", "screening"), "APPLICATION_ID"),
                              (("1", "screening", "extra"), "extra"),
                              (("1", "screening", "--as", "x@y"), "--as")):
            self.assert_usage_before_open("move", "--database", "DB", *args, pattern=pattern)

    def test_missing_database_is_not_created(self):
        path = self.path("move-missing.db")
        self.assert_one_line_error(self.cli("move", "--database", path, "1", "screening"), 1)
        self.assertEqual(self.side_files(path), [])


class TestHistory(PipelineTestCase):
    def test_matches_database_oldest_first(self):
        application = self.value(
            self.demo, "SELECT application_id FROM stage_events GROUP BY application_id"
                       " HAVING max(reason_id) IS NOT NULL ORDER BY count(*) DESC, 1 LIMIT 1")
        events = self.history(self.demo, application)
        rows = self.query(self.demo,
                          "SELECT e.from_stage, e.to_stage, e.at, m.email, e.reason_id, e.reason"
                          " FROM stage_events e LEFT JOIN team_members m ON m.id = e.by_member"
                          " WHERE e.application_id = ? ORDER BY e.at, e.id", application)
        self.assertGreaterEqual(len(events), 3)
        self.assertEqual(len(events), len(rows))
        self.assertIsNone(events[0]["from"])
        for event, row in zip(events, rows):
            self.assertEqual(set(event), EVENT_MEMBERS)
            self.assertRegex(event["at"], ISO_UTC)
            self.assertEqual((event["from"], event["to"], iso_to_unix(event["at"]), event["by"],
                              event["reason"], event["details"]), row)
        times = [e["at"] for e in events]
        self.assertEqual(times, sorted(times))
        for earlier, later in zip(events, events[1:]):
            self.assertEqual(later["from"], earlier["to"])
        self.assertIsNotNone(events[-1]["reason"])

    def test_table(self):
        application = self.value(
            self.demo, "SELECT application_id FROM stage_events WHERE to_stage = 'rejected'"
                       " ORDER BY 1 LIMIT 1")
        events = self.history(self.demo, application)
        lines = self.ok("history", "--database", self.demo, str(application)).stdout.splitlines()
        self.assertEqual(len(lines), len(events) + 1)
        for column in ("When", "From", "To", "By", "Reason"):
            self.assertIn(column, lines[0])
        for line, event in zip(lines[1:], events):
            self.assertTrue(line.startswith(event["at"]), line)
        self.assertIn("Rejected", lines[-1])
        # The reason's label, not its id
        labels = {"experience": "Not enough experience with the stack",
                  "rate": "Rate above the budget", "english": "English below the level needed",
                  "technical": "Did not pass the technical interview",
                  "culture": "Not a fit for the team",
                  "filled": "Position filled by another candidate"}
        self.assertIn(labels[events[-1]["reason"]], lines[-1])

    def test_read_leaves_file_unchanged(self):
        path = self.copy_demo("history-read.db")
        before = self.snapshot(path)
        time.sleep(0.05)
        for fmt in ("table", "json"):
            self.ok("history", "--database", path, "1", "--format", fmt)
        self.assertEqual(self.snapshot(path), before)

    def test_errors(self):
        self.assert_refused(self.copy_demo("history-missing.db"), "history", "--database", "DB",
                            "999999", pattern="999999")
        for args, pattern in (((), "APPLICATION_ID"),
                              (("x",), "APPLICATION_ID"),
                              (("1", "--format", "csv"), "--format"),
                              (("1", "2"), "2")):
            self.assert_usage_before_open("history", "--database", "DB", *args, pattern=pattern)


class TestPipelineErrors(PipelineTestCase):
    demo_size = 20
    commands = (("positions",), ("add-position", "--title", "A"),
                ("approve", "1", "--as", LEAD), ("apply", "1", "2"), ("move", "1", "screening"),
                ("history", "1"))

    def test_text_file_is_refused(self):
        path = self.path("notes.db")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Not a database, just notes.\n")
        before = self.snapshot(path)
        time.sleep(0.05)
        for args in self.commands:
            result = self.cli(args[0], "--database", path, *args[1:])
            self.assert_one_line_error(result, 1, "not a Shortlist database")
            self.assertEqual(self.snapshot(path), before, args)
            self.assertEqual(self.side_files(path), ["notes.db"], args)

    def test_newer_schema_is_refused(self):
        path = self.copy_demo("future.db")
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 99")
        db.close()
        before = self.snapshot(path)
        time.sleep(0.05)
        for args in self.commands:
            result = self.cli(args[0], "--database", path, *args[1:])
            self.assert_one_line_error(result, 1, "newer version")
            self.assertEqual(self.snapshot(path), before, args)

    def test_directory_is_refused(self):
        folder = self.path("a-folder.db")
        os.mkdir(folder)
        for args in self.commands:
            result = self.cli(args[0], "--database", folder, *args[1:])
            self.assert_one_line_error(result, 1)
        self.assertEqual(os.listdir(folder), [])


class TestPipelineHelp(PipelineTestCase):
    demo_size = 1
    commands = {"positions": "--format", "add-position": "--title", "approve": "POSITION_ID",
                "apply": "CANDIDATE_ID POSITION_ID", "move": "APPLICATION_ID STAGE",
                "history": "APPLICATION_ID"}

    def test_listed_in_tool_help(self):
        result = self.ok("--help")
        for command in self.commands:
            self.assertRegex(result.stdout, rf"\n  {command} +\S")

    def test_command_help(self):
        for command, mention in self.commands.items():
            result = self.ok(command, "--help")
            self.assertIn(f"shortlist-cli {command}", result.stdout)
            self.assertIn("--database", result.stdout)
            self.assertIn(mention, result.stdout)
            self.assertEqual(self.ok("help", command).stdout, result.stdout)
        self.assertIn("--reason", self.ok("move", "--help").stdout)
        self.assertIn("--as", self.ok("approve", "--help").stdout)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    test_cli.CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
