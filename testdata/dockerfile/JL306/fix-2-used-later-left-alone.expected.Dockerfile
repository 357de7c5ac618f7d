FROM debian:bookworm-slim
RUN curl -fsSLo /opt/app.tar.gz https://example.com/app.tar.gz && tar -xzf /opt/app.tar.gz -C /opt
RUN sha256sum /opt/app.tar.gz > /opt/app.sha256
USER nobody
