#!/usr/bin/env bash
# The README's first command (`npm start`): from a fresh clone to a running Duban.
# Installs dependencies, reaches (or starts) PostgreSQL and Redis, builds the API, worker and web app,
# creates the database, migrates, imports the corpus on first run, seeds accounts (passwords are printed
# once), then serves the API + web app on $PORT (default 3000) with the reminder worker beside it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_node
ensure_env_file
install_deps
ensure_postgres
ensure_redis

log "building api, worker and web…"
NX_DAEMON=false npx nx run-many -t build --projects=api,web --outputStyle=static

# Creates the database if missing, migrates, imports corpus/ when no document exists yet, seeds accounts.
node dist/apps/api/cli.js setup corpus

port="$(env_value PORT 3000)"
log "starting the reminder worker and the API on http://localhost:${port} (Ctrl-C stops both)"
node dist/apps/api/worker.js &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
node dist/apps/api/main.js
