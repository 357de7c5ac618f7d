FROM node:20-alpine
WORKDIR /app
COPY . .
USER node
# expect: JL508 "run it directly: CMD [\"node\", \"server.js\"]"
CMD ["sh", "-c", "node server.js"]
