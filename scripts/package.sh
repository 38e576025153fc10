#!/usr/bin/env bash
# Builds Keystep's Linux packages with the Tauri bundler: a .deb (Debian, Ubuntu) and an .rpm (Fedora,
# openSUSE), both with the app (keystep-desktop), the `keystep` command, the desktop entry, the icons and
# the AppStream metadata. They land in dist/ at the top of the repository.
# AppImage and Flatpak are not built here: their tools are downloaded at build time, which these machines
# cannot do. They are left for a release pipeline, with package signing.
# Usage: scripts/package.sh   (honours CARGO_TARGET_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
started=$SECONDS

scripts/install-deps.sh

version=$(node -p 'require("./src-tauri/tauri.conf.json").version')

echo "== Building the UI (ui/dist)"
(cd ui && npm run --silent build)

# One cargo run for both binaries: built apart, cargo resolves the features of their shared
# dependencies apart too and compiles many of them twice (a cold run took 31 min that way). The same
# pair as scripts/run.sh builds, so either reuses the other's build. Both already ask for tauri's
# custom-protocol feature, which is all `tauri build` would add.
echo "== Building keystep-desktop and the keystep command (release)"
cargo build --release --locked -p keystep-desktop -p keystep-cli

# The bundler copies /usr/bin/keystep from packaging/build/keystep (bundle.linux.*.files in
# tauri.conf.json): a fixed path, so that a bundler run without this script fails on the missing file
# instead of making a package without the command.
mkdir -p packaging/build
cp "$TARGET/release/keystep" packaging/build/keystep

echo "== Bundling deb, rpm"
rm -rf "$TARGET/release/bundle/deb" "$TARGET/release/bundle/rpm"
(cd src-tauri && "$ROOT/ui/node_modules/.bin/tauri" bundle --ci --bundles deb,rpm)

deb=$(find "$TARGET/release/bundle/deb" -maxdepth 1 -name "*_${version}_*.deb" | head -n 1)
rpm=$(find "$TARGET/release/bundle/rpm" -maxdepth 1 -name "*-${version}-*.rpm" | head -n 1)
[[ -n "$deb" && -n "$rpm" ]] || { echo "the bundler made no .deb or .rpm for version $version" >&2; exit 1; }

# Named after the package (keystep), not the product name the bundler uses (Keystep):
# keystep_<version>_amd64.deb and keystep-<version>-1.x86_64.rpm.
mkdir -p dist
deb_name=$(basename "$deb")
rpm_name=$(basename "$rpm")
deb_out="dist/${deb_name,,}"
rpm_out="dist/${rpm_name,,}"
cp "$deb" "$deb_out"
cp "$rpm" "$rpm_out"

echo "== Packages (built in $((SECONDS - started)) s)"
for f in "$deb_out" "$rpm_out"; do
  printf '%s  %s bytes (%s)\n' "$ROOT/$f" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
done
