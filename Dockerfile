# The app's image: `docker build -t disruption-reports .` (compose.yaml runs it beside Redis).
# Node's official slim image on the current LTS line (package.json "engines": 22 or 24).

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds, and the sources are not here yet (the next step builds).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only, with --ignore-scripts: dist/ is copied in after this cached layer,
# and `prepare` (scripts/prepare.js) would stop here without it, finding neither TypeScript nor a
# built dist/. (With dist/ in place, as in a copied checkout, `npm ci --omit=dev` works as is.)
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY app.yml LICENSE ./
COPY bin ./bin
# The image's own unprivileged user (uid 1000, `node`), never root.
USER node
EXPOSE 3000
# GET /healthz: GitHub (and Redis, with REDIS_URL) reachable. The slim image has no curl.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
  CMD ["node", "dist/server/healthcheck.js"]
# Node directly rather than `npm start`, so that `docker stop`'s SIGTERM reaches the app and its
# graceful shutdown runs.
CMD ["node", "dist/server/main.js"]
