#!/usr/bin/env bash
# The Windows proof that Debian can give: cross-builds the tests of loket-core
# and loket-cli for x86_64-pc-windows-gnu (mingw-w64) and runs them under Wine,
# so that Windows paths, file sharing and SQLite's Windows VFS are exercised by
# real Windows binaries; then builds loket.exe and loket-cli.exe.
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng every Rust
# program on Windows imports: a stub built from scripts/windows/bcryptprimitives.c
# stands in (real Windows 10/11 has the DLL; the stub is never shipped).
#
# Tests that fail under Wine for a reason that is Wine's, not Loket's, are
# skipped by exact name in WINE_SKIPS below, each with its reason.
#
# Usage: scripts/windows-tests.sh [--tests-only]   (--tests-only: no loket.exe;
# loket-cli.exe is built for the CLI's tests either way)
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
target_dir=$(realpath -m "${CARGO_TARGET_DIR:-target}")
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
# No debug info in the Windows builds: mingw's linker is slow with it and the
# target folder would grow by gigabytes; failed assertions still name their
# file and line.
export CARGO_PROFILE_DEV_DEBUG=0

# name<TAB>reason: tests skipped under Wine only. Each drives a Linux program
# from the test, which a Windows binary under Wine cannot start, except the
# OCR fixture sweep, skipped for time (it runs natively).
WINE_SKIPS=(
  $'pdf_to_a_terminal_is_refused_with_a_usage_error\tneeds util-linux `script` for a terminal'
  $'chromium_prints_both_layouts_at_their_paper_size_with_a_readable_qr\tneeds Linux chromium and poppler-utils'
  $'the_pdf_file_keeps_its_text_and_masks_the_nik_unless_asked\tneeds poppler-utils (pdftotext)'
  $'the_fixture_documents_read_with_their_numbers_exact\ttime, not Wine: two minutes for the same OCR sweep the native run does; the CLI\'s ocr test reads a KTP with the real models under Wine'
)

step() { echo; echo "== $*"; }
seconds() { date +%s; }

step "Wine and the bcryptprimitives.dll stub"
stub_dir="$target_dir/wine-stub"
mkdir -p "$stub_dir"
if [ ! -f "$stub_dir/bcryptprimitives.dll" ] \
  || [ scripts/windows/bcryptprimitives.c -nt "$stub_dir/bcryptprimitives.dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$stub_dir/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives.c -ladvapi32
fi
export WINEPREFIX="$target_dir/wine-prefix"
export WINEDEBUG=-all
# A new prefix must not try to install Mono or Gecko (no network, no use here).
export WINEDLLOVERRIDES="mscoree,mshtml="
# The stub's folder as Wine sees it (Z: is the Unix root).
export WINEPATH="Z:${stub_dir//\//\\}"
unset DISPLAY WAYLAND_DISPLAY
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  t=$(seconds)
  wineboot --init >/dev/null 2>&1 || true
  wineserver --wait || true
  echo "new Wine prefix in $(($(seconds) - t)) s"
fi

step "cross-build the tests of loket-core and loket-cli for $TARGET"
t=$(seconds)
cargo test --locked --target "$TARGET" -p loket-core -p loket-cli --tests --no-run
echo "built in $(($(seconds) - t)) s"

step "run them under Wine"
skip_args=()
for entry in "${WINE_SKIPS[@]}"; do
  name=${entry%%$'\t'*}
  echo "skipped under Wine: $name (${entry#*$'\t'})"
  skip_args+=(--skip "$name")
done
log="$target_dir/windows-tests.log"
t=$(seconds)
status=0
cargo test --locked --target "$TARGET" -p loket-core -p loket-cli --tests --no-fail-fast \
  -- --exact "${skip_args[@]}" 2>&1 | tee "$log" || status=$?
wineserver --kill >/dev/null 2>&1 || true
awk '/^test result:/ { p += $4; f += $6; i += $8; s += $12 }
     END { printf "under Wine: %d passed, %d failed, %d ignored, %d skipped\n", p, f, i, s }' \
  "$log"
echo "ran in $(($(seconds) - t)) s"
[ "$status" = 0 ] || { echo "Windows tests failed under Wine (log: $log)" >&2; exit "$status"; }

if [ "${1:-}" = "--tests-only" ]; then exit 0; fi

step "build loket.exe and loket-cli.exe for $TARGET"
if [ ! -f ui/dist/index.html ]; then (cd ui && npm run build); fi
t=$(seconds)
cargo build --locked --target "$TARGET" -p loket -p loket-cli
ls -l "$target_dir/$TARGET/debug/loket.exe" "$target_dir/$TARGET/debug/loket-cli.exe"
echo "built in $(($(seconds) - t)) s"
