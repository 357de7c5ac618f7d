# label: root-user
FROM php:8.1-apache
RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer
WORKDIR /var/www/html
# label: cache-busting
COPY . .
# label: missing-cleanup
RUN composer install --no-dev --no-interaction
# label: unmerged-run
RUN a2enmod rewrite
EXPOSE 80
