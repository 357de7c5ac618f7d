package io.jlint.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of BuildKit's shell-word lexer the Dockerfile front end needs: finding the heredoc words of a line
 * ({@code <<EOF}, {@code <<-"EOF"}, {@code 2<<EOF}) and removing quotes and escapes from a value the way BuildKit
 * does before it expands variables (variables are left as written).
 */
final class ShellWords {
    private ShellWords() {
    }

    /** Thrown for a value BuildKit's word expansion rejects (unterminated quote or {@code ${}). */
    static final class WordException extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        WordException(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }
    }

    /** A heredoc opener: delimiter name, {@code <<-}, quoted delimiter, and where the word is in the line. */
    record Opener(String name, boolean chomp, boolean quoted, int start, int end) {
    }

    /**
     * The heredoc openers among the shell words of {@code line[from, to)} (BuildKit splits the whole instruction
     * line, keyword and flags included, with backslash as escape and quotes kept). A line whose quotes do not
     * close yields none, as in BuildKit.
     */
    static List<Opener> heredocs(String line, int from, int to) {
        List<Opener> out = new ArrayList<>(1);
        int i = from;
        while (i < to) {
            while (i < to && GoText.isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int start = i;
            i = wordEnd(line, i, to);
            if (i < 0) {
                return List.of();
            }
            Opener o = opener(line, start, i);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** End of the raw shell word starting at {@code i}, or -1 when a quote or {@code ${} does not close. */
    private static int wordEnd(String s, int i, int to) {
        while (i < to) {
            char c = s.charAt(i);
            if (GoText.isSpace(c)) {
                return i;
            }
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                if (close < 0 || close >= to) {
                    return -1;
                }
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (i < to && s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= to) {
                    return -1;
                }
                i++;
            } else if (c == '$' && i + 1 < to && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i + 2);
                if (close < 0 || close >= to) {
                    return -1;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return Math.min(i, to);
    }

    /** BuildKit's heredoc word test {@code ^(\d*)<<(-?)([^<]*)$} plus its one-word check of the name. */
    static Opener opener(String s, int start, int end) {
        int i = start;
        while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i + 2 > end || s.charAt(i) != '<' || s.charAt(i + 1) != '<') {
            return null;
        }
        i += 2;
        boolean chomp = false;
        if (i < end && s.charAt(i) == '-') {
            chomp = true;
            i++;
        }
        if (i >= end) {
            return null;
        }
        for (int k = i; k < end; k++) {
            if (s.charAt(k) == '<') {
                return null;
            }
        }
        // the name must be one shell word; its quotes (if any) are removed
        int nameEnd = wordEnd(s, i, end);
        if (nameEnd != end) {
            return null;
        }
        String name;
        try {
            name = unquote(s, i, end, '\\');
        } catch (WordException e) {
            return null;
        }
        // BuildKit: the delimiter was quoted when removing quotes changed the number of quote characters
        boolean quoted = quotes(s, i, end) != quotes(name, 0, name.length());
        return new Opener(name, chomp, quoted, start, end);
    }

    private static int quotes(String s, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"') {
                n++;
            }
        }
        return n;
    }

    /**
     * Removes quotes and escapes from {@code s[from, to)} as BuildKit's {@code ProcessWord} does, leaving
     * {@code $VAR} / {@code ${…}} references as written: single quotes are literal, double quotes allow escaping
     * {@code "}, {@code $} and the escape character, and an unquoted escape character takes the next one
     * literally.
     */
    static String unquote(String s, int from, int to, char escape) throws WordException {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                if (close < 0 || close >= to) {
                    throw new WordException(i, "unexpected end of statement while looking for matching single-quote");
                }
                sb.append(s, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= to) {
                        throw new WordException(from, "unexpected end of statement while looking for matching double-quote");
                    }
                    char d = s.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '$') {
                        i = dollar(s, i, to, sb);
                        continue;
                    }
                    i++;
                    if (d == escape) {
                        if (i >= to) {
                            continue;
                        }
                        char n = s.charAt(i);
                        if (n == '"' || n == '$' || n == escape) {
                            d = n;
                            i++;
                        }
                    }
                    sb.append(d);
                }
            } else if (c == '$') {
                i = dollar(s, i, to, sb);
            } else if (c == escape) {
                i++;
                if (i < to) {
                    sb.append(s.charAt(i));
                    i++;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Copies a variable reference as written; returns the index after it. */
    private static int dollar(String s, int i, int to, StringBuilder sb) throws WordException {
        if (i + 1 < to && s.charAt(i + 1) == '{') {
            int depth = 0;
            for (int k = i + 1; k < to; k++) {
                char c = s.charAt(k);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    sb.append(s, i, k + 1);
                    return k + 1;
                }
            }
            throw new WordException(i, "missing '}' in variable reference");
        }
        sb.append('$');
        return i + 1;
    }
}
