FROM python:3.12-slim
WORKDIR /srv
COPY . .
# besides the user, this RUN builds from the copied files: it has to stay after the COPY
RUN useradd --system web && python -m compileall -q /srv && chown -R web /srv
# a chown of the copied files on its own is not a stable step either
# expect: JL201
RUN chown -R web:web /srv/static
USER web
CMD ["python", "-m", "web"]
