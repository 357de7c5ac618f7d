# label: root-user
FROM centos:7
# label: missing-cleanup
RUN yum install -y epel-release && yum install -y nginx
COPY nginx.conf /etc/nginx/nginx.conf
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
