# label: root-user
FROM nginx:1.25-alpine
ADD . /usr/share/nginx/html
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
