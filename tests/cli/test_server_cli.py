#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Tests of shortlist-cli on a team database: server-setup, add-member, edit-member and members
with a postgresql:// URI, against the private PostgreSQL server build-aux/test.sh starts
(SHORTLIST_TEST_PG_HOST, SHORTLIST_TEST_PG_PORT); what they wrote is read back with psql.
Without that server the tests are skipped, unless SHORTLIST_TEST_PG_REQUIRED is set.

Usage: test_server_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments, e.g. a TestCase name]
"""

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import unittest

# test_cli is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

HOST = os.environ.get("SHORTLIST_TEST_PG_HOST")
PORT = os.environ.get("SHORTLIST_TEST_PG_PORT", "5432")
# Logins are the server's, shared by every database on it: this process's have a prefix of
# their own (the test classes run side by side)
PREFIX = f"c{os.getpid()}_"


def psql(sql, database="postgres", login="shortlist_owner", password=None):
    env = dict(os.environ, PGHOST=HOST, PGPORT=PORT, PGUSER=login, PGDATABASE=database)
    if password is not None:
        env["PGPASSWORD"] = password
    completed = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                                "-c", sql], capture_output=True, env=env, check=False)
    if completed.returncode != 0:
        raise AssertionError(f"{sql}: {completed.stderr.decode()}")
    return completed.stdout.decode().strip()


class ServerTestCase(CliTestCase):
    demo_size = 5

    def setUp(self):
        if HOST is None:
            if os.environ.get("SHORTLIST_TEST_PG_REQUIRED"):
                self.fail("SHORTLIST_TEST_PG_HOST is not set: build-aux/test.sh starts the server")
            self.skipTest("no PostgreSQL server for the tests (build-aux/test.sh starts one)")
        self.database = f"sl_cli_{os.getpid()}_{self.id().split('.')[-1].lower()}"
        psql(f"CREATE DATABASE {self.database}")
        self.addCleanup(self.drop)

    def drop(self):
        psql(f"DROP DATABASE {self.database} WITH (FORCE)")
        psql("DO $$ DECLARE r text; BEGIN FOR r IN SELECT rolname FROM pg_roles"
             f" WHERE rolname LIKE '{PREFIX}%' LOOP EXECUTE format('DROP ROLE %I', r);"
             " END LOOP; END $$")

    def uri(self, login="shortlist_owner", password=None):
        secret = f":{password}" if password else ""
        return f"postgresql://{login}{secret}@/{self.database}?host={HOST}&port={PORT}"

    def password_file(self, login):
        path = self.path(f"{login}.password")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"pw-{login}\n")
        return path

    def add(self, name, role, login, as_uri=None):
        return self.ok("add-member", "--database", as_uri or self.uri(), "--name", name,
                       "--email", f"{login}@example.com", "--role", role, "--login", login,
                       "--password-file", self.password_file(login))

    def set_up_team(self):
        self.ok("server-setup", "--database", self.uri())
        self.add("Ada", "admin", PREFIX + "ada")
        self.add("Ivan", "interviewer", PREFIX + "ivan", as_uri=self.admin())

    def admin(self):
        return self.uri(PREFIX + "ada", f"pw-{PREFIX}ada")


class TestServerSetup(ServerTestCase):
    def test_sets_up_once(self):
        result = self.ok("server-setup", "--database", self.uri())
        self.assertIn("is set up (schema version 1)", result.stdout)
        self.assertEqual(psql("SELECT application || ' ' || version FROM shortlist.schema_version",
                              self.database), "Shortlist 1")
        result = self.ok("server-setup", "--database", self.uri())
        self.assertIn("already set up", result.stdout)

    def test_from_the_environment(self):
        env = dict(self.env, SHORTLIST_DATABASE=self.uri())
        self.ok("server-setup", env=env)
        self.assertEqual(psql("SELECT version FROM shortlist.schema_version", self.database), "1")

    def test_refuses_a_database_of_other_tables(self):
        psql("CREATE TABLE invoices (id int)", self.database)
        result = self.cli("server-setup", "--database", self.uri())
        self.assert_one_line_error(result, 1, "not Shortlist’s")
        self.assertEqual(psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'shortlist'",
                              self.database), "0")

    def test_bad_addresses(self):
        result = self.cli("server-setup", "--database", "postgresql://[oops")
        self.assert_one_line_error(result, 1, "not a PostgreSQL address")
        result = self.cli("server-setup", "--database", self.path("local.db"))
        self.assert_one_line_error(result, 2, "must name a team database")
        self.assertFalse(os.path.exists(self.path("local.db")))
        result = self.cli("server-setup", "--database",
                          self.uri().replace(self.database, "no_such_database"))
        self.assert_one_line_error(result, 1, "no_such_database")

    def test_local_commands_say_so(self):
        result = self.cli("members", "--database", self.uri())
        self.assert_one_line_error(result, 1, "not set up: its owner runs shortlist-cli server-setup")
        self.ok("server-setup", "--database", self.uri())
        result = self.cli("check", "--database", self.uri())
        self.assert_one_line_error(result, 2, "local database file only")
        # A typo in the scheme is not taken for a file's name
        result = self.cli("members", "--database", self.uri().replace("postgresql", "postgresq"))
        self.assert_one_line_error(result, 2, "not a PostgreSQL address")


class TestServerMembers(ServerTestCase):
    def test_add_and_list(self):
        self.set_up_team()
        result = self.ok("members", "--database", self.uri(), "--format", "json")
        emails = [member["email"] for member in json.loads(result.stdout)]
        self.assertEqual(emails, [f"{PREFIX}ada@example.com", f"{PREFIX}ivan@example.com"])
        self.assertEqual(psql("SELECT string_agg(login || ':' || role, ',' ORDER BY id)"
                              " FROM shortlist.team_members", self.database),
                         f"{PREFIX}ada:admin,{PREFIX}ivan:interviewer")
        # Ivan logs in with his password and sees the team
        self.assertEqual(psql("SELECT count(*) FROM shortlist.team_members", self.database,
                              login=PREFIX + "ivan", password=f"pw-{PREFIX}ivan"), "2")

    def test_identity_is_the_login(self):
        self.set_up_team()
        result = self.cli("add-member", "--database", self.admin(), "--name", "Eve", "--email",
                          "eve@example.com", "--role", "recruiter", "--login", PREFIX + "eve",
                          "--as", f"{PREFIX}ada@example.com")
        self.assert_one_line_error(result, 2, "--as is for a local file")
        result = self.cli("add-member", "--database", self.uri(PREFIX + "ivan", f"pw-{PREFIX}ivan"),
                          "--name", "Eve", "--email", "eve@example.com", "--role", "admin",
                          "--login", PREFIX + "eve")
        self.assert_one_line_error(result, 1, "Only an admin")
        result = self.cli("add-member", "--database", self.admin(), "--name", "Eve", "--email",
                          "eve@example.com", "--role", "recruiter")
        self.assert_one_line_error(result, 2, "--login")
        result = self.cli("add-member", "--database", self.path("local.db"), "--name", "Eve",
                          "--email", "eve@example.com", "--role", "admin", "--login", "eve")
        self.assert_one_line_error(result, 2, "no logins")
        self.assertEqual(psql("SELECT count(*) FROM shortlist.team_members", self.database), "2")

    def test_edit_and_deactivate(self):
        self.set_up_team()
        self.ok("edit-member", "2", "--database", self.admin(), "--role", "hiring-lead",
                "--name", "Ivan Petrenko")
        self.assertEqual(psql("SELECT name || ' ' || role FROM shortlist.team_members WHERE id = 2",
                              self.database), "Ivan Petrenko hiring-lead")
        self.assertEqual(psql(f"SELECT pg_has_role('{PREFIX}ivan', 'shortlist_hiring_lead',"
                              " 'MEMBER')", self.database), "t")
        self.ok("edit-member", "2", "--database", self.admin(), "--active", "false")
        result = self.cli("members", "--database", self.uri(PREFIX + "ivan", f"pw-{PREFIX}ivan"))
        self.assert_one_line_error(result, 1, "disabled")
        result = self.cli("edit-member", "1", "--database", self.admin(), "--active", "false")
        self.assert_one_line_error(result, 2, "last active admin")
        result = self.cli("members", "--database", self.uri(PREFIX + "ada", "wrong"))
        self.assert_one_line_error(result, 1, "password is wrong")
        # An admin gives a member a new password; psql as them finds the tables by name
        with open(self.path("new.password"), "w", encoding="utf-8") as f:
            f.write("a new one\n")
        self.ok("edit-member", "2", "--database", self.admin(), "--active", "true",
                "--password-file", self.path("new.password"))
        self.assertEqual(psql("SELECT count(*) FROM team_members", self.database,
                              login=PREFIX + "ivan", password="a new one"), "2")


class TestServerCopy(ServerTestCase):
    def source(self):
        """The demo, with what the demo lacks: a résumé's bytes, private notes, and text with
        the characters COPY escapes"""
        path = self.copy_demo("copy-source.db")
        self.resume = bytes(range(256)) * 40
        db = sqlite3.connect(path)
        # The file's triggers keep its search index, which the copy does not read: they are off
        # (sl_live_index), and the functions they name need only exist
        db.create_function("sl_live_index", 0, lambda: 0)
        for name in ("sl_fold", "sl_sort_key", "sl_place_candidate"):
            db.create_function(name, 1, lambda value: value)
        try:
            db.execute("INSERT INTO attachments (candidate_id, filename, mime_type, data, created_at)"
                       " VALUES (1, 'cv.pdf', 'application/pdf', ?, 0)", (self.resume,))
            db.execute("UPDATE scorecards SET private_notes = 'not for others' WHERE id = 1")
            db.execute("UPDATE candidates SET notes = ? WHERE id = 2",
                       ("tab\there\nnew line \\ backslash João 🙂",))
            db.commit()
            self.tables = {}
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%'"):
                self.tables[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            self.notes = db.execute("SELECT notes FROM candidates WHERE id = 2").fetchone()[0]
        finally:
            db.close()
        return path

    def test_copies_every_row(self):
        source = self.source()
        result = self.ok("copy", "--from", source, "--to", self.uri())
        printed = dict(line.split() for line in result.stdout.splitlines())
        for table, count in self.tables.items():
            self.assertEqual(int(printed[table]), count, table)
            self.assertEqual(psql(f"SELECT count(*) FROM shortlist.{table}", self.database),
                             str(count), table)
        self.assertEqual(printed["scorecard_private_notes"], "1")
        self.assertEqual(psql("SELECT notes FROM shortlist.scorecard_private_notes"
                              " WHERE scorecard_id = 1", self.database), "not for others")
        self.assertEqual(psql("SELECT md5(data) FROM shortlist.attachments", self.database),
                         hashlib.md5(self.resume).hexdigest())
        self.assertEqual(psql("SELECT notes FROM shortlist.candidates WHERE id = 2", self.database),
                         self.notes)
        self.assertIn("joao", psql("SELECT search_text FROM shortlist.candidates WHERE id = 2",
                                   self.database))
        # New rows take ids after the copied ones
        self.assertEqual(psql("INSERT INTO shortlist.candidates (name, created_at, updated_at)"
                              " VALUES ('New', 0, 0) RETURNING id", self.database),
                         str(self.tables["candidates"] + 1))

    def test_members_copied_get_logins(self):
        self.ok("copy", "--from", self.source(), "--to", self.uri())
        admin = psql("SELECT id FROM shortlist.team_members WHERE role = 'admin' ORDER BY id"
                     " LIMIT 1", self.database)
        self.assertEqual(psql("SELECT count(*) FROM shortlist.team_members WHERE login IS NOT NULL",
                              self.database), "0")
        login = PREFIX + "sam"
        self.ok("edit-member", admin, "--database", self.uri(), "--login", login,
                "--password-file", self.password_file(login))
        self.assertEqual(psql(f"SELECT pg_has_role('{login}', 'shortlist_admin', 'MEMBER')",
                              self.database), "t")
        # The admin now gives the others theirs
        as_admin = self.uri(login, f"pw-{login}")
        lead = psql("SELECT id FROM shortlist.team_members WHERE role = 'hiring-lead' LIMIT 1",
                    self.database)
        self.ok("edit-member", lead, "--database", as_admin, "--login", PREFIX + "lead",
                "--password-file", self.password_file(PREFIX + "lead"))
        self.assertEqual(psql("SELECT count(*) FROM shortlist.scorecards", self.database,
                              login=PREFIX + "lead", password=f"pw-{PREFIX}lead"),
                         str(self.tables["scorecards"]))
        result = self.cli("edit-member", lead, "--database", as_admin, "--login", PREFIX + "x")
        self.assert_one_line_error(result, 2, "has a login already")
        result = self.cli("edit-member", lead, "--database", self.path("local.db"), "--login",
                          "x")
        self.assert_one_line_error(result, 2, "no logins")

    def test_backup_is_what_the_login_may_read(self):
        """Back Up… on a team database writes a local file of what the login may read"""
        source = self.source()
        self.ok("copy", "--from", source, "--to", self.uri())
        with contextlib.closing(sqlite3.connect(source)) as db:
            author = db.execute("SELECT member_id FROM scorecards WHERE id = 1").fetchone()[0]
            other = db.execute("SELECT id FROM team_members WHERE role = 'interviewer'"
                               " AND active AND id <> ? ORDER BY id LIMIT 1", (author,)).fetchone()[0]
            lead = db.execute("SELECT id FROM team_members WHERE role = 'hiring-lead' AND active"
                              " ORDER BY id LIMIT 1").fetchone()[0]
            scorecards = db.execute("SELECT count(*) FROM scorecards").fetchone()[0]
            candidates = db.execute("SELECT count(*) FROM candidates").fetchone()[0]
            resume = db.execute("SELECT data FROM attachments").fetchone()[0]
        copies = {}
        for member, name in ((lead, "lead"), (other, "other")):
            login = PREFIX + name
            self.ok("edit-member", str(member), "--database", self.uri(), "--login", login,
                    "--password-file", self.password_file(login))
            copies[name] = self.path(f"{name}-backup.db")
            self.ok("backup", "--database", self.uri(login, f"pw-{login}"), "--output",
                    copies[name])
            self.ok("check", "--database", copies[name])
        # A lead reads everything: the whole team's data, private notes and résumé included
        with contextlib.closing(sqlite3.connect(copies["lead"])) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM scorecards").fetchone()[0],
                             scorecards)
            self.assertEqual(db.execute("SELECT private_notes FROM scorecards WHERE id = 1")
                             .fetchone()[0], "not for others")
            self.assertEqual(db.execute("SELECT count(*) FROM candidates").fetchone()[0],
                             candidates)
            self.assertEqual(db.execute("SELECT data FROM attachments").fetchone()[0], resume)
        # Another interviewer: no one else's drafts or private notes, as the server's rules say
        with contextlib.closing(sqlite3.connect(copies["other"])) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM candidates").fetchone()[0],
                             candidates)
            self.assertEqual(db.execute("SELECT count(*) FROM scorecards WHERE member_id <> ?"
                                        " AND (submitted_at IS NULL OR private_notes <> '')",
                                        (other,)).fetchone()[0], 0)
            self.assertLess(db.execute("SELECT count(*) FROM scorecards").fetchone()[0],
                            scorecards)
        # The copy is searched as the local file is
        rows = json.loads(self.ok("candidates", "--database", copies["lead"], "--search", "olek",
                                  "--format", "json").stdout)
        self.assertTrue(rows)

    def test_refuses_a_team_database_with_data(self):
        source = self.source()
        self.ok("copy", "--from", source, "--to", self.uri())
        before = psql("SELECT count(*) FROM shortlist.stage_events", self.database)
        result = self.cli("copy", "--from", source, "--to", self.uri())
        self.assert_one_line_error(result, 1, "empty")
        self.assertEqual(psql("SELECT count(*) FROM shortlist.stage_events", self.database), before)

    def test_bad_input(self):
        result = self.cli("copy", "--from", self.path("missing.db"), "--to", self.uri())
        self.assert_one_line_error(result, 1, "missing.db")
        result = self.cli("copy", "--from", self.demo, "--to", self.path("other.db"))
        self.assert_one_line_error(result, 2, "--to must name a team database")
        result = self.cli("copy", "--to", self.uri())
        self.assert_one_line_error(result, 2, "--from")
        self.assertEqual(psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'shortlist'",
                              self.database), "0")


if __name__ == "__main__":
    test_cli.CLI = sys.argv.pop(1)
    unittest.main()
