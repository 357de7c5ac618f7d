FROM centos:7
RUN yum install -y epel-release && \
    # jq comes from EPEL
    yum install -y jq
USER 1000
CMD ["jq", "--version"]
