# The storefront and POS builds (Vite is a dev dependency): built in a stage of their own, only dist/ kept.
FROM node:24-bookworm-slim AS apps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY clients ./clients
COPY scripts/build.ts ./scripts/build.ts
RUN node scripts/build.ts

# One image for every service: the command picks which one runs (see docker-compose.yml).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies stay out of the image; the pinned `node` package is one of them, the image has Node 24.
RUN npm ci --omit=dev && npm cache clean --force
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY scripts ./scripts
# The local Stripe stand-in, for `docker compose up` without a Stripe key (it refuses NODE_ENV=production).
COPY stripe-local ./stripe-local
# The gateway serves these at / and /pos/ (APPS_DIR).
COPY --from=apps /app/clients/web/dist ./apps/web
COPY --from=apps /app/clients/pos/dist ./apps/pos
ENV APPS_DIR=/app/apps
# The explorer's browser assets (GraphiQL, bundled by esbuild), built once here rather than at the gateway's start.
RUN node gateway/src/explorer/build.ts
# Every .ts module stripped of its types ahead of time (node_modules/.cache/ts-strip): the services import
# scripts/ts-cache/hooks.mjs (NODE_OPTIONS in docker-compose.yml) and never load Node's stripper (20-25 MB each).
RUN node scripts/ts-cache-cli.ts
USER node
ENV HOST=0.0.0.0
CMD ["node", "gateway/src/main.ts"]
