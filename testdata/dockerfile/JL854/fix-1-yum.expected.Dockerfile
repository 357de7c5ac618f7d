FROM centos:7
RUN yum -y install httpd && yum clean all
USER 1000
CMD ["httpd", "-DFOREGROUND"]
