FROM alpine:3.20
RUN cd /tmp && touch marker
RUN ls marker || true
RUN export A=1
RUN echo "$A"
USER nobody
