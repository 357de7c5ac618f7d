package io.jlint.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives a layer's entries in tar order while the layer streams past. Used by the analyzer (which ignores
 * content), by rules that look into files, and by squash/rebuild (which copy content).
 */
@FunctionalInterface
public interface LayerVisitor {

    /**
     * One entry. {@code content} holds a regular file's bytes (empty for other types) and is readable only during
     * this call; what is not read is skipped (and still verified against the layer's digests).
     */
    void entry(LayerEntry entry, InputStream content) throws IOException;
}
