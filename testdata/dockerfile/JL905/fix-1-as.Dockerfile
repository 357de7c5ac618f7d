FROM golang:1.22 as build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

from alpine:3.20 AS runtime
COPY --from=build /out/app /app
USER nobody
