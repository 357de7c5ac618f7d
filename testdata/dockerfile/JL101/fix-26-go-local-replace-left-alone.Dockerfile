FROM golang:1.22 AS build
WORKDIR /src
# refused: go.mod replaces a module with a local directory (./internal/shared)
COPY . .
RUN go mod download
RUN go build -o /out/api .
