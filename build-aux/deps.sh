# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Sourced by build-aux/run.sh and build-aux/test.sh: what Shortlist needs, named by its
# Debian 12 package, and a function that makes sure it is there. Each dependency is first
# looked for on the system itself (pkg-config, a program, a Python module, a file), so a
# system without dpkg and apt that has everything goes on; on Debian what is missing is
# installed with apt-get, elsewhere the packages to install on Fedora and Arch are printed.
# shellcheck shell=bash disable=SC2034

# To build the application (itstool merges the help's translations, yelp-tools checks its
# pages).
SHORTLIST_BUILD_DEPS=(
  meson
  ninja-build
  pkg-config
  gcc
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
  libpq-dev
  libsecret-1-dev
  libjson-glib-dev
  libical-dev
  libxlsxwriter-dev
  zlib1g-dev
  gettext
  iso-codes
  appstream
  desktop-file-utils
  libglib2.0-bin
  libglib2.0-dev-bin
  itstool
  yelp-tools
)

# To run it from the quick start: Yelp shows the help when F1 is pressed. Not needed by the
# tests, which never open it (and it brings a web engine).
SHORTLIST_RUN_DEPS=(
  yelp
)

# To run the test suite headless.
SHORTLIST_TEST_DEPS=(
  xvfb
  xauth
  dbus
  dbus-x11
  at-spi2-core
  python3-pyatspi
  clang-format
  locales
  sqlite3
  postgresql
  gnome-keyring
  python3
  python3-psycopg2
  python3-icalendar
  python3-openpyxl
  poppler-utils
  libx11-dev
  libxtst-dev
  appstream-util
)

# Debian package | how to tell it is there | Fedora package | Arch package. A check is
# pc:MODULE (pkg-config), prog:NAME (on PATH), py:MODULE (importable by /usr/bin/python3, else
# python3) or file:PATH; several, separated by commas, mean any one of them.
SHORTLIST_DEPS_TABLE='
meson              prog:meson                     meson                    meson
ninja-build        prog:ninja,prog:ninja-build    ninja-build              ninja
pkg-config         prog:pkg-config                pkgconf-pkg-config       pkgconf
gcc                prog:cc,prog:gcc               gcc                      gcc
libgtk-4-dev       pc:gtk4                        gtk4-devel               gtk4
libadwaita-1-dev   pc:libadwaita-1                libadwaita-devel         libadwaita
libsqlite3-dev     pc:sqlite3                     sqlite-devel             sqlite
libpq-dev          pc:libpq                       libpq-devel              postgresql-libs
libsecret-1-dev    pc:libsecret-1                 libsecret-devel          libsecret
gnome-keyring      prog:gnome-keyring-daemon      gnome-keyring            gnome-keyring
libjson-glib-dev   pc:json-glib-1.0               json-glib-devel          json-glib
libical-dev        pc:libical                     libical-devel            libical
libxlsxwriter-dev  pc:xlsxwriter                  libxlsxwriter-devel      libxlsxwriter
zlib1g-dev         pc:zlib                        zlib-devel               zlib
gettext            prog:msgfmt                    gettext                  gettext
iso-codes          pc:iso-codes                   iso-codes-devel          iso-codes
appstream          prog:appstreamcli              appstream                appstream
desktop-file-utils prog:desktop-file-validate     desktop-file-utils       desktop-file-utils
libglib2.0-bin     prog:glib-compile-schemas      glib2                    glib2
libglib2.0-dev-bin prog:glib-compile-resources    glib2-devel              glib2
itstool            prog:itstool                   itstool                  itstool
yelp-tools         prog:yelp-check                yelp-tools               yelp-tools
yelp               prog:yelp                      yelp                     yelp
xvfb               prog:xvfb-run                  xorg-x11-server-Xvfb     xorg-server-xvfb
xauth              prog:xauth                     xorg-x11-xauth           xorg-xauth
dbus               prog:dbus-run-session          dbus-daemon              dbus
dbus-x11           prog:dbus-launch               dbus-x11                 dbus
at-spi2-core       file:/usr/libexec/at-spi-bus-launcher,file:/usr/lib/at-spi-bus-launcher,file:/usr/lib/at-spi2-core/at-spi-bus-launcher at-spi2-core at-spi2-core
python3-pyatspi    py:pyatspi                     python3-pyatspi          python-atspi
clang-format       prog:clang-format              clang-tools-extra        clang
locales            file:/usr/share/i18n/SUPPORTED,file:/usr/share/i18n/locales/uk_UA glibc-locale-source glibc
sqlite3            prog:sqlite3                   sqlite                   sqlite
postgresql         file:/usr/lib/postgresql/15/bin/initdb,prog:initdb postgresql-server postgresql
python3            prog:python3                   python3                  python
python3-psycopg2   py:psycopg2                    python3-psycopg2         python-psycopg2
python3-icalendar  py:icalendar                   python3-icalendar        python-icalendar
python3-openpyxl   py:openpyxl                    python3-openpyxl         python-openpyxl
poppler-utils      prog:pdftotext                 poppler-utils            poppler
libx11-dev         pc:x11                         libX11-devel             libx11
libxtst-dev        pc:xtst                        libXtst-devel            libxtst
appstream-util     prog:appstream-util            libappstream-glib        appstream-glib
'

