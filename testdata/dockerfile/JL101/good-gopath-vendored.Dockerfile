FROM golang:1.15-alpine AS build
# a GOPATH-era project: dependencies are vendored in the repository, go build fetches nothing
WORKDIR /go/src/github.com/example/tool
COPY . .
RUN go build -o /usr/bin/tool .

FROM alpine:3.19
COPY --from=build /usr/bin/tool /usr/bin/tool
USER nobody
ENTRYPOINT ["tool"]
