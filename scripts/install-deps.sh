#!/usr/bin/env bash
# Installs everything Keystep needs on a fresh Debian/Ubuntu machine, and nothing that is already there.
# Usage: scripts/install-deps.sh [--test]   (--test adds what the test suite needs: Xvfb, WebKitWebDriver,
# gnome-keyring, secret-tool, tauri-driver, PyNaCl for scripts/reference-decrypt.py, the package checkers)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config ca-certificates curl file)
# xdg-open: the guides' "Open the official page" buttons hand the checked address to your browser with it.
RUN_PACKAGES=(xdg-utils)
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver gnome-keyring libsecret-tools dbus dbus-x11 x11-utils procps xclip scrot python3-nacl python3-cryptography xdotool feh)
# The installed-package test: the validators of the desktop entry and the AppStream file, gtk-launch to open
# Keystep from its desktop entry, GTK's icon lookup and GdkPixbuf from Python, rpm to read the .rpm.
TEST_PACKAGES+=(desktop-file-utils appstream libgtk-3-bin python3-gi gir1.2-gtk-3.0 rpm)
# The accessibility-tree test reads the window as a screen reader does, over AT-SPI.
TEST_PACKAGES+=(at-spi2-core python3-pyatspi)
# The Spanish window test starts Keystep in a Spanish locale (es_US.UTF-8), made from the locales package.
TEST_PACKAGES+=(locales)
TAURI_DRIVER_VERSION=2.1.0

want=("${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${TEST_PACKAGES[@]}"); fi

missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), version 1.90 or newer." >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "Node.js and npm are missing: install Node.js 20 or newer (apt install nodejs npm)." >&2
  exit 1
fi

# The UI's packages, exactly as locked.
if [[ ! -d ui/node_modules ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  (cd ui && npm ci --no-audit --no-fund)
fi

if [[ "${1:-}" == "--test" ]]; then
  # WebKit takes the page's language from the process locale, which must exist on the machine: a person
  # who reads Spanish has theirs; the test machine gets es_US.UTF-8 here.
  if ! locale -a 2>/dev/null | grep -qi '^es_US\.utf-\?8$'; then
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO localedef -i es_US -c -f UTF-8 es_US.UTF-8
  fi
  if ! command -v tauri-driver >/dev/null || ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
    cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
  fi
fi
