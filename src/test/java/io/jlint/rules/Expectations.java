package io.jlint.rules;

import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # expect: ID[, ID "message substring"]} markers of a test Dockerfile, and the comparison of findings
 * against them. A marker applies to the next instruction; a finding meets it when it is of that rule, starts within
 * that instruction (usually on its first line) and, when a substring is given, its message contains it. Every
 * marker must be met and every finding must meet a marker.
 */
final class Expectations {
    private Expectations() {
    }

    static final Pattern MARKER = Pattern.compile("^\\s*expect:(.*)$");
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z][\\w-]*)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*(,|$)");

    /** One marker entry: a rule expected on the instruction at {@code startLine..endLine}. */
    record Expected(String rule, String substring, int markerLine, Instruction instruction) {
        int startLine() {
            return instruction.span().startLine();
        }

        int endLine() {
            return instruction.span().endLine();
        }

        boolean metBy(Finding f) {
            Span s = span(f);
            return s != null && f.rule().equalsIgnoreCase(rule) && s.startLine() >= startLine()
                    && s.startLine() <= endLine() && (substring == null || f.message().contains(substring));
        }

        @Override
        public String toString() {
            return rule + (substring == null ? "" : " \"" + substring + "\"");
        }
    }

    static Span span(Finding f) {
        return f.location() instanceof Location.Source s ? s.span() : null;
    }

    /** The markers in a parsed file; problems with the markers themselves go to {@code problems}. */
    static List<Expected> parse(Dockerfile df, List<String> problems) {
        List<Expected> out = new ArrayList<>();
        for (Comment c : df.comments()) {
            Matcher m = MARKER.matcher(c.text());
            if (!m.matches()) {
                continue;
            }
            int line = c.span().startLine();
            Instruction next = null;
            for (Instruction in : df.instructions()) {
                if (in.span().startLine() > line) {
                    next = in;
                    break;
                }
            }
            if (next == null) {
                problems.add(df.path() + ":" + line + ": '# expect:' with no instruction after it");
                continue;
            }
            String rest = m.group(1);
            int before = out.size();
            Matcher e = ENTRY.matcher(rest);
            int pos = 0;
            while (pos < rest.length() && e.find(pos) && e.start() == pos) {
                String sub = e.group(2) == null ? null : e.group(2).replaceAll("\\\\(.)", "$1");
                out.add(new Expected(e.group(1), sub, line, next));
                pos = e.end();
                if (e.group(3).isEmpty()) {
                    break;
                }
            }
            if (pos < rest.length() && !rest.substring(pos).isBlank() || out.size() == before) {
                problems.add(df.path() + ":" + line + ": cannot read the marker '#" + c.text()
                        + "' (write: # expect: JL123, JL456 \"message substring\")");
            }
        }
        return out;
    }

    /** Compares; every mismatch becomes one precise line in {@code problems}. */
    static void compare(Dockerfile df, List<Expected> expected, List<Finding> findings, List<String> problems) {
        List<Finding> unmatched = new ArrayList<>(findings);
        // markers with a message substring first, so that a plain marker does not take their finding
        List<Expected> ordered = new ArrayList<>(expected);
        ordered.sort((a, b) -> Boolean.compare(a.substring() == null, b.substring() == null));
        List<Expected> unmet = new ArrayList<>();
        for (Expected x : ordered) {
            Iterator<Finding> it = unmatched.iterator();
            boolean met = false;
            while (it.hasNext()) {
                if (x.metBy(it.next())) {
                    it.remove();
                    met = true;
                    break;
                }
            }
            if (!met) {
                unmet.add(x);
            }
        }
        unmet.sort((a, b) -> Integer.compare(a.markerLine(), b.markerLine()));
        for (Expected x : unmet) {
            List<String> there = new ArrayList<>();
            for (Finding f : findings) {
                Span s = span(f);
                if (s != null && s.startLine() >= x.startLine() && s.startLine() <= x.endLine()) {
                    there.add(describe(f));
                }
            }
            problems.add(df.path() + ":" + x.startLine() + ": expected " + x + " (marker on line " + x.markerLine()
                    + ") on `" + firstLine(x.instruction()) + "`; findings there: "
                    + (there.isEmpty() ? "none" : String.join("; ", there)));
        }
        for (Finding f : unmatched) {
            Span s = span(f);
            problems.add(df.path() + ":" + (s == null ? 0 : s.startLine()) + ": unexpected finding " + describe(f)
                    + " (declare it with a '# expect: " + f.rule() + "' line above the instruction, or fix the rule)");
        }
    }

    static String describe(Finding f) {
        Span s = span(f);
        return f.rule() + " at " + (s == null ? f.location() : s.startLine() + ":" + s.startColumn()) + " \""
                + f.message() + "\"";
    }

    private static String firstLine(Instruction in) {
        String o = in.node().original();
        int nl = o.indexOf('\n');
        return (nl < 0 ? o : o.substring(0, nl)).strip();
    }
}
