FROM rockylinux:9
RUN dnf install -y --setopt=install_weak_deps=False python3 python3-pip \
    && dnf clean all \
    && rm -rf /var/cache/dnf \
    && useradd -r -u 1001 svc
WORKDIR /opt/svc
COPY --chown=svc requirements.txt .
RUN pip3 install --no-cache-dir -r requirements.txt
COPY --chown=svc . .
USER svc
CMD ["python3", "-m", "svc"]
