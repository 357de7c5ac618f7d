FROM node:20-slim
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
WORKDIR /app
COPY . .
# refused: set -e may be in effect
RUN for d in api web; do \
        npm ci --prefix "$d" --omit=dev; \
        npm run --prefix "$d" build; \
    done
USER node
CMD ["node", "api/server.js"]
