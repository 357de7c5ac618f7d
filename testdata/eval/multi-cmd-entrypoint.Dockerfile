FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# label: cache-busting
RUN useradd -r bot
USER bot
# label: entrypoint-cmd
ENTRYPOINT ["python"]
ENTRYPOINT ["python", "-u"]
# label: entrypoint-cmd
CMD ["bot.py"]
CMD ["bot.py", "--verbose"]
