FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# expect: JL856
RUN curl -fsSL https://get.example.com/install.sh | sh
USER 1000
CMD ["example"]
