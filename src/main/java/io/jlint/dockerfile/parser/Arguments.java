package io.jlint.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's argument syntax, applied to an instruction's logical line (continuations already joined): splitting
 * off the keyword, extracting the leading {@code --flags}, and the word splitting its per-instruction line parsers
 * use. Everything works on index ranges of one string so that each piece can be mapped back to the source.
 */
final class Arguments {
    private Arguments() {
    }

    /** A piece of the line: its value and the range [start, end) of the line it was read from. */
    record Piece(String text, int start, int end) {
    }

    /** The keyword, the flags and the trimmed argument range of a logical line. */
    record Split(Piece command, List<Piece> flags, int argsStart, int argsEnd) {
    }

    /** BuildKit's {@code splitCommand}: trim, split off the first word, extract flags, trim the rest. */
    static Split splitCommand(String line, int from, int to) {
        int s = GoText.skipSpace(line, from, to);
        int e = GoText.trimSpaceEnd(line, s, to);
        int i = s;
        while (i < e && !GoText.isReWhitespace(line.charAt(i))) {
            i++;
        }
        Piece cmd = new Piece(line.substring(s, i), s, i);
        if (i == e) {
            return new Split(cmd, List.of(), e, e);
        }
        int j = i;
        while (j < e && GoText.isReWhitespace(line.charAt(j))) {
            j++;
        }
        List<Piece> flags = new ArrayList<>(2);
        int rest = extractFlags(line, j, e, flags);
        int a = GoText.skipSpace(line, rest, e);
        return new Split(cmd, flags, a, GoText.trimSpaceEnd(line, a, e));
    }

    /**
     * BuildKit's {@code extractBuilderFlags}: leading words that start with {@code --}, with quotes removed and
     * backslash escapes applied, up to {@code --} or the first other word. Returns where the rest starts.
     */
    private static int extractFlags(String line, int from, int to, List<Piece> out) {
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        int wordStart = from;
        char quote = 0;
        boolean blankOk = false;
        char ch = 0;
        for (int pos = from; pos <= to; pos++) {
            if (pos != to) {
                ch = line.charAt(pos);
            }
            if (phase == inSpaces) {
                if (pos == to) {
                    break;
                }
                if (GoText.isSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == to || line.charAt(pos + 1) != '-') {
                    return pos;
                }
                phase = inWord;
                wordStart = pos;
            }
            if (pos == to) {
                if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
                    out.add(new Piece(word.toString(), wordStart, pos));
                }
                break;
            }
            if (phase == inWord) {
                if (GoText.isSpace(ch)) {
                    phase = inSpaces;
                    if (word.toString().equals("--")) {
                        return pos;
                    }
                    if (blankOk || word.length() > 0) {
                        out.add(new Piece(word.toString(), wordStart, pos));
                    }
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == to) {
                        continue;
                    }
                    pos++;
                    ch = line.charAt(pos);
                }
                word.append(ch);
                continue;
            }
            // inQuote
            if (ch == quote) {
                phase = inWord;
                continue;
            }
            if (ch == '\\') {
                if (pos + 1 == to) {
                    phase = inWord;
                    continue;
                }
                pos++;
                ch = line.charAt(pos);
            }
            word.append(ch);
        }
        return to;
    }

    /**
     * BuildKit's {@code parseWords}: words separated by Unicode spaces; quotes and escapes are kept in the word
     * (they are removed later, when the value is expanded), but spaces inside quotes do not split.
     */
    static List<Piece> parseWords(String rest, int from, int to, char escape) {
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        List<Piece> words = new ArrayList<>();
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        int wordStart = from;
        char quote = 0;
        boolean blankOk = false;
        int ch = 0;
        int width = 0;
        for (int pos = from; pos <= to; pos += width) {
            if (pos != to) {
                ch = rest.codePointAt(pos);
                width = Character.charCount(ch);
                if (pos + width > to) {
                    width = 1;
                    ch = rest.charAt(pos);
                }
            }
            if (phase == inSpaces) {
                if (pos == to) {
                    break;
                }
                if (ch < 0x10000 && GoText.isSpace((char) ch)) {
                    continue;
                }
                phase = inWord;
                wordStart = pos;
            }
            if (pos == to) {
                if (blankOk || word.length() > 0) {
                    words.add(new Piece(word.toString(), wordStart, pos));
                }
                break;
            }
            if (phase == inWord) {
                if (ch < 0x10000 && GoText.isSpace((char) ch)) {
                    phase = inSpaces;
                    if (blankOk || word.length() > 0) {
                        words.add(new Piece(word.toString(), wordStart, pos));
                    }
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = (char) ch;
                    blankOk = true;
                    phase = inQuote;
                }
                if (ch == escape) {
                    if (pos + width == to) {
                        continue;
                    }
                    word.appendCodePoint(ch);
                    pos += width;
                    ch = rest.codePointAt(pos);
                    width = Math.min(Character.charCount(ch), to - pos);
                }
                word.appendCodePoint(ch);
                continue;
            }
            // inQuote
            if (ch == quote) {
                phase = inWord;
            }
            if (ch == escape && quote != '\'') {
                if (pos + width == to) {
                    phase = inWord;
                    continue;
                }
                pos += width;
                word.appendCodePoint(ch);
                ch = rest.codePointAt(pos);
                width = Math.min(Character.charCount(ch), to - pos);
            }
            word.appendCodePoint(ch);
        }
        return words;
    }

    /** BuildKit's {@code parseStringsWhitespaceDelimited}: split on runs of {@code [\t\v\f\r ]}. */
    static List<Piece> splitWhitespace(String s, int from, int to) {
        List<Piece> out = new ArrayList<>();
        if (from >= to) {
            return out;
        }
        int start = from;
        int i = from;
        while (i < to) {
            if (GoText.isReWhitespace(s.charAt(i))) {
                out.add(new Piece(s.substring(start, i), start, i));
                while (i < to && GoText.isReWhitespace(s.charAt(i))) {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        out.add(new Piece(s.substring(start, to), start, to));
        return out;
    }

    /** Index of the first {@code [\t\v\f\r ]} in [from, to), or -1. */
    static int indexOfReWhitespace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (GoText.isReWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
