package io.jlint.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's test for the exec form: the argument text must decode, as Go's {@code encoding/json} decodes it, to
 * an array; every element must then be a string. Iterative (no recursion), so deeply nested input is safe.
 */
final class JsonArray {

    /** The outcome: {@code strings} when valid, else one of the two failure kinds. */
    record Result(List<String> strings, boolean notStringArray) {
        boolean valid() {
            return strings != null;
        }
    }

    static final Result INVALID = new Result(null, false);
    static final Result NOT_STRINGS = new Result(null, true);
    private static final int MAX_DEPTH = 10000;

    private final String s;
    private final int end;
    private int p;

    private JsonArray(String s, int from, int to) {
        this.s = s;
        this.p = from;
        this.end = to;
    }

    /** Decodes {@code s[from, to)} (leading Unicode spaces skipped, as BuildKit does). */
    static Result parse(String s, int from, int to) {
        from = GoText.skipSpace(s, from, to);
        if (from >= to || s.charAt(from) != '[') {
            return INVALID;
        }
        return new JsonArray(s, from, to).run();
    }

    private Result run() {
        List<String> top = new ArrayList<>();
        boolean allStrings = true;
        // stack of open containers: '[' or '{'
        char[] stack = new char[16];
        int depth = 0;
        // expecting: 0 value, 1 comma-or-close, 2 key (object), 3 colon
        p++; // the top-level '['
        stack[depth++] = '[';
        ws();
        if (p < end && s.charAt(p) == ']') {
            p++;
            depth = 0;
        }
        while (depth > 0) {
            ws();
            if (p >= end) {
                return INVALID;
            }
            char container = stack[depth - 1];
            if (container == '{') {
                // a key and colon first
                String key = string();
                if (key == null) {
                    return INVALID;
                }
                ws();
                if (p >= end || s.charAt(p) != ':') {
                    return INVALID;
                }
                p++;
                ws();
            }
            if (p >= end) {
                return INVALID;
            }
            char c = s.charAt(p);
            boolean topLevelElement = depth == 1;
            if (c == '[' || c == '{') {
                if (depth >= MAX_DEPTH) {
                    return INVALID;
                }
                if (topLevelElement) {
                    allStrings = false;
                }
                p++;
                ws();
                char close = c == '[' ? ']' : '}';
                if (p < end && s.charAt(p) == close) {
                    p++;
                } else {
                    if (depth == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = c;
                    continue;
                }
            } else if (c == '"') {
                String v = string();
                if (v == null) {
                    return INVALID;
                }
                if (topLevelElement) {
                    top.add(v);
                }
            } else if (!literal()) {
                return INVALID;
            } else if (topLevelElement) {
                allStrings = false;
            }
            // after a value: ',' continues the container, a closer ends it (possibly several)
            while (true) {
                ws();
                if (p >= end) {
                    return INVALID;
                }
                char d = s.charAt(p);
                char open = stack[depth - 1];
                if (d == ',') {
                    p++;
                    ws();
                    if (p >= end) {
                        return INVALID;
                    }
                    if (open == '{' && s.charAt(p) != '"') {
                        return INVALID;
                    }
                    break;
                }
                if ((open == '[' && d == ']') || (open == '{' && d == '}')) {
                    p++;
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                    continue;
                }
                return INVALID;
            }
        }
        ws();
        if (p != end) {
            return INVALID;
        }
        return allStrings ? new Result(top, false) : NOT_STRINGS;
    }

    private void ws() {
        while (p < end) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                p++;
            } else {
                break;
            }
        }
    }

    /** true, false, null or a number that fits a float64. */
    private boolean literal() {
        for (String lit : new String[] {"true", "false", "null"}) {
            if (s.startsWith(lit, p) && p + lit.length() <= end) {
                p += lit.length();
                return true;
            }
        }
        int start = p;
        if (p < end && s.charAt(p) == '-') {
            p++;
        }
        if (p >= end) {
            return false;
        }
        if (s.charAt(p) == '0') {
            p++;
        } else if (s.charAt(p) >= '1' && s.charAt(p) <= '9') {
            while (p < end && isDigit(s.charAt(p))) {
                p++;
            }
        } else {
            return false;
        }
        if (p < end && s.charAt(p) == '.') {
            p++;
            if (p >= end || !isDigit(s.charAt(p))) {
                return false;
            }
            while (p < end && isDigit(s.charAt(p))) {
                p++;
            }
        }
        if (p < end && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < end && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            if (p >= end || !isDigit(s.charAt(p))) {
                return false;
            }
            while (p < end && isDigit(s.charAt(p))) {
                p++;
            }
        }
        // Go decodes numbers into float64; one out of range fails the whole decode
        return !Double.isInfinite(Double.parseDouble(s.substring(start, p)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A JSON string at p, decoded; null when malformed. */
    private String string() {
        if (p >= end || s.charAt(p) != '"') {
            return null;
        }
        p++;
        StringBuilder sb = null;
        int runStart = p;
        while (p < end) {
            char c = s.charAt(p);
            if (c == '"') {
                String out = sb == null ? s.substring(runStart, p) : sb.append(s, runStart, p).toString();
                p++;
                return out;
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                p++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(s, runStart, p);
            p++;
            if (p >= end) {
                return null;
            }
            char e = s.charAt(p++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int u = hex4(p);
                    if (u < 0) {
                        return null;
                    }
                    p += 4;
                    char cu = (char) u;
                    if (Character.isHighSurrogate(cu) && p + 6 <= end && s.charAt(p) == '\\' && s.charAt(p + 1) == 'u') {
                        int u2 = hex4(p + 2);
                        if (u2 >= 0 && Character.isLowSurrogate((char) u2)) {
                            sb.append(cu).append((char) u2);
                            p += 6;
                            break;
                        }
                    }
                    sb.append(Character.isSurrogate(cu) ? '\uFFFD' : cu);
                }
                default -> {
                    return null;
                }
            }
            runStart = p;
        }
        return null;
    }

    private int hex4(int at) {
        if (at + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(at + i), 16);
            if (d < 0 || s.charAt(at + i) > 'f') {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
