#!/usr/bin/env bash
# Runs the whole Wallet Ledger stack on embedded defaults: a real single-node Kafka broker (KRaft,
# official artifacts), and command-, projection- and notification-service on H2 file databases
# under $LEDGER_DATA_DIR. Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
#
# LEDGER_DB=postgres puts the three services on a running PostgreSQL instead, one database each
# (${LEDGER_PG_DB_PREFIX}command, …projection, …notification, created when missing), reached as
# LEDGER_PG_USER/LEDGER_PG_PASSWORD at LEDGER_PG_HOST:LEDGER_PG_PORT (defaults: ledger/ledger at
# 127.0.0.1:5432, the role .ci/run creates; the role needs CREATEDB for a first start). Kafka's log stays
# under $LEDGER_DATA_DIR: the databases and the data directory belong together, reset both or neither.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=java.sh
. "$ROOT/deploy/local/java.sh"
ledger_find_java

VERSION=0.1.0-SNAPSHOT
LEDGER_DATA_DIR=$(mkdir -p "${LEDGER_DATA_DIR:-$ROOT/data}" && cd "${LEDGER_DATA_DIR:-$ROOT/data}" && pwd)
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
COMMAND_SERVICE_PORT=${COMMAND_SERVICE_PORT:-8081}
PROJECTION_SERVICE_PORT=${PROJECTION_SERVICE_PORT:-8082}
NOTIFICATION_SERVICE_PORT=${NOTIFICATION_SERVICE_PORT:-8083}
STARTUP_TIMEOUT_SECONDS=${STARTUP_TIMEOUT_SECONDS:-180}
LEDGER_DB=${LEDGER_DB:-h2}
LEDGER_PG_HOST=${LEDGER_PG_HOST:-127.0.0.1}
LEDGER_PG_PORT=${LEDGER_PG_PORT:-5432}
LEDGER_PG_USER=${LEDGER_PG_USER:-ledger}
LEDGER_PG_PASSWORD=${LEDGER_PG_PASSWORD:-ledger}
LEDGER_PG_DB_PREFIX=${LEDGER_PG_DB_PREFIX:-ledger_}
case $LEDGER_DB in
  h2|postgres) ;;
  *) echo "!! LEDGER_DB must be h2 or postgres, not '$LEDGER_DB'" >&2; exit 2 ;;
esac
# the bootstrap admin API key (test mode); the well-known default is for this machine only
LOCAL_ADMIN_KEY=wl_test_local_admin_key_not_for_production_use
export LEDGER_ADMIN_KEY=${LEDGER_ADMIN_KEY:-$LOCAL_ADMIN_KEY}

# Each service stays under 512 MiB resident under load (docs/performance.md): a 256 MiB heap, the serial
# collector, bounded metaspace, code cache, direct buffers and thread stacks, and two malloc arenas
# (glibc's default of 8 per core kept tens of MiB of freed native memory per service). Replaceable as a
# whole through SERVICE_JVM_OPTS.
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k -XX:+ExitOnOutOfMemoryError}
KAFKA_JAR=$ROOT/deploy/local-kafka/target/ledger-local-kafka-$VERSION.jar
SERVICES=(command-service projection-service notification-service)
LOGS=$LEDGER_DATA_DIR/logs
mkdir -p "$LOGS"

jar_of() { echo "$ROOT/$1/target/$1-$VERSION.jar"; }

missing=0
for artifact in "$KAFKA_JAR" $(for s in "${SERVICES[@]}"; do jar_of "$s"; done); do
  [ -f "$artifact" ] || missing=1
done
if [ "$missing" = 1 ] || [ "${LEDGER_REBUILD:-0}" = 1 ]; then
  echo "==> building (once): ./mvnw -DskipTests package"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

PIDS=()
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  echo "==> stopping"
  local pid
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "==> stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

