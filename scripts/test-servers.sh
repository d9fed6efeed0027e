#!/usr/bin/env bash
# Local database servers for the engine conformance suites, on loopback in a temporary folder.
#
#   scripts/test-servers.sh start DIR   start every server whose Debian package is installed; writes
#                                       DIR/env (the PERCONTACT_TEST_* variables the suites read)
#   scripts/test-servers.sh stop DIR    stop them and remove DIR
#   scripts/test-servers.sh run [ARGS]  start in a new temporary folder, run `vitest run ARGS` with
#                                       the variables set, stop (what `npm run test:servers` does)
#   scripts/test-servers.sh bench [ARGS] the same around `tsx bench/run.ts ARGS` (`npm run bench:servers`)
#
# Servers: PostgreSQL (initdb as user postgres, port 55432), one ClickHouse node (HTTP 18123) and a
# two-shard ClickHouse cluster `two_shards` (HTTP 18124 and 18125); PERCONTACT_TEST_PORT_OFFSET=N adds
# N to every port. Starting needs root (ClickHouse 18.16 runs as the invoking user; initdb and pg_ctl
# run as postgres).
set -euo pipefail

# Two checkouts testing side by side on one machine need different ports.
OFFSET=${PERCONTACT_TEST_PORT_OFFSET:-0}
PG_PORT=$((55432 + OFFSET))
CH_SINGLE=($((18123 + OFFSET)) $((19000 + OFFSET)))
CH_SHARD1=($((18124 + OFFSET)) $((19001 + OFFSET)))
CH_SHARD2=($((18125 + OFFSET)) $((19002 + OFFSET)))
CLUSTER=two_shards

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

# Polls `check` every half second for up to 60 s.
wait_for() {
  local what=$1
  shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "test-servers: $what did not become ready" >&2
  return 1
}

start_postgres() {
  local dir=$1 bin
  bin=$(pg_bin) || { echo "test-servers: PostgreSQL not installed, skipped"; return 0; }
  install -d -o postgres -g postgres "$dir/pg"
  runuser -u postgres -- "$bin/initdb" -D "$dir/pg/data" --auth=trust -U postgres >"$dir/pg/initdb.log"
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir/pg -c fsync=off" start >/dev/null
  wait_for PostgreSQL "$bin/pg_isready" -h 127.0.0.1 -p "$PG_PORT"
  echo "export PERCONTACT_TEST_PG_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres" >>"$dir/env"
  echo "test-servers: PostgreSQL on 127.0.0.1:$PG_PORT"
}

# One ClickHouse server from the reference config: HTTP and TCP port, and the cluster of both shards.
clickhouse_config() {
  local dir=$1 http=$2 tcp=$3
  cat <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log.txt</log><errorlog>$dir/err.txt</errorlog></logger>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers>
    <$CLUSTER>
      <shard><replica><host>127.0.0.1</host><port>${CH_SHARD1[1]}</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>${CH_SHARD2[1]}</port></replica></shard>
    </$CLUSTER>
  </remote_servers>
</yandex>
EOF
}

start_clickhouse_server() {
  local dir=$1 http=$2 tcp=$3
  mkdir -p "$dir/data" "$dir/tmp"
  clickhouse_config "$dir" "$http" "$tcp" >"$dir/config.xml"
  clickhouse-server --config-file="$dir/config.xml" >"$dir/stdout.txt" 2>&1 &
  echo $! >"$dir/pid"
  wait_for "ClickHouse on port $http" curl -fsS "http://127.0.0.1:$http/?query=SELECT%201"
}

start_clickhouse() {
  local dir=$1
  command -v clickhouse-server >/dev/null || { echo "test-servers: clickhouse-server not installed, skipped"; return 0; }
  start_clickhouse_server "$dir/ch" "${CH_SINGLE[@]}"
  start_clickhouse_server "$dir/ch1" "${CH_SHARD1[@]}"
  start_clickhouse_server "$dir/ch2" "${CH_SHARD2[@]}"
  {
    echo "export PERCONTACT_TEST_CLICKHOUSE_URL=http://127.0.0.1:${CH_SINGLE[0]}"
    echo "export PERCONTACT_TEST_CLICKHOUSE_CLUSTER=$CLUSTER@http://127.0.0.1:${CH_SHARD1[0]},http://127.0.0.1:${CH_SHARD2[0]}"
  } >>"$dir/env"
  echo "test-servers: ClickHouse on 127.0.0.1:${CH_SINGLE[0]}, cluster $CLUSTER on :${CH_SHARD1[0]} and :${CH_SHARD2[0]}"
}

start() {
  local dir=$1
  mkdir -p "$dir"
  chmod 755 "$dir" # the postgres user reaches its folder inside
  : >"$dir/env"
  start_postgres "$dir"
  start_clickhouse "$dir"
}

stop() {
  local dir=$1 bin pid
  [[ -d "$dir" ]] || return 0
  if [[ -f "$dir/pg/data/postmaster.pid" ]] && bin=$(pg_bin); then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || true
  fi
  for node in ch ch1 ch2; do
    [[ -f "$dir/$node/pid" ]] || continue
    pid=$(cat "$dir/$node/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?usage: $0 start DIR}" ;;
  stop) stop "${2:?usage: $0 stop DIR}" ;;
  run | bench)
    what=$1
    shift
    dir=$(mktemp -d /tmp/percontact-servers.XXXXXX)
    trap 'stop "$dir"' EXIT
    start "$dir"
    # shellcheck disable=SC1091
    source "$dir/env"
    if [[ $what == run ]]; then npx vitest run "$@"; else npx tsx bench/run.ts "$@"; fi
    ;;
  *)
    echo "usage: $0 start DIR | stop DIR | run [vitest args] | bench [bench names]" >&2
    exit 2
    ;;
esac
