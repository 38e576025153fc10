#!/usr/bin/env bash
# Builds release binaries (Keystep, the CLI and the empty window) and runs the launch benchmark on a
# private virtual display with a private, unlocked keychain. Usage: bench/launch.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
(cd ui && npm run --silent build)
cargo build --release --locked -p keystep-desktop -p keystep-cli -p empty-window
scripts/with-test-session.sh python3 bench/launch.py "${1:-11}"
