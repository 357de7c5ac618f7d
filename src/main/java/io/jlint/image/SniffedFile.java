package io.jlint.image;

/**
 * A file whose first bytes {@link ContentSniffer} kept or judged while its layer streamed past.
 *
 * @param layer   the layer that stores this version
 * @param path    absolute path
 * @param size    its size in bytes
 * @param keyType the PEM label of a private key found in it ({@code RSA PRIVATE KEY}, {@code OPENSSH PRIVATE KEY},
 *                {@code PGP PRIVATE KEY BLOCK}, …), null when none
 * @param text    for a credential-file candidate ({@code .npmrc}, {@code .git-credentials}, {@code .env}, …): its
 *                content as UTF-8 (at most {@link ContentSniffer#MAX_TEXT} bytes); null otherwise
 */
public record SniffedFile(int layer, String path, long size, String keyType, String text) {
}
