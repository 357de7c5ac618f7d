FROM php:8.2-cli-alpine
RUN apk add --no-cache git unzip
COPY --from=composer/composer:2-bin /composer /usr/bin/composer
WORKDIR /app
COPY composer.json composer.lock ./
# label: missing-cleanup
RUN composer install --no-dev --prefer-dist --no-progress
COPY . .
# label: cache-busting
RUN addgroup -S worker && adduser -S worker -G worker
USER worker
CMD ["php", "bin/console", "messenger:consume", "async"]
