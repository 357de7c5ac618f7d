# escape=`
FROM nginx:1.27-alpine
EXPOSE 80/TCP `
       443/Tcp
USER nginx