await() { # name pid check-command...
  local name=$1 pid=$2; shift 2
  local deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "!! $name exited during startup; last lines of $LOGS/$name.log:" >&2
      tail -n 40 "$LOGS/$name.log" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "!! $name not ready after ${STARTUP_TIMEOUT_SECONDS}s; see $LOGS/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

healthy() { curl -fs -o /dev/null "http://127.0.0.1:$1/health"; }

database_of() { # service -> its database name on PostgreSQL
  echo "${LEDGER_PG_DB_PREFIX}${1%-service}"
}

db_url_of() { # service -> its JDBC URL
  if [ "$LEDGER_DB" = postgres ]; then
    echo "jdbc:postgresql://$LEDGER_PG_HOST:$LEDGER_PG_PORT/$(database_of "$1")"
  else
    echo "jdbc:h2:file:$LEDGER_DATA_DIR/$1;DB_CLOSE_ON_EXIT=FALSE"
  fi
}

if [ "$LEDGER_DB" = postgres ]; then
  command -v psql >/dev/null || { echo "!! LEDGER_DB=postgres needs psql (Debian: postgresql-client)" >&2; exit 1; }
  pg() { PGPASSWORD=$LEDGER_PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$LEDGER_PG_HOST" -p "$LEDGER_PG_PORT" \
           -U "$LEDGER_PG_USER" -d postgres "$@"; }
  if ! pg -tAc 'SELECT 1' >/dev/null; then
    echo "!! PostgreSQL does not answer at $LEDGER_PG_HOST:$LEDGER_PG_PORT as $LEDGER_PG_USER" \
         "(start it: pg_ctlcluster <version> main start; the role: see .ci/run)" >&2
    exit 1
  fi
  for service in "${SERVICES[@]}"; do
    database=$(database_of "$service")
    if [ -z "$(pg -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
      pg -c "CREATE DATABASE \"$database\"" && echo "==> created database $database"
    fi
  done
fi

echo "==> Java: $LEDGER_JAVA"
echo "==> data: $LEDGER_DATA_DIR"
if [ "$LEDGER_DB" = postgres ]; then
  echo "==> databases: PostgreSQL $LEDGER_PG_HOST:$LEDGER_PG_PORT, $(for s in "${SERVICES[@]}"; do printf '%s ' "$(database_of "$s")"; done)"
fi
"$LEDGER_JAVA" -Xms64m -Xmx512m -Dledger.process=kafka \
  -cp "$KAFKA_JAR:$ROOT/deploy/local-kafka/target/lib/*" io.walletledger.deploy.kafka.LocalKafkaMain \
  "$LEDGER_DATA_DIR/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" >"$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
await kafka "${PIDS[-1]}" port_open "$KAFKA_PORT"
echo "==> kafka                 127.0.0.1:$KAFKA_PORT (KRaft, log $LOGS/kafka.log)"

port_of() {
  case $1 in
    command-service) echo "$COMMAND_SERVICE_PORT" ;;
    projection-service) echo "$PROJECTION_SERVICE_PORT" ;;
    notification-service) echo "$NOTIFICATION_SERVICE_PORT" ;;
  esac
}

for service in "${SERVICES[@]}"; do
  env MICRONAUT_ENVIRONMENTS="${MICRONAUT_ENVIRONMENTS:-local}" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
      LEDGER_DB_URL="$(db_url_of "$service")" \
      LEDGER_DB_USER="$([ "$LEDGER_DB" = postgres ] && echo "$LEDGER_PG_USER" || echo sa)" \
      LEDGER_DB_PASSWORD="$([ "$LEDGER_DB" = postgres ] && echo "$LEDGER_PG_PASSWORD" || true)" \
      COMMAND_SERVICE_PORT="$COMMAND_SERVICE_PORT" PROJECTION_SERVICE_PORT="$PROJECTION_SERVICE_PORT" \
      NOTIFICATION_SERVICE_PORT="$NOTIFICATION_SERVICE_PORT" \
      MALLOC_ARENA_MAX=2 "$LEDGER_JAVA" $SERVICE_JVM_OPTS -Dledger.process="$service" \
      -jar "$(jar_of "$service")" >"$LOGS/$service.log" 2>&1 &
  PIDS+=($!)
done
for i in "${!SERVICES[@]}"; do
  service=${SERVICES[$i]}
  await "$service" "${PIDS[$((i + 1))]}" healthy "$(port_of "$service")"
  printf '==> %-21s http://127.0.0.1:%s (health /health, log %s)\n' "$service" "$(port_of "$service")" "$LOGS/$service.log"
done
if [ "$LEDGER_ADMIN_KEY" = "$LOCAL_ADMIN_KEY" ]; then
  echo "==> admin API key: $LOCAL_ADMIN_KEY (send it as Authorization: Bearer <key>)"
else
  echo "==> admin API key: the one in LEDGER_ADMIN_KEY (not printed)"
fi
echo "==> Wallet Ledger is up. Ctrl-C stops everything."

while true; do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "!! a process of the stack exited (pid ${PIDS[$i]}); stopping the rest" >&2
      exit 1
    fi
  done
  sleep 1 &
  wait $! || true
done
