FROM ubuntu:24.04
SHELL ["/bin/bash", "-c"]
# pipefail set after the pipeline does not help it
# expect: JL800 "set -o pipefail"
RUN <<EOS
wget -qO- https://example.com/versions.json | jq -r '.stable' > /etc/app-version
set -o pipefail
wget -qO- https://example.com/extra.json | jq -r '.extra' > /etc/app-extra
EOS
USER ubuntu
CMD ["bash"]
