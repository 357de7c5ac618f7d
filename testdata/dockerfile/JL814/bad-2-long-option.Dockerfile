FROM ubuntu:24.04
# expect: JL814 "123456"
RUN set -eux; \
    groupadd --gid 123456 svc; \
    useradd --uid=123456 --gid svc --shell /usr/sbin/nologin --create-home svc
USER svc
CMD ["bash"]
