FROM nginx:1.27-alpine
EXPOSE 80/TCP 443/tcp 8125/Udp
USER nginx
