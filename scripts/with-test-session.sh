#!/usr/bin/env bash
# Runs a command with the real parts the tests need, all private to this run and stopped afterwards:
#   - Xvfb on a free display (DISPLAY),
#   - a new D-Bus session bus with gnome-keyring's Secret Service, unlocked, keeping its keyrings in a
#     temporary XDG_DATA_HOME (so the user's own keychain is never touched),
#   - KEYSTEP_E2E=1 to tell the end-to-end tests that the environment is meant to be there.
# Usage: scripts/with-test-session.sh COMMAND [ARGS...]
set -euo pipefail

for tool in Xvfb dbus-run-session gnome-keyring-daemon secret-tool tauri-driver WebKitWebDriver xclip scrot dbus-send; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/install-deps.sh --test" >&2; exit 1; }
done

SESSION_DIR=$(mktemp -d -t keystep-test-XXXXXX)
chmod 700 "$SESSION_DIR"
mkdir -p "$SESSION_DIR"/{data,config,cache,runtime}
chmod 700 "$SESSION_DIR/runtime"

display=99
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$SESSION_DIR/xvfb.log" 2>&1 &
XVFB_PID=$!
cleanup() {
  kill "$XVFB_PID" 2>/dev/null || true
  wait "$XVFB_PID" 2>/dev/null || true
  rm -rf "$SESSION_DIR"
}
trap cleanup EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done
[[ -e /tmp/.X11-unix/X$display ]] || { echo "Xvfb did not start:" >&2; cat "$SESSION_DIR/xvfb.log" >&2; exit 1; }

export DISPLAY=":$display"
export XDG_DATA_HOME="$SESSION_DIR/data" XDG_CONFIG_HOME="$SESSION_DIR/config" XDG_CACHE_HOME="$SESSION_DIR/cache"
export XDG_RUNTIME_DIR="$SESSION_DIR/runtime"
export NO_AT_BRIDGE=1
export KEYSTEP_E2E=1
export KEYSTEP_TEST_KEYRING_PASSWORD="keystep-test-$$"

# Inside the bus: unlock a fresh login keyring, then run the command. The session (and the keyring
# daemon) ends with it.
dbus-run-session -- bash -c '
  set -euo pipefail
  printf %s "$KEYSTEP_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' keystep-test-session "$@" 2> >(grep --line-buffered -v "Failed to set fd limit" >&2)
