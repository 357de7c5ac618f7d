package io.jlint.dockerfile.parser;

/** The character classes and string quoting of Go's standard library, as BuildKit's parser uses them. */
final class GoText {
    private GoText() {
    }

    /** {@code unicode.IsSpace}. */
    static boolean isSpace(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200A';
            }
        }
    }

    /** BuildKit's {@code reWhitespace}: {@code [\t\v\f\r ]}. */
    static boolean isReWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** First index in [from, to) that is not {@link #isSpace}. */
    static int skipSpace(CharSequence s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** End of [from, to) with trailing {@link #isSpace} characters removed. */
    static int trimSpaceEnd(CharSequence s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** {@code strconv.Quote}: a double-quoted Go string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '"' || r == '\\') {
                sb.append('\\').append((char) r);
            } else if (r >= 0x20 && r < 0x7F) {
                sb.append((char) r);
            } else if (r >= 0x80 && isPrint(r)) {
                sb.appendCodePoint(r);
            } else {
                switch (r) {
                    case 0x07 -> sb.append("\\a");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case 0x0B -> sb.append("\\v");
                    default -> {
                        if (r < 0x20 || r == 0x7F) {
                            sb.append("\\x").append(hex(r, 2));
                        } else if (Character.isSurrogate((char) r)) {
                            sb.append("\\ufffd");
                        } else if (r < 0x10000) {
                            sb.append("\\u").append(hex(r, 4));
                        } else {
                            sb.append("\\U").append(hex(r, 8));
                        }
                    }
                }
            }
        }
        sb.append('"');
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
