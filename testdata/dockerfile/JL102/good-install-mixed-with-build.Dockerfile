FROM debian:bookworm-slim AS build
WORKDIR /src
COPY . .
# the install shares a RUN with a step that uses the source: left alone
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && make -j"$(nproc)" \
    && rm -rf /var/lib/apt/lists/*

FROM debian:bookworm-slim
COPY --from=build /src/out/tool /usr/local/bin/tool
USER nobody
ENTRYPOINT ["tool"]
