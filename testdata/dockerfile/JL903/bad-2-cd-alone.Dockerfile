FROM node:22-alpine
COPY package.json package-lock.json /app/
# a cd on its own is lost when the RUN ends
# expect: JL903 "ends with this RUN"
RUN cd /app
COPY . /app/
USER node
CMD ["node", "/app/server.js"]
