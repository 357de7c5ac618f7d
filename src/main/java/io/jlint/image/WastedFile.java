package io.jlint.image;

/**
 * A file version that is not in the final filesystem although a layer stores its bytes.
 *
 * @param path      where the version was written (absolute)
 * @param size      its bytes
 * @param layer     the layer that wrote it
 * @param removedBy the layer that overwrote or deleted its last name (the same layer when the tar holds the path
 *                  twice)
 */
public record WastedFile(String path, long size, int layer, int removedBy) {
}
