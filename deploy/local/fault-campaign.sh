#!/usr/bin/env bash
# The fault campaign (docs/reliability.md#fault-campaign): the stack as separate processes (its own KRaft
# cluster and PostgreSQL, the three packaged services), load from clients that retry with their
# Idempotency-Keys, kill -9 of every service, a broker and PostgreSQL stopped and started, a scale-out phase
# (3 brokers, 2 instances of each service, one of each and a broker killed); then the balances, the audit
# and the webhooks are checked. Prints the report and writes deploy/e2e/target/fault-campaign/report.md.
# Usage: deploy/local/fault-campaign.sh [short|long] [seed]   (short ≈ 6 min, long ≈ 25 min on 2 cores)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROFILE=${1:-long}
SEED=${2:-}
cd "$ROOT"
./mvnw -B -q package -DskipTests
./mvnw -B verify -pl deploy/e2e -Dit.test=FaultCampaignIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dfaults.profile="$PROFILE" ${SEED:+-Dfaults.seed="$SEED"}
cat deploy/e2e/target/fault-campaign/report.md
