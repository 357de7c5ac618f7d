FROM debian:bookworm-slim
ENV CONF_DIR=/etc/app
# expect: JL813 "/etc/app/"
COPY app.conf logging.conf ${CONF_DIR}
# expect: JL813
ADD --chown=1000:1000 a.tar.gz b.tar.gz /opt/bundle
USER 1000
CMD ["bash"]
