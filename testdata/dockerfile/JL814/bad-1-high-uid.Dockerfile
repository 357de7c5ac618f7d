FROM debian:bookworm-slim
# expect: JL814 "-l"
RUN groupadd -g 1000001 app && useradd -u 1000001 -g app -m app
USER app
CMD ["bash"]
