# label: root-user
FROM rust:1.75
WORKDIR /usr/src/myapp
# label: cache-busting
COPY . .
RUN cargo install --path .
CMD ["myapp"]
