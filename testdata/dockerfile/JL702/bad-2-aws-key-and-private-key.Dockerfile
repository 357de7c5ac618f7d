FROM python:3.12-slim
# expect: JL702 "AWS access key id"
ENV AWS_ACCESS_KEY_ID=AKIAQ3EGRV4ZHXKD7PLM
WORKDIR /app
# expect: JL702 "private key"
COPY <<EOF /root/.ssh/id_ed25519
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
-----END OPENSSH PRIVATE KEY-----
EOF
COPY . .
USER nobody
CMD ["python", "main.py"]
