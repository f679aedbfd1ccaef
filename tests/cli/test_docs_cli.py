#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""The manual pages and the bash completion against the programs' own --help: every command
and option of shortlist-cli is in shortlist-cli.1 (in its command's section) and completed by
the bash completion, and every option of shortlist is in shortlist.1.

Usage: test_docs_cli.py SHORTLIST-CLI SHORTLIST SHORTLIST-CLI.1 SHORTLIST.1 COMPLETION
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

CLI = GUI = CLI_MAN = GUI_MAN = COMPLETION = None
OPTION = re.compile(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)")


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60,
                            check=True)
    return result.stdout


def options_in_help(text):
    """The long options a --help lists, without --help and its kin"""
    options = set()
    for line in text.splitlines():
        match = OPTION.match(line)
        if match and not match.group(1).startswith("--help"):
            options.add(match.group(1))
    return options


def cli_commands():
    text = run(CLI, "--help")
    block = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines() if line.strip()]


def troff_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read().replace("\\-", "-")


def man_sections(text):
    """Each .SS section of the COMMANDS part, by the command it starts with"""
    sections = {}
    for chunk in text.split('\n.SS "')[1:]:
        sections[chunk.split()[0].rstrip('"')] = chunk.split("\n.SH ", 1)[0]
    return sections


def man_items(section):
    """The options a section lists as .TP items"""
    items = set()
    lines = section.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line == ".TP":
            items.update(re.findall(r"--[a-z][a-z-]*", lines[i + 1]))
    return items


def complete(*words):
    """What the bash completion offers after shortlist-cli WORDS… (the last is being typed)"""
    script = (f'source "{COMPLETION}"\n'
              'COMP_WORDS=(shortlist-cli "$@"); COMP_CWORD=$(($# ))\n'
              'COMPREPLY=(); _shortlist_cli; printf "%s\\n" "${COMPREPLY[@]}"\n')
    result = subprocess.run(["bash", "-c", script, "bash", *words], capture_output=True,
                            text=True, timeout=60, check=True)
    return {w for w in result.stdout.split("\n") if w}


class TestDocs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.commands = cli_commands()
        cls.options = {c: options_in_help(run(CLI, c, "--help")) for c in cls.commands}
        cls.man = troff_text(CLI_MAN)
        cls.sections = man_sections(cls.man)

    def test_commands_found(self):
        # What the rest relies on: the help lists the commands and their options
        self.assertIn("candidates", self.commands)
        self.assertIn("--search", self.options["candidates"])
        self.assertGreater(len(self.commands), 20)

    def test_man_page_has_every_command_and_option(self):
        global_part = self.man.split(".SH GLOBAL OPTIONS", 1)[1].split("\n.SH ", 1)[0]
        self.assertIn("--database", global_part)
        self.assertIn("SHORTLIST_DATABASE", self.man)
        for command in self.commands:
            with self.subTest(command=command):
                self.assertIn(command, self.sections, f"no .SS section for {command}")
                wanted = self.options[command] - {"--database"}
                self.assertEqual(man_items(self.sections[command]), wanted)

    def test_man_page_has_no_other_commands(self):
        self.assertEqual(set(self.sections), set(self.commands))

    def test_completion_of_commands(self):
        self.assertEqual(complete(""), set(self.commands) | {"help"})
        self.assertEqual(complete("--database", "x.db", ""), set(self.commands) | {"help"})
        self.assertEqual(complete("--"), {"--database", "--help", "--version"})

    def test_completion_of_options(self):
        for command in self.commands:
            with self.subTest(command=command):
                self.assertEqual(complete(command, "--"),
                                 self.options[command] | {"--database", "--help"})
                self.assertEqual(complete("-d", "x.db", command, "--"),
                                 self.options[command] | {"--database", "--help"})

    def test_completion_of_values(self):
        self.assertEqual(complete("candidates", "--format", ""), {"table", "csv", "json", "xlsx"})
        self.assertEqual(complete("report", "--format", ""), {"csv", "xlsx", "pdf", "json"})
        self.assertIn("resume-review", complete("candidates", "--stage", ""))
        self.assertEqual(complete("schedule", "1", "--kind", ""),
                         {"pre-sell", "technical", "culture", "other"})

    def test_report_formats_as_the_help_lists_them(self):
        line = next(line for line in run(CLI, "report", "--help").splitlines()
                    if "--format" in line)
        listed = set(re.findall(r"[a-z]+", line.split("=FORMAT", 1)[1].split("(", 1)[0]))
        self.assertEqual(listed - {"or"}, complete("report", "--format", ""))

    def test_man_page_has_every_report_id(self):
        # Every report, table and column id the JSON holds, listed under REPORTS AS JSON
        part = self.man.split("\n.SH REPORTS AS JSON", 1)[1].split("\n.SH ", 1)[0]
        with tempfile.TemporaryDirectory() as tmp:
            database = os.path.join(tmp, "demo.db")
            env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp)
            env.pop("SHORTLIST_DATABASE", None)
            subprocess.run([CLI, "demo", "--database", database, "--candidates", "30"],
                           capture_output=True, env=env, timeout=120, check=True)
            document = json.loads(run(CLI, "report", "all", "--database", database, "--format",
                                      "json"))
        for report in document["reports"]:
            section = part.split("\n.B " + report["report"] + "\n", 1)[1].split("\n.TP", 1)[0]
            for table in report["tables"]:
                line = next((line for line in section.splitlines()
                             if line.startswith(table["id"] + ": ")), None)
                self.assertIsNotNone(line, (report["report"], table["id"]))
                named = re.findall(r"[a-z_0-9]+", line.split(": ", 1)[1])
                if "the same columns" in line:
                    named += re.findall(r"[a-z_0-9]+", section.splitlines()[0])[2:]
                for column in table["columns"]:
                    self.assertIn(column["id"], named, (report["report"], table["id"]))

    def test_app_man_page_has_every_option(self):
        options = options_in_help(run(GUI, "--help"))
        self.assertIn("--database", options)
        text = troff_text(GUI_MAN)
        for option in options:
            self.assertIn(option, text)
        self.assertIn("SHORTLIST_DATABASE", text)


if __name__ == "__main__":
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    CLI, GUI, CLI_MAN, GUI_MAN, COMPLETION = (os.path.abspath(a) for a in sys.argv[1:6])
    del sys.argv[1:6]
    unittest.main(verbosity=2)
