package io.jlint.image;

/**
 * One entry of the config's {@code history}.
 *
 * @param created    RFC 3339 time, null when absent
 * @param createdBy  the command that made the layer (e.g. {@code /bin/sh -c apt-get update}), "" when absent
 * @param comment    null when absent
 * @param author     null when absent
 * @param emptyLayer true for metadata-only steps (ENV, CMD…) that made no layer
 * @param missing    true for the placeholder given to a layer that has no history entry
 */
public record HistoryEntry(String created, String createdBy, String comment, String author, boolean emptyLayer,
                           boolean missing) {

    /** What a layer without a matching non-empty history entry gets: {@code createdBy} is "(missing)". */
    public static final HistoryEntry MISSING = new HistoryEntry(null, "(missing)", null, null, false, true);
}
