FROM debian:bookworm-slim
ARG APP_UID=1000001
RUN groupadd -g 1000001 app \
    && useradd -l -u 1000001 -g app -m app \
    && useradd --no-log-init --uid 2000000 worker \
    && useradd -u 1001 small \
    && useradd -u "$APP_UID" fromarg
USER app
CMD ["bash"]
