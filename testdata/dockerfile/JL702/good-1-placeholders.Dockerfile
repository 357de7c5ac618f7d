FROM python:3.12-slim
# documentation examples and placeholders are not credentials
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
    GITHUB_TOKEN_HINT=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
# a public key is not a secret
COPY <<EOF /etc/ssh/trusted_ca.pub
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFq2rCpUq5s9b3 ca@example.com
EOF
RUN --mount=type=secret,id=aws,target=/root/.aws/credentials \
    python -c "print('uses the secret without storing it')"
USER nobody
CMD ["python3"]
