ARG REGISTRY=ghcr.io/other-org
# expect: JL603 "ARG REGISTRY on line 1"
FROM ${REGISTRY}/app-base:2.3
USER 1000
CMD ["app"]
