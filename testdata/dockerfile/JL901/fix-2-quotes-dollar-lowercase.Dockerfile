from alpine:3.20 as base
maintainer "Ops Team" $TEAM_MAIL
user nobody

from base
MAINTAINER   ops@example.com   
user nobody
