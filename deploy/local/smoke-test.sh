#!/usr/bin/env bash
# Smoke test of deploy/local/run.sh on a fresh data folder: three healthy services, a deposit read
# back from the projection, a signed webhook delivered, a restart that keeps the balance, a rebuild,
# an audit of the whole history that passes and reconciles, and no process left behind.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export LEDGER_DATA_DIR=${SMOKE_DATA_DIR:-$(mktemp -d /tmp/ledger-smoke.XXXXXX)}
export KAFKA_PORT=${KAFKA_PORT:-9092} COMMAND_SERVICE_PORT=${COMMAND_SERVICE_PORT:-8081}
export PROJECTION_SERVICE_PORT=${PROJECTION_SERVICE_PORT:-8082} NOTIFICATION_SERVICE_PORT=${NOTIFICATION_SERVICE_PORT:-8083}
export LEDGER_ADMIN_KEY=${LEDGER_ADMIN_KEY:-wl_test_local_admin_key_not_for_production_use}
AUTH="Authorization: Bearer $LEDGER_ADMIN_KEY"
OUT=$LEDGER_DATA_DIR/run.out
RUN_PID=""
RECEIVER_PID=""

fail() {
  echo "SMOKE FAILED: $*" >&2
  [ -f "$OUT" ] && tail -n 30 "$OUT" >&2
  for log in "$LEDGER_DATA_DIR"/logs/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }; done
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null
  [ -n "$RUN_PID" ] && kill -TERM "$RUN_PID" 2>/dev/null
  exit 1
}

STARTS=0
start_stack() {
  local started=$SECONDS
  # a fresh output file per start: the previous run's "is up" line must not count for this one
  STARTS=$((STARTS + 1))
  OUT=$LEDGER_DATA_DIR/run-$STARTS.out
  "$ROOT/deploy/local/run.sh" >"$OUT" 2>&1 &
  RUN_PID=$!
  until grep -q 'Wallet Ledger is up' "$OUT" 2>/dev/null; do
    kill -0 "$RUN_PID" 2>/dev/null || fail "run.sh exited during startup"
    [ $((SECONDS - started)) -lt 600 ] || fail "stack not healthy after 600s"
    sleep 1
  done
  for port in "$COMMAND_SERVICE_PORT" "$PROJECTION_SERVICE_PORT" "$NOTIFICATION_SERVICE_PORT"; do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null || fail "GET /health on $port is not 200"
  done
  echo "smoke: stack healthy in $((SECONDS - started))s"
}

stop_stack() {
  kill -TERM "$RUN_PID"
  wait "$RUN_PID" || true
  local leftovers
  leftovers=$(pgrep -f -- "-Dledger.process=" || true)
  [ -z "$leftovers" ] || fail "processes left behind after SIGTERM: $leftovers"
  echo "smoke: stopped, no process left behind"
}

balance_of() {
  curl -fs -H "$AUTH" "http://127.0.0.1:$PROJECTION_SERVICE_PORT/v1/accounts/$1" \
    | sed -n 's/.*"balance":{"amount":\(-\{0,1\}[0-9]*\).*/\1/p'
}

await_balance() {
  for _ in $(seq 1 60); do
    [ "$(balance_of "$1")" = "$2" ] && return 0
    sleep 0.5
  done
  fail "balance of $1 is '$(balance_of "$1")', expected $2"
}

start_stack
for port in "$COMMAND_SERVICE_PORT" "$PROJECTION_SERVICE_PORT" "$NOTIFICATION_SERVICE_PORT"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/accounts/nobody")
  [ "$status" = 401 ] || fail "a request without an API key to $port got HTTP $status, not 401"
