package io.jlint.dockerfile.parser;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} over a Java string that indexes UTF-16 code units, so that token offsets are the same
 * character offsets the model's spans use ({@code CharStreams.fromString} counts code points instead).
 */
final class Utf16CharStream implements CharStream {
    private final String text;
    private final String name;
    private int p;

    Utf16CharStream(String text, String name) {
        this.text = text;
        this.name = name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(text.length() - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (p >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int idx = i < 0 ? p + i : p + i - 1;
        if (idx < 0 || idx >= text.length()) {
            return IntStream.EOF;
        }
        return text.charAt(idx);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // all text is in memory
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.max(0, Math.min(index, text.length()));
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return name;
    }
}
