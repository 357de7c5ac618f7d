FROM rust:1.77-slim AS build
WORKDIR /usr/src/app
# expect: JL101 "placeholder src/main.rs"
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /usr/src/app/target/release/app /usr/local/bin/app
USER nobody
CMD ["app"]
