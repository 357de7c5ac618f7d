FROM python:3.12-slim
# expect: JL907 "PYTHONDONTWRITEBYTECODE=1"
ENV PYTHONDONTWRITEBYTECODE 1
# expect: JL907 "ENV GREETING=\"…\""
ENV GREETING hello world
# expect: JL907 "LABEL maintainer="
LABEL maintainer team@example.com
USER nobody
CMD ["python3"]
