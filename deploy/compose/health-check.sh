#!/usr/bin/env bash
# A service container's health check: GET one of Micronaut's health endpoints and succeed on 200 only
# (it answers 503 while an indicator is DOWN). Plain bash over /dev/tcp, because the eclipse-temurin JRE
# images ship no curl or wget, and installing one only for this would grow every image.
# Usage: health-check.sh PORT [PATH]    PATH defaults to /health/readiness
set -euo pipefail
port=${1:?usage: health-check.sh PORT [PATH]}
path=${2:-/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
# the status line, e.g. "HTTP/1.0 200 OK"; the caller's timeout also bounds this read
IFS=' ' read -r -t 5 _ status _ <&3
[ "$status" = 200 ]
