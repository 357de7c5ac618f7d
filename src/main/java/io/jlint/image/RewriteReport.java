package io.jlint.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What {@code squash} or {@code rebuild} changed: the image before and after, every output layer with the input
 * layers it comes from and the bytes it saves, the layers removed, and what {@code --strip-caches} took out. The
 * JSON report of both commands ({@code --report json}) is this record.
 *
 * @param operation     "squash" or "rebuild"
 * @param savedBytes    input {@code size} minus output {@code size} (uncompressed layer bytes)
 */
@JsonPropertyOrder({"operation", "input", "output", "layers", "removedLayers", "caches", "savedBytes"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RewriteReport(String operation, Side input, Side output, List<Layer> layers,
                            List<RemovedLayer> removedLayers, List<Cache> caches, long savedBytes) {

    public RewriteReport {
        layers = List.copyOf(layers);
        removedLayers = List.copyOf(removedLayers);
        caches = List.copyOf(caches);
    }

    /**
     * One side (input or output) of the rewrite.
     *
     * @param format        docker-archive, oci-archive or oci-layout
     * @param size          Σ uncompressed layer tar bytes (what the diff_ids hash)
     * @param blobBytes     Σ layer blob bytes as stored (compressed or not)
     * @param archiveBytes  the archive file's size (a layout directory: the sum of its files)
     * @param wastedBytes   exact waste (bytes of file versions a later layer overwrote or deleted)
     * @param compression   the output's new layers' compression (null for the input)
     */
    @JsonPropertyOrder({"path", "format", "tags", "layers", "size", "blobBytes", "archiveBytes", "wastedBytes",
        "configDigest", "manifestDigest", "compression"})
    public record Side(String path, String format, List<String> tags, int layers, long size, long blobBytes,
                       long archiveBytes, long wastedBytes, String configDigest, String manifestDigest,
                       String compression) {
    }

    /**
     * One layer of the output.
     *
     * @param index          0-based in the output
     * @param from           the input layers it comes from
     * @param action         "copied" (blob unchanged), "merged" (squash) or "rewritten" (rebuild)
     * @param size           uncompressed tar bytes
     * @param inputSize      Σ uncompressed tar bytes of the input layers it comes from
     * @param bytesSaved     {@code inputSize - size}
     * @param entriesRemoved input entries not written (overwritten, deleted, markers no longer needed)
     */
    @JsonPropertyOrder({"index", "from", "action", "diffId", "digest", "size", "blobSize", "inputSize", "bytesSaved",
        "entriesRemoved", "createdBy"})
    public record Layer(int index, List<Integer> from, String action, String diffId, String digest, long size,
                        long blobSize, long inputSize, long bytesSaved, int entriesRemoved, String createdBy) {
    }

    /** An input layer that is not in the output (nothing of it was left); its history entry became empty. */
    @JsonPropertyOrder({"index", "diffId", "size", "createdBy"})
    public record RemovedLayer(int index, String diffId, long size, String createdBy) {
    }

    /**
     * A path {@code --strip-caches} removed from the final filesystem (with everything below it).
     *
     * @param files non-directories removed at or below it
     * @param bytes their bytes
     */
    @JsonPropertyOrder({"rule", "path", "files", "bytes"})
    public record Cache(String rule, String path, int files, long bytes) {
    }
}
