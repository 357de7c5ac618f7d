FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
# expect: JL501 "use the exec form: CMD [\"npm\", \"start\"]"
CMD npm start
