#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port and prints two lines:
#   GRAPEVINE_TEST_POSTGRES=<connection string>
#   GRAPEVINE_PG_DIR=<folder to pass to scripts/pg-stop.sh>
# Used by scripts/test.sh; handy by hand too:  eval "$(scripts/pg-start.sh)"
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

dir=$(mktemp -d /tmp/grapevine-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port found" >&2; exit 1; }

as_pg "$pgbin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# Durability is pointless for a throwaway test cluster; speed is not.
as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

echo "GRAPEVINE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true'"
echo "GRAPEVINE_PG_DIR='$dir'"
