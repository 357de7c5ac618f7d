FROM debian:bookworm AS fetch
# a builder stage: its layers never reach the final image
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
RUN curl -fsSLo /tmp/tool https://example.com/tool-1.2.3-linux-amd64 && chmod +x /tmp/tool

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=fetch /tmp/tool /usr/local/bin/tool
ENTRYPOINT ["/usr/local/bin/tool"]
