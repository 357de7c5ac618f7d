FROM debian:bookworm-slim
# no default: whoever builds passes --build-arg UID; jlint cannot know it and says nothing
ARG UID
RUN useradd --uid "${UID}" app
USER ${UID}
CMD ["bash"]
