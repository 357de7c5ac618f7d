FROM centos:7
# expect: JL854
RUN yum install httpd && yum clean all
USER apache
CMD ["httpd", "-DFOREGROUND"]
