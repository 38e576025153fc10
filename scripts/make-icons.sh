#!/usr/bin/env bash
# Draws Keystep's PNG icons from src-tauri/icons/keystep.svg with rsvg-convert (Debian's librsvg2-bin,
# installed here when missing). The PNGs are committed, so building Keystep or its packages needs no
# converter: run this only after changing the SVG, and commit what it writes.
#   icons/icon.png       128 px: the window's icon (the first PNG of bundle.icon in tauri.conf.json) and
#                        the packages' 128x128 icon
#   icons/NxN.png        the other sizes the packages install in the hicolor icon theme
set -euo pipefail
cd "$(dirname "$0")/../src-tauri/icons"

if ! command -v rsvg-convert >/dev/null; then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends librsvg2-bin
fi

rsvg-convert --width 128 --height 128 keystep.svg --output icon.png
for size in 32 48 64 256 512; do
  rsvg-convert --width "$size" --height "$size" keystep.svg --output "${size}x${size}.png"
done
ls -l icon.png ./*x*.png
