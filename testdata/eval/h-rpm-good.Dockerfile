FROM rockylinux:9
RUN yum install -y httpd && rm -rf /var/cache/yum && yum clean all && useradd -r web
COPY site/ /var/www/html/
USER web
CMD ["httpd", "-DFOREGROUND"]