done
echo "smoke: requests without an API key refused (401) by all three services"
account=$(curl -fs -H "$AUTH" -X POST "http://127.0.0.1:$COMMAND_SERVICE_PORT/v1/accounts" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: smoke-open-$$" -d '{"ownerId":"smoke","type":"CUSTOMER","currency":"EUR"}' | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$account" ] || fail "account not opened"
curl -fs -H "$AUTH" -X POST "http://127.0.0.1:$COMMAND_SERVICE_PORT/v1/deposits" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: smoke-deposit-$$" \
  -d "{\"accountId\":\"$account\",\"amount\":4200,\"currency\":\"EUR\",\"method\":\"CARD\"}" >/dev/null \
  || fail "deposit refused"
await_balance "$account" 4200
echo "smoke: deposit of 4200 visible on $account"

# a webhook: a receiver on loopback (allowed by the local profile), a merchant's endpoint for
# account.frozen, the merchant frozen, the signed delivery received
WEBHOOK_PORT=${SMOKE_WEBHOOK_PORT:-8089}
RECEIVED=$LEDGER_DATA_DIR/webhooks.received
python3 - "$WEBHOOK_PORT" "$RECEIVED" <<'PY' &
import http.server, sys
port, out = int(sys.argv[1]), sys.argv[2]
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('content-length', 0)))
        with open(out, 'ab') as f:
            f.write(self.headers.get('webhook-signature', '').encode() + b' ' + body + b'\n')
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(('127.0.0.1', port), Receiver).serve_forever()
PY
RECEIVER_PID=$!
merchant=$(curl -fs -H "$AUTH" -X POST "http://127.0.0.1:$COMMAND_SERVICE_PORT/v1/accounts" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: smoke-merchant-$$" -d '{"ownerId":"smoke-shop","type":"MERCHANT","currency":"EUR"}' \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$merchant" ] || fail "merchant not opened"
registered=""
for _ in $(seq 1 60); do
  registered=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" -X POST "http://127.0.0.1:$NOTIFICATION_SERVICE_PORT/v1/webhook-endpoints" \
    -H 'Content-Type: application/json' \
    -d "{\"merchantAccountId\":\"$merchant\",\"url\":\"http://127.0.0.1:$WEBHOOK_PORT/hooks\",\"eventTypes\":[\"account.frozen\"]}")
  [ "$registered" = 201 ] && break
  sleep 0.5
done
[ "$registered" = 201 ] || fail "webhook endpoint not registered (HTTP $registered)"
curl -fs -H "$AUTH" -X POST "http://127.0.0.1:$COMMAND_SERVICE_PORT/v1/accounts/$merchant/freeze" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: smoke-freeze-$$" -d '{}' >/dev/null || fail "merchant not frozen"
for _ in $(seq 1 60); do
  grep -q '"type":"account.frozen"' "$RECEIVED" 2>/dev/null && break
  sleep 0.5
done
kill "$RECEIVER_PID" 2>/dev/null || true
grep -q '^v1,[A-Za-z0-9+/=]* .*"type":"account.frozen"' "$RECEIVED" 2>/dev/null \
  || fail "no signed account.frozen webhook received"
echo "smoke: signed webhook account.frozen delivered to a local receiver"
stop_stack

start_stack
await_balance "$account" 4200
echo "smoke: balance kept across a restart"

deploy/local/rebuild.sh --url "http://127.0.0.1:$PROJECTION_SERVICE_PORT" || fail "rebuild.sh failed"
await_balance "$account" 4200
echo "smoke: read models rebuilt from the event topic, balance unchanged"

deploy/local/audit.sh --quiet --report "$LEDGER_DATA_DIR/audit-report.json" --export-dir "$LEDGER_DATA_DIR/audit-export" \
  >"$LEDGER_DATA_DIR/audit.out" 2>&1 || { cat "$LEDGER_DATA_DIR/audit.out" >&2; fail "audit.sh found violations or differences"; }
grep -q '"passed" : true' "$LEDGER_DATA_DIR/audit-report.json" || fail "audit report does not say passed"
grep -q "^$account,CUSTOMER,EUR,ACTIVE,4200," "$LEDGER_DATA_DIR/audit-export/balances.csv" || fail "audit export lacks $account"
echo "smoke: audit of the whole history passed and reconciled ($(grep -o '[0-9,]* events read' "$LEDGER_DATA_DIR/audit.out"))"
stop_stack
echo "SMOKE PASSED"
