#!/usr/bin/env bash
# Installs exactly the Debian 12 packages that Stroom needs to build, run and test.
# Idempotent: quiet and fast when everything is already there. Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # engine: SQLite, GDAL/OGR, zlib (gzip streams), zstd (the columnar reads)
  libsqlite3-dev sqlite3 libgdal-dev gdal-bin zlib1g-dev libzstd-dev libssl-dev
  # the animated flow map (GIF)
  libgif-dev
  # record keys of the cell key method (SipHash-2-4)
  libsodium-dev
  # Qt 5.15 + QGIS 3.22 (desktop, maps, widgets)
  qtbase5-dev qttools5-dev qttools5-dev-tools libqt5svg5-dev libqt5webkit5-dev
  qtpositioning5-dev libqt5serialport5-dev libqt5charts5-dev
  libqgis-dev qgis-providers
  # Qt 6 (the engine's Qt 6 build in CI)
  qt6-base-dev
  # stroom-edge: MQTT input, and a broker and clients for its tests (on localhost only)
  libmosquitto-dev mosquitto mosquitto-clients
  # headless runs, screenshots, PDF checks, fonts
  xvfb xauth imagemagick poppler-utils fonts-dejavu-core tzdata qttranslations5-l10n
  # the package and its checks (packaging/install-test.sh): lintian, AppStream, .desktop, manual pages
  lintian appstream desktop-file-utils man-db
  # linked data output checked by two independent RDF parsers: rapper (Turtle), rdflib (JSON-LD)
  raptor2-utils python3-rdflib
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "install-deps: apt-get update failed; trying the package lists at hand" >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
