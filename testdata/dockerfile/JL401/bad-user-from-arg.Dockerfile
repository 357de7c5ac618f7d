FROM ubuntu:22.04
ARG RUN_AS=root
RUN useradd --create-home builder
# the ARG's default resolves to root
# expect: JL401 "is root"
USER ${RUN_AS}
CMD ["bash"]
