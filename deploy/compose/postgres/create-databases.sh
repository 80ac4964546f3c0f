#!/usr/bin/env bash
# Runs once, when the postgres container starts on an empty data volume (/docker-entrypoint-initdb.d):
# one login role and one database per service, as each service owns its schema and its Flyway history.
# A role can connect to its own database only. The passwords come from the container's environment
# (docker-compose.yml passes them from .env).
set -euo pipefail

create_database() { # database role password
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=database="$1" --set=role="$2" --set=password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_database ledger_command ledger_command "${COMMAND_DB_PASSWORD:?}"
create_database ledger_projection ledger_projection "${PROJECTION_DB_PASSWORD:?}"
create_database ledger_notification ledger_notification "${NOTIFICATION_DB_PASSWORD:?}"
