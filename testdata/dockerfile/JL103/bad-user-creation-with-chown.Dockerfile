FROM debian:bookworm-slim
WORKDIR /opt/app
COPY . .
# creating the user does not depend on the source; handing the files over is what COPY --chown is for
# expect: JL103 "create the user above the COPY and copy with COPY --chown=app:app instead of chown"
RUN useradd --system app && chown -R app:app /opt/app
USER app
CMD ["/opt/app/run"]
