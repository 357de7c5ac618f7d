package io.jlint.rules.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file evaluated the way BuildKit evaluates it: one pattern a line (surrounding blanks
 * removed, {@code #} lines skipped, a leading {@code /} dropped, the path cleaned), {@code *} and {@code ?} within a
 * path segment, {@code **} across segments, {@code !PATTERN} re-including what an earlier pattern excluded; a path is
 * excluded when the last pattern that matches it or one of its parent directories is not an exception. Package-private
 * helper of the JL101 fix ({@link DependencyReorder}).
 */
final class DockerIgnore {

    /** No .dockerignore: nothing is excluded. */
    static final DockerIgnore NONE = new DockerIgnore(List.of(), false);

    private record Rule(Pattern regex, boolean exception) {
    }

    private final List<Rule> rules;
    private final boolean exceptions;

    private DockerIgnore(List<Rule> rules, boolean exceptions) {
        this.rules = List.copyOf(rules);
        this.exceptions = exceptions;
    }

    /**
     * Parses the file's lines.
     *
     * @throws IllegalArgumentException naming a pattern this class cannot translate
     */
    static DockerIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        boolean exceptions = false;
        for (int i = 0; i < lines.size(); i++) {
            String p = lines.get(i);
            if (i == 0 && p.startsWith("\uFEFF")) {
                p = p.substring(1);
            }
            p = p.strip();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            boolean exception = p.startsWith("!");
            if (exception) {
                p = p.substring(1).strip();
                exceptions = true;
            }
            p = clean(p);
            if (p.isEmpty()) {
                continue;
            }
            rules.add(new Rule(Pattern.compile(regex(p)), exception));
        }
        return new DockerIgnore(rules, exceptions);
    }

    /** True when some pattern re-includes paths ({@code !PATTERN}). */
    boolean hasExceptions() {
        return exceptions;
    }

    /** True when BuildKit leaves {@code rel} (a clean path relative to the context, no leading ./) out. */
    boolean excluded(String rel) {
        List<String> candidates = new ArrayList<>();
        candidates.add(rel);
        int slash = -1;
        while ((slash = rel.indexOf('/', slash + 1)) > 0) {
            candidates.add(rel.substring(0, slash));
        }
        boolean out = false;
        for (Rule r : rules) {
            for (String c : candidates) {
                if (r.regex().matcher(c).matches()) {
                    out = !r.exception();
                    break;
                }
            }
        }
        return out;
    }

    /** The pattern as a clean relative path: no leading "/", no "." segments, ".." applied, no trailing "/". */
    private static String clean(String p) {
        List<String> parts = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(s);
        }
        return String.join("/", parts);
    }

    private static String regex(String p) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    i += 2;
                    if (i < p.length() && p.charAt(i) == '/') {
                        i++;
                    }
                    re.append(i >= p.length() ? ".*" : "(.*/)?");
                    continue;
                }
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = p.indexOf(']', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(p);
                }
                String body = p.substring(i + 1, end);
                if (body.startsWith("!")) {
                    body = "^" + body.substring(1);
                }
                if (body.isEmpty() || body.contains("[") || body.contains("\\")) {
                    throw new IllegalArgumentException(p);
                }
                re.append('[').append(body).append(']');
                i = end;
            } else if (c == '\\') {
                throw new IllegalArgumentException(p);
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }
}
