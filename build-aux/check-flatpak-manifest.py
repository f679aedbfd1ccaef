#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
"""Checks the Flatpak manifest without building it (building needs the network).

Usage: check-flatpak-manifest.py MANIFEST APP_ID COMMAND

It must parse as JSON, name APP_ID and COMMAND, build on the GNOME runtime, bundle libical,
libxlsxwriter and libpq (the team database's client), pin every downloaded source with its
sha256, and give the sandbox only what the app needs: no --filesystem (files are chosen through
the portal) and no network. When flatpak-builder is installed, its own parser must read the
manifest without a warning.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

SHA256 = re.compile(r"^[0-9a-f]{64}$")
# What a GTK app without network or files of its own needs; the rest comes through portals
# The network is for a team database's server (Connect to Team Database…); nothing else of the
# app's goes out
ALLOWED_FINISH_ARGS = {"--share=ipc", "--share=network", "--socket=fallback-x11",
                       "--socket=wayland", "--device=dri"}
REQUIRED_FINISH_ARGS = {"--share=ipc", "--share=network", "--socket=fallback-x11",
                        "--socket=wayland"}
BUNDLED = {"libical", "libxlsxwriter", "libpq"}


def modules_of(node):
    for module in node.get("modules", []):
        if isinstance(module, str):
            yield {"name": module, "sources": []}  # a file of its own: not used here
            continue
        yield module
        yield from modules_of(module)


def check(manifest, app_id, command):
    problems = []
    with open(manifest, encoding="utf-8") as f:
        data = json.load(f)

    if data.get("app-id", data.get("id")) != app_id:
        problems.append(f"app-id is {data.get('app-id')!r}, not {app_id!r}")
    if data.get("command") != command:
        problems.append(f"command is {data.get('command')!r}, not {command!r}")
    if data.get("runtime") != "org.gnome.Platform" or data.get("sdk") != "org.gnome.Sdk":
        problems.append("the runtime and SDK must be org.gnome.Platform and org.gnome.Sdk")
    if not re.fullmatch(r"[0-9]+", str(data.get("runtime-version", ""))):
        problems.append(f"runtime-version {data.get('runtime-version')!r} is not a GNOME release")

    finish_args = data.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem"):
            problems.append(f"finish-args has {arg}: files are chosen through the portal")
        elif arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"finish-args has {arg}, which the app does not need")
    for arg in sorted(REQUIRED_FINISH_ARGS - set(finish_args)):
        problems.append(f"finish-args lacks {arg}")

    modules = list(modules_of(data))
    names = [m.get("name") for m in modules]
    for name in sorted(BUNDLED - set(names)):
        problems.append(f"no module builds {name}")
    if not names or names[-1] != "shortlist":
        problems.append("the last module must be shortlist itself")
    for module in modules:
        sources = module.get("sources", [])
        if not sources:
            problems.append(f"module {module.get('name')!r} has no sources")
        for source in sources:
            kind = source.get("type")
            where = f"module {module.get('name')!r}, {kind} source"
            if kind == "dir":
                # The project's own tree, built as it is checked out
                if module.get("name") != "shortlist":
                    problems.append(f"{where}: only shortlist itself may come from a folder")
                continue
            if not SHA256.match(str(source.get("sha256", ""))):
                problems.append(f"{where} {source.get('url')!r} has no sha256")
            if kind in ("archive", "file") and not str(source.get("url", "")).startswith(
                    "https://"):
                problems.append(f"{where} {source.get('url')!r} is not downloaded over https")
            if module.get("name") in BUNDLED and "://deb.debian.org/" not in source.get("url",
                                                                                       ""):
                problems.append(f"{where}: take the Debian orig tarball from deb.debian.org")
    return problems


def check_with_flatpak_builder(manifest, app_id):
    """flatpak-builder's own parser: an unknown key or a wrong type is only a warning there"""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, G_DEBUG="fatal-warnings")
        result = subprocess.run(["flatpak-builder", "--show-manifest", manifest],
                                capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0 or result.stderr.strip():
        return [f"flatpak-builder --show-manifest: exit {result.returncode}: {result.stderr}"]
    shown = json.loads(result.stdout)
    if shown.get("id", shown.get("app-id")) != app_id:
        return [f"flatpak-builder reads the id as {shown.get('id')!r}"]
    return []


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    manifest, app_id, command = sys.argv[1:]
    problems = check(manifest, app_id, command)
    if not problems and any(os.access(os.path.join(d, "flatpak-builder"), os.X_OK)
                            for d in os.environ.get("PATH", "").split(os.pathsep)):
        problems = check_with_flatpak_builder(manifest, app_id)
    for p in problems:
        print(f"{manifest}: {p}")
    if problems:
        sys.exit(1)
    print(f"{manifest}: OK")


if __name__ == "__main__":
    main()
