#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Accessibility: the real app driven the way a screen reader user drives it.

Starts Shortlist on an empty database under the session's AT-SPI bus, loads sample data
through the accessible "Load Sample Data" button, checks that every interactive control
has an accessible name, then types a search through the accessible text interface and
waits for the list to show the match. A second case walks a candidate's profile with the
keyboard (real key presses on the headless X server) and reads what a screen reader would:
names said once and without mnemonic underscores, every focused field reported, dropdown
items named, the Add to Position popover focused on its first opening.

Usage: test-a11y.py SHORTLIST_BINARY
"""
import ctypes
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest

# Warnings are fatal for the app under test, not for this client: the AT-SPI client library
# warns about replies it does not expect and would abort the test instead of the app.
APP_G_DEBUG = os.environ.pop("G_DEBUG", "")

import pyatspi  # noqa: E402  (after G_DEBUG is cleared for this process)

BINARY = None

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TEXT,
}


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def die_with_parent():
    """The app goes when this test goes, even if the test is killed."""
    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def inside_combo(node):
    """The parts a dropdown builds itself (its toggle, its popup list) are named by the dropdown."""
    parent = node.parent
    while parent is not None:
        if parent.getRole() == pyatspi.ROLE_COMBO_BOX:
            return True
        parent = parent.parent
    return False


def on_screen(node):
    """GTK 4.8 reports “showing” only for windows; a widget never drawn has no size"""
    try:
        _, _, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return width > 0 and height > 0


def label_texts(node):
    texts = []
    for child in walk(node):
        try:
            if child is not node and child.getRole() == pyatspi.ROLE_LABEL and child.name:
                texts.append(child.name)
        except Exception:
            continue
    return texts


def misnamed(root):
    """Names a screen reader would read wrongly, among the controls on screen: a GType for a
    name, a mnemonic underscore, or the same words twice (“Back Back”, “_Reject Reject”,
    “Cancel the export Cancel”)"""
    found = []
    for node in walk(root):
        try:
            role = node.getRole()
            name = (node.name or "").strip()
            if role not in INTERACTIVE | {pyatspi.ROLE_LIST_ITEM} or not on_screen(node):
                continue
            why = None
            if re.fullmatch(r"(Gtk|Adw|Sl)[A-Za-z]+", name):
                why = "named after its type"
            elif re.search(r"(^|\s)_\w", name):
                why = "a mnemonic underscore"
            elif re.fullmatch(r"(.+) \1", name):
                why = "said twice"
            else:
                for text in label_texts(node):
                    head = name[:-len(text) - 1] if name.endswith(" " + text) else None
                    if head and re.search(r"(^|\W)%s(\W|$)" % re.escape(text),
                                          head.replace("_", "")):
                        why = "its label said again"
            if why:
                found.append("%s %r in %s %r: %s" % (node.getRoleName(), name,
                                                      node.parent.getRoleName(),
                                                      node.parent.name, why))
        except Exception:
            continue
    return found


def nested_texts(root):
    """Text objects on screen that hold another: a screen reader meets the same field twice
    (libadwaita 1.2's entry row is a text box around its own text box)"""
    found = []
    for node in walk(root):
        try:
            if node.getRole() != pyatspi.ROLE_TEXT or not on_screen(node):
                continue
            inner = [n for n in walk(node) if n is not node and n.getRole() == pyatspi.ROLE_TEXT]
            if inner:
                found.append("%r holds %r" % (node.name, inner[0].name))
        except Exception:
            continue
    return found


def press_key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b
KEY_SPACE = 0x20


def wait_for(predicate, what, timeout=30.0):
    """Polls the accessibility tree; the timeout only bounds a broken run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


class AccessibilityTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env["G_DEBUG"] = APP_G_DEBUG
        env["LC_ALL"] = "C.UTF-8"
        env["LANGUAGE"] = ""
        if self._testMethodName == "test_scorecard_window":
            # The app acts as an interviewer of the sample data, read from a settings file
            settings = os.path.join(self.dir.name, "config", "glib-2.0", "settings")
            os.makedirs(settings)
            with open(os.path.join(settings, "keyfile"), "w") as keyfile:
                keyfile.write("[app/shortlist/Shortlist]\n"
                              "member-email='piotr.zajac@shortlist.example'\n")
            env["GSETTINGS_BACKEND"] = "keyfile"
            env["XDG_CONFIG_HOME"] = os.path.join(self.dir.name, "config")
        self.log = open(os.path.join(self.dir.name, "app.log"), "w+")
        self.app = subprocess.Popen(
            [BINARY, "--database", os.path.join(self.dir.name, "a11y.db")],
            env=env, stdout=self.log, stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )
        self.root = wait_for(self.find_app, "the Shortlist window on the AT-SPI bus")

    def tearDown(self):
        self.app.terminate()
        status = self.app.wait(timeout=10)
        self.log.seek(0)
        output = self.log.read()
        self.log.close()
        self.dir.cleanup()
        sys.stderr.write(output)
        # The app must not have died of a warning or a crash before we stopped it
        self.assertEqual(status, -signal.SIGTERM, "the app exited by itself:\n" + output)

    def find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.app.pid and app.childCount > 0:
                    return app
            except Exception:
                continue
        return None

    def find(self, role, name):
        for node in walk(self.root):
            try:
                if node.getRole() == role and node.name == name:
                    return node
            except Exception:
                continue
        return None

    def press(self, node):
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                action.doAction(i)
                return
        action.doAction(0)

    def test_names_and_search(self):
        load = wait_for(lambda: self.find(pyatspi.ROLE_PUSH_BUTTON, "Load Sample Data"),
                        "the empty state's Load Sample Data button")
        self.press(load)
        candidates = wait_for(
            lambda: (lambda lst: lst if lst is not None and lst.childCount > 0 else None)(
                self.find(pyatspi.ROLE_LIST, "Candidates")),
            "the candidate list to fill")

        unnamed = []
        for node in walk(self.root):
            try:
                role = node.getRole()
                # GTK 4.8 falls back to the class name (“GtkButton”) for an unnamed control
                name = node.name.strip()
                if role in INTERACTIVE and (not name or re.fullmatch(r"(Gtk|Adw)[A-Za-z]+", name)) \
                        and not inside_combo(node):
                    labelled = [r for r in node.getRelationSet()
                                if r.getRelationType() == pyatspi.RELATION_LABELLED_BY]
                    if not labelled:
                        unnamed.append("%s in %s" % (node.getRoleName(), node.parent.getRoleName()))
            except Exception:
                continue
        self.assertEqual(unnamed, [], "controls without an accessible name")

        search = self.find(pyatspi.ROLE_TEXT, "Search candidates") or \
            self.find(pyatspi.ROLE_ENTRY, "Search candidates")
        self.assertIsNotNone(search, "the search entry is named")
        search.queryEditableText().insertText(0, "stefan", len("stefan"))

        def rows():
            lst = self.find(pyatspi.ROLE_LIST, "Candidates")
            return [n.name for n in walk(lst) if n is not lst and ", " in (n.name or "")]

        def only_stefans():
            names = rows()
            return names and all(n.startswith("Ștefan") for n in names)
        wait_for(only_stefans, "the list to show only Ștefan after typing a search")
        # Each row reads as one sentence: name, seniority and stack, country, stage
        self.assertRegex(rows()[0], r"^Ștefan [^,]+, [^,]+, Romania, ")

    def dialogs(self):
        return [w for w in (self.root.getChildAtIndex(i) for i in range(self.root.childCount))
                if w.getRole() == pyatspi.ROLE_DIALOG and on_screen(w)]

    def focused(self):
        """The focused object of a modal dialog shown, else of the window: GTK 4.8 tells no
        window active, and the window keeps its own focus under the dialog"""
        dialogs = self.dialogs()
        for node in walk(dialogs[0] if dialogs else self.root):
            try:
                if node.getState().contains(pyatspi.STATE_FOCUSED):
                    return node
            except Exception:
                continue
        return None

    def tab_until(self, predicate, what, limit=60):
        """Presses Tab until the focused object matches; every stop must report a focus"""
        for _ in range(limit):
            before = self.focused()
            press_key(KEY_TAB)
            node = wait_for(lambda: (lambda f: f if f is not None and f != before else None)(
                self.focused()), "Tab to land on an object that reports the focus (after %s %r)"
                % (before.getRoleName() if before else None, before.name if before else None),
                timeout=10)
            if predicate(node):
                return node
        raise AssertionError("Tab never reached " + what)

    def open_candidate(self):
        """The pane of the first candidate in the list, opened with a click as a user would"""
        pyatspi.Registry.generateMouseEvent(400, 300, "abs")
        lst = self.find(pyatspi.ROLE_LIST, "Candidates")
        item = wait_for(lambda: lst.getChildAtIndex(0), "a candidate row")
        # With no window manager the window sits at the screen's origin
        x, y, width, height = item.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b1c")
        return wait_for(lambda: self.find(pyatspi.ROLE_COMBO_BOX, "Rate period"),
                        "the candidate pane")

    def test_keyboard_and_names(self):
        dialog = wait_for(lambda: self.find(pyatspi.ROLE_DIALOG, "Who Are You?"),
                          "the first-run dialog")
        wait_for(lambda: self.find(pyatspi.ROLE_PUSH_BUTTON, "Not Now") or
                 misnamed(dialog), "the dialog's buttons")
        self.assertEqual(misnamed(dialog), [], "names in the first-run dialog")
        self.press(self.find(pyatspi.ROLE_PUSH_BUTTON, "Not Now"))
        self.press(wait_for(lambda: self.find(pyatspi.ROLE_PUSH_BUTTON, "Load Sample Data"),
                            "Load Sample Data"))
        wait_for(lambda: (lambda lst: lst is not None and lst.childCount > 0)(
            self.find(pyatspi.ROLE_LIST, "Candidates")), "the candidate list to fill")

        self.open_candidate()
        wait_for(lambda: (lambda f: f is not None and f.getRole() == pyatspi.ROLE_LIST_ITEM)(
            self.focused()), "the clicked row to take the focus")
        # Fields report the focus as they take it (AdwEntryRow's did not)
        name = self.tab_until(lambda n: n.name == "Name", "the Name field")
        self.assertEqual(name.getRole(), pyatspi.ROLE_TEXT)
        # Each entry row is one text object, the focused one, in a row that is a list item
        self.assertEqual(nested_texts(self.root), [], "entry rows read as two text objects")
        row = name.parent
        while row is not None and row.getRole() not in (pyatspi.ROLE_LIST_ITEM,
                                                         pyatspi.ROLE_TEXT):
            row = row.parent
        self.assertEqual(row.getRoleName() if row else None, "list item",
                         "the Name field's row is a list item")
        self.assertEqual(misnamed(self.root), [], "names in the window and the profile")

        # The Add to Position popover takes the focus the first time it opens
        apply = self.tab_until(lambda n: n.name == "Add to Position", "Add to Position")
        press_key(KEY_RETURN)
        first = wait_for(lambda: (lambda f: f if f is not None and f != apply else None)(
            self.focused()), "the popover to take the focus", timeout=10)
        self.assertEqual(first.getRole(), pyatspi.ROLE_LIST_ITEM, "focus on a position")
        self.assertEqual(first.parent.name, "Open positions")
        press_key(KEY_ESCAPE)
        wait_for(lambda: self.focused() == apply, "Escape to close the popover")

        # An application's actions: icon and label read once (“Debrief”, not “Debrief Debrief”)
        header = self.tab_until(lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM,
                                "the first application")
        press_key(KEY_SPACE)
        reject = self.tab_until(lambda n: n.name == "Reject…", "the Reject… button")
        self.assertEqual(misnamed(self.root), [], "names in an application's actions (%s)"
                         % header.name)
        # The reject dialog: its responses and its reason dropdown
        press_key(KEY_RETURN)
        dialog = wait_for(self.dialogs, "the reject dialog")[0]
        self.assertEqual(misnamed(dialog), [], "names in the reject dialog")
        # With no window manager the keyboard goes to the window under the pointer
        _, _, width, height = dialog.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(width // 2, height // 2, "abs")
        self.check_popup(self.tab_until(lambda n: n.name == "Reason", "the reason"), False)
        press_key(KEY_ESCAPE)
        wait_for(lambda: not self.dialogs(), "Escape to close the reject dialog")
        pyatspi.Registry.generateMouseEvent(400, 300, "abs")
        wait_for(lambda: self.focused() == reject, "the focus back on Reject…")

        # Every field on the way reports the focus (AdwEntryRow did not), named by its title;
        # a dropdown is one control named by its label, not its inner “GtkToggleButton”
        reached = set()

        def reach(name, role):
            return self.tab_until(lambda n: reached.add((n.getRoleName(), n.name)) or
                                  (n.name == name and n.getRole() == role), name)

        self.check_popup(reach("Country", pyatspi.ROLE_PUSH_BUTTON), searchable=True)
        self.check_zone_picker(reach("Time zone", pyatspi.ROLE_PUSH_BUTTON))
        self.check_popup(reach("Rate period", pyatspi.ROLE_PUSH_BUTTON), searchable=False)
        reach("Source", pyatspi.ROLE_COMBO_BOX)
        for field in ("City", "Skills, separated by commas"):
            self.assertIn(("text", field), reached)
        self.assertIn(("push button", "Country"), reached)
        self.assertIn(("push button", "Rate period"), reached)

        # A toast's buttons: Undo without its underscore, the close button named
        self.press(self.find(pyatspi.ROLE_PUSH_BUTTON, "Delete candidate"))
        wait_for(lambda: [n for n in walk(self.root) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                          and n.name in ("Dismiss", "GtkImage") and on_screen(n)],
                 "the toast's close button")
        self.assertEqual(misnamed(self.root), [], "names with a toast shown")

    def check_popup(self, button, searchable):
        """Opens a dropdown from the keyboard: its items are named, a long one can be searched"""
        combo = button.parent
        self.assertEqual(combo.getRole(), pyatspi.ROLE_COMBO_BOX)

        def shown(role):
            return [n for n in walk(combo) if n.getRole() == role and on_screen(n)]
        press_key(KEY_SPACE)
        items = wait_for(lambda: shown(pyatspi.ROLE_LIST_ITEM), "the %s popup" % button.name)
        self.assertEqual([n for n in items if not n.name.strip()], [],
                         "unnamed items in " + button.name)
        if searchable:
            self.assertTrue(shown(pyatspi.ROLE_ENTRY) or shown(pyatspi.ROLE_TEXT),
                            "a search field in the %s popup" % button.name)
        press_key(KEY_ESCAPE)
        wait_for(lambda: self.focused() == button, "Escape to close the %s popup" % button.name)

    def check_zone_picker(self, button):
        """The time zone picker opens from the keyboard on its search field, its zones named,
        and Escape gives the focus back"""
        press_key(KEY_SPACE)
        search = wait_for(lambda: (lambda f: f if f is not None and f != button else None)(
            self.focused()), "the time zone picker to take the focus", timeout=10)
        self.assertIn("Search time zones by city or country", (search.name, search.parent.name))
        zones = self.find(pyatspi.ROLE_LIST, "Time zones")
        items = wait_for(lambda: [n for n in walk(zones) if n.getRole() == pyatspi.ROLE_LIST_ITEM
                                  and on_screen(n)], "the time zones")
        self.assertEqual([n for n in items if not n.name.strip()], [], "unnamed time zones")
        press_key(KEY_ESCAPE)
        wait_for(lambda: self.focused() == button, "Escape to close the time zone picker")

    def test_scorecard_window(self):
        """The scorecard editor is a window to a screen reader, and its controls read right"""
        # Found by its text whatever else its name says: the names are not this case's subject
        self.press(wait_for(lambda: [n for n in walk(self.root)
                                     if n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                     and "Not Now" in n.name and on_screen(n)],
                            "the first-run dialog's Not Now")[0])
        self.press(wait_for(lambda: self.find(pyatspi.ROLE_PUSH_BUTTON, "Load Sample Data"),
                            "Load Sample Data"))
        wait_for(lambda: (lambda lst: lst is not None and lst.childCount > 0)(
            self.find(pyatspi.ROLE_LIST, "Candidates")), "the candidate list to fill")
        self.press(self.find(pyatspi.ROLE_PAGE_TAB, "Interviews"))
        owed = wait_for(lambda: (lambda lst: lst if lst is not None and lst.childCount > 0
                                 and on_screen(lst.getChildAtIndex(0)) else None)(
            self.find(pyatspi.ROLE_LIST, "Awaiting your feedback")), "the interviews owed")
        # With no window manager the window sits at the screen's origin
        x, y, width, height = owed.getChildAtIndex(0).queryComponent().getExtents(
            pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b1d")
        window = wait_for(lambda: [w for w in (self.root.getChildAtIndex(i)
                                               for i in range(self.root.childCount))
                                   if w.name == "Scorecard" and on_screen(w)],
                          "the scorecard window")[0]
        self.assertIn(window.getRole(), (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG),
                      "the scorecard is a window, not a " + window.getRoleName())
        self.assertEqual(misnamed(window), [], "names in the scorecard")

    def frames(self):
        return [self.root.getChildAtIndex(i) for i in range(self.root.childCount)
                if self.root.getChildAtIndex(i).getRole() == pyatspi.ROLE_FRAME]

    def test_second_launch(self):
        """A second `shortlist` hands over to the running one: the same database's window comes
        to the front, another database opens in a second window of the same process."""
        wait_for(lambda: len(self.frames()) == 1, "the first window")
        env = dict(os.environ)
        env["G_DEBUG"] = APP_G_DEBUG
        for name, windows in (("a11y.db", 1), ("other.db", 2)):
            second = subprocess.run([BINARY, "--database", os.path.join(self.dir.name, name)],
                                    env=env, capture_output=True, text=True, timeout=60)
            self.assertEqual(second.returncode, 0, second.stderr)
            wait_for(lambda: len(self.frames()) == windows,
                     "%d window(s) in the first process" % windows)
        self.assertIsNone(self.app.poll(), "the first instance is still running")


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
