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
# The explorer's browser assets (GraphiQL, bundled by esbuild), built once here rather than at the gateway's start.
RUN node gateway/src/explorer/build.ts
USER node
ENV HOST=0.0.0.0
CMD ["node", "gateway/src/main.ts"]
