from alpine:3.20
run apk add --no-cache curl
workdir /app
# expect: JL906 "write copy"
COPY . .
user nobody
cmd ["sh"]
