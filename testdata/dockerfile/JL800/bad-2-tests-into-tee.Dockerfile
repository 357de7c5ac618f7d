FROM golang:1.22-alpine AS test
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# the test report is written, and failing tests pass the build; busybox ash gets its own advice
# expect: JL800 "/bin/ash"
RUN go test ./... 2>&1 | tee /tmp/test-report.txt

FROM alpine:3.20
COPY --from=test /tmp/test-report.txt /report.txt
USER nobody
CMD ["cat", "/report.txt"]
