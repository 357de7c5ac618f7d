# syntax=docker/dockerfile:1
FROM debian:bookworm AS download
RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt

FROM debian:bookworm-slim
COPY --from=download /opt/app /opt/app
RUN --mount=type=tmpfs,target=/tmp \
    curl -fsSLo /tmp/plugin.zip https://example.com/plugin.zip && unzip /tmp/plugin.zip -d /opt/app/plugins
USER 1000
CMD ["/opt/app/bin/app"]
