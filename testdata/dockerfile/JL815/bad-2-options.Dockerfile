FROM python:3.12-slim AS api
# expect: JL815 "--intervall"
HEALTHCHECK --intervall=30s CMD ["python", "-c", "print('ok')"]
USER nobody
CMD ["python", "-m", "http.server"]

FROM python:3.12-slim
# expect: JL815 "negative"
HEALTHCHECK --interval=1m --retries=-1 CMD ["python", "-c", "print('ok')"]
USER nobody
CMD ["python", "-m", "http.server"]
