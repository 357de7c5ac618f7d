FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/
USER nginx
# keep nginx in the foreground
CMD ["nginx", "-g", "daemon off;"]
