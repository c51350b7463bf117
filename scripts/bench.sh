#!/usr/bin/env bash
# Benchmarks with numbers, never pass/fail: search and queue at a million
# requests (core), the daily recap and its exports at a year of history
# (core), and the app's cold start to an interactive queue on the search
# database, against `loket-cli request list` (process start, open,
# migrate check, first page) measured in the same run as the reference.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
rows=${LOKET_BENCH_ROWS:-1000000}
work=target/bench
mkdir -p "$work/data"
export LOKET_BENCH_ROWS=$rows LOKET_BENCH_DB="$PWD/$work/data/loket.db"

echo "== core: search and queue at $rows requests"
cargo bench -p loket-core --bench queue_search

echo
echo "== core: daily recap and one-year CSV/XLSX exports at a year of history (600,000 requests)"
LOKET_BENCH_RECAP_DB="$PWD/$work/recap.db" cargo bench -p loket-core --bench recap

echo
echo "== core: retention and backup at a year of history (600,000 requests, 1.2 M document rows)"
cargo bench -p loket-core --bench retention_backup

cargo bench -p loket-core --bench audit

echo
echo "== app: cold start to an interactive queue (release build)"
(cd ui && npm run build >/dev/null)
cargo build --release -p loket -p loket-cli --locked 2>&1 | tail -1
display=":$((100 + RANDOM % 50))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
target/release/loket-cli --data-dir "$work/data" operator set "Bench Operator"
target/release/loket-cli --data-dir "$work/data" request list >/dev/null # warm the page cache
starts=()
refs=()
for i in 1 2 3 4 5; do
  t0=$(date +%s%N)
  target/release/loket-cli --data-dir "$work/data" request list >/dev/null
  refs+=($(( ($(date +%s%N) - t0) / 1000000 )))
  out=$(DISPLAY=$display NO_AT_BRIDGE=1 LOKET_EXIT_WHEN_READY=1 LOKET_DATA_DIR="$PWD/$work/data" \
    timeout 30 target/release/loket 2>/dev/null | grep loket-ready-ms || true)
  starts+=("${out#loket-ready-ms }")
done
echo "reference: loket-cli request list (whole process) ms: ${refs[*]}"
echo "app cold start to interactive queue ms: ${starts[*]} (target < 1000 ms)"

echo
echo "== app: drop to photo shown, memory with ten photos (release build)"
(cd tests/e2e && DISPLAY=$display NO_AT_BRIDGE=1 LOKET_APP="$PWD/../../target/release/loket" \
  LOKET_CLI="$PWD/../../target/release/loket-cli" node bench-documents.mjs)

echo
echo "== core: adding a 12 MP camera JPEG against djpeg decoding it"
cargo bench -p loket-core --bench add_document

echo
echo "== core: a receipt from database to SVG, PNG and PDF"
cargo bench -p loket-core --bench receipt

echo
echo "== core: reading the fixture KTP/KK documents with the OCR models"
cargo bench -p loket-core --bench ocr
for f in models/ocr/*.rten models/ocr/*.txt; do cat "$f"; done | xz -9 -T1 | wc -c \
  | awk '{printf "models compressed (xz -9, about what the installer adds): %.1f MB\n", $1 / 1e6}'
