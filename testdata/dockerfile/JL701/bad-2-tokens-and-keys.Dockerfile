FROM node:22-alpine
# expect: JL701 "NPM_TOKEN"
ARG NPM_TOKEN=npm_live_8c1d0e2b9f3a4c5d6e7f
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
# a multi-line ENV is reported once, naming every secret
# expect: JL701 "DJANGO_SECRET_KEY, AWS_SECRET_ACCESS_KEY", JL103
ENV DJANGO_SECRET_KEY="django-insecure-4x!b@z#x9" \
    AWS_REGION=eu-west-1 \
    AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY
# expect: JL701 "RAILS_PASS", JL907, JL103
ENV RAILS_PASS aeshiethooghahtu4Riebooquae6Ithe
USER node
CMD ["node", "server.js"]
