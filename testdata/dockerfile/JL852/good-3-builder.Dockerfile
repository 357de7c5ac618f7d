FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y build-essential
COPY . /src
RUN make -C /src

FROM debian:bookworm-slim
COPY --from=build /src/app /usr/local/bin/app
USER 1000
CMD ["app"]
