# label: root-user
FROM php:8.2-fpm

# label: missing-cleanup
RUN apt-get update && apt-get install -y \
    git \
    unzip \
    libzip-dev \
    libpng-dev \
    && docker-php-ext-install zip gd pdo_mysql

COPY --from=composer:2 /usr/bin/composer /usr/bin/composer

WORKDIR /var/www
# label: cache-busting
COPY . /var/www
# label: missing-cleanup
RUN composer install --no-dev --optimize-autoloader

# label: unmerged-run
RUN chown -R www-data:www-data /var/www/storage /var/www/bootstrap/cache

EXPOSE 9000
CMD ["php-fpm"]
