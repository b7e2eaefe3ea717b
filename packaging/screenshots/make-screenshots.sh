#!/usr/bin/env bash
# Regenerates the README's screenshots with the app itself (stroom --screenshot), on the demo city.
set -euo pipefail
cd "$(dirname "$0")/../.."
app=build/app/desktop/stroom
run() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi; }
out=packaging/screenshots
run "$app" --size 1600x1000 --screenshot "$out/demo-map.png"
run "$app" --size 1600x1000 --register --screenshot "$out/register.png"
run "$app" --size 1600x1000 --filter hours=7-10,days=weekday --select C033 --screenshot "$out/morning-camera.png"
run "$app" --size 1600x1000 --filter zones,hours=7-10,days=weekday,top=60 --screenshot "$out/zones-morning.png"
LANG=nl_BE.UTF-8 LC_ALL= run "$app" --size 1600x1000 --filter hours=16-19,class=truck --screenshot "$out/demo-map-nl.png"
