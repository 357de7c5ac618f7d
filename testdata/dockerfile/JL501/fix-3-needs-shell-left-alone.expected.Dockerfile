FROM alpine:3.20 AS tool
CMD echo "builder stage: not the built one"

FROM alpine:3.20
USER nobody
CMD /usr/local/bin/app --config "$CONFIG" | tee /tmp/app.log
