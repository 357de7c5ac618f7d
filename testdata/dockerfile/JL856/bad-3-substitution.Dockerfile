FROM ubuntu:24.04
# expect: JL856
RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)" "" --unattended
USER ubuntu
CMD ["zsh"]
