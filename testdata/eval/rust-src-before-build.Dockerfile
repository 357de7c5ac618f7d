FROM rust:1.74 AS build
WORKDIR /build
COPY Cargo.toml Cargo.lock ./
# label: cache-busting
COPY src/ src/
RUN cargo build --release --locked

FROM debian:bookworm-slim
# label: missing-cleanup
RUN apt-get update && apt-get install -y openssl ca-certificates
COPY --from=build /build/target/release/bot /usr/local/bin/bot
RUN useradd -m bot
USER bot
CMD ["bot"]
