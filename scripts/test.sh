#!/usr/bin/env bash
# Every test of Loket, in the order that fails fastest: formatting, lints,
# the workspace's Rust tests (with the bindings drift check), the UI's type
# check and unit tests, the end-to-end tests of the real app under Xvfb, and
# the Windows tests: the core's and the CLI's tests built for Windows and run
# under Wine, and loket.exe and loket-cli.exe cross-built.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh

step() { echo; echo "== $*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "the core has no Tauri dependency"
if cargo tree -p loket-core --locked --edges normal,build | grep -qi tauri; then
  echo "loket-core depends on Tauri; the core must stay UI-free" >&2
  exit 1
fi

step "UI: type check, unit tests, build"
(cd ui && npm run check && npm test && npm run build)

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (workspace)"
cargo test --workspace --locked

step "build the app and CLI for the end-to-end tests"
cargo build --workspace --locked

step "end-to-end tests (real app, Xvfb, WebDriver)"
bash scripts/e2e.sh

step "Windows: tests under Wine, loket.exe and loket-cli.exe (x86_64-pc-windows-gnu)"
bash scripts/windows-tests.sh

echo
echo "All Loket tests passed."
