# label: root-user
FROM ubuntu:20.04
ENV DEBIAN_FRONTEND=noninteractive
# label: missing-cleanup
RUN apt-get update
# label: unmerged-run
RUN apt-get install -y build-essential cmake git curl
# label: unmerged-run
RUN apt-get install -y python3 python3-pip
# label: unmerged-run, missing-cleanup
RUN pip3 install conan
WORKDIR /src
COPY . .
RUN cmake -B build && cmake --build build
CMD ["./build/app"]
