package io.jlint.image;

/**
 * Everything measured about one layer.
 *
 * @param index          0-based, bottom layer first
 * @param blob           the archive entry (or layout file) holding it
 * @param diffId         sha256 of the uncompressed tar (verified against the config)
 * @param digest         sha256 of the blob as stored (verified when the archive states it)
 * @param mediaType      the descriptor's media type; null when the archive states none (docker-archive)
 * @param compression    detected from the blob's bytes
 * @param compressedSize the blob's size as stored
 * @param size           the uncompressed tar's size (the bytes {@code diffId} hashes)
 * @param files          tar entries (directories, links and whiteouts included)
 * @param bytesAdded     regular-file bytes this layer writes at paths that did not exist below
 * @param bytesChanged   regular-file bytes this layer writes at paths that existed below (or earlier in this tar)
 * @param bytesRemoved   bytes of earlier file versions this layer overwrote or deleted (their last name gone)
 * @param wastedBytes    bytes this layer stores that are not in the final filesystem (a later layer overwrote or
 *                       deleted them, or the tar holds the path twice)
 * @param history        the matching non-empty history entry, or {@link HistoryEntry#MISSING}
 * @param estargz        true when the layer carries an eStargz table of contents
 * @param diveSize       dive's size for the layer (sum of tar header sizes)
 */
public record LayerInfo(int index, String blob, String diffId, String digest, String mediaType,
                        Compression compression, long compressedSize, long size, int files, long bytesAdded,
                        long bytesChanged, long bytesRemoved, long wastedBytes, HistoryEntry history,
                        boolean estargz, long diveSize) {
}
