FROM nginx:1.27-alpine
# expect: JL810 "EXPOSE 80"
EXPOSE 8080:80
USER nginx
