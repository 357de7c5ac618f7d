FROM python:3.12-slim
# public key material and fingerprints
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D \
    PUBLIC_KEY_URL=https://example.com/key.asc
# names that point at or describe a secret
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password \
    TOKEN_URL=https://auth.example.com/oauth/token \
    SECRET_NAME=prod/app/db \
    AWS_ACCESS_KEY_ID_PATH=/run/secrets/aws_key_id \
    PASSWORD_MIN_LENGTH=12 \
    TOKEN_TTL=3600
# booleans, empty values and placeholders
ENV ALLOW_EMPTY_PASSWORD=yes \
    MYSQL_RANDOM_ROOT_PASSWORD=true \
    API_TOKEN= \
    REDIS_PASSWORD="<set at run time>"
# values from the build, not written in the file
ARG NPM_TOKEN
ARG GITHUB_TOKEN
ENV SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN:-}
# PWD alone is the working directory, and KEYSERVER a host
ENV PWD=/app KEYSERVER=hkps://keys.openpgp.org
USER nobody
CMD ["python3"]
