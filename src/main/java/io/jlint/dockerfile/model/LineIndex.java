package io.jlint.dockerfile.model;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line and column numbers. Immutable. */
public final class LineIndex {
    private final int[] lineStarts;
    private final int length;

    private LineIndex(int[] lineStarts, int length) {
        this.lineStarts = lineStarts;
        this.length = length;
    }

    /** Lines end at {@code \n}; a {@code \r} before it belongs to the line (it is not a column of the next). */
    public static LineIndex of(CharSequence text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, n), text.length());
    }

    /** 1-based line of an offset (an offset at the very end belongs to the last line). */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, length)));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public Span span(int startOffset, int endOffset) {
        return new Span(line(startOffset), column(startOffset), line(endOffset), column(endOffset), startOffset,
                endOffset);
    }
}
