package io.jlint.image;

import java.util.List;

/**
 * The analysis of one image: what rules and reports work from. Immutable ({@link #tree()} is frozen).
 *
 * @param archive            the archive's path as given
 * @param format             {@code docker-archive}, {@code oci-archive} or {@code oci-layout}
 * @param archiveCompression "gzip"/"zstd" when the whole archive was compressed, else null
 * @param image              the image as found in the archive (tags, config, blobs)
 * @param layers             per-layer figures, bottom first
 * @param entries            per layer, its tar entries in order, stored compactly (metadata only; content is read
 *                           by re-scanning with {@link ImageArchive#scanLayer} or during the analysis with
 *                           {@link ImageAnalyzer.ContentVisitors})
 * @param tree               the merged filesystem with provenance and waste
 * @param totalSize          Σ layers' uncompressed sizes
 * @param fileBytes          Σ sizes of all regular-file entries of all layers
 * @param wastedBytes        exact waste (see {@link FileTree})
 * @param efficiency         1 − wastedBytes / fileBytes (1.0 when fileBytes is 0)
 * @param dive               dive's figures
 */
public record ImageAnalysis(String archive, String format, String archiveCompression, ImageRef image,
                            List<LayerInfo> layers, List<LayerEntries> entries, FileTree tree, long totalSize,
                            long fileBytes, long wastedBytes, double efficiency, DiveFigures dive) {

    public ImageAnalysis {
        layers = List.copyOf(layers);
        entries = List.copyOf(entries);
    }

    public ImageConfig config() {
        return image.config();
    }

    /** Wasted file versions, biggest first. */
    public List<WastedFile> wastedFiles() {
        return tree.wastedFiles();
    }

    /** Entries that climb out of the root or could not be applied. */
    public List<UnsafeEntry> unsafeEntries() {
        return tree.unsafeEntries();
    }

    /** Calls {@code visitor} for every entry of every layer, in order (metadata only: content is empty). */
    public void forEachLayerEntry(java.util.function.Consumer<LayerEntry> visitor) {
        for (LayerEntries l : entries) {
            l.forEach(visitor);
        }
    }
}
