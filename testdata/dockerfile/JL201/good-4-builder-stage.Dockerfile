FROM golang:1.22 AS build
WORKDIR /src
# builder stages do not ship: their layers cost nothing in the image
RUN go env -w GOFLAGS=-mod=mod
RUN git config --global advice.detachedHead false
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
