FROM nginx:1.27-alpine
EXPOSE 80/TCP \
    # the exporter's metrics, scraped by the agent
    9113/TCP
USER nginx
