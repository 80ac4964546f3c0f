#!/usr/bin/env bash
# Rebuilds every projection-service read model from ledger.events.v1 while the stack runs: replays the
# whole topic into fresh tables, then switches over atomically. Draws a progress bar (events/s, lag).
# Usage: deploy/local/rebuild.sh [--url http://127.0.0.1:8082]   (default: $PROJECTION_SERVICE_PORT or 8082)
# Rebuilding needs an ADMIN key: $LEDGER_API_KEY, else $LEDGER_ADMIN_KEY, else the local stack's admin
# key (see run.sh). Keys go in the environment rather than on the command line (--api-key).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=java.sh
. "$ROOT/deploy/local/java.sh"
ledger_find_java
JAR=$(ledger_jar projection-service)
export LEDGER_ADMIN_KEY=${LEDGER_ADMIN_KEY:-wl_test_local_admin_key_not_for_production_use}
exec "$LEDGER_JAVA" -jar "$JAR" rebuild "$@"
