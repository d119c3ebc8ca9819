#!/usr/bin/env bash
# Starts the real binary under Xvfb on the sample, checks that it stays up
# and draws, and saves a screenshot (target/smoke.png).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/wirescope
[ -x "$bin" ] || cargo build --release --locked
display=:97
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true' EXIT
sleep 2
env -u WAYLAND_DISPLAY DISPLAY="$display" GSETTINGS_BACKEND=memory XDG_DATA_HOME="$(mktemp -d)" "$bin" "$@" >target/smoke.log 2>&1 &
app=$!
sleep 8
if ! kill -0 "$app" 2>/dev/null; then
  echo "smoke: the window exited early:" >&2
  cat target/smoke.log >&2
  exit 1
fi
DISPLAY="$display" import -window root target/smoke.png
colors=$(convert target/smoke.png -format %k info:)
echo "smoke: window up after 8 s; screenshot target/smoke.png has $colors colours"
if [ "$colors" -lt 16 ]; then
  echo "smoke: the screenshot is nearly blank" >&2
  exit 1
fi
