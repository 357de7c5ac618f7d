FROM node:20-bookworm AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# build stages run the script too: it can change what gets built
# expect: JL856
RUN wget -qO- https://deb.nodesource.com/setup_20.x | bash -
COPY . /src
RUN make -C /src

FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=build /src/dist /app
CMD ["/app/index.js"]
