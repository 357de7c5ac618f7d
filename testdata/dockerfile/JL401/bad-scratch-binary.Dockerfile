FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /hello .

# scratch has no /etc/passwd: the binary runs as uid 0
# expect: JL401 "FROM scratch has no users"
FROM scratch
COPY --from=build /hello /hello
ENTRYPOINT ["/hello"]
