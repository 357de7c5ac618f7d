FROM composer:2
WORKDIR /app
# refused: composer.json has a classmap autoload, which the autoloader dump scans in the source tree
COPY . .
RUN composer install --no-dev --no-interaction
CMD ["php", "lib/report.php"]
