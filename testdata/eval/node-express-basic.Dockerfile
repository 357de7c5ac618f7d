# label: root-user
FROM node:18

WORKDIR /usr/src/app

# label: cache-busting
COPY . .

# label: missing-cleanup
RUN npm install

EXPOSE 3000
# label: entrypoint-cmd
CMD npm start
