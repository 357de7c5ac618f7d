# syntax=docker/dockerfile:1
FROM composer:2 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN <<EOF
set -e
composer validate --strict
composer install --no-dev --no-scripts --prefer-dist
EOF
USER www-data
