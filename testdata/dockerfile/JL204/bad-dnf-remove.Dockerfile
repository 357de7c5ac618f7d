FROM fedora:40
RUN dnf install -y gcc make && dnf clean all
COPY src/ /src/
RUN make -C /src && make -C /src install
WORKDIR /src
# yum and dnf share the rpm database
# expect: JL204 "removes gcc and make (`yum remove …`), which the RUN at line 2 installed"
RUN yum remove -y gcc make && dnf clean all
USER 1000
CMD ["/usr/local/bin/app"]
