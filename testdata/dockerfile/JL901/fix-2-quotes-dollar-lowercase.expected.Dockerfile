from alpine:3.20 as base
label org.opencontainers.image.authors="\"Ops Team\" \$TEAM_MAIL"
user nobody

from base
LABEL org.opencontainers.image.authors="ops@example.com"
user nobody
