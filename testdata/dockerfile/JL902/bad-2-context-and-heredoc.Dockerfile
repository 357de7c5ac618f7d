FROM nginx:1.27-alpine
# expect: JL902
ADD . /usr/share/nginx/html
# expect: JL902
ADD <<EOF /etc/nginx/conf.d/health.conf
server { listen 8081; location /health { return 200; } }
EOF
# expect: JL902
ADD ./dist/*.js ./dist/*.css /usr/share/nginx/html/assets/
USER nginx
