FROM alpine:3.20
COPY worker.sh /usr/local/bin/worker.sh
USER nobody
# the shell forwards signals itself (trap … wait), runs things in the background, or falls back with ||:
# nothing to exec here
CMD ["sh", "-c", "trap 'kill $PID' TERM; worker.sh & PID=$!; wait $PID"]
