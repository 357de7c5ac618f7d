package io.jlint.dockerfile.model;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line and column numbers. Immutable. */
public final class LineIndex {
    private final int[] lineStarts;
    private final int length;
    /** Index of the line found last: lookups mostly move forward through a file (a benign race, checked on use). */
    private int hint;

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
        int o = Math.max(0, Math.min(offset, length));
        int h = hint;
        if (h < lineStarts.length && lineStarts[h] <= o) {
            // the hinted line or one of the next few
            for (int k = h, end = Math.min(lineStarts.length, h + 8); k < end; k++) {
                if (k + 1 == lineStarts.length || lineStarts[k + 1] > o) {
                    hint = k;
                    return k + 1;
                }
            }
        }
        int i = Arrays.binarySearch(lineStarts, o);
        int line = i >= 0 ? i + 1 : -i - 1;
        hint = line - 1;
        return line;
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
        int startLine = line(startOffset);
        int endLine = line(endOffset);
        return new Span(startLine, startOffset - lineStarts[startLine - 1] + 1, endLine,
                endOffset - lineStarts[endLine - 1] + 1, startOffset, endOffset);
    }
}
