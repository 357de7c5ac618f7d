FROM python:3.12-slim
WORKDIR /code
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# expect: JL103 "ENV FLASK_APP, FLASK_RUN_HOST never change but are set after the build context is copied (line 5)"
ENV FLASK_APP=app.py FLASK_RUN_HOST=0.0.0.0
LABEL org.opencontainers.image.source="https://example.com/repo"
EXPOSE 5000
RUN python -m compileall -q .
# $PATH comes from the base image: still constant
# expect: JL103 "(the RUN at line 10 then sees it too)"
ENV PATH=/code/bin:$PATH
USER 1000
CMD ["flask", "run"]
