package io.jlint.image;

import io.jlint.engine.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code squash} and {@code rebuild} read their input and write their output.
 *
 * @param read            which image of the archive, platform, decompression-bomb guard
 * @param format          {@link Format#DOCKER}: a {@code docker save} archive (also an OCI layout: {@code
 *                        index.json}, {@code oci-layout}); {@link Format#OCI}: an OCI image layout, a directory, or a
 *                        tar when the output's name ends with {@code .tar}
 * @param compression     how new layers are compressed; null: none for docker archives (as {@code docker save}),
 *                        gzip for OCI layouts
 * @param tags            the output's names ({@code name:tag}); empty: the input's
 * @param sourceDateEpoch seconds since the epoch for what jlint dates itself (the config's {@code created}, the
 *                        squash history entry, entries it makes up); null: keep the input's times (entries it makes
 *                        up get 0)
 */
public record RewriteOptions(ImageOptions read, Format format, Compression compression, List<String> tags,
                             Long sourceDateEpoch) {

    /** Output formats. */
    public enum Format {
        DOCKER, OCI;

        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "docker", "docker-archive" -> DOCKER;
                case "oci" -> OCI;
                default -> throw new InputException(null, "--format " + s + ": expected docker or oci");
            };
        }
    }

    public RewriteOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (compression != null && compression != Compression.NONE && compression != Compression.GZIP
                && compression != Compression.ZSTD) {
            throw new IllegalArgumentException("layers can be written uncompressed, gzip or zstd");
        }
    }

    /** Defaults: the archive's only image, a docker archive, the input's names, no SOURCE_DATE_EPOCH. */
    public static RewriteOptions defaults() {
        return new RewriteOptions(ImageOptions.defaults(), Format.DOCKER, null, List.of(), null);
    }

    public RewriteOptions withRead(ImageOptions o) {
        return new RewriteOptions(o, format, compression, tags, sourceDateEpoch);
    }

    public RewriteOptions withFormat(Format f) {
        return new RewriteOptions(read, f, compression, tags, sourceDateEpoch);
    }

    public RewriteOptions withCompression(Compression c) {
        return new RewriteOptions(read, format, c, tags, sourceDateEpoch);
    }

    public RewriteOptions withTags(List<String> t) {
        return new RewriteOptions(read, format, compression, t, sourceDateEpoch);
    }

    public RewriteOptions withSourceDateEpoch(Long s) {
        return new RewriteOptions(read, format, compression, tags, s);
    }

    /** The compression of new layers. */
    Compression layerCompression() {
        return compression != null ? compression : format == Format.OCI ? Compression.GZIP : Compression.NONE;
    }

    /** Parses {@code none}, {@code gzip} or {@code zstd}. */
    public static Compression parseCompression(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> Compression.NONE;
            case "gzip" -> Compression.GZIP;
            case "zstd" -> Compression.ZSTD;
            default -> throw new InputException(null, "--compression " + s + ": expected none, gzip or zstd");
        };
    }

    /** Reads {@code SOURCE_DATE_EPOCH} as reproducible-builds.org defines it; null when unset or empty. */
    public static Long sourceDateEpoch(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(null, "SOURCE_DATE_EPOCH=" + value + ": expected seconds since 1970 (an integer)");
        }
    }

    /**
     * Checks and completes image names: {@code name[:tag]} with a lower-case repository, ":latest" added when the
     * tag is missing; digests ({@code @sha256:…}) are refused (a name for a new image cannot carry the old digest).
     */
    public static List<String> normalizeTags(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String s = t.trim();
            if (s.isEmpty() || s.contains("@") || s.chars().anyMatch(c -> c <= ' ')) {
                throw new InputException(null, "--tag " + t + ": expected NAME[:TAG], e.g. app:1.0");
            }
            int slash = s.lastIndexOf('/');
            int colon = s.lastIndexOf(':');
            String repo = colon > slash ? s.substring(0, colon) : s;
            String tag = colon > slash ? s.substring(colon + 1) : "latest";
            if (repo.isEmpty() || repo.endsWith("/") || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
                    || !repoOk(repo)) {
                throw new InputException(null, "--tag " + t + ": expected NAME[:TAG] (lower-case name; tag of"
                        + " letters, digits, '_', '.', '-'), e.g. app:1.0");
            }
            String full = repo + ":" + tag;
            if (!out.contains(full)) {
                out.add(full);
            }
        }
        return out;
    }

    private static boolean repoOk(String repo) {
        String[] parts = repo.split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean registry = i == 0 && parts.length > 1 && (p.contains(".") || p.contains(":")
                    || p.equals("localhost"));
            if (registry ? !p.matches("[A-Za-z0-9.-]+(:[0-9]+)?") : !p.matches("[a-z0-9]+([._-]+[a-z0-9]+)*")) {
                return false;
            }
        }
        return true;
    }
}
