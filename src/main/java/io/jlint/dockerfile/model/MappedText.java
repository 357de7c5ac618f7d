package io.jlint.dockerfile.model;

/**
 * Text derived from the source (e.g. a shell command with line continuations and comment lines removed)
 * that remembers, for each of its characters, the source offset it came from, so that anything found in it
 * can be reported at its exact source position.
 *
 * @param text    the derived text
 * @param offsets {@code offsets[i]} is the source offset of {@code text.charAt(i)}; length is
 *                {@code text.length() + 1}, the last element being the source offset just past the text
 * @param lines   the line index of the source the offsets point into
 */
public record MappedText(String text, int[] offsets, LineIndex lines) {

    public int sourceOffset(int index) {
        return offsets[Math.max(0, Math.min(index, text.length()))];
    }

    /** The source span of {@code text[from, to)}. */
    public Span span(int from, int to) {
        int start = sourceOffset(from);
        int end = to > from ? offsets[Math.min(to, text.length()) - 1] + 1 : start;
        return lines.span(start, Math.max(start, end));
    }

    /** Text whose characters come from consecutive source offsets starting at {@code start}. */
    public static MappedText contiguous(String text, int start, LineIndex lines) {
        int[] offsets = new int[text.length() + 1];
        for (int i = 0; i <= text.length(); i++) {
            offsets[i] = start + i;
        }
        return new MappedText(text, offsets, lines);
    }
}
