# label: root-user
FROM nginx:alpine
COPY . /usr/share/nginx/html
EXPOSE 80
