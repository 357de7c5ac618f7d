FROM composer:2 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --prefer-dist && \
    # a classmap that needs no filesystem scan
    composer dump-autoload --optimize --classmap-authoritative && \
    composer clear-cache
USER www-data
