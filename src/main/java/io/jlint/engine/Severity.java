package io.jlint.engine;

import java.util.Locale;

/** Finding severities, most severe first. */
public enum Severity {
    ERROR, WARNING, INFO, STYLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at or above {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error|warning|info|style}, any case; null if unknown. */
    public static Severity parse(String s) {
        if (s == null) {
            return null;
        }
        for (Severity v : values()) {
            if (v.id().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        return null;
    }
}
