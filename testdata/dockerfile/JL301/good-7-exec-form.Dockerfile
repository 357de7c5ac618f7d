FROM debian:bookworm-slim
# exec form: no shell, nothing to analyse reliably; the layer size is the user's business
RUN ["apt-get", "update"]
USER 1000
CMD ["bash"]
