FROM python:3.11
# a falsy value does not switch the cache off
ENV PIP_NO_CACHE_DIR=off
# expect: JL305
RUN pip3 install --user flask gunicorn
USER nobody
CMD ["gunicorn", "app:app"]
