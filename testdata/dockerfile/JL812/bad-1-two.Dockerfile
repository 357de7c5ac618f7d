FROM nginx:1.27-alpine
# expect: JL812 "line 5"
HEALTHCHECK CMD wget -qO- http://localhost/ || exit 1
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s CMD wget -qO- http://localhost/healthz || exit 1
USER nginx
