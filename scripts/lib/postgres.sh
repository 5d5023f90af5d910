# A throwaway PostgreSQL cluster on 127.0.0.1 for the store tests. Source it, then call
# postgres_start (exports CONCORD_TEST_POSTGRES_URL, a superuser URL) and postgres_stop.

source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
  local bin
  bin=$(postgres_bin)
  if [ ! -x "$bin/initdb" ]; then
    apt_install postgresql
    bin=$(postgres_bin)
  fi
  POSTGRES_ROOT=$(mktemp -d /tmp/concord-pg.XXXXXX)
  POSTGRES_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  [ "$(id -u)" = 0 ] && chown postgres: "$POSTGRES_ROOT"
  echo postgres > "$POSTGRES_ROOT/pw"
  as_postgres "$bin/initdb" -D "$POSTGRES_ROOT/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$POSTGRES_ROOT/pw" -E UTF8 --locale=C.UTF-8 --no-sync >"$POSTGRES_ROOT/initdb.log"
  # Tests need no durability; a benchmark (POSTGRES_DURABLE=yes) measures what production pays.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${POSTGRES_DURABLE:-}" = yes ] && durability=""
  as_postgres "$bin/pg_ctl" -D "$POSTGRES_ROOT/data" -l "$POSTGRES_ROOT/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $POSTGRES_PORT -k $POSTGRES_ROOT $durability -c max_connections=400" >/dev/null
  export CONCORD_TEST_POSTGRES_URL="postgres://postgres:postgres@127.0.0.1:$POSTGRES_PORT/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$POSTGRES_PORT"
}

postgres_stop() {
  [ -n "${POSTGRES_ROOT:-}" ] || return 0
  as_postgres "$(postgres_bin)/pg_ctl" -D "$POSTGRES_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_ROOT"
}
