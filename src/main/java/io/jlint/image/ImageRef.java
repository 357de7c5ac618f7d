package io.jlint.image;

import java.util.List;

/**
 * One image found in an archive, resolved down to its config and layer blobs (nothing of the layers read yet).
 *
 * @param index          position among the archive's images (manifest.json order, or index.json order)
 * @param format         {@code docker-archive}, {@code oci-archive} or {@code oci-layout}
 * @param tags           RepoTags, or the index's image names; may be empty
 * @param configBlob     where the config is
 * @param configDigest   the sha256 of the config blob
 * @param manifestDigest the OCI manifest's digest, null for docker-archive
 */
public record ImageRef(int index, String format, List<String> tags, String configBlob, String configDigest,
                       ImageConfig config, List<LayerRef> layers, String manifestDigest) {
    public ImageRef {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
    }

    /** A short name for messages: the first tag, else "image #index". */
    public String displayName() {
        return tags.isEmpty() ? "image #" + index : tags.get(0);
    }
}
