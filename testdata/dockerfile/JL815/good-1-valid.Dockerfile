FROM alpine:3.20 AS probe
HEALTHCHECK --interval=1m30s --timeout=2.5s --start-period=0 --start-interval=500ms --retries=0 CMD ["true"]

FROM probe
ARG HC_INTERVAL=30s
# a variable is not judged
HEALTHCHECK --interval=${HC_INTERVAL} --timeout=1h CMD ["true"]
USER nobody
CMD ["sh"]
