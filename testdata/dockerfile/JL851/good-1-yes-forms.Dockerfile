FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
ENV A=1
RUN apt-get update && apt-get install --yes --no-install-recommends git && rm -rf /var/lib/apt/lists/*
ENV B=2
RUN apt-get update -qq && apt-get install -qq --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
ENV C=3
RUN apt-get update && apt-get -qy install --no-install-recommends make && rm -rf /var/lib/apt/lists/*
ENV D=4
RUN apt-get update && apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends less && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
