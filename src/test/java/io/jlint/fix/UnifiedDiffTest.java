package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The unified diff: known outputs, and random texts whose diff applied to the old text gives the new one. */
class UnifiedDiffTest {

    @Test
    void equalTextsGiveNoDiff() {
        assertEquals("", UnifiedDiff.diff("a", "b", "x\ny\n", "x\ny\n"));
    }

    @Test
    void hunksHaveThreeLinesOfContextAndMergeWhenClose() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
        String b = ("\n" + a).replace("\n2\n", "\ntwo\n").replace("\n4\n", "\nfour\n")
                .replace("\n15\n", "\nfifteen\n").substring(1);
        assertEquals("--- a\n+++ b\n@@ -1,7 +1,7 @@\n 1\n-2\n+two\n 3\n-4\n+four\n 5\n 6\n 7\n"
                + "@@ -12,5 +12,5 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n", UnifiedDiff.diff("a", "b", a, b));
    }

    @Test
    void insertionsDeletionsAndMissingFinalNewline() {
        assertEquals("--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n", UnifiedDiff.diff("a", "b", "", "new\n"));
        assertEquals("--- a\n+++ b\n@@ -1,2 +1 @@\n x\n-y\n", UnifiedDiff.diff("a", "b", "x\ny\n", "x\n"));
        assertEquals("--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n",
                UnifiedDiff.diff("a", "b", "x", "x\n"));
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n",
                UnifiedDiff.diff("a", "b", "a\r\nb\r\n", "a\r\nc\r\n"));
    }

    @Test
    void randomDiffsApplyBack() {
        Random rnd = new Random(42);
        for (int round = 0; round < 500; round++) {
            String a = randomText(rnd);
            String b = mutate(rnd, a);
            String diff = UnifiedDiff.diff("a", "b", a, b);
            assertEquals(b, apply(a, diff), "round " + round + "\n" + a + "---\n" + b + "---\n" + diff);
        }
    }

    private static String randomText(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + rnd.nextInt(5))).append('\n');
        }
        return sb.toString();
    }

    private static String mutate(Random rnd, String a) {
        List<String> lines = new ArrayList<>(UnifiedDiff.lines(a));
        int edits = rnd.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int op = rnd.nextInt(3);
            int at = lines.isEmpty() ? 0 : rnd.nextInt(lines.size());
            if (op == 0 || lines.isEmpty()) {
                lines.add(at, (char) ('a' + rnd.nextInt(7)) + "\n");
            } else if (op == 1) {
                lines.remove(at);
            } else {
                lines.set(at, (char) ('v' + rnd.nextInt(4)) + "\n");
            }
        }
        return String.join("", lines);
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** A minimal patch: applies the hunks in order, checking context and deleted lines. */
    private static String apply(String a, String diff) {
        if (diff.isEmpty()) {
            return a;
        }
        List<String> old = UnifiedDiff.lines(a);
        List<String> d = UnifiedDiff.lines(diff);
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int i = 2; i < d.size(); ) {
            Matcher m = HUNK.matcher(d.get(i));
            if (!m.find()) {
                throw new AssertionError("not a hunk header: " + d.get(i));
            }
            int start = Integer.parseInt(m.group(1));
            int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int first = count == 0 ? start : start - 1;
            while (pos < first) {
                out.append(old.get(pos++));
            }
            i++;
            while (i < d.size() && !d.get(i).startsWith("@@")) {
                String line = d.get(i);
                char k = line.charAt(0);
                String text = line.substring(1);
                if (k == '-' || k == ' ') {
                    String have = old.get(pos);
                    assertEquals(have.endsWith("\n") ? have : have + "\n", text);
                    pos++;
                }
                if (k == '+' || k == ' ') {
                    out.append(text);
                }
                i++;
            }
        }
        while (pos < old.size()) {
            out.append(old.get(pos++));
        }
        return out.toString();
    }
}
