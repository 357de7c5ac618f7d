FROM nginx:1.27-alpine
EXPOSE 80/tcp 443/tcp 8125/udp
USER nginx