# shortlist_dep_field DEBIAN_PACKAGE FIELD: field 2 (check), 3 (Fedora) or 4 (Arch)
shortlist_dep_field() {
  local line fields
  while read -r line; do
    read -r -a fields <<<"$line"
    if [ "${#fields[@]}" -eq 4 ] && [ "${fields[0]}" = "$1" ]; then
      echo "${fields[$2 - 1]}"
      return 0
    fi
  done <<<"$SHORTLIST_DEPS_TABLE"
  return 1
}

# shortlist_dep_present DEBIAN_PACKAGE: whether the system has it, whatever installed it
shortlist_dep_present() {
  local checks check python
  checks=$(shortlist_dep_field "$1" 2) || return 1
  python=/usr/bin/python3
  [ -x "$python" ] || python=python3
  for check in ${checks//,/ }; do
    case "$check" in
    pc:*) pkg-config --exists "${check#pc:}" 2>/dev/null && return 0 ;;
    prog:*) command -v "${check#prog:}" >/dev/null 2>&1 && return 0 ;;
    py:*) "$python" -c "import ${check#py:}" >/dev/null 2>&1 && return 0 ;;
    file:*) [ -e "${check#file:}" ] && return 0 ;;
    esac
  done
  return 1
}

# shortlist_install_deps DEBIAN_PACKAGE...
# Returns 0 when everything named is there. What is missing is installed with apt-get (with
# sudo when not root) where dpkg and apt-get exist; elsewhere the Fedora and Arch packages to
# install are printed and it returns 1. Fast when all are present: nothing is installed or
# asked of a package manager then.
shortlist_install_deps() {
  local pkg missing=()
  for pkg in "$@"; do
    shortlist_dep_present "$pkg" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    local fedora=() arch=() name
    # Several Debian packages can be one package elsewhere: each is named once
    local -A seen=()
    for pkg in "${missing[@]}"; do
      name=$(shortlist_dep_field "$pkg" 3) && [ -z "${seen[f:$name]:-}" ] && fedora+=("$name")
      seen[f:$name]=1
      name=$(shortlist_dep_field "$pkg" 4) && [ -z "${seen[a:$name]:-}" ] && arch+=("$name")
      seen[a:$name]=1
    done
    {
      echo "shortlist: missing: ${missing[*]} (Debian package names)"
      echo "shortlist: this system has no apt-get; install them with its package manager:"
      echo "  Fedora: sudo dnf install ${fedora[*]}"
      echo "  Arch:   sudo pacman -S --needed ${arch[*]}"
      echo "shortlist: then run this again, or build with meson directly (see README.md)"
    } >&2
    return 1
  fi

  # Installed by dpkg but not found above (such as a package that ships no .pc file yet):
  # apt-get is then told only about the packages dpkg lacks
  local to_install=()
  for pkg in "${missing[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
      to_install+=("$pkg")
    fi
  done
  [ "${#to_install[@]}" -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "shortlist: missing packages: ${to_install[*]}; install them as root (sudo is not available)" >&2
      return 1
    fi
    sudo=(sudo)
  fi

  echo "shortlist: installing ${to_install[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o Dpkg::Use-Pty=0 "${to_install[@]}" >&2 || return 1
}
