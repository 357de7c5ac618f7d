FROM alpine AS base
RUN <<EOF
echo hi
EOF
RUN cat <<-"A" <<B > /x
	one $X
	A
two
B
COPY --chmod=755 <<EOF /usr/bin/run.sh
#!/bin/sh
EOF
RUN bash -e <<'SCRIPT'
apt-get update
SCRIPT
RUN 2<<X python3 - 
print(1)
X
