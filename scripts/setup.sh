#!/usr/bin/env bash
# Installs the Debian packages wirescope needs to build and run its window.
# Uses sudo only when not already root; installs only what is missing.
set -euo pipefail

packages=(
  pkg-config
  make                             # jemalloc's build (tikv-jemalloc-sys)
  zenity libdbus-1-3                # file dialogs: zenity where there is no XDG portal
  libxkbcommon-dev libgl1-mesa-dev # winit + glow under X11
  libxcursor1 libxrandr2 libxi6 libx11-xcb1
  fonts-dejavu-core                # Arabic, Hebrew and more symbols
  fonts-wqy-microhei               # Chinese, Japanese, Korean glyphs
)
if [ "${WIRESCOPE_SETUP_XVFB:-}" = 1 ] || [ "${CI:-}" = true ]; then
  packages+=(xvfb xdotool imagemagick python3)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: system packages ready"
