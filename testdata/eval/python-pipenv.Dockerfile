# label: root-user
FROM python:3.9

# label: missing-cleanup
RUN pip install pipenv

WORKDIR /usr/src/app
# label: cache-busting
COPY . .
RUN pipenv install --system --deploy

# label: entrypoint-cmd
CMD ["python3", "bot.py"]
CMD ["python3", "-u", "bot.py"]
