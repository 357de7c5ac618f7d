FROM debian:bookworm AS build
# -q alone does not answer the prompt (only -qq implies -y), and builder stages fail the build too
# expect: JL851
RUN apt-get update -q && apt-get install -q --no-install-recommends build-essential
COPY . /src
RUN make -C /src

FROM debian:bookworm-slim
COPY --from=build /src/app /usr/local/bin/app
USER 1000
CMD ["app"]
