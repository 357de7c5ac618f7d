FROM elixir:1.16-alpine AS build
ENV MIX_ENV=prod
WORKDIR /app
RUN mix local.hex --force && mix local.rebar --force
# expect: JL101 "COPY mix.exs mix.lock ./ and RUN mix deps.get --only prod"
COPY . .
RUN mix deps.get --only prod && mix release

FROM alpine:3.19
COPY --from=build /app/_build/prod/rel/app /app
USER nobody
CMD ["/app/bin/app", "start"]
