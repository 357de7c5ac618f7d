FROM bitnami/nginx:1.25
COPY --chown=1001 site/ /app/
