FROM golang:1.22 AS build
# the keyword is case-insensitive, and the builder stage counts too
# expect: JL901, JL906
maintainer build-team@example.com
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
# expect: JL901
MAINTAINER "Runtime Team"
COPY --from=build /out/app /app
USER nonroot
ENTRYPOINT ["/app"]
