FROM golang:1.22
COPY go.mod go.sum /src/
# expect: JL903 "WORKDIR /src"
RUN cd /src && go mod download
COPY . /src
# expect: JL903
RUN cd /src/ && go build -o /usr/local/bin/app .
USER nobody
CMD ["app"]
