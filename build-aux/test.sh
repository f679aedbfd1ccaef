#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Quick start for the tests: installs what is missing, builds into _build-test
# with warnings as errors and runs the whole suite under a headless X server
# and a private D-Bus session. Ends with one line: "N passed, N failed".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

builddir=_build-test
log=$builddir/test-run.log

summary() {
  echo "$1 passed, $2 failed"
}

# shellcheck source=build-aux/deps.sh
source build-aux/deps.sh
# Debian's postgresql package makes and starts a server of its own when installed; the tests
# start a private one (below), so a machine that gets PostgreSQL from here gets no other
if [ ! -e /usr/lib/postgresql ] && [ -d /etc ] && [ "$(id -u)" -eq 0 ]; then
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/shortlist-tests.conf
fi
if ! shortlist_install_deps "${SHORTLIST_BUILD_DEPS[@]}" "${SHORTLIST_TEST_DEPS[@]}"; then
  echo "test.sh: could not install the dependencies" >&2
  summary 0 1
  exit 1
fi

# Locales the tests switch to. Generated only when `locale -a` lacks one.
want_locales=(en_US.UTF-8 uk_UA.UTF-8 pt_BR.UTF-8 pl_PL.UTF-8 ro_RO.UTF-8 es_MX.UTF-8 fil_PH.UTF-8)
have_locales=$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')
missing_locales=()
for l in "${want_locales[@]}"; do
  norm=$(tr '[:upper:]' '[:lower:]' <<<"$l" | sed 's/utf-8/utf8/')
  grep -qxF "$norm" <<<"$have_locales" || missing_locales+=("$l")
done
if [ "${#missing_locales[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "test.sh: generating locales ${missing_locales[*]}" >&2
  for l in "${missing_locales[@]}"; do
    if ! grep -qE "^[[:space:]]*${l//./\\.}[[:space:]]+UTF-8" /etc/locale.gen 2>/dev/null; then
      echo "$l UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    fi
  done
  "${sudo[@]}" locale-gen >/dev/null || echo "test.sh: locale-gen failed; tests that need those locales may fail" >&2
fi

# Build with warnings as errors.
# shellcheck source=build-aux/meson-run.sh
source build-aux/meson-run.sh
if ! shortlist_meson_build "$builddir" --werror --buildtype=debugoptimized; then
  summary 0 1
  exit 1
fi

# The tests' private session bus activates only the accessibility bus. With the
# standard service folders, GTK's inhibit proxy and libadwaita's settings lookup would
# start xdg-desktop-portal and its backends, which need a desktop session and PipeWire,
# slow each window's start and can outlive the run. (Elsewhere than Debian's folders,
# the standard session bus.)
bus_args=()
a11y_service=/usr/share/dbus-1/services/org.a11y.Bus.service
if [ -f "$a11y_service" ]; then
  bus_dir=$root/$builddir/test-bus
  mkdir -p "$bus_dir/services"
  cp "$a11y_service" "$bus_dir/services/"
  cat >"$bus_dir/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$bus_dir/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  bus_args=(--config-file="$bus_dir/session.conf")
fi

if ! shortlist_start_test_pg; then
  summary 0 1
  exit 1
fi

# The whole suite under Xvfb and that session bus (which also starts the
# accessibility bus on demand for the widget tests). -noreset: by default the X
# server resets when its last client leaves, and a test started in that moment
# (after one that ran alone) could not open the display.
export GSETTINGS_BACKEND=memory
unset NO_AT_BRIDGE
shortlist_run_logged "$log" xvfb-run -a -s '-screen 0 1280x800x24 -noreset' \
  dbus-run-session "${bus_args[@]}" -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2
status=$?

if ! totals=$(shortlist_meson_totals "$log" "$status"); then
  echo "test.sh: meson test did not run (exit status $status)" >&2
  summary 0 1
  exit 1
fi
read -r passed failed <<<"$totals"
summary "$passed" "$failed"
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
exit 0
