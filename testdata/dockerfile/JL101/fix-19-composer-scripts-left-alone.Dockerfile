FROM php:8.3-cli
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /app
# refused: composer.json runs a post-install-cmd script on install
COPY . .
RUN composer install --no-dev --prefer-dist
CMD ["php", "public/index.php"]
