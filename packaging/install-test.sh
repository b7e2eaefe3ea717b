#!/usr/bin/env bash
# Installed, it works: builds the Debian package from a build folder, checks it (lintian prints nothing, the
# AppStream metadata and the .desktop file validate), installs it with apt, runs the installed programs from a
# folder outside the source tree, reads the installed manual pages, and removes the package again.
# Usage: packaging/install-test.sh [BUILD_DIR]   (needs root or sudo; CI runs it after the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
build=$(cd "${1:-build}" && pwd)
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo

echo "install-test: building the package"
rm -f "$build"/stroom_*.deb "$build"/stroom-dbgsym_*.ddeb
(cd "$build" && cpack -G DEB > "$build/cpack.log") || { cat "$build/cpack.log"; exit 1; }
deb=$(ls "$build"/stroom_*.deb)
echo "install-test: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

echo "install-test: lintian"
out=$(lintian "$deb" 2>&1 | grep -v "running with root privileges" || true)
if [ -n "$out" ]; then
  echo "$out"
  echo "install-test: lintian is not silent on $(basename "$deb")" >&2
  exit 1
fi
appstreamcli validate --no-net packaging/be.stroom.Stroom.metainfo.xml
desktop-file-validate packaging/be.stroom.Stroom.desktop

remove() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq stroom > /dev/null || true; }
trap remove EXIT
echo "install-test: apt-get install"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" > "$build/apt-install.log" 2>&1 ||
  { cat "$build/apt-install.log"; exit 1; }

work=$(mktemp -d)
cd "$work"
case "$work" in "$src"*) echo "install-test: $work is inside the source tree" >&2; exit 1 ;; esac
set -x
# (Outputs go to files first: with pipefail, grep -q ending early would fail the pipe.)
/usr/bin/stroom-cli --version > version.txt
grep -q "stroom-cli $(sed -n 's/^project(Stroom VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" version.txt
/usr/bin/stroom-cli simulate --out sim --vehicles 5000 --days 1 --threads 2
/usr/bin/stroom-cli init city.gpkg
/usr/bin/stroom-cli cameras import city.gpkg sim/cameras.csv
/usr/bin/stroom-cli zones import city.gpkg sim/zones.geojson
/usr/bin/stroom-cli import city.gpkg sim/anpr-standard.csv
/usr/bin/stroom-cli flows city.gpkg --out od.csv --purpose "install test"
test "$(head -1 od.csv)" = "origin,destination,trips"
test "$(wc -l < od.csv)" -gt 20
/usr/bin/stroom-cli report city.gpkg --out report.pdf --purpose "install test"
pdftotext report.pdf report.txt
grep -q "The largest origin–destination flows" report.txt
xvfb-run -a -s "-screen 0 1400x900x24" /usr/bin/stroom city.gpkg --size 1400x900 --screenshot shot.png
test -s shot.png
# The manual pages, in English and Dutch, and the manual the app opens with F1.
man -w stroom-cli > where.txt
grep -q "/usr/share/man/man1/stroom-cli.1" where.txt
man -L nl -w stroom-cli > where-nl.txt  # (-L: a Dutch user, whether or not nl_BE is generated here)
grep -q "/usr/share/man/nl/man1/stroom-cli.1" where-nl.txt
MANWIDTH=80 man stroom-edge > edge.txt 2>/dev/null
grep -q -- "--interval" edge.txt
test -s /usr/share/stroom/manual/en/manual.md && test -s /usr/share/stroom/manual/nl/manual.md
test -s /usr/share/stroom/manual/images/demo-map.png
set +x
cd /
rm -rf "$work"
echo "install-test: installed, ran and read; removing"
