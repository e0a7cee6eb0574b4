# syntax=docker/dockerfile:1

# Node.js 24 LTS, the release line package.json's engines names (docs/adr/0009-runtime-node-24.md):
# each rebuild takes its latest security release.

# --- build: compile TypeScript with the dev dependencies
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# The console's few Material icons, installed as @mui/icons-material (scripts/material-icons.mjs).
COPY apps/console/material-icons ./apps/console/material-icons
# No install scripts: the image's own Node.js builds and runs the service, so the `node`
# devDependency (which fetches a second Node.js for machines with an older one) is not needed.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# --- runtime: production dependencies and dist/ only, as a non-root user
FROM node:24-bookworm-slim AS runtime
# A 64 MiB young generation: a request's short-lived objects die there instead of being copied
# on (about an eighth less service CPU per payment, docs/performance.md).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=64 \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# `node` by number: Kubernetes' runAsNonRoot can only verify a numeric user (deploy/k8s).
USER 1000:1000
EXPOSE 3000
# /health is on MANAGEMENT_PORT when that is set, else on PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.MANAGEMENT_PORT||process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/payments/src/main.js"]
