# label: root-user
FROM python:3.9
# label: cache-busting
ADD . /app
WORKDIR /app
# label: cache-busting, missing-cleanup
RUN apt-get update && apt-get install -y libpq-dev
# label: unmerged-run, missing-cleanup
RUN pip install -r requirements.txt
EXPOSE 5000
# label: entrypoint-cmd
CMD python app.py
