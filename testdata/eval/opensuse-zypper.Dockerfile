FROM opensuse/leap:15.5
# label: missing-cleanup
RUN zypper --non-interactive install -y python311 python311-pip
# label: unmerged-run
RUN useradd -m runner
WORKDIR /home/runner
COPY --chown=runner . .
USER runner
CMD ["python3.11", "job.py"]
