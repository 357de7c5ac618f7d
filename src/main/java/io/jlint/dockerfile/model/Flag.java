package io.jlint.dockerfile.model;

/**
 * An instruction flag such as {@code --from=builder} or {@code --link}. {@code value} is null for a flag written
 * without {@code =} (a boolean flag); {@code raw} is the text as BuildKit reports it, e.g. {@code --from=builder}.
 */
public record Flag(String name, String value, String raw, Span span) {

    public boolean is(String flagName) {
        return name.equalsIgnoreCase(flagName);
    }
}
