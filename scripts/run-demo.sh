#!/usr/bin/env bash
# Runs Loket on a demo data folder (target/demo-data, seeded with synthetic
# requests on first start). Never touches an office's real data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
(cd ui && npm run build)
cargo build --locked -p loket
exec target/debug/loket --data-dir "$PWD/target/demo-data" --demo "$@"
