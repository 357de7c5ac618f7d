FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/tool .

# an export stage for docker build --output: no container ever runs it
FROM scratch AS binaries
COPY --from=build /out/tool /
