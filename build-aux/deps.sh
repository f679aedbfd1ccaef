# Sourced by build-aux/run.sh and build-aux/test.sh: the Debian 12 packages
# Shortlist needs and a function that installs the missing ones.
# shellcheck shell=bash disable=SC2034

# To build and run the application (itstool merges the help's translations, yelp-tools checks
# its pages, and Yelp shows it when F1 is pressed).
SHORTLIST_BUILD_DEPS=(
  meson
  ninja-build
  pkg-config
  gcc
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
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
  python3
  python3-icalendar
  python3-openpyxl
  poppler-utils
  libx11-dev
  libxtst-dev
)

# shortlist_install_deps PACKAGE...
# Installs those of the packages that are not installed yet. Fast when all are
# present: apt-get runs (with sudo when not root) only if something is missing.
shortlist_install_deps() {
  local pkg missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "shortlist: missing packages: ${missing[*]}; install them as root (sudo is not available)" >&2
      return 1
    fi
    sudo=(sudo)
  fi

  echo "shortlist: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o Dpkg::Use-Pty=0 "${missing[@]}" >&2 || return 1
}
