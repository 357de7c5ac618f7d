package io.jlint.fix;

/**
 * Replace the source characters {@code [startOffset, endOffset)} with {@code replacement}. Offsets index
 * {@link io.jlint.dockerfile.model.Dockerfile#source()}.
 */
public record Edit(int startOffset, int endOffset, String replacement) {
}
