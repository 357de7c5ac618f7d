FROM debian:bookworm-slim
ARG CHROME_DEB=google-chrome-stable_current_amd64.deb
# expect: JL306 "`${CHROME_DEB}`, downloaded by wget (line 6) and installed"
RUN apt-get update \
    && apt-get install -y --no-install-recommends wget ca-certificates \
    && wget -q "https://dl.google.com/linux/direct/${CHROME_DEB}" \
    && apt-get install -y --no-install-recommends "./${CHROME_DEB}" \
    && rm -rf /var/lib/apt/lists/*
USER nobody
ENTRYPOINT ["google-chrome", "--headless"]
