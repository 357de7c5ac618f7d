FROM node:22-alpine
ENV PORT=3000:3000
# the value is known once expanded
# expect: JL810
EXPOSE ${PORT}
USER node
CMD ["node", "server.js"]
