#!/usr/bin/env bash
# The README's test command (`npm test`): installs what the tests need, then runs every tier —
# lint and types, unit (libs/domain, api, web components), the migration drift check, integration
# (API + worker against real PostgreSQL, Redis and an SMTP server) and browser (Chromium against the
# running stack). Every tier runs even when an earlier one fails; the exit code says whether all passed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_node
install_deps
ensure_postgres
ensure_redis
ensure_chromium

export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true
RESULTS="$ROOT/tmp/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
failed=()

step() {
  local name="$1"; shift
  log "── $name"
  local started=$SECONDS
  if "$@"; then log "   $name: ok ($((SECONDS - started)) s)"; else failed+=("$name"); log "   $name: FAILED ($((SECONDS - started)) s)"; fi
}

vitest_json() { printf -- '--reporter=default --reporter=json --outputFile.json=%s/%s.json' "$RESULTS" "$1"; }

step "lint" npx nx run-many -t lint --outputStyle=static
# Formatting: every source, config and test file as prettier writes it (.prettierignore: corpus, labelled data,
# landed migrations).
step "format" npx prettier --check . --log-level warn
step "typecheck" npx nx run-many -t typecheck --outputStyle=static
# The integration and performance suites import the API's sources directly, so they sit outside the Nx
# project graph; lint and type-check them here.
step "lint + types: tests/integration, tests/performance" bash -c 'npx eslint --max-warnings 0 tests/integration tests/performance && npx tsc -p tests/integration/tsconfig.json --noEmit && npx tsc -p tests/performance/tsconfig.json --noEmit && npx tsc -p tests/performance/tsconfig.reminders.json --noEmit'
# Module boundaries, import cycles, file sizes and where raw SQL lives, read from the sources (no Nx daemon):
# boundaries never crossed, the other rules ratcheted by tests/structure/baseline.json.
# shellcheck disable=SC2046
step "structure: boundaries, cycles, sizes, SQL placement" bash -c "npx eslint --max-warnings 0 tests/structure && npx tsc -p tests/structure/tsconfig.json --noEmit && npx vitest run --config tests/structure/vitest.config.mts $(vitest_json structure)"
# No Docker engine in CI: docker-compose.yml and the Dockerfile are linted structurally (tests/deploy).
# shellcheck disable=SC2046
step "containers: compose + Dockerfile lint" bash -c "npx eslint --max-warnings 0 tests/deploy && npx tsc -p tests/deploy/tsconfig.json --noEmit && npx vitest run --config tests/deploy/vitest.config.mts $(vitest_json deploy)"
# shellcheck disable=SC2046
step "unit: libs/domain" npx vitest run --config libs/domain/vitest.config.mts $(vitest_json domain)
# shellcheck disable=SC2046
step "unit: api" npx vitest run --config apps/api/vitest.config.mts $(vitest_json api)
step "unit: web components" npx nx test web --configuration=ci --outputStyle=static
step "build" npx nx run-many -t build --projects=api,web --outputStyle=static
step "migrations: drift and reversibility" npm run -s migration:check
# npm run test:integration runs these four projects of one config in the same order.
# shellcheck disable=SC2046
step "integration: import, auth, departments, migrations" npx vitest run --config tests/integration/vitest.config.mts --project core $(vitest_json integration-core)
# shellcheck disable=SC2046
step "integration: task workflow, evidence, access matrix" npx vitest run --config tests/integration/vitest.config.mts --project workflow $(vitest_json integration-workflow)
# shellcheck disable=SC2046
step "integration: reminders and notifications" npx vitest run --config tests/integration/vitest.config.mts --project reminders $(vitest_json integration-reminders)
# shellcheck disable=SC2046
step "integration: multi-instance (2 APIs, 2 workers, s3rver)" npx vitest run --config tests/integration/vitest.config.mts --project multi-instance $(vitest_json integration-multi-instance)
# shellcheck disable=SC2046
step "browser" npx vitest run --config tests/browser/vitest.config.mts $(vitest_json browser)

node scripts/test-summary.mjs "$RESULTS" || true
if [ ${#failed[@]} -gt 0 ]; then
  log "failed tiers: ${failed[*]}"
  exit 1
fi
log "all tiers passed"
