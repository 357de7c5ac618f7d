FROM composer:2.7 AS vendor
WORKDIR /app
# expect: JL101 "COPY composer.json composer.lock ./"
COPY . .
RUN composer install --no-dev --prefer-dist --no-interaction

FROM php:8.3-fpm-alpine
COPY --from=vendor /app /var/www/html
USER www-data
CMD ["php-fpm"]
