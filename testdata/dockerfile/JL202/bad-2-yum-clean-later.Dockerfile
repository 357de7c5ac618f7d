FROM centos:7
RUN yum -y install httpd mod_ssl
EXPOSE 80
# expect: JL202
RUN yum clean all
USER apache
CMD ["httpd", "-DFOREGROUND"]
