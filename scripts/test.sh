#!/usr/bin/env bash
# Every test of Loket, in the order that fails fastest (after starting a
# throwaway PostgreSQL for office mode): formatting, the
# dependency tree's licences and sources (cargo deny), lints, the
# workspace's Rust tests (with the bindings drift check, the SIGKILL,
# full-disk and read-only-folder tests), the UI's type check and unit tests,
# 20 seconds of each fuzz target, the end-to-end tests of the real app under
# Xvfb, and the Windows tests: the core's and the CLI's tests built for
# Windows and run under Wine (loket-cli.exe with them), and a check that the
# app compiles for Windows.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh

# Each step also prints the free disk space: a full CI disk once stopped the
# run, and the log should show which step grows the target folder.
step() { echo; echo "== $*  [$(df -h --output=avail . | tail -1 | tr -d ' ') free]"; }

# Office mode's tests run on a throwaway PostgreSQL, stopped on exit.
step "a throwaway PostgreSQL for office mode's tests"
eval "$(bash scripts/test-postgres.sh start)"
trap 'bash scripts/test-postgres.sh stop "$LOKET_TEST_PG_DIR"' EXIT
echo "$LOKET_TEST_DATABASE_URL"

step "cargo fmt --check"
cargo fmt --all -- --check

step "the repository is self-contained (nothing reads ../shared)"
if git grep -nI -e '\.\./shared' -e '\.\./\.\./\.\./shared' -- . ':!scripts/test.sh'; then
  echo "the lines above read a folder outside the repository: copy what they need into it" >&2
  exit 1
fi

step "the core has no Tauri dependency"
if cargo tree -p loket-core --locked --edges normal,build | grep -qi tauri; then
  echo "loket-core depends on Tauri; the core must stay UI-free" >&2
  exit 1
fi

# Licences, banned or wildcard versions (duplicates only warn) and sources
# (crates.io only) of the dependency tree, as deny.toml sets them; about 2 s.
# Not `advisories`: it needs the RustSec advisory database, which cargo-deny
# fetches from GitHub; CI's machines reach only package registries, and none
# of them (crates.io, PyPI, npm, Debian) offers the database.
step "cargo deny (licences, bans, sources)"
cargo deny --locked check --hide-inclusion-graph licenses bans sources

step "office schema checks in SQL (psql on the throwaway PostgreSQL)"
psql "$LOKET_TEST_DATABASE_URL" -X -q -f crates/loket-core/src/db/pg/schema_check.sql >/dev/null

step "UI: type check, unit tests, build"
(cd ui && npm run check && npm test && npm run build)

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (workspace)"
cargo test --workspace --locked

step "fuzz targets, briefly on the committed corpus (long runs: scripts/fuzz.sh 600)"
FUZZ_QUICK_BUILD=1 bash scripts/fuzz.sh 20
# The fuzz build (a release build with libFuzzer) is not needed again in
# this run; on a clean checkout its gigabytes only crowd the later builds.
if [ "${LOKET_CI:-0}" = 1 ]; then rm -rf "${CARGO_TARGET_DIR:-target}/fuzz"; fi

step "build the app and CLI for the end-to-end tests"
cargo build --workspace --locked

step "the README's demo command, twice (its accounts are made once; --help: no window)"
for run in 1 2; do bash scripts/run-demo.sh --help >/dev/null; done

step "end-to-end tests (real app, Xvfb, WebDriver)"
bash scripts/e2e.sh

step "Windows: the core's and the CLI's tests under Wine (x86_64-pc-windows-gnu)"
bash scripts/windows-tests.sh --tests-only

# The app itself is checked, not linked, for Windows: a full loket.exe build
# costs CI about 6 more minutes (scripts/windows-tests.sh without
# --tests-only builds it, and the release workflow builds the installer).
step "cargo check of the app for Windows (x86_64-pc-windows-gnu)"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo check -p loket --all-targets --locked --target x86_64-pc-windows-gnu

echo
echo "All Loket tests passed."
