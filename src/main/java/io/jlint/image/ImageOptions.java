package io.jlint.image;

/**
 * How to read an archive.
 *
 * @param image        which image of a multi-image archive (a tag or a 0-based index); null: every image
 * @param platform     which platform of a multi-platform index; null: the host's
 * @param maxLayerSize the largest uncompressed layer accepted (decompression-bomb guard)
 * @param threads      layers read at once; 0: one per available processor
 */
public record ImageOptions(String image, Platform platform, long maxLayerSize, int threads) {

    /** Default for {@code maxLayerSize}: 64 GiB (also {@code io.jlint.engine.Config.ImageThresholds}). */
    public static final long DEFAULT_MAX_LAYER_SIZE = 64L << 30;

    public ImageOptions {
        if (maxLayerSize <= 0) {
            throw new IllegalArgumentException("maxLayerSize must be positive");
        }
    }

    public static ImageOptions defaults() {
        return new ImageOptions(null, null, DEFAULT_MAX_LAYER_SIZE, 0);
    }

    public ImageOptions withImage(String name) {
        return new ImageOptions(name, platform, maxLayerSize, threads);
    }

    public ImageOptions withPlatform(Platform p) {
        return new ImageOptions(image, p, maxLayerSize, threads);
    }

    public ImageOptions withMaxLayerSize(long max) {
        return new ImageOptions(image, platform, max, threads);
    }

    public ImageOptions withThreads(int n) {
        return new ImageOptions(image, platform, maxLayerSize, n);
    }
}
