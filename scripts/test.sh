#!/usr/bin/env bash
# Runs every Keystep test: formatting, lints, UI checks and tests, core tests, the real keychain (a private
# D-Bus session with an unlocked gnome-keyring) and the real app window (tauri-driver + WebKitWebDriver
# under Xvfb), and the .deb built by scripts/package.sh, installed with apt, opened from its desktop entry
# and removed again (so this needs root). Installs what is missing first. Nothing touches your own keychain
# or data.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

step() { printf '\n== %s\n' "$*"; }

# A full disk makes the linker die with SIGBUS (seen here) and can stop other tools mid-run: say so
# first, so that a red run on a full disk is not read as a code fault.
free_gib=$(( $(df -Pk "$ROOT" | awk 'NR==2 {print $4}') / 1024 / 1024 ))
if (( free_gib < 12 )); then
  echo "warning: only ${free_gib} GiB free on the disk of $ROOT; a cold build and the tests need about 12 GiB." >&2
fi

step "Installing what is missing"
scripts/install-deps.sh --test

step "Formatting and lints"
cargo fmt --all --check
(cd ui && npm run --silent check)

step "UI tests and build"
(cd ui && npm test --silent && npm run --silent build)

step "Building every crate (debug)"
cargo build --workspace --all-targets --locked
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Packages (deb, rpm) for the installed-package test"
scripts/package.sh
version=$(node -p 'require("./src-tauri/tauri.conf.json").version')
export KEYSTEP_TEST_DEB="$ROOT/dist/keystep_${version}_amd64.deb"
export KEYSTEP_TEST_RPM="$ROOT/dist/keystep-${version}-1.x86_64.rpm"

step "Tests in a private keychain session and a virtual display"
export KEYSTEP_TEST_ARTIFACTS="$ROOT/artifacts"
mkdir -p "$KEYSTEP_TEST_ARTIFACTS"
scripts/with-test-session.sh cargo test --workspace --locked -- --test-threads=2

step "Generated TypeScript bindings are up to date"
if ! git diff --exit-code --stat -- ui/src/lib/bindings || [[ -n "$(git ls-files --others --exclude-standard ui/src/lib/bindings)" ]]; then
  echo "ui/src/lib/bindings changed when the tests regenerated them: commit the new files." >&2
  exit 1
fi

step "All tests passed"
