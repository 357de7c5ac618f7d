FROM debian:bookworm AS build
RUN apt-get update
COPY . /src
RUN apt-get install -y --no-install-recommends make && make -C /src

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/out/app /app
ENTRYPOINT ["/app"]
