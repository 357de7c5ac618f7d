FROM golang:1.22
COPY . /src
# expect: JL903 "WORKDIR /src"
RUN cd /src && go build -o /usr/local/bin/app .
USER nobody
CMD ["app"]
