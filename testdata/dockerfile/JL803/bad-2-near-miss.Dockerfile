FROM node:22-alpine AS frontend-build
WORKDIR /web
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM python:3.12-slim AS backend
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .

FROM python:3.12-slim
# expect: JL803 "frontend-build"
COPY --from=frontend_buld /web/dist /app/static
# expect: JL803 "backend"
COPY --from=backnd /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
USER nobody
CMD ["python", "-m", "app"]
