FROM node:20-alpine
# expect: JL857
RUN npm install -g pm2@5.4.0
USER node
CMD ["pm2-runtime", "start", "ecosystem.config.js"]
