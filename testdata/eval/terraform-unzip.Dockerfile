# label: root-user
FROM ubuntu:22.04
ENV TF_VERSION=1.6.6
# label: missing-cleanup
RUN apt-get update && apt-get install -y wget unzip git \
    && wget https://releases.hashicorp.com/terraform/${TF_VERSION}/terraform_${TF_VERSION}_linux_amd64.zip \
    && unzip terraform_${TF_VERSION}_linux_amd64.zip -d /usr/local/bin/
WORKDIR /workspace
ENTRYPOINT ["terraform"]
