FROM alpine
RUN echo a \
# comment one

    # comment two
  b \

  c
ENV A=1 \
    B="two words" \
    C=x\ y
