FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential
RUN rm -rf /var/lib/apt/lists/*
COPY . /src
RUN make -C /src

FROM debian:bookworm-slim
COPY --from=build /src/out/app /usr/local/bin/app
USER 1000
CMD ["app"]
