# label: root-user
FROM nginx:1.25-alpine
# label: missing-cleanup
RUN apk add curl openssl
COPY conf/ /etc/nginx/
COPY dist/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
# label: entrypoint-cmd
CMD nginx -g 'daemon off;'
