# expect: JL905 "from … as deps"
from python:3.12-slim AS deps
run pip install --no-cache-dir --prefix=/install requests

from python:3.12-slim
copy --from=deps /install /usr/local
user nobody
cmd ["python3"]
