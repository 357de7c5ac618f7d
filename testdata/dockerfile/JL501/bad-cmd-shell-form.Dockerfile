FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
USER node
# expect: JL501 "use the exec form: CMD [\"npm\", \"start\"]"
CMD npm start
