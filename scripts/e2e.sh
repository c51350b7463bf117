#!/usr/bin/env bash
# Runs the end-to-end tests of the real debug app under a fresh Xvfb display
# of 1366×768, the screen of many office PCs (screen.test.mjs checks that
# every screen fits it).
# Expects target/debug/loket and ui/dist to be built (scripts/test.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
cleanup() {
  kill "$xvfb_pid" 2>/dev/null || true
  # WebKitWebDriver can outlive tauri-driver: end those of this display
  # only (other runs may use their own displays at the same time).
  for pid in $(pgrep -x WebKitWebDriver || true); do
    # stderr first: a process gone meanwhile is no error worth printing.
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qx "DISPLAY=$display"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

export DISPLAY="$display"
export NO_AT_BRIDGE=1
# Only the end-to-end screenshots: cargo test wrote the receipt prints here too.
rm -f target/screenshots/[0-9][0-9]-*.png target/screenshots/failure-*.png
(cd tests/e2e && npm test)
