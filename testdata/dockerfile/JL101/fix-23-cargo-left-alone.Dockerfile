FROM rust:1.82 AS build
WORKDIR /usr/src/svc
# refused: cargo reads the source tree to find the package's targets
COPY . .
RUN cargo fetch
RUN cargo build --release --offline

FROM debian:bookworm-slim
COPY --from=build /usr/src/svc/target/release/svc /usr/local/bin/svc
USER 1000
CMD ["svc"]
