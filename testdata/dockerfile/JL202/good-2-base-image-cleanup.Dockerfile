FROM mycompany/python-base:3.12
# nothing in this file made these files: cleaning the base image's leftovers is not a late cleanup
RUN rm -rf /var/lib/apt/lists/* /root/.cache/pip
USER nobody
CMD ["python"]
