#!/usr/bin/env bash
# Runs the end-to-end tests of the real debug app under a fresh Xvfb display.
# Expects target/debug/loket and ui/dist to be built (scripts/test.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
cleanup() {
  kill "$xvfb_pid" 2>/dev/null || true
  pkill -f WebKitWebDriver 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

export DISPLAY="$display"
export NO_AT_BRIDGE=1
# Only the end-to-end screenshots: cargo test wrote the receipt prints here too.
rm -f target/screenshots/[0-9][0-9]-*.png target/screenshots/failure-*.png
(cd tests/e2e && npm test)
