FROM node:20-slim
ENV PNPM_HOME=/pnpm
ENV PATH=$PNPM_HOME:$PATH
WORKDIR /srv/web
COPY . .
RUN npm install -g pnpm@9.12.0 && pnpm install --frozen-lockfile --prod
EXPOSE 8080
CMD ["node", "src/server.mjs"]
