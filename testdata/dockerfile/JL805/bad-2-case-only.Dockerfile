FROM python:3.12-slim AS deps
RUN pip install --no-cache-dir --prefix=/install requests

# expect: JL805, JL904
FROM python:3.12-slim AS Deps
RUN pip install --no-cache-dir --prefix=/install flask

FROM python:3.12-slim
COPY --from=deps /install /usr/local
USER nobody
CMD ["python3"]
