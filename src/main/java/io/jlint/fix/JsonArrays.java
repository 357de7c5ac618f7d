package io.jlint.fix;

import io.jlint.dockerfile.parser.JsonFormat;
import java.util.ArrayList;
import java.util.List;

/** JSON string arrays as a Dockerfile's exec form writes them. */
public final class JsonArrays {
    private JsonArrays() {
    }

    /** {@code ["a", "b"]}: each element a JSON string ({@link JsonFormat#quote(String, StringBuilder)}). */
    public static String write(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            JsonFormat.quote(items.get(i), sb);
        }
        return sb.append(']').toString();
    }

    /**
     * The elements of a not-quite-JSON array whose strings are single- or double-quoted ({@code ['a', "b"]}), or
     * null when it is anything else. Elements holding a backslash are refused (null): whether it was meant as a
     * JSON escape or literally cannot be told.
     */
    public static List<String> readQuoted(String text) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            return null;
        }
        String body = t.substring(1, t.length() - 1).strip();
        List<String> out = new ArrayList<>();
        if (body.isEmpty()) {
            return null;
        }
        int i = 0;
        while (i < body.length()) {
            char q = body.charAt(i);
            if (q != '\'' && q != '"') {
                return null;
            }
            int close = body.indexOf(q, i + 1);
            if (close < 0) {
                return null;
            }
            String item = body.substring(i + 1, close);
            if (item.indexOf('\\') >= 0) {
                return null;
            }
            out.add(item);
            i = skipBlanks(body, close + 1);
            if (i < body.length()) {
                if (body.charAt(i) != ',') {
                    return null;
                }
                i = skipBlanks(body, i + 1);
                if (i >= body.length()) {
                    return null;
                }
            }
        }
        return out;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
