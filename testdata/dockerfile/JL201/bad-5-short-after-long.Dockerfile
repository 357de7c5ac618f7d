FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates wget \
    && wget -q "https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb" \
    && apt-get install -y --no-install-recommends ./google-chrome-stable_current_amd64.deb \
    && rm -rf /var/lib/apt/lists/* google-chrome-stable_current_amd64.deb
# the user could be created in the RUN above: a step of its own gains nothing
# expect: JL201 "the RUN at line 2"
RUN useradd --create-home chrome
USER chrome
ENTRYPOINT ["google-chrome", "--headless"]
