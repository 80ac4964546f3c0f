#!/usr/bin/env bash
# Audits the ledger from its event history: replays ledger.events.v1 (whole, or up to --as-of), verifies
# the invariants I1-I6, I8 (hash chains, sequences), I9 over every event, reconciles the rebuilt balances
# with projection-service's views, writes a JSON report and a summary; exit status 1 on any violation.
# Usage: deploy/local/audit.sh [--as-of 2026-11-25T12:00:00Z] [--export-dir DIR] [--report FILE]
#                              [--bootstrap-servers HOST:PORT] [--projection-url URL] [--no-reconcile] [--help]
# The reconciliation reads projection-service with an API key (accounts:read; an AUDITOR key suffices):
# $LEDGER_API_KEY, else $LEDGER_ADMIN_KEY, else the local stack's admin key (see run.sh). Keys go in
# the environment rather than on the command line (--api-key), where other users could read them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=java.sh
. "$ROOT/deploy/local/java.sh"
ledger_find_java
JAR=$(ledger_jar projection-service)
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:${KAFKA_PORT:-9092}}
export LEDGER_ADMIN_KEY=${LEDGER_ADMIN_KEY:-wl_test_local_admin_key_not_for_production_use}
exec "$LEDGER_JAVA" -Xmx2g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -jar "$JAR" audit "$@"
