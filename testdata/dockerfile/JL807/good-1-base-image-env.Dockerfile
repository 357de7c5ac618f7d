# names the base image may set are not reported
FROM golang:1.22
WORKDIR $GOPATH/src/example.com/app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# expect: JL103
ENV PATH=/opt/tools/bin:$PATH CGO_ENABLED=0
RUN go build -o /usr/local/bin/app .
LABEL build.go=$GOLANG_VERSION
# fallbacks, escapes and single quotes
# expect: JL103
ENV MODE=${MODE:-production} LITERAL='$NOT_A_VAR' ESCAPED=\$HOME
ARG A=1 B=${A}0
USER nobody
CMD ["app"]
