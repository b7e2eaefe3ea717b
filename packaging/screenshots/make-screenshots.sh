#!/usr/bin/env bash
# Regenerates the README's screenshots with the app itself (stroom --screenshot), on the demo city.
set -euo pipefail
cd "$(dirname "$0")/../.."
app=build/app/desktop/stroom
run() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi; }
out=packaging/screenshots
run "$app" --size 1600x1000 --screenshot "$out/demo-map.png"
run "$app" --size 1600x1000 --register --screenshot "$out/register.png"
# A selected camera keeps all its flows on the map at the default top 20.
run "$app" --size 1600x1000 --filter hours=7-10,days=weekday,top=20 --select C033 --screenshot "$out/morning-camera.png"
run "$app" --size 1600x1000 --filter zones,hours=7-10,days=weekday,top=60 --screenshot "$out/zones-morning.png"
# Trucks over the whole week (k counts vehicles per day: a few hours of trucks release little).
LANG=nl_BE.UTF-8 LC_ALL= run "$app" --size 1600x1000 --filter class=truck --screenshot "$out/demo-map-nl.png"
