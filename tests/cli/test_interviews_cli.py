#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Tests of shortlist-cli's interview commands: members, schedule, interviews, scorecard,
scorecards and ics. The real binary against real SQLite files in a temporary folder; what the
commands wrote is read back with Python's own sqlite3, and invitations with python3-icalendar.

Usage: test_interviews_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments, e.g. a TestCase name]
"""

import calendar
import datetime
import json
import os
import re
import sqlite3
import sys
import time
import unittest
import zoneinfo

import icalendar
from dateutil import rrule

# test_cli is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import cli_backend  # noqa: E402
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

ROLES = {"recruiter", "interviewer", "hiring-lead", "admin"}
MEMBER_MEMBERS = {"id", "name", "email", "role", "active"}
INTERVIEW_MEMBERS = {"id", "application", "candidate", "candidate_email", "position", "kind",
                     "starts_at", "duration", "place", "interviewers", "status"}
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
UTC = datetime.timezone.utc
WARSAW = "Europe/Warsaw"

# The demo's team
RECRUITER = "ana.ribeiro@shortlist.example"
PIOTR = "piotr.zajac@shortlist.example"
DIEGO = "diego.ramirez@shortlist.example"
PAOLO = "paolo.santos@shortlist.example"
LEAD = "helen.carter@shortlist.example"
ADMIN = "sam.okafor@shortlist.example"

CANDIDATE = "Maria Santos"
CANDIDATE_EMAIL = "maria.santos@example.com"
POSITION = "Senior Go developer"


def iso_to_unix(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def unix_to_iso(unix):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(unix))


def hours_from_now(hours):
    """A whole minute @hours away from now, as the CLI reads it and as Unix time"""
    unix = (int(time.time()) // 60) * 60 + int(hours * 3600)
    return unix_to_iso(unix), unix


class InterviewTestCase(CliTestCase):
    demo_size = 30

    def setUp(self):
        self.db = self.copy_demo(f"{self.id().split('.')[-1]}.db")

    def tz_env(self, zone=WARSAW):
        return dict(self.env, TZ=zone)

    def query(self, sql, *params, path=None):
        if cli_backend.is_uri(path or self.db):
            return cli_backend.query(path or self.db, sql, *params)
        db = sqlite3.connect(f"file:{path or self.db}?mode=ro", uri=True)
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def value(self, sql, *params):
        return self.query(sql, *params)[0][0]

    def write(self, sql, *params):
        if cli_backend.is_uri(self.db):
            cli_backend.execute(self.db, sql, *params)
            return
        db = sqlite3.connect(self.db)
        try:
            with db:
                db.execute(sql, params)
        finally:
            db.close()

    def dump(self):
        """Every row of every table the commands write, to compare before and after"""
        tables = ("interviews", "interview_interviewers", "scorecards", "scorecard_ratings",
                  "scorecard_amendments", "applications", "team_members")
        return {t: self.query(f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}

    def assert_refused(self, *args, status=1, pattern=None, env=None):
        """An error is one line, exits with @status and changes nothing"""
        before = self.dump()
        result = self.cli(*args, "--database", self.db, env=env or self.tz_env())
        self.assert_one_line_error(result, status, pattern)
        self.assertEqual(self.dump(), before, args)
        return result

    def run_ok(self, *args, env=None):
        return self.ok(*args, "--database", self.db, env=env or self.tz_env())

    def new_application(self, title=POSITION, name=CANDIDATE, email=CANDIDATE_EMAIL):
        """An open position, a new candidate and their application, with no interview yet"""
        position = int(self.run_ok("add-position", "--title", title,
                                   "--description", "Build Go services.").stdout)
        self.run_ok("approve", str(position), "--as", LEAD)
        args = ["--email", email] if email else []
        candidate = int(self.run_ok("add-candidate", "--name", name, *args).stdout)
        return int(self.run_ok("apply", str(candidate), str(position)).stdout)

    def schedule(self, application, at, *interviewers, kind="technical", extra=(), env=None):
        args = ["schedule", str(application), "--kind", kind, "--at", at]
        for email in interviewers:
            args += ["--interviewer", email]
        result = self.run_ok(*args, *extra, env=env)
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        return int(result.stdout)

    def starts_at(self, interview):
        return self.value("SELECT starts_at FROM interviews WHERE id = ?", interview)

    def interviews(self, *args, env=None):
        return json.loads(self.run_ok("interviews", "--format", "json", *args, env=env).stdout)

    def scorecard(self, interview, email, *args):
        result = self.run_ok("scorecard", str(interview), "--as", email, *args)
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        return int(result.stdout)

    def scorecards(self, application, email):
        result = self.run_ok("scorecards", str(application), "--as", email, "--format", "json")
        return json.loads(result.stdout)

    def seen(self, application, email):
        """Who wrote the scorecards @email sees, in order, drafts marked"""
        return [s["interviewer"] + ("" if s["submitted_at"] else "(draft)")
                for s in self.scorecards(application, email)]


class TestMembers(InterviewTestCase):
    def test_json_shape_and_roles(self):
        rows = json.loads(self.run_ok("members", "--format", "json").stdout)
        expected = self.query("SELECT id, name, email, role FROM team_members ORDER BY name, id")
        self.assertEqual([(r["id"], r["name"], r["email"], r["role"]) for r in rows], expected)
        for row in rows:
            self.assertEqual(set(row), MEMBER_MEMBERS)
            self.assertIsInstance(row["id"], int)
            self.assertIn(row["role"], ROLES)
        self.assertEqual({r["role"] for r in rows}, ROLES)
        roles = {r["email"]: r["role"] for r in rows}
        self.assertEqual(roles[RECRUITER], "recruiter")
        self.assertEqual(roles[PIOTR], "interviewer")
        self.assertEqual(roles[LEAD], "hiring-lead")
        self.assertEqual(roles[ADMIN], "admin")
        # Several of each role
        for role in ROLES - {"admin"}:
            self.assertGreaterEqual(sum(1 for r in rows if r["role"] == role), 2, role)

    def test_table(self):
        lines = self.run_ok("members").stdout.splitlines()
        self.assertEqual(lines[0].split(), ["ID", "Name", "Email", "Role"])
        self.assertEqual(len(lines), 1 + self.value("SELECT count(*) FROM team_members"))
        helen = next(line for line in lines if LEAD in line)
        self.assertTrue(helen.endswith("Hiring lead"), helen)

    def test_errors_and_read_only(self):
        before = self.snapshot(self.db)
        self.assert_one_line_error(self.cli("members", "--database", self.db, "--format", "csv"),
                                   2, "--format")
        self.assert_one_line_error(self.cli("members", "--database", self.db, "extra"), 2)
        self.run_ok("members")
        self.assertEqual(self.snapshot(self.db), before)
        missing = self.path("missing-members.db")
        self.assert_one_line_error(self.cli("members", "--database", missing), 1)
        self.assertFalse(os.path.exists(missing))

    def test_add_and_edit_members(self):
        # From an empty file: the first member must be an admin; then only an admin adds and
        # changes members; the last active admin stays one; a deactivated member keeps their
        # row but is no one's to act as
        db = self.path("team.db")
        result = self.cli("add-member", "--database", db, "--name", "Ana Lima", "--email",
                          "ana@team.example", "--role", "recruiter")
        self.assert_one_line_error(result, 1, "no admin yet")
        self.assertFalse(os.path.exists(db))
        ana = int(self.ok("add-member", "--database", db, "--name", "Ana Lima", "--email",
                          "ana@team.example", "--role", "admin").stdout)
        result = self.cli("add-member", "--database", db, "--name", "Bo Cruz", "--email",
                          "bo@team.example", "--role", "interviewer")
        self.assert_one_line_error(result, 2, "--as")
        bo = int(self.ok("add-member", "--database", db, "--name", "Bo Cruz", "--email",
                         "bo@team.example", "--role", "interviewer", "--as",
                         "ana@team.example").stdout)
        result = self.cli("edit-member", str(ana), "--database", db, "--role", "recruiter",
                          "--as", "bo@team.example")
        self.assert_one_line_error(result, 1, "Only an admin")
        for change in (("--role", "recruiter"), ("--active", "false")):
            result = self.cli("edit-member", str(ana), "--database", db, *change, "--as",
                              "ana@team.example")
            self.assert_one_line_error(result, 2, "last active admin")
        self.ok("edit-member", str(bo), "--database", db, "--name", "Bo Dela Cruz", "--role",
                "hiring-lead", "--as", "ana@team.example")
        self.ok("edit-member", str(bo), "--database", db, "--active", "false", "--as",
                "ana@team.example")
        listed = json.loads(self.ok("members", "--database", db, "--format", "json").stdout)
        members = {m["id"]: m for m in listed}
        self.assertEqual(members[bo]["name"], "Bo Dela Cruz")
        self.assertEqual(members[bo]["role"], "hiring-lead")
        self.assertFalse(members[bo]["active"])
        self.assertTrue(members[ana]["active"])
        result = self.cli("interviews", "--database", db, "--as", "bo@team.example")
        self.assert_one_line_error(result, 1, "deactivated")
        # Back again, and now Ana may step down
        self.ok("edit-member", str(bo), "--database", db, "--active", "true", "--role", "admin",
                "--as", "ana@team.example")
        self.ok("edit-member", str(ana), "--database", db, "--role", "recruiter", "--as",
                "ana@team.example")
        listed = json.loads(self.ok("members", "--database", db, "--format", "json").stdout)
        roles = {m["id"]: m["role"] for m in listed}
        self.assertEqual(roles, {ana: "recruiter", bo: "admin"})


class TestSchedule(InterviewTestCase):
    def test_prints_id_and_stores_utc(self):
        application = self.new_application()
        interview = self.schedule(application, "2026-11-30T14:00", PIOTR, DIEGO,
                                  extra=("--place", "Room 4"))
        row = self.query("SELECT application_id, kind, starts_at, duration_min, place"
                         " FROM interviews WHERE id = ?", interview)[0]
        self.assertEqual(row, (application, "technical", iso_to_unix("2026-11-30T13:00:00Z"), 60,
                               "Room 4"))
        interviewers = self.query("SELECT m.email FROM interview_interviewers ii"
                                  " JOIN team_members m ON m.id = ii.member_id"
                                  " WHERE ii.interview_id = ? ORDER BY 1", interview)
        self.assertEqual([r[0] for r in interviewers], sorted([PIOTR, DIEGO]))

    def test_local_zone_comes_from_tz(self):
        application = self.new_application()
        manila = self.schedule(application, "2026-11-30T14:00", PIOTR,
                               env=self.tz_env("Asia/Manila"))
        mexico = self.schedule(application, "2026-11-30T14:00", PIOTR,
                               env=self.tz_env("America/Mexico_City"))
        self.assertEqual(self.starts_at(manila), iso_to_unix("2026-11-30T06:00:00Z"))
        self.assertEqual(self.starts_at(mexico), iso_to_unix("2026-11-30T20:00:00Z"))

    def test_offsets_override_the_zone(self):
        application = self.new_application()
        for at in ("2026-11-30T16:00+02:00", "2026-11-30T14:00Z", "2026-11-30T14:00:00Z"):
            interview = self.schedule(application, at, PIOTR, extra=("--duration", "45"))
            self.assertEqual(self.starts_at(interview), iso_to_unix("2026-11-30T14:00:00Z"), at)
            self.assertEqual(self.value("SELECT duration_min FROM interviews WHERE id = ?",
                                        interview), 45)

    def test_daylight_saving_change(self):
        application = self.new_application()
        # Warsaw goes back from UTC+2 to UTC+1 at 03:00 on 25 October 2026
        before = self.schedule(application, "2026-10-24T10:00", PIOTR)
        after = self.schedule(application, "2026-10-25T10:00", PIOTR)
        self.assertEqual(self.starts_at(before), iso_to_unix("2026-10-24T08:00:00Z"))
        self.assertEqual(self.starts_at(after), iso_to_unix("2026-10-25T09:00:00Z"))

    def test_nonexistent_local_time_is_refused(self):
        application = self.new_application()
        # The clocks go from 02:00 to 03:00 on 29 March 2026: 02:30 never happens in Warsaw
        self.assert_refused("schedule", str(application), "--kind", "technical",
                            "--at", "2026-03-29T02:30", "--interviewer", PIOTR, status=2,
                            pattern="does not exist")
        # The same wall-clock time is fine where the clocks do not change then
        interview = self.schedule(application, "2026-03-29T02:30", PIOTR,
                                  env=self.tz_env("Asia/Manila"))
        self.assertEqual(self.starts_at(interview), iso_to_unix("2026-03-28T18:30:00Z"))

    def test_bad_inputs_change_nothing(self):
        application = str(self.new_application())
        base = ["--kind", "technical", "--at", "2026-11-30T14:00"]
        for args, status, pattern in [
            (["--kind", "technical", "--at", "tomorrow", "--interviewer", PIOTR], 2, "tomorrow"),
            (["--kind", "technical", "--at", "2026-02-30T10:00", "--interviewer", PIOTR], 2, None),
            (["--kind", "technical", "--at", "0000-01-01T10:00", "--interviewer", PIOTR], 2, None),
            (["--kind", "lunch", "--at", "2026-11-30T14:00", "--interviewer", PIOTR], 2,
             "--kind"),
            (base + ["--interviewer", "nobody@shortlist.example"], 1,
             "nobody@shortlist.example"),
            (base + ["--interviewer", PIOTR, "--interviewer", "nobody@shortlist.example"], 1,
             "nobody@shortlist.example"),
            (base + ["--interviewer", "not-an-email"], 2, "--interviewer"),
            (base + ["--interviewer", PIOTR, "--duration", "0"], 2, "--duration"),
            (base + ["--interviewer", PIOTR, "--duration", "721"], 2, "--duration"),
            (base + ["--interviewer", PIOTR, "--duration", "an hour"], 2, "--duration"),
            (base, 2, "--interviewer"),
            (["--at", "2026-11-30T14:00", "--interviewer", PIOTR], 2, "--kind"),
            (["--kind", "technical", "--interviewer", PIOTR], 2, "--at"),
        ]:
            with self.subTest(args=args):
                self.assert_refused("schedule", application, *args, status=status,
                                    pattern=pattern)
        self.assert_refused("schedule", "99999", *base, "--interviewer", PIOTR, status=1,
                            pattern="99999")
        self.assert_refused("schedule", "0", *base, "--interviewer", PIOTR, status=2)

    def test_rejected_application_is_refused(self):
        application = str(self.new_application())
        self.run_ok("move", application, "rejected", "--reason", "culture")
        self.assert_refused("schedule", application, "--kind", "technical",
                            "--at", "2026-11-30T14:00", "--interviewer", PIOTR, status=1)

    def test_missing_database_is_not_created(self):
        missing = self.path("missing-schedule.db")
        result = self.cli("schedule", "1", "--database", missing, "--kind", "technical",
                          "--at", "2026-11-30T14:00", "--interviewer", PIOTR,
                          env=self.tz_env())
        self.assert_one_line_error(result, 1)
        self.assertFalse(os.path.exists(missing))


class TestInterviews(InterviewTestCase):
    def setUp(self):
        super().setUp()
        self.application = self.new_application()
        past, _ = hours_from_now(-48)
        future, self.future_unix = hours_from_now(24 * 7)
        later, _ = hours_from_now(24 * 8)
        self.past = self.schedule(self.application, past, PIOTR, DIEGO,
                                  extra=("--place", "Room 4", "--duration", "90"))
        self.future = self.schedule(self.application, future, PIOTR, kind="culture")
        # Paolo's, long done: his scorecard is in
        self.done = self.schedule(self.application, past, PAOLO, kind="pre-sell")
        self.scorecard(self.done, PAOLO, "--overall", "yes", "--submit")
        self.paolo_later = self.schedule(self.application, later, PAOLO, kind="other")

    def mine(self, rows):
        return [r["id"] for r in rows if r["application"] == self.application]

    def test_as_member(self):
        rows = self.interviews("--as", PIOTR)
        self.assertEqual(self.mine(rows), [self.past, self.future])
        piotr = self.value("SELECT id FROM team_members WHERE email = ?", PIOTR)
        for row in rows:
            self.assertEqual(set(row), INTERVIEW_MEMBERS)
            self.assertIn(PIOTR, row["interviewers"])
            self.assertRegex(row["starts_at"], ISO_UTC)
            self.assertIn(row["status"], ("upcoming", "awaiting-feedback"))
            self.assertEqual(row["status"] == "upcoming",
                             iso_to_unix(row["starts_at"]) > time.time(), row)
            # A past one is listed only while Piotr's scorecard is not in
            if row["status"] == "awaiting-feedback":
                self.assertEqual(self.value(
                    "SELECT count(*) FROM scorecards WHERE interview_id = ? AND member_id = ?"
                    " AND submitted_at IS NOT NULL", row["id"], piotr), 0)
        self.assertEqual([r["starts_at"] for r in rows], sorted(r["starts_at"] for r in rows))
        past = next(r for r in rows if r["id"] == self.past)
        self.assertEqual(past["application"], self.application)
        self.assertEqual(past["candidate"], CANDIDATE)
        self.assertEqual(past["candidate_email"], CANDIDATE_EMAIL)
        self.assertEqual(past["position"], POSITION)
        self.assertEqual(past["kind"], "technical")
        self.assertEqual(iso_to_unix(past["starts_at"]), self.starts_at(self.past))
        self.assertEqual(past["duration"], 90)
        self.assertEqual(past["place"], "Room 4")
        self.assertEqual(sorted(past["interviewers"]), sorted([PIOTR, DIEGO]))
        self.assertEqual(past["status"], "awaiting-feedback")
        future = next(r for r in rows if r["id"] == self.future)
        self.assertEqual(future["status"], "upcoming")
        self.assertEqual(iso_to_unix(future["starts_at"]), self.future_unix)
        self.assertEqual(future["interviewers"], [PIOTR])
        self.assertEqual(future["place"], "")

    def test_feedback_leaves_the_list(self):
        self.scorecard(self.past, PIOTR, "--overall", "yes", "--submit")
        self.assertEqual(self.mine(self.interviews("--as", PIOTR)), [self.future])
        # Diego still owes his, so it still waits for him and for everyone
        diego = self.interviews("--as", DIEGO)
        self.assertEqual(self.mine(diego), [self.past])
        self.assertEqual(diego[0]["status"], "awaiting-feedback")
        self.assertIn(self.past, self.mine(self.interviews()))
        self.scorecard(self.past, DIEGO, "--overall", "no", "--submit")
        self.assertEqual(self.mine(self.interviews("--as", DIEGO)), [])
        self.assertNotIn(self.past, self.mine(self.interviews()))

    def test_everyone(self):
        rows = self.interviews()
        self.assertEqual(self.mine(rows), [self.past, self.future, self.paolo_later])
        self.assertEqual([r["starts_at"] for r in rows], sorted(r["starts_at"] for r in rows))
        now = time.time()
        upcoming = self.value("SELECT count(*) FROM interviews i"
                              " JOIN applications a ON a.id = i.application_id"
                              " JOIN candidates c ON c.id = a.candidate_id"
                              " WHERE i.starts_at > ? AND c.deleted_at IS NULL", int(now))
        self.assertEqual(sum(1 for r in rows if r["status"] == "upcoming"), upcoming)
        self.assertEqual(self.mine(self.interviews("--as", PAOLO)), [self.paolo_later])

    def test_table_in_local_time(self):
        table = self.run_ok("interviews", "--as", PIOTR).stdout
        lines = table.splitlines()
        self.assertEqual(lines[0].split(),
                         ["ID", "When", "Candidate", "Position", "Kind", "Interviewers", "Status"])
        self.assertEqual([int(line.split()[0]) for line in lines[1:]],
                         [r["id"] for r in self.interviews("--as", PIOTR)])
        for zone in (WARSAW, "Asia/Manila"):
            with self.subTest(zone=zone):
                table = self.run_ok("interviews", "--as", PIOTR, env=self.tz_env(zone)).stdout
                # GLib may pad the day of the month with a figure space
                [line] = [line.replace("\u2007", " ") for line in table.splitlines()
                          if line.split()[0] == str(self.future)]
                when = datetime.datetime.fromtimestamp(self.future_unix, zoneinfo.ZoneInfo(zone))
                words = line.replace(",", " ").split()
                self.assertIn(when.strftime("%H:%M"), words, line)
                self.assertIn(str(when.day), words, line)
                self.assertIn(when.strftime("%b"), words, line)
                self.assertIn(when.strftime("%a"), words, line)
                self.assertIn(CANDIDATE, line)
                self.assertIn(POSITION, line)
                self.assertTrue(line.endswith("Upcoming"), line)
                utc = datetime.datetime.fromtimestamp(self.future_unix, UTC)
                self.assertNotIn(utc.strftime("%H:%M"), words, line)

    def test_errors_and_read_only(self):
        before = self.snapshot(self.db)
        status, pattern = cli_backend.nobody_refused()
        self.assert_refused("interviews", "--as", "nobody@shortlist.example", status=status,
                            pattern=pattern)
        self.assert_refused("interviews", "--as", "nobody", status=2)
        self.assert_refused("interviews", "--format", "csv", status=2)
        self.interviews()
        self.assertEqual(self.snapshot(self.db), before)


class TestScorecards(InterviewTestCase):
    def setUp(self):
        super().setUp()
        self.application = self.new_application()
        past, _ = hours_from_now(-3)
        self.interview = self.schedule(self.application, past, PIOTR, DIEGO)

    def test_blind_rule_from_every_side(self):
        app = self.application
        self.assertEqual(self.seen(app, PIOTR), [])
        self.assertEqual(self.seen(app, LEAD), [])

        # Both write drafts: each sees only their own
        self.scorecard(self.interview, PIOTR, "--rating", "language=yes",
                       "--private-notes", "Piotr's own thoughts")
        self.scorecard(self.interview, DIEGO, "--rating", "language=no",
                       "--private-notes", "Diego's own thoughts")
        self.assertEqual(self.seen(app, PIOTR), [f"{PIOTR}(draft)"])
        self.assertEqual(self.seen(app, DIEGO), [f"{DIEGO}(draft)"])
        self.assertEqual(self.scorecards(app, PIOTR)[0]["private_notes"], "Piotr's own thoughts")
        # The leads and admins see everything, drafts and private notes included
        for viewer in (LEAD, ADMIN):
            cards = {s["interviewer"]: s for s in self.scorecards(app, viewer)}
            self.assertEqual(set(cards), {PIOTR, DIEGO}, viewer)
            self.assertEqual(cards[PIOTR]["private_notes"], "Piotr's own thoughts")
            self.assertEqual(cards[DIEGO]["private_notes"], "Diego's own thoughts")
            self.assertIsNone(cards[PIOTR]["submitted_at"])
        # Someone who interviewed nobody here sees nothing
        self.assertEqual(self.seen(app, RECRUITER), [])
        self.assertEqual(self.seen(app, PAOLO), [])

        # Diego submits: Piotr, who has not, still sees only his own
        self.scorecard(self.interview, DIEGO, "--overall", "no", "--submit")
        self.assertEqual(self.seen(app, PIOTR), [f"{PIOTR}(draft)"])

        # Piotr submits: now he sees Diego's, without Diego's private notes
        self.scorecard(self.interview, PIOTR, "--overall", "yes", "--submit")
        cards = {s["interviewer"]: s for s in self.scorecards(app, PIOTR)}
        self.assertEqual(set(cards), {PIOTR, DIEGO})
        self.assertIsNotNone(cards[DIEGO]["submitted_at"])
        self.assertEqual(cards[DIEGO]["overall"], "no")
        self.assertIsNone(cards[DIEGO]["private_notes"])
        self.assertEqual(cards[PIOTR]["private_notes"], "Piotr's own thoughts")
        language = next(r for r in cards[DIEGO]["ratings"] if r["attribute"] == "language")
        self.assertEqual(language["value"], "no")
        # And Diego sees Piotr's, without Piotr's notes
        cards = {s["interviewer"]: s for s in self.scorecards(app, DIEGO)}
        self.assertIsNone(cards[PIOTR]["private_notes"])
        self.assertEqual(cards[DIEGO]["private_notes"], "Diego's own thoughts")
        # The lead still reads both notes
        cards = {s["interviewer"]: s for s in self.scorecards(app, LEAD)}
        self.assertEqual(cards[DIEGO]["private_notes"], "Diego's own thoughts")

        # A new interview Piotr owes a scorecard for blinds him again
        later, _ = hours_from_now(-1)
        self.schedule(app, later, PIOTR, kind="culture")
        self.assertEqual(self.seen(app, PIOTR), [PIOTR])

    def test_blinded_note_only_in_the_table(self):
        self.scorecard(self.interview, PIOTR, "--rating", "language=yes")
        self.scorecard(self.interview, DIEGO, "--overall", "no", "--submit")
        # JSON stays a plain array, and quiet
        self.scorecards(self.application, PIOTR)
        result = self.cli("scorecards", str(self.application), "--as", PIOTR,
                          "--database", self.db, env=self.tz_env())
        self.assertEqual(result.status, 0, result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertRegex(result.stderr, r"^shortlist-cli: .*hidden")
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0].split()[:3], ["ID", "Interview", "When"])
        self.assertEqual(len(lines), 2)
        self.assertIn("Piotr Zając", lines[1])
        self.assertIn("Draft", lines[1])
        self.assertIn("language: Yes", lines[1])
        # Not blinded: no note
        table = self.run_ok("scorecards", str(self.application), "--as", LEAD).stdout
        self.assertEqual(len(table.splitlines()), 3)
        self.assertIn("Diego Ramírez", table)
        self.assertIn("Submitted", table)

    def test_draft_persists(self):
        first = self.scorecard(self.interview, PIOTR, "--rating", "language=mixed",
                               "--note", "language=Knows Go; not = Rust", "--takeaways",
                               "Strong on concurrency")
        self.assertIsNone(self.value("SELECT submitted_at FROM scorecards WHERE id = ?", first))
        second = self.scorecard(self.interview, PIOTR, "--rating", "communication=strong-yes",
                                "--private-notes", "Calm")
        self.assertEqual(first, second)
        [card] = self.scorecards(self.application, PIOTR)
        self.assertEqual(card["id"], first)
        self.assertEqual(card["interview"], self.interview)
        self.assertEqual(card["interviewer"], PIOTR)
        self.assertIsNone(card["submitted_at"])
        self.assertIsNone(card["overall"])
        self.assertEqual(card["takeaways"], "Strong on concurrency")
        self.assertEqual(card["private_notes"], "Calm")
        self.assertEqual(card["amendments"], 0)
        ratings = {r["attribute"]: r for r in card["ratings"]}
        self.assertEqual(ratings["language"]["value"], "mixed")
        self.assertEqual(ratings["language"]["category"], "technical")
        self.assertEqual(ratings["language"]["note"], "Knows Go; not = Rust")
        self.assertEqual(ratings["communication"]["value"], "strong-yes")
        self.assertEqual(ratings["communication"]["category"], "soft-skills")
        self.assertEqual(ratings["algorithms"]["value"], "no-decision")
        self.assertEqual(self.value("SELECT count(*) FROM scorecards"
                                    " WHERE interview_id = ?", self.interview), 1)

    def test_submit_needs_an_overall_recommendation(self):
        self.assert_refused("scorecard", str(self.interview), "--as", PIOTR, "--submit",
                            "--rating", "language=yes", status=1, pattern="overall")
        self.assertEqual(self.value("SELECT count(*) FROM scorecards WHERE interview_id = ?",
                                    self.interview), 0)
        # A draft's refused submission leaves the draft as it was
        self.scorecard(self.interview, PIOTR, "--rating", "language=no")
        self.assert_refused("scorecard", str(self.interview), "--as", PIOTR, "--submit",
                            "--rating", "language=yes", status=1, pattern="overall")
        # The overall saved in the draft is enough to submit
        self.scorecard(self.interview, PIOTR, "--overall", "yes")
        self.scorecard(self.interview, PIOTR, "--submit")
        [card] = self.scorecards(self.application, PIOTR)
        self.assertIsNotNone(card["submitted_at"])
        self.assertEqual(card["overall"], "yes")

    def test_amendment(self):
        scorecard = self.scorecard(self.interview, PIOTR, "--rating", "language=yes",
                                   "--overall", "yes", "--submit")
        [card] = self.scorecards(self.application, PIOTR)
        submitted_at = card["submitted_at"]
        self.assertIsNotNone(submitted_at)
        self.assertEqual(card["amendments"], 0)

        self.assertEqual(self.scorecard(self.interview, PIOTR, "--overall", "strong-yes"),
                         scorecard)
        [card] = self.scorecards(self.application, PIOTR)
        self.assertEqual(card["submitted_at"], submitted_at)
        self.assertEqual(card["overall"], "strong-yes")
        self.assertEqual(card["amendments"], 1)
        [previous] = self.query("SELECT previous FROM scorecard_amendments"
                                " WHERE scorecard_id = ?", scorecard)
        self.assertEqual(json.loads(previous[0])["overall"], "yes")

        self.scorecard(self.interview, PIOTR, "--rating", "language=mixed", "--submit")
        [card] = self.scorecards(self.application, PIOTR)
        self.assertEqual(card["submitted_at"], submitted_at)
        self.assertEqual(card["amendments"], 2)
        # Saving the same again is no amendment
        self.scorecard(self.interview, PIOTR, "--rating", "language=mixed")
        self.assertEqual(self.scorecards(self.application, PIOTR)[0]["amendments"], 2)

    def test_bad_inputs_change_nothing(self):
        self.scorecard(self.interview, PIOTR, "--rating", "language=yes")
        interview = str(self.interview)
        result = self.assert_refused("scorecard", interview, "--as", PIOTR,
                                     "--rating", "speed=yes", status=2, pattern="speed")
        # The valid ids of this scorecard are listed
        self.assertIn("language", result.stderr)
        self.assertIn("communication", result.stderr)
        self.assertNotIn("values", result.stderr)
        for args, status, pattern in [
            (["--as", PIOTR, "--note", "speed=Fast"], 2, "speed"),
            (["--as", PIOTR, "--rating", "language=great"], 2, "--rating"),
            (["--as", PIOTR, "--rating", "language"], 2, "ATTRIBUTE=VALUE"),
            (["--as", PIOTR, "--rating", "=yes"], 2, "ATTRIBUTE=VALUE"),
            (["--as", PIOTR, "--overall", "mixed"], 2, "--overall"),
            (["--as", PIOTR, "--rating", "language=no", "--rating", "speed=no"], 2, "speed"),
            (["--as", "nobody@shortlist.example", "--rating", "language=no"],
             *cli_backend.nobody_refused()),
            (["--as", "nobody"], 2, "--as"),
            # In a team database the scorecard is the login's: its owner is no member
            (["--rating", "language=no"], *((1, "no member of the team") if cli_backend.TEAM
                                            else (2, "--as"))),
            # Paolo is on the team but not an interviewer of this interview
            (["--as", PAOLO, "--rating", "language=no"], 1, "Paolo Santos"),
        ]:
            with self.subTest(args=args):
                self.assert_refused("scorecard", interview, *args, status=status,
                                    pattern=pattern)
        self.assert_refused("scorecard", "99999", "--as", PIOTR, status=1, pattern="99999")
        self.assert_refused("scorecard", "x", "--as", PIOTR, status=2)

    def test_listing_errors(self):
        app = str(self.application)
        self.assert_refused("scorecards", "99999", "--as", LEAD, status=1, pattern="99999")
        self.assert_refused("scorecards", app, "--as", "nobody@shortlist.example",
                            status=cli_backend.nobody_refused()[0])
        if not cli_backend.TEAM:  # there, whose are seen is the login's
            self.assert_refused("scorecards", app, status=2, pattern="--as")
        self.assert_refused("scorecards", app, "--as", LEAD, "--format", "csv", status=2)
        missing = self.path("missing-scorecards.db")
        self.assert_one_line_error(self.cli("scorecards", app, "--as", LEAD,
                                            "--database", missing), 1)
        self.assertFalse(os.path.exists(missing))


def vtimezone_offset(calendar_component, tzid, wall_clock):
    """The UTC offset the calendar's own VTIMEZONE gives @tzid at the naive @wall_clock: the
    observance whose latest onset comes last (RFC 5545 3.6.5)"""
    [zone] = [z for z in calendar_component.walk("VTIMEZONE") if str(z["TZID"]) == tzid]
    best = None
    for observance in zone.subcomponents:
        start = observance["DTSTART"].dt
        onsets = [start]
        if "RRULE" in observance:
            rule = observance["RRULE"].to_ical().decode()
            onsets += list(rrule.rrulestr(rule, dtstart=start, ignoretz=True)
                           .between(start, wall_clock, inc=True))
        rdates = observance.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            onsets += [d.dt for d in rdate.dts]
        onsets = [o.replace(tzinfo=None) for o in onsets if o.replace(tzinfo=None) <= wall_clock]
        if onsets and (best is None or max(onsets) > best[0]):
            best = (max(onsets), observance["TZOFFSETTO"].td)
    return best[1]


class TestIcs(InterviewTestCase):
    def setUp(self):
        super().setUp()
        self.application = self.new_application()
        self.folder = self.path(f"ics-{self.id().split('.')[-1]}")
        os.makedirs(self.folder, exist_ok=True)

    def ics(self, interview, *args, zone=WARSAW, name="invite.ics"):
        target = os.path.join(self.folder, name)
        result = self.run_ok("ics", str(interview), "--output", target, *args,
                             env=self.tz_env(zone))
        self.assertEqual(result.stdout, "")
        with open(target, "rb") as f:
            data = f.read()
        return data, icalendar.Calendar.from_ical(data)

    def event(self, cal):
        [event] = cal.walk("VEVENT")
        return event

    def assert_instant(self, cal, expected_iso, zone):
        """DTSTART, converted to UTC, is the scheduled instant — by the zone's IANA rules and
        by the invitation's own VTIMEZONE"""
        start = self.event(cal)["DTSTART"]
        self.assertEqual(start.dt.astimezone(UTC), datetime.datetime.fromtimestamp(
            iso_to_unix(expected_iso), UTC))
        self.assertEqual(start.params["TZID"], zone)
        offset = vtimezone_offset(cal, zone, start.dt.replace(tzinfo=None))
        self.assertEqual(calendar.timegm((start.dt.replace(tzinfo=None) - offset).timetuple()),
                         iso_to_unix(expected_iso))

    def test_invitation(self):
        self.write("UPDATE candidates SET timezone = 'America/Sao_Paulo' WHERE email = ?",
                   CANDIDATE_EMAIL)
        interview = self.schedule(self.application, "2026-11-30T14:00", PIOTR, DIEGO,
                                  extra=("--duration", "45", "--place",
                                         "https://meet.example.com/abc-defg"))
        data, cal = self.ics(interview, "--as", LEAD)
        self.assertTrue(data.startswith(b"BEGIN:VCALENDAR\r\n"), data[:40])
        self.assertTrue(data.endswith(b"END:VCALENDAR\r\n"))
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        self.assertIn("Shortlist", str(cal["PRODID"]))
        event = self.event(cal)
        uid = str(event["UID"])
        self.assertRegex(uid, rf"^interview-{interview}-\d+@shortlist$")
        self.assertEqual(int(str(event["SEQUENCE"])), 0)
        stamp = event["DTSTAMP"].dt
        self.assertEqual(stamp.utcoffset(), datetime.timedelta(0))
        self.assertLess(abs(stamp.timestamp() - time.time()), 300)
        self.assert_instant(cal, "2026-11-30T13:00:00Z", WARSAW)
        self.assertEqual(event["DTSTART"].dt.hour, 14)
        self.assertNotIn("DTEND", event)
        self.assertEqual(event["DURATION"].dt, datetime.timedelta(minutes=45))
        self.assertEqual(str(event["SUMMARY"]),
                         f"Technical interview: {CANDIDATE} — {POSITION}")
        description = str(event["DESCRIPTION"])
        self.assertIn(POSITION, description)
        self.assertIn("Technical", description)
        self.assertIn("Piotr Zając", description)
        self.assertIn("Diego Ramírez", description)
        # 13:00 UTC is 10:00 in São Paulo
        self.assertIn("10:00 (UTC−3)", description)
        self.assertEqual(str(event["LOCATION"]), "https://meet.example.com/abc-defg")
        self.assertEqual(str(event["URL"]), "https://meet.example.com/abc-defg")
        self.assertEqual(str(event["ORGANIZER"]), f"mailto:{LEAD}")
        attendees = event["ATTENDEE"]
        self.assertEqual(sorted(str(a) for a in attendees),
                         sorted(f"mailto:{e}" for e in (PIOTR, DIEGO, CANDIDATE_EMAIL)))
        names = {str(a): a.params["CN"] for a in attendees}
        self.assertEqual(names[f"mailto:{PIOTR}"], "Piotr Zając")
        self.assertEqual(names[f"mailto:{CANDIDATE_EMAIL}"], CANDIDATE)
        # The same interview keeps its UID; without an organizer it is published, not requested
        _, again = self.ics(interview, name="again.ics")
        self.assertEqual(str(self.event(again)["UID"]), uid)
        self.assertNotIn("ORGANIZER", self.event(again))
        self.assertEqual(str(again["METHOD"]), "PUBLISH")

    def test_daylight_saving_change(self):
        before = self.schedule(self.application, "2026-10-24T10:00", PIOTR)
        after = self.schedule(self.application, "2026-10-25T10:00", PIOTR)
        _, cal = self.ics(before, name="before.ics")
        self.assert_instant(cal, "2026-10-24T08:00:00Z", WARSAW)
        _, cal = self.ics(after, name="after.ics")
        self.assert_instant(cal, "2026-10-25T09:00:00Z", WARSAW)
        self.assertEqual(self.event(cal)["DTSTART"].dt.hour, 10)
        # 02:30 on that night happens twice: the first is meant, and the invitation says so in
        # UTC (calendars read an ambiguous wall-clock time each their own way). It gives a
        # length, since its end would read 02:30 again.
        night = self.schedule(self.application, "2026-10-25T02:30", PIOTR)
        data, cal = self.ics(night, name="night.ics")
        self.assertIn(b"DTSTART:20261025T003000Z\r\n", data)
        self.assertEqual(self.event(cal)["DTSTART"].dt,
                         datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.timezone.utc))
        self.assertEqual(self.event(cal)["DURATION"].dt, datetime.timedelta(minutes=60))

    def test_written_in_the_local_zone(self):
        interview = self.schedule(self.application, "2026-11-30T14:00", PIOTR,
                                  extra=("--place", "Room 4"))
        _, cal = self.ics(interview, zone="America/Sao_Paulo")
        self.assert_instant(cal, "2026-11-30T13:00:00Z", "America/Sao_Paulo")
        self.assertEqual(self.event(cal)["DTSTART"].dt.hour, 10)
        self.assertEqual(str(self.event(cal)["LOCATION"]), "Room 4")
        self.assertNotIn("URL", self.event(cal))
        # In UTC, or in a zone GLib cannot read (a POSIX rule without its dates), which is then
        # said once on stderr: UTC times and no VTIMEZONE
        target = os.path.join(self.folder, "posix.ics")
        result = self.cli("ics", str(interview), "--output", target, "--database", self.db,
                          env=self.tz_env("CET-1CEST"))
        self.assertEqual(result.status, 0, result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn("CET-1CEST", result.stderr)
        self.assertIn("UTC", result.stderr)
        for zone in ("UTC", "Etc/UTC", "CET-1CEST"):
            with self.subTest(zone=zone):
                if zone == "CET-1CEST":
                    with open(target, "rb") as f:
                        data = f.read()
                    cal = icalendar.Calendar.from_ical(data)
                else:
                    data, cal = self.ics(interview, zone=zone, name="utc.ics")
                start = self.event(cal)["DTSTART"]
                self.assertNotIn("TZID", start.params)
                self.assertIn(b"DTSTART:20261130T130000Z\r\n", data)
                self.assertEqual(start.dt, datetime.datetime(2026, 11, 30, 13, 0, tzinfo=UTC))
                self.assertEqual(cal.walk("VTIMEZONE"), [])

    def test_candidate_without_email(self):
        application = self.new_application(title="Go developer", name="Ana Lima", email=None)
        interview = self.schedule(application, "2026-11-30T14:00", PIOTR, kind="culture")
        _, cal = self.ics(interview)
        event = self.event(cal)
        attendees = event["ATTENDEE"]
        attendees = attendees if isinstance(attendees, list) else [attendees]
        self.assertEqual([str(a) for a in attendees], [f"mailto:{PIOTR}"])
        self.assertEqual(str(event["SUMMARY"]), "Culture interview: Ana Lima — Go developer")

    def test_unwritable_path_leaves_no_file(self):
        interview = str(self.schedule(self.application, "2026-11-30T14:00", PIOTR))
        blocker = os.path.join(self.folder, "a-file")
        with open(blocker, "w") as f:
            f.write("not a folder")
        before = sorted(os.listdir(self.folder))
        for target in (os.path.join(self.folder, "missing", "invite.ics"),
                       os.path.join(blocker, "invite.ics"),
                       self.folder):
            with self.subTest(target=target):
                result = self.cli("ics", interview, "--output", target, "--database", self.db,
                                  env=self.tz_env())
                self.assert_one_line_error(result, 1)
                self.assertEqual(sorted(os.listdir(self.folder)), before)
        self.assertFalse(os.path.exists(os.path.join(self.folder, "missing")))
        # Nor a temporary file beside the folder
        prefix = os.path.basename(self.folder) + "."
        self.assertEqual([p for p in os.listdir(self.tmp) if p.startswith(prefix)], [])

    def test_replaces_a_file_whole(self):
        interview = self.schedule(self.application, "2026-11-30T14:00", PIOTR)
        target = os.path.join(self.folder, "invite.ics")
        with open(target, "w") as f:
            f.write("old\n" * 10000)
        data, _ = self.ics(interview)
        self.assertTrue(data.startswith(b"BEGIN:VCALENDAR"))
        self.assertNotIn(b"old\n", data)
        self.assertEqual(sorted(os.listdir(self.folder)), ["invite.ics"])

    def test_standard_output(self):
        interview = self.schedule(self.application, "2026-11-30T14:00", PIOTR)
        result = self.run_ok("ics", str(interview), "--output", "-")
        cal = icalendar.Calendar.from_ical(result.raw_stdout)
        self.assertRegex(str(self.event(cal)["UID"]), rf"^interview-{interview}-\d+@shortlist$")

    def test_errors(self):
        interview = str(self.schedule(self.application, "2026-11-30T14:00", PIOTR))
        target = os.path.join(self.folder, "never.ics")
        self.assert_refused("ics", interview, status=2, pattern="--output")
        self.assert_refused("ics", interview, "--output", "", status=2)
        self.assert_refused("ics", "99999", "--output", target, status=1, pattern="99999")
        self.assert_refused("ics", interview, "--output", target, "--as",
                            "nobody@shortlist.example", status=cli_backend.nobody_refused()[0])
        self.assert_refused("ics", "x", "--output", target, status=2)
        self.assertFalse(os.path.exists(target))


class TestInterviewHelp(InterviewTestCase):
    demo_size = 1
    commands = {"members": "--format", "schedule": "APPLICATION_ID",
                "interviews": "--as", "scorecard": "INTERVIEW_ID",
                "scorecards": "APPLICATION_ID", "ics": "--output"}

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
        scorecard = self.ok("scorecard", "--help").stdout
        for option in ("--rating", "--note", "--overall", "--takeaways", "--private-notes",
                       "--submit"):
            self.assertIn(option, scorecard)
        schedule = self.ok("schedule", "--help").stdout
        for option in ("--kind", "--at", "--duration", "--interviewer", "--place"):
            self.assertIn(option, schedule)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    test_cli.CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
