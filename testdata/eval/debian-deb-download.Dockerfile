FROM debian:bullseye-slim
ARG CHROME_DEB=google-chrome-stable_current_amd64.deb
# label: missing-cleanup
RUN apt-get update \
    && apt-get install -y --no-install-recommends wget ca-certificates \
    && wget -q https://dl.google.com/linux/direct/${CHROME_DEB} \
    && apt-get install -y ./${CHROME_DEB} \
    && rm -rf /var/lib/apt/lists/*
# label: unmerged-run
RUN useradd -m chrome
USER chrome
ENTRYPOINT ["google-chrome", "--headless", "--disable-gpu", "--no-sandbox"]
