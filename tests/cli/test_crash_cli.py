#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Crash safety: shortlist-cli writing commands killed with SIGKILL at random moments.

Until fifty have been killed, a writing command (a single candidate, a member edit, a bulk load of sample data, a
PDF export, a backup) is started and killed with SIGKILL after a random pause, or left to finish.
After each: SQLite's integrity_check is ok, every row a command reported as written is there,
and no half-written file is at an output path (an export or backup there is whole, or absent).
The assertions hold whatever the moment of the kill, so the randomness cannot make the test
flaky; the seed is printed to replay a run.

Usage: test_crash_cli.py PATH-TO-SHORTLIST-CLI [unittest arguments]
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import unittest

# test_cli is imported from the source tree: leave no __pycache__ there
sys.dont_write_bytecode = True
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

KILLS = 50
MAX_ROUNDS = 400


def integrity(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def count(path, sql, *params):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute(sql, params).fetchone()[0]
    finally:
        db.close()


class TestCrash(CliTestCase):
    demo_size = 300

    def test_killed_at_random_moments(self):
        seed = int(os.environ.get("SHORTLIST_CRASH_SEED", time.time_ns() % 1000000))
        print(f"seed {seed}", file=sys.stderr)
        rng = random.Random(seed)
        db = self.copy_demo("crash.db")
        admin = self.ok("members", "--database", db, "--format", "json").stdout
        admin_email = next(m["email"] for m in json.loads(admin) if m["role"] == "admin")
        out = os.path.join(self.tmp, "crash-out")
        os.makedirs(out, exist_ok=True)
        written = []       # names of candidates a finished add-candidate reported
        at_least = count(db, "SELECT count(*) FROM candidates")
        kills = 0

        round_ = 0
        while kills < KILLS and round_ < MAX_ROUNDS:
            round_ += 1
            kind = rng.choice(["add", "add", "member", "bulk", "export", "backup"])
            name = f"Crash Round {round_}"
            target = None
            if kind == "add":
                args = ["add-candidate", "--database", db, "--name", name]
            elif kind == "member":
                args = ["add-member", "--database", db, "--name", name, "--email",
                        f"crash{round_}@team.example", "--role", "interviewer",
                        "--as", admin_email]
            elif kind == "bulk":
                args = ["demo", "--database", db, "--candidates", "400", "--seed", str(round_)]
            elif kind == "export":
                target = os.path.join(out, "report.pdf")
                args = ["report", "--database", db, "all", "--output", target]
            else:
                target = os.path.join(out, "backup.db")
                args = ["backup", "--database", db, "--output", target]
            process = subprocess.Popen([test_cli.CLI, *args], env=self.env,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            # A pause within the command's usual run, so most are killed somewhere inside it
            time.sleep(rng.uniform(0, 0.03 if kind in ("add", "member") else 0.4))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            stdout, stderr = process.communicate(timeout=120)
            finished = process.returncode == 0
            if process.returncode not in (0, -signal.SIGKILL):
                self.fail(f"round {round_} ({kind}) failed: {stderr!r}")

            self.assertEqual(integrity(db), "ok", f"round {round_} ({kind}), seed {seed}")
            if finished and kind == "add":
                written.append(name)
                at_least += 1
            if finished and kind == "bulk":
                at_least += 400
            for done in written:
                self.assertEqual(count(db, "SELECT count(*) FROM candidates WHERE name = ?",
                                       done), 1, f"{done} lost, seed {seed}")
            self.assertGreaterEqual(count(db, "SELECT count(*) FROM candidates"), at_least)
            if target is not None and os.path.exists(target):
                with open(target, "rb") as f:
                    head = f.read(16)
                if kind == "export":
                    self.assertEqual(head[:5], b"%PDF-", f"round {round_}: half a PDF")
                    with open(target, "rb") as f:
                        self.assertIn(b"%%EOF", f.read()[-1024:])
                else:
                    self.assertEqual(head, b"SQLite format 3\x00")
                    self.assertEqual(integrity(target), "ok", f"round {round_}: half a backup")

        print(f"{kills} of {round_} commands killed", file=sys.stderr)
        self.assertGreaterEqual(kills, KILLS)
        self.assertEqual(self.ok("check", "--database", db).status, 0)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    test_cli.CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
