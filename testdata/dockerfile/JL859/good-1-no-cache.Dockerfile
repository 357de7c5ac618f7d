FROM php:8.3-fpm-alpine
COPY --from=composer:2.7 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --prefer-dist --no-cache
COPY . .
RUN composer dump-autoload --optimize && composer clear-cache
USER www-data
CMD ["php-fpm"]
