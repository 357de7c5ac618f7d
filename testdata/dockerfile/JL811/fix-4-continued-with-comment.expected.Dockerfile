FROM nginx:1.27-alpine
EXPOSE 80/tcp \
    # the exporter's metrics, scraped by the agent
    9113/tcp
USER nginx
