FROM python:3.11-alpine
WORKDIR /bot
# app.py changes often and is copied with the requirements: every edit re-installs them
# expect: JL101 "Source files (bot.py)"
COPY requirements.txt bot.py ./
RUN pip install --no-cache-dir -r requirements.txt
USER nobody
CMD ["python", "bot.py"]
