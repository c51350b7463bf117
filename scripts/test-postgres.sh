#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests of office mode: a private cluster in a
# temporary folder, bound to 127.0.0.1 on a free port, password auth.
#   eval "$(bash scripts/test-postgres.sh start)"   # exports LOKET_TEST_DATABASE_URL, LOKET_TEST_PG_DIR
#   bash scripts/test-postgres.sh stop "$LOKET_TEST_PG_DIR"
# The server refuses to run as root, so as root it runs as `postgres`.
# Debian's package is installed by scripts/setup-debian.sh.
set -euo pipefail

bin=""
for v in 17 16 15; do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then bin="/usr/lib/postgresql/$v/bin"; break; fi
done
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql; scripts/setup-debian.sh does it)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/loket-pg.XXXXXX)
    chmod 700 "$dir"
    echo "loket-test-secret" > "$dir/pw"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
    as_owner "$bin/initdb -D $dir/data -A scram-sha-256 --pwfile=$dir/pw -U loket_admin -E UTF8 --locale=C.UTF-8" >/dev/null
    port=""
    for p in $(seq 55432 55499); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
    done
    [ -n "$port" ] || { echo "no free port for the test PostgreSQL" >&2; exit 1; }
    as_owner "$bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' -l $dir/log start -w" >/dev/null
    PGPASSWORD=loket-test-secret "$bin/psql" -q -h 127.0.0.1 -p "$port" -U loket_admin -d postgres \
      -c 'CREATE DATABASE loket_test' >/dev/null
    echo "export LOKET_TEST_DATABASE_URL=postgres://loket_admin:loket-test-secret@127.0.0.1:$port/loket_test"
    echo "export LOKET_TEST_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?the folder printed by start}
    as_owner "$bin/pg_ctl -D $dir/data stop -m fast" >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
