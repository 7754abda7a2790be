# One image for the gateway, the four subgraphs and the operator commands; docker-compose.yml and
# deploy/kubernetes pick the entry point. Node 24 is the current LTS line (Node 20 reached end of life in
# April 2026); test/deploy/dockerfile.test.ts keeps this major the newest one package.json's engines allows.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Everything tsconfig.json compiles for running: the services (with each agency's migrations) and scripts/
# (migrate, audit-verify, seed, keys...), so every operator command exists in the image as
# dist/scripts/*.js. Tests stay out.
COPY tsconfig.json ./
COPY gateway gateway
COPY kit kit
COPY subgraphs subgraphs
COPY scripts scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# An empty folder for the running stage's audit anchors (below).
RUN mkdir audit-anchors

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
# package.json marks the project root the code finds its files from (kit/shared/paths.ts).
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY schema schema
# Where a subgraph anchors its audit chain (AUDIT_ANCHOR_DIR): a volume is mounted here, and a new
# named volume takes this folder's owner, so the process can append to it. Copied, as this stage runs nothing.
COPY --from=build --chown=1000:1000 /app/audit-anchors /var/lib/nwd/audit-anchors
# Files stay root's and read-only to the process; the uid is numeric so Kubernetes' runAsNonRoot can
# check it (the base image's "node" user is 1000).
USER 1000:1000
# The gateway unless told otherwise; e.g. `node dist/scripts/audit-verify.js --agency health`.
CMD ["node", "dist/gateway/main.js"]
