# Shared shell helpers for scripts/start.sh, scripts/test.sh and .ci/run. Source, don't execute.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1;34m[duban]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[duban] %s\033[0m\n' "$*" >&2; exit 1; }

# Reads KEY from .env (if present) without exporting everything else; falls back to $2.
env_value() {
  local key="$1" fallback="$2" value=""
  if [ -n "${!key:-}" ]; then printf '%s' "${!key}"; return; fi
  if [ -f "$ROOT/.env" ]; then
    value="$(grep -E "^${key}=" "$ROOT/.env" | tail -n 1 | cut -d= -f2- | sed -e 's/^"//' -e 's/"$//')"
  fi
  printf '%s' "${value:-$fallback}"
}

# First start: .env from .env.example, with a private JWT_SECRET generated here (never shipped in a
# file); an existing .env keeps its secret, and one still holding no secret gets one. Owner-only.
ensure_env_file() {
  if [ ! -f .env ]; then
    cp .env.example .env
    log "created .env from .env.example (edit it to change ports, URLs, settings)"
  fi
  chmod 600 .env
  if ! grep -qE '^JWT_SECRET=.{32,}' .env; then
    local secret
    secret="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(48).toString("base64url"))')"
    if grep -qE '^JWT_SECRET=' .env; then
      sed -i -E "s|^JWT_SECRET=.*$|JWT_SECRET=${secret}|" .env
    else
      printf '\nJWT_SECRET=%s\n' "$secret" >> .env
    fi
    log "generated a private JWT_SECRET into .env"
  fi
  # The /metrics bearer token, generated the same way (docs/deploy.md: monitoring).
  if ! grep -qE '^METRICS_TOKEN=.{16,}' .env; then
    local token
    token="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))')"
    if grep -qE '^METRICS_TOKEN=' .env; then
      sed -i -E "s|^METRICS_TOKEN=.*$|METRICS_TOKEN=${token}|" .env
    else
      printf '\nMETRICS_TOKEN=%s\n' "$token" >> .env
    fi
    log "generated a private METRICS_TOKEN into .env (for Prometheus: Authorization: Bearer …)"
  fi
}

require_node() {
  command -v node >/dev/null || die "Node.js is not installed. Install Node.js 20.19+ (https://nodejs.org) and run this again."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js $(node -v) is too old: install Node.js 20.19 or newer."
}

install_deps() {
  # npm install (not npm ci): the registry here lacks other platforms' optional binaries.
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
    log "installing dependencies (npm install)…"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

# host and port out of a URL like postgres://user@host:5432/db or redis://host:6379
url_host() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.hostname.replace(/^\[|\]$/g,"")||"127.0.0.1")' "$1"; }
url_port() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.port||process.argv[2])' "$1" "$2"; }

tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

docker_usable() { command -v docker >/dev/null && timeout 5 docker info >/dev/null 2>&1; }

wait_tcp() {
  local host="$1" port="$2" name="$3"
  for _ in $(seq 1 60); do tcp_open "$host" "$port" && return 0; sleep 0.5; done
  die "$name did not come up on $host:$port."
}

ensure_postgres() {
  local url host port
  url="$(env_value DATABASE_URL postgres://postgres@127.0.0.1:5432/duban)"
  host="$(url_host "$url")"; port="$(url_port "$url" 5432)"
  if tcp_open "$host" "$port"; then log "PostgreSQL reachable at $host:$port"; return; fi
  if docker_usable && [ -f docker-compose.yml ]; then
    log "PostgreSQL not reachable: starting it with docker compose"
    docker compose up -d postgres
  elif command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    log "PostgreSQL not reachable: starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  else
    die "PostgreSQL is not reachable at $host:$port and cannot be started here. Install PostgreSQL 15+ (Debian/Ubuntu: apt-get install postgresql) or Docker (then: docker compose up -d postgres), or set DATABASE_URL in .env to a reachable server."
  fi
  wait_tcp "$host" "$port" PostgreSQL
}

ensure_redis() {
  local url host port
  url="$(env_value REDIS_URL redis://127.0.0.1:6379)"
  host="$(url_host "$url")"; port="$(url_port "$url" 6379)"
  if tcp_open "$host" "$port"; then log "Redis reachable at $host:$port"; return; fi
  if docker_usable && [ -f docker-compose.yml ]; then
    log "Redis not reachable: starting it with docker compose"
    docker compose up -d redis
  elif command -v redis-server >/dev/null; then
    log "Redis not reachable: starting the local server"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
  else
    die "Redis is not reachable at $host:$port and cannot be started here. Install Redis 7 (Debian/Ubuntu: apt-get install redis-server) or Docker (then: docker compose up -d redis), or set REDIS_URL in .env."
  fi
  wait_tcp "$host" "$port" Redis
}

# The browser tier needs Chromium, CJK fonts (readable screenshots) and pdftoppm (the 通报 PDF is rendered to
# check it): each is installed when missing and apt-get is at hand.
ensure_chromium() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} = 0 ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} for the browser tests (apt-get install)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "The browser tests need ${missing[*]}: install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run the tests again."
  fi
}
