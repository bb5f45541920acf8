# syntax=docker/dockerfile:1
#
# Confer's production image: one Node.js 24 process serving the API, the bot endpoint and the built tab
# (docs/deployment.md). Build it from the repository root:
#
#   docker build -t confer .
#
# Three stages on the same Debian (bookworm) Node.js image, so a native module installed in one runs in the other:
#   build    every dependency, then the tab's production build (tab/dist, without the local tenant's pages)
#   deps     the production dependencies of the root, api, bot and contracts only
#   runtime  those dependencies, the TypeScript sources the server runs (through tsx) and tab/dist, as user `node`
#
# Install scripts are off in both installs: better-sqlite3 ships prebuilt binaries inside its npm package
# (prebuilds/linux-x64.node, glibc 2.34 or later; bookworm has 2.36) and esbuild's binary comes as an optional
# platform package, so no compiler is needed and nothing is downloaded from outside the npm registry.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
# Only what npm ci reads: the lock file names every workspace, so all five package.json files are needed.
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY devtenant/package.json devtenant/
COPY api/package.json api/
COPY bot/package.json bot/
COPY tab/package.json tab/

FROM manifests AS build
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json ./
COPY contracts contracts
COPY tab tab
# Plain `vite build`: the Teams-host emulation page (tab/dev) is left out of a release (docs/web-security.md).
RUN npm run build:production

FROM manifests AS deps
# The server's dependencies only (tsx, the root's, runs the TypeScript sources); not the tab's React and Fluent UI,
# which tab/dist already holds, and not devtenant, which a real tenant never runs.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace=api --workspace=bot --workspace=contracts --include-workspace-root \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
WORKDIR /app
# Owned by root and read-only to the app's user: the process can change nothing it runs.
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json tsconfig.base.json ./
COPY contracts contracts
COPY bot bot
COPY api api
COPY --from=build /app/tab/dist tab/dist
# The data folder (CONFER_DATA_DIR, default .data): the SQLite store when CONFER_DATABASE_URL is not set. Mount a
# volume here for a single SQLite instance; with PostgreSQL nothing is kept in the container.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3978
# Liveness: /api/health answers while the process runs, whatever the Host header. A load balancer should send
# requests by readiness instead (/api/ready: the database answers and the process is not stopping).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node.js is PID 1 and handles SIGTERM itself (api/src/main.ts): it stops taking requests, finishes the delivery
# jobs and closes the store before exiting.
CMD ["node", "--import", "tsx", "api/src/main.ts"]
