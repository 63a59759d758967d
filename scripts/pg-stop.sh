#!/usr/bin/env bash
# Stops and removes a cluster started by scripts/pg-start.sh:  scripts/pg-stop.sh "$GRAPEVINE_PG_DIR"
set -u
dir=${1:?usage: pg-stop.sh DIR}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
else "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; fi
rm -rf "$dir"
