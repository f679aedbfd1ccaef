# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""The database a CLI test works on: a local file, or a team database holding the same data.

With SHORTLIST_TEST_BACKEND=team the same test bodies run on a team database of the test
PostgreSQL server (build-aux/test.sh starts it: SHORTLIST_TEST_PG_HOST, SHORTLIST_TEST_PG_PORT):
- a test's copy of the sample data is a database of its own, made from one copied from the
  local sample (`shortlist-cli copy`) once per test class;
- every member of the sample's team has a login, and a command a test runs "--as" a member
  runs as that member's login instead (in a team database you are who you log in as);
- without --as, a command runs as the database's owner, who is no member (as a local command
  without --as is nobody);
- what a test reads back with SQL it reads with psycopg2, as the owner.
A test whose subject is a local file (its bytes, the files beside it, a file that is not
there) or a rule that only holds for a claimed identity says so with @local_only.
"""

import functools
import os
import re
import unittest

TEAM = os.environ.get("SHORTLIST_TEST_BACKEND") == "team"
HOST = os.environ.get("SHORTLIST_TEST_PG_HOST")
PORT = os.environ.get("SHORTLIST_TEST_PG_PORT", "5432")
# Logins are the server's, shared by every database on it and every test process
PREFIX = f"b{os.getpid()}_"
PASSWORD = "pw-test"
GROUPS = {"admin": "shortlist_admin", "hiring-lead": "shortlist_hiring_lead",
          "recruiter": "shortlist_recruiter", "interviewer": "shortlist_interviewer"}


def local_only(why):
    """A test of what only a local file has; @why says what"""
    def decorate(test):
        @functools.wraps(test)
        def wrapper(self, *args, **kwargs):
            if TEAM:
                self.skipTest(f"local file only: {why}")
            return test(self, *args, **kwargs)
        return wrapper
    return decorate


def nobody_refused():
    """How --as an email no member has is refused, as (exit status, pattern): in a team
    database nobody claims to be anyone, so --as itself is refused there"""
    return (2, "--as is for a local file") if TEAM else (1, "nobody@shortlist.example")


def is_uri(database):
    return isinstance(database, str) and database.startswith("postgresql://")


def owner_uri(name):
    return f"postgresql://shortlist_owner@/{name}?host={HOST}&port={PORT}"


def login_uri(name, login):
    return f"postgresql://{login}:{PASSWORD}@/{name}?host={HOST}&port={PORT}"


def database_name(uri):
    return re.match(r"postgresql://[^/]*/([^?]*)", uri).group(1)


def connect(name="postgres"):
    import psycopg2  # only the team backend needs it
    conn = psycopg2.connect(host=HOST, port=PORT, user="shortlist_owner", dbname=name)
    conn.autocommit = True
    return conn


def _sql(sql):
    """SQLite's placeholders as psycopg2's"""
    return sql.replace("%", "%%").replace("?", "%s")


def query(uri, sql, *params):
    """Rows as SQLite gives them: booleans as 1 and 0"""
    conn = connect(database_name(uri))
    try:
        with conn.cursor() as cursor:
            cursor.execute(_sql(sql), params)
            rows = cursor.fetchall() if cursor.description else []
    finally:
        conn.close()
    return [tuple(int(v) if isinstance(v, bool) else v for v in row) for row in rows]


def execute(uri, sql, *params):
    query(uri, sql, *params)


class Team:
    """The team databases of one test class"""

    def __init__(self, run_cli):
        if HOST is None:
            raise unittest.SkipTest("no PostgreSQL server for the tests (build-aux/test.sh "
                                    "starts one)")
        self.run_cli = run_cli
        self.template = None
        self.logins = {}  # email, lower case → login
        self.names = {}  # database → the file name the test asked for
        self.count = 0

    def _admin(self, sql):
        conn = connect()
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()

    def _open_to_logins(self, name):
        conn = connect(name)
        try:
            with conn.cursor() as cursor:
                cursor.execute(f'REVOKE CONNECT ON DATABASE "{name}" FROM PUBLIC')
                cursor.execute(f'ALTER DATABASE "{name}" SET search_path = shortlist, public')
                for login in self.logins.values():
                    cursor.execute(f'GRANT CONNECT ON DATABASE "{name}" TO "{login}"')
        finally:
            conn.close()

    def load(self, local_path):
        """The template: the local sample copied, every member given a login"""
        self.template = f"{PREFIX}template"
        self._admin(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{self.template}"')
        result = self.run_cli("copy", "--from", local_path, "--to", owner_uri(self.template))
        if result.status != 0:
            raise RuntimeError("copy failed: " + result.stderr)
        conn = connect(self.template)
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT id, email, role, active FROM shortlist.team_members")
                for member, email, role, active in cursor.fetchall():
                    login = f"{PREFIX}m{member}"
                    cursor.execute(f"SELECT 1 FROM pg_roles WHERE rolname = '{login}'")
                    if not cursor.fetchall():
                        cursor.execute(f"CREATE ROLE \"{login}\" LOGIN PASSWORD '{PASSWORD}'")
                    if active:
                        cursor.execute(f'GRANT {GROUPS[role]} TO "{login}"')
                    cursor.execute("UPDATE shortlist.team_members SET login = %s WHERE id = %s",
                                   (login, member))
                    self.logins[email.lower()] = login
        finally:
            conn.close()

    def copy(self, name):
        """A database of its own with the sample data, for a test; its owner's address"""
        self.count += 1
        database = f"{PREFIX}{self.count}_{re.sub('[^a-z0-9]', '_', name.lower())}"[:60]
        self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{database}" TEMPLATE "{self.template}"')
        self._open_to_logins(database)
        uri = owner_uri(database)
        self.names[uri] = name
        return uri

    def translate(self, args):
        """A command line as the team database takes it: --as a member is their login"""
        args = list(args)
        if "--as" not in args:
            return args
        at = args.index("--as")
        email = args[at + 1].lower() if at + 1 < len(args) else None
        for i, arg in enumerate(args[:-1]):
            if arg in ("--database", "-d") and is_uri(args[i + 1]) and email in self.logins:
                args[i + 1] = login_uri(database_name(args[i + 1]), self.logins[email])
                del args[at:at + 2]
                break
        return args

    def snapshot(self, uri):
        """Every row of every table: what must not change"""
        tables = [r[0] for r in query(uri, "SELECT table_name FROM information_schema.tables"
                                           " WHERE table_schema = 'shortlist' ORDER BY 1")]
        return {t: sorted(map(repr, query(uri, f"SELECT * FROM shortlist.{t}")))
                for t in tables}

    def side_files(self, uri):
        return [self.names[uri]] if uri in self.names else []

    def drop(self):
        conn = connect()
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                               (PREFIX + "%",))
                for (name,) in cursor.fetchall():
                    cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        finally:
            conn.close()
        self._admin("DO $$ DECLARE r text; BEGIN FOR r IN SELECT rolname FROM pg_roles"
                    f" WHERE rolname LIKE '{PREFIX}%' LOOP"
                    " EXECUTE format('DROP ROLE %I', r); END LOOP; END $$")
