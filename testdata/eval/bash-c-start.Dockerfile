FROM node:18-slim
WORKDIR /opt/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
RUN chmod +x ./start.sh
USER node
# label: entrypoint-cmd
CMD ["bash", "-c", "./start.sh"]
