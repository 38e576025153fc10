#!/usr/bin/env bash
# Installs what Keystep needs (system libraries through apt, the UI's npm packages), builds it, and starts
# the app. Arguments are passed to the app (for example --home DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
(cd ui && npm run --silent build)
cargo build --release --locked -p keystep-desktop -p keystep-cli
exec target/release/keystep-desktop "$@"
