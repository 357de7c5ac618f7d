from golang:1.22 as build
workdir /src
copy go.mod go.sum ./
run go mod download
copy . .
run go build -o /out/app .

from alpine:3.20
copy --from=build /out/app /usr/local/bin/app
user nobody
cmd ["app"]
