# escape=`
FROM alpine:3.20
run apk add --no-cache `
        curl
Copy app.sh /usr/local/bin/app.sh
USER nobody
