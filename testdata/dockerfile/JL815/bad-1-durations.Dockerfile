FROM nginx:1.27-alpine
# expect: JL815 "write 30s"
HEALTHCHECK --interval=30 --timeout=5s CMD wget -qO- http://localhost/ || exit 1
USER nginx
