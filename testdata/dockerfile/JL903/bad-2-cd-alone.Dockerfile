FROM node:22-alpine
COPY . /app
# a cd on its own is lost when the RUN ends
# expect: JL903 "ends with this RUN"
RUN cd /app
RUN npm ci --omit=dev
USER node
CMD ["node", "server.js"]
