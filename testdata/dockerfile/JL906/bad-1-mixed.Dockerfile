FROM alpine:3.20
# expect: JL906 "write RUN"
run apk add --no-cache curl
# expect: JL906 "mixed case"
Workdir /app
COPY . .
USER nobody
CMD ["sh"]
