# escape=`
FROM ubuntu:24.04
RUN curl -fsSLo /tmp/node.tar.xz https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz `
    && tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1
COPY package.json /srv/
RUN rm -f /tmp/node.tar.xz `
    && node --version
USER ubuntu
