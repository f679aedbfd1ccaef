#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Tests of shortlist-cli backup and restore: the real binary against real SQLite files in a
temporary folder, beside another shortlist-cli writing to the same database; what they wrote is
read back with Python's own sqlite3 and with `check`.

Usage: test_backup_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments, e.g. a TestCase name]
"""

import os
import sqlite3
import subprocess
import sys
import unittest

# test_cli is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402


def names(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in db.execute("SELECT name FROM candidates")}
    finally:
        db.close()


class TestBackup(CliTestCase):
    def test_backup_is_the_database(self):
        db = self.copy_demo("source.db")
        out = self.path("backup.db")
        self.ok("backup", "--database", db, "--output", out)
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o600)
        self.assertEqual(names(out), names(db))
        self.assertEqual(self.ok("check", "--database", out).status, 0)
        # One file, to be copied as it is: no write-ahead log beside it
        self.assertFalse(os.path.exists(out + "-wal"))
        # A later backup replaces an older one
        self.ok("add-candidate", "--database", db, "--name", "Later Candidate")
        self.ok("backup", "--database", db, "--output", out)
        self.assertIn("Later Candidate", names(out))

    def test_backup_holds_what_the_wal_holds(self):
        # A row still in the WAL, with another connection keeping the WAL from being
        # checkpointed, is in the backup; a plain copy of the file would miss it
        db = self.copy_demo("wal.db")
        holder = sqlite3.connect(db)
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("SELECT count(*) FROM candidates").fetchall()
        self.ok("add-candidate", "--database", db, "--name", "Only In The Wal")
        self.assertGreater(os.path.getsize(db + "-wal"), 0)
        out = self.path("wal-backup.db")
        self.ok("backup", "--database", db, "--output", out)
        holder.close()
        self.assertIn("Only In The Wal", names(out))

    def test_backup_beside_a_bulk_write(self):
        # Taken while another process is writing 20,000 candidates: the backup is sound, holds
        # every row committed before it began, and restores to a sound database
        db = self.copy_demo("busy.db")
        before = {"Committed Before One", "Committed Before Two"}
        for name in sorted(before):
            self.ok("add-candidate", "--database", db, "--name", name)
        writer = subprocess.Popen([test_cli.CLI, "demo", "--database", db, "--candidates",
                                   "20000", "--seed", "7"], env=self.env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            out = self.path("busy-backup.db")
            self.ok("backup", "--database", db, "--output", out)
        finally:
            _, err = writer.communicate(timeout=300)
        self.assertEqual(writer.returncode, 0, err)
        self.assertEqual(self.ok("check", "--database", out).status, 0)
        self.assertTrue(before <= names(out))
        restored = self.path("restored.db")
        self.ok("restore", "--database", restored, "--from", out)
        self.assertEqual(self.ok("check", "--database", restored).status, 0)
        self.assertEqual(names(restored), names(out))

    def test_refuses_the_database_itself(self):
        db = self.copy_demo("itself.db")
        before = self.snapshot(db)
        for target in (db, db + "-wal", db + "-shm", db + "-journal",
                       os.path.join(os.path.dirname(db), ".", "itself.db")):
            result = self.cli("backup", "--database", db, "--output", target)
            self.assert_one_line_error(result, 1, "the database itself")
        self.assertEqual(self.snapshot(db), before)
        self.assertFalse(os.path.exists(db + "-wal") and os.path.getsize(db + "-wal") > 0)

    def test_missing_output(self):
        db = self.copy_demo("usage.db")
        self.assert_one_line_error(self.cli("backup", "--database", db), 2, "--output")
        self.assert_one_line_error(self.cli("backup", "--database", db, "--output", "-"), 2,
                                   "--output")


class TestRestore(CliTestCase):
    def test_restore_keeps_the_replaced_database(self):
        db = self.copy_demo("live.db")
        out = self.path("live-backup.db")
        self.ok("backup", "--database", db, "--output", out)
        self.ok("add-candidate", "--database", db, "--name", "Added After The Backup")
        folder_before = set(os.listdir(os.path.dirname(db)))
        result = self.ok("restore", "--database", db, "--from", out)
        kept = [n for n in set(os.listdir(os.path.dirname(db))) - folder_before
                if n.startswith("live-before-restore-")]
        self.assertEqual(len(kept), 1, result.stdout)
        self.assertIn(kept[0], result.stdout)
        kept_path = os.path.join(os.path.dirname(db), kept[0])
        self.assertEqual(os.stat(kept_path).st_mode & 0o777, 0o600)
        self.assertIn("Added After The Backup", names(kept_path))
        self.assertNotIn("Added After The Backup", names(db))
        self.assertEqual(names(db), names(out))
        self.assertEqual(self.ok("check", "--database", db).status, 0)

    def test_refuses_what_is_not_a_backup(self):
        db = self.copy_demo("target.db")
        before = self.snapshot(db)
        text = self.path("notes.txt")
        with open(text, "w") as f:
            f.write("not a database\n")
        newer = self.path("newer.db")
        self.ok("backup", "--database", db, "--output", newer)
        con = sqlite3.connect(newer)
        con.execute("PRAGMA user_version = 999")
        con.commit()
        con.close()
        other = self.path("other.db")
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        cases = ((text, "not a Shortlist database"), (other, "not a Shortlist database"),
                 (newer, "newer version"), (self.path("missing.db"), "no database"),
                 (db, "the database itself"))
        for source, pattern in cases:
            folder_before = sorted(os.listdir(os.path.dirname(db)))
            result = self.cli("restore", "--database", db, "--from", source)
            self.assert_one_line_error(result, 1, pattern)
            self.assertEqual(sorted(os.listdir(os.path.dirname(db))), folder_before)
        self.assertEqual(self.snapshot(db), before)

    def test_missing_from(self):
        db = self.copy_demo("usage-restore.db")
        self.assert_one_line_error(self.cli("restore", "--database", db), 2, "--from")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    test_cli.CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
