#!/usr/bin/env bash
# Runs Loket on a demo data folder (target/demo-data, seeded with synthetic
# requests on first start, with two demo accounts). Never touches an
# office's real data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
(cd ui && npm run build)
cargo build --locked -p loket -p loket-cli
# Demo accounts (synthetic; a real office creates its supervisor at first start).
demo="$PWD/target/demo-data"
# The demo supervisor can list the accounts once they exist (listing them is
# a supervisor's action, with her PIN).
if ! LOKET_SUPERVISOR_PIN=demo-supervisor target/debug/loket-cli --data-dir "$demo" \
    --supervisor "Supervisor Demo" account list 2>/dev/null | grep -q .; then
  LOKET_PIN=demo-supervisor target/debug/loket-cli --data-dir "$demo" \
    account add "Supervisor Demo" --role supervisor
  LOKET_PIN=demo-operator LOKET_SUPERVISOR_PIN=demo-supervisor target/debug/loket-cli \
    --data-dir "$demo" account add "Operator Demo" --role operator --supervisor "Supervisor Demo"
fi
exec target/debug/loket --data-dir "$PWD/target/demo-data" --demo "$@"
