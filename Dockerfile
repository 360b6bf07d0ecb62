# syntax=docker/dockerfile:1
# One image for the API (which also serves the built web app), the worker and the CLI; the command picks:
#   API     node dist/apps/api/main.js        (default)
#   worker  node dist/apps/api/worker.js
#   CLI     node dist/apps/api/cli.js <migration:run|setup|backup DIR|restore DIR …>
# No secret is baked in: JWT_SECRET, METRICS_TOKEN, database and S3 credentials come from the environment.
# Build (needs a Docker engine): docker build -t duban:0.1.0 .

# --- build: dev dependencies, nx build of api (main, worker, cli) and web ------------------------------
FROM node:20.19-bookworm-slim AS build
WORKDIR /src
# bcrypt ships prebuilt binaries; the toolchain is only for a platform without one.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build --projects=api,web --outputStyle=static

# --- prod-deps: runtime dependencies only ---------------------------------------------------------------
FROM node:20.19-bookworm-slim AS prod-deps
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild bcrypt

# --- runtime: non-root, PostgreSQL 15 client tools for `backup` / `restore` -----------------------------
FROM node:20.19-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/duban/evidence /var/lib/duban/backups \
 && chown -R node:node /var/lib/duban
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/dist/apps/web/browser \
    EVIDENCE_DIR=/var/lib/duban/evidence \
    SEED_CREDENTIALS_FILE=/var/lib/duban/initial-passwords.txt
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY corpus ./corpus
USER node
EXPOSE 3000
VOLUME ["/var/lib/duban"]
# Liveness only (no dependency checked); orchestrators use /api/health for readiness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM to node (graceful drain) and reaps children (pg_dump during a backup).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api/main.js"]
