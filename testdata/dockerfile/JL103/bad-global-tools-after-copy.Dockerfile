FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci && npm cache clean --force
COPY . .
# expect: JL103 "npm install -g nodemon@3.1.0 does not depend on the source"
RUN npm install -g nodemon@3.1.0 && npm cache clean --force
USER node
CMD ["nodemon", "server.js"]
