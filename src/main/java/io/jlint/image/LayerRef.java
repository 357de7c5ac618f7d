package io.jlint.image;

/**
 * Where a layer's blob is in the archive and what it must hash to.
 *
 * @param index          0-based, bottom layer first
 * @param blob           the entry (or file in an OCI layout) holding the blob
 * @param expectedDigest the digest the blob must have (OCI descriptor, or a content-addressed name such as
 *                       {@code blobs/sha256/…}); null when the archive does not state one
 * @param expectedSize   the descriptor's size, or -1 when not stated
 * @param mediaType      the descriptor's media type, null when not stated (docker-archive)
 * @param diffId         {@code rootfs.diff_ids[index]}: the digest of the uncompressed tar
 */
public record LayerRef(int index, String blob, String expectedDigest, long expectedSize, String mediaType,
                       String diffId) {
}
