FROM centos:7
# expect: JL303
RUN yum -y install epel-release && yum -y install nginx
USER nginx
CMD ["nginx", "-g", "daemon off;"]
