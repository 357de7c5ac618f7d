FROM centos:7
RUN yum -y install httpd && yum clean all
ENV A=1
RUN yum install --assumeyes mod_ssl && yum clean all
ENV B=2
RUN yum --setopt=assumeyes=1 install php && yum clean all
USER apache
CMD ["httpd", "-DFOREGROUND"]
