FROM centos:7
RUN yum -y install httpd && rm -rf /var/cache/yum
USER apache
CMD ["httpd", "-DFOREGROUND"]
