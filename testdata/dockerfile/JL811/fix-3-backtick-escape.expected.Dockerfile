# escape=`
FROM nginx:1.27-alpine
EXPOSE 80/tcp `
       443/tcp
USER nginx
