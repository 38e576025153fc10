#!/usr/bin/env bash
# Runs a command with the real parts the tests need, all private to this run and stopped afterwards:
#   - Xvfb on a free display (DISPLAY),
#   - a new D-Bus session bus with gnome-keyring's Secret Service, unlocked, keeping its keyrings in a
#     temporary XDG_DATA_HOME (so the user's own keychain is never touched),
#   - KEYSTEP_E2E=1 to tell the end-to-end tests that the environment is meant to be there.
# Usage: scripts/with-test-session.sh COMMAND [ARGS...]
set -euo pipefail

for tool in Xvfb dbus-run-session gnome-keyring-daemon secret-tool tauri-driver WebKitWebDriver xclip scrot dbus-send xdotool; do
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
# The session is X11 (Xvfb), even when this runs inside a desktop's Wayland session: the app then
# scans the screen through X11, not through the desktop's screenshot portal.
unset WAYLAND_DISPLAY
export XDG_SESSION_TYPE=x11
export XDG_DATA_HOME="$SESSION_DIR/data" XDG_CONFIG_HOME="$SESSION_DIR/config" XDG_CACHE_HOME="$SESSION_DIR/cache"
export XDG_RUNTIME_DIR="$SESSION_DIR/runtime"
export NO_AT_BRIDGE=1
export KEYSTEP_E2E=1
export KEYSTEP_TEST_KEYRING_PASSWORD="keystep-test-$$"
export KEYSTEP_KEYRING_LOG="$SESSION_DIR/keyring.log"

# The Secret Service: a fresh login keyring, unlocked, in a gnome-keyring that the bus starts whenever one is
# needed. Started with --unlock alone, the daemon forks away and, if it ever dies, the bus starts the system's
# gnome-keyring on the next request: it cannot unlock the keyring and waits on an unlock prompt (CI runs
# failed that way: "keychain.locked ... no answer within 20 seconds", once after the daemon died of SIGTRAP
# while a supervisor was about to restart it). So the bus's own activation file, which comes first because
# it is in XDG_DATA_HOME, starts the daemon with the password: a daemon that dies is named on stderr and the
# next request gets a new one, unlocked. The tests start only once it answers on the bus.
mkdir -p "$XDG_DATA_HOME/dbus-1/services"
cat >"$SESSION_DIR/keyring-daemon" <<'EOF_DAEMON'
#!/bin/sh
printf %s "$KEYSTEP_TEST_KEYRING_PASSWORD" |
  gnome-keyring-daemon --foreground --unlock --components=secrets >>"$KEYSTEP_KEYRING_LOG" 2>&1
echo "with-test-session: gnome-keyring-daemon stopped (exit $?) at $(date +%T); the next request starts it again" >&2
EOF_DAEMON
chmod 700 "$SESSION_DIR/keyring-daemon"
printf '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=%s\n' "$SESSION_DIR/keyring-daemon" \
  >"$XDG_DATA_HOME/dbus-1/services/org.freedesktop.secrets.service"
dbus-run-session -- bash -c '
  set -uo pipefail
  secrets_owned() { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; }
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.StartServiceByName string:org.freedesktop.secrets uint32:0 >/dev/null 2>&1
  for _ in $(seq 100); do secrets_owned && break; sleep 0.1; done
  secrets_owned || { echo "gnome-keyring-daemon did not start:" >&2; cat "$KEYSTEP_KEYRING_LOG" >&2; exit 1; }
  "$@"
' keystep-test-session "$@" 2> >(grep --line-buffered -v "Failed to set fd limit" >&2)
