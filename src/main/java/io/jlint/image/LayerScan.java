package io.jlint.image;

/**
 * What reading one layer blob measured (all digests verified by then).
 *
 * @param digest         sha256 of the blob as stored
 * @param diffId         sha256 of the uncompressed tar
 * @param compression    detected from the blob's first bytes
 * @param compressedSize the blob's size as stored
 * @param size           the uncompressed tar's size (the bytes {@code diffId} hashes)
 * @param entries        tar entries (PAX/GNU extension records not counted; the eStargz TOC not counted)
 * @param headerBytes    the sum of the entries' header size fields (dive's layer size)
 * @param estargzToc     true when an eStargz table of contents ({@code stargz.index.json}) followed the tar
 */
public record LayerScan(String digest, String diffId, Compression compression, long compressedSize, long size,
                        int entries, long headerBytes, boolean estargzToc) {
}
