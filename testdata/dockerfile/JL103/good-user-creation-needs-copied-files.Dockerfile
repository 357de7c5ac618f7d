FROM debian:bookworm-slim
WORKDIR /opt/app
COPY . .
# creating the user and handing the copied files over are one step here: not a simple move
RUN useradd --system app && chown -R app:app /opt/app
USER app
CMD ["/opt/app/run"]
