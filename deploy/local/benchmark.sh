#!/usr/bin/env bash
# Runs the load generator (deploy/loadgen) against an already started stack (deploy/local/run.sh) and measures
# the machine's limits (Kafka's ProducerPerformance, pgbench) in the same run. Prints tables and a final
# SUMMARY line; writes the JSON results (--out). Options: --help, or docs/performance.md.
#   deploy/local/benchmark.sh --scenario uniform --rate 200 --duration 30s
#   deploy/local/benchmark.sh --plan uniform:100,uniform:closed,hot-payer:closed --out results.json --chart chart.svg
#   deploy/local/benchmark.sh chart results.json chart.svg     (the chart of earlier results)
#   deploy/local/benchmark.sh markdown results.json            (their table, as in docs/performance.md)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=java.sh
. "$ROOT/deploy/local/java.sh"
ledger_find_java

JAR=$ROOT/deploy/loadgen/target/ledger-loadgen-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ "${LEDGER_REBUILD:-0}" = 1 ]; then
  echo "==> building (once): ./mvnw -DskipTests package" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package >&2)
fi
exec "$LEDGER_JAVA" -Xms256m -Xmx1g -Dledger.process=loadgen -jar "$JAR" "$@"
