#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz, libFuzzer, the dated nightly
# of fuzz/rust-toolchain.toml) for SECONDS each (default 60), one after the
# other on one core, starting from the committed corpus in
# fuzz/corpus/<target>/. New inputs go to a scratch corpus under the target
# dir, so a run leaves the checkout clean; with --keep they are merged into
# fuzz/corpus/ and the result minimised (`cargo fuzz cmin`). A crash stops
# the run, with the input that caused it in fuzz/artifacts/<target>/. Prints
# one line of numbers per target.
#
#   scripts/fuzz.sh            # a minute each
#   scripts/fuzz.sh 600 --keep # the long runs; grow the committed corpus
#   FUZZ_QUICK_BUILD=1 scripts/fuzz.sh 20   # CI: faster build, slower runs
set -euo pipefail
cd "$(dirname "$0")/.."

secs=60
keep=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [--keep]" >&2; exit 2 ;;
    *) secs=$arg ;;
  esac
done

# No sanitizer: the core forbids unsafe code, and libFuzzer still catches
# panics, failed assertions, hangs (-timeout) and runaway memory
# (-rss_limit_mb); it runs several times faster than under ASan.
flags=(--sanitizer none)
# FUZZ_QUICK_BUILD=1 (what scripts/test.sh uses): optimise less, in 16
# codegen units. The build takes about half the CPU time, the targets run
# about 4x slower: right for a brief check of the corpus, not for long runs.
if [ "${FUZZ_QUICK_BUILD:-0}" = 1 ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=1
  flags+=(--codegen-units 16)
fi
# cargo fuzz runs from the root, whose rust-toolchain.toml pins stable: it
# gets the dated nightly of fuzz/rust-toolchain.toml by name.
nightly=$(sed -n 's/^channel *= *"\(.*\)"$/\1/p' fuzz/rust-toolchain.toml)
target_dir="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
scratch="$target_dir/corpus"
logs="$target_dir/logs"
mkdir -p "$logs"

cargo +"$nightly" fuzz build "${flags[@]}" --target-dir "$target_dir"

targets=$(cargo +"$nightly" fuzz list)
summary=()
for t in $targets; do
  mkdir -p "$scratch/$t" "fuzz/corpus/$t"
  echo "== fuzz $t for ${secs}s"
  status=0
  cargo +"$nightly" fuzz run "${flags[@]}" --target-dir "$target_dir" "$t" \
    "$scratch/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$logs/$t.log" 2>&1 || status=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$logs/$t.log" | tail -n 1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$t.log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$done_line")
  summary+=("$(printf '%-9s %4ss  runs %-10s exec/s %-7s cov %-6s ft %-7s corpus %s' \
    "$t" "$secs" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")")
  if [ "$status" != 0 ]; then
    tail -n 40 "$logs/$t.log" >&2
    echo "fuzz target $t failed (log: $logs/$t.log; input: fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  if [ "$keep" = 1 ]; then
    # Minimised to the inputs that reach a new edge (-use_counters=0: not
    # every new hit count), so the committed corpus stays small.
    cp -n "$scratch/$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
    cargo +"$nightly" fuzz cmin "${flags[@]}" --target-dir "$target_dir" "$t" "fuzz/corpus/$t" \
      -- -use_counters=0 >"$logs/$t.cmin.log" 2>&1
  fi
done

echo
printf '%s\n' "${summary[@]}"
