FROM node:22-alpine AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ .
RUN npm run build

FROM golang:1.22 AS server
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/server .

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=server /out/server /server
COPY --from=web /web/dist /static
ENTRYPOINT ["/server"]
