package io.jlint.dockerfile.model;

/**
 * A region of source text. Lines and columns are 1-based; columns count UTF-16 code units of the line.
 * The end is exclusive: {@code endColumn} is the column just past the last character, so an empty span has
 * start == end. Offsets are 0-based character offsets into {@link Dockerfile#source()} (after BOM removal,
 * before any CRLF normalisation: offsets always index the text as read), end exclusive.
 */
public record Span(int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset) {

    public static final Span NONE = new Span(0, 0, 0, 0, 0, 0);

    public boolean contains(int offset) {
        return offset >= startOffset && offset < endOffset;
    }

    public Span union(Span other) {
        Span a = startOffset <= other.startOffset ? this : other;
        Span b = endOffset >= other.endOffset ? this : other;
        return new Span(a.startLine, a.startColumn, b.endLine, b.endColumn, a.startOffset, b.endOffset);
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
