FROM node:20-slim
ENV PNPM_HOME=/pnpm
ENV PATH=$PNPM_HOME:$PATH
WORKDIR /srv/web
COPY package.json pnpm-lock.yaml .npmrc ./
RUN npm install -g pnpm@9.12.0 && pnpm install --frozen-lockfile --prod
COPY . .
EXPOSE 8080
CMD ["node", "src/server.mjs"]
