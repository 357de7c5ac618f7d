package io.jlint.dockerfile.model;

import java.util.Map;

/**
 * A parsed {@code RUN --mount=…} flag. {@code options} holds every {@code key=value} (keys lower-case; a bare
 * key such as {@code ro} maps to "true"); {@code type} defaults to {@code bind} as in BuildKit.
 */
public record Mount(String type, Map<String, String> options, Flag flag) {

    public Mount {
        options = Map.copyOf(options);
    }

    /** The mount point ({@code target}, {@code dst} or {@code destination}), or null. */
    public String target() {
        String t = options.get("target");
        if (t == null) {
            t = options.get("dst");
        }
        if (t == null) {
            t = options.get("destination");
        }
        return t;
    }

    public String option(String key) {
        return options.get(key);
    }
}
