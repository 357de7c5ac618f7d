FROM node:20-alpine
WORKDIR /usr/app
# expect: JL101 "Source files (./src) are copied before the dependencies are installed (npm install"
COPY ./src /usr/app/src
COPY package.json package-lock.json /usr/app/
RUN npm install --omit=dev && npm cache clean --force
USER node
CMD ["node", "src/index.js"]
