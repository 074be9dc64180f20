# The Thoughtgraph service; Neo4j runs beside it (docker-compose.yml), so NEO4J_URI is required.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm 10 (Node 20's) does not read package.json's allowScripts: onnxruntime-node's install script
# would fetch CUDA binaries; the CPU ones are in its package.
ENV ONNXRUNTIME_NODE_INSTALL=skip
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seed ./seed
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# The image has no Maven to fetch the sentence model: it runs without it (MEANING=off); set
# MEANING=on and MEANING_MODEL_DIR to a mounted folder with the model's two files to have it.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 MEANING=off
WORKDIR /app
COPY package.json ./
COPY schema ./schema
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:4000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/src/server/main.js"]
