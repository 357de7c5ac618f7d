FROM node:22-alpine AS build
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ .
RUN npm run build

# expect: JL805 "line 1"
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/server .

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
