FROM php:8.3-fpm-alpine
COPY --from=composer:2.7 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www
COPY composer.json composer.lock ./
# expect: JL859
RUN composer install --no-dev --no-scripts --prefer-dist
COPY . .
USER www-data
CMD ["php-fpm"]
