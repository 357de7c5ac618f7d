package io.jlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (Myers' O(ND) algorithm, after stripping the common head and tail), in the
 * format {@code patch} and {@code git apply} read: {@code ---}/{@code +++} headers, {@code @@} hunks with three
 * lines of context, and {@code \ No newline at end of file} where a text does not end in a line ending. Lines
 * keep their own endings (a CRLF file's lines end in CR LF in the diff too).
 */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    private static final int CONTEXT = 3;

    /** One edit script operation: a line kept, deleted or inserted. */
    private record Op(char kind, int a, int b) {
    }

    /** The diff, or "" when the texts are equal. */
    public static String diff(String oldName, String newName, String a, String b) {
        if (a.equals(b)) {
            return "";
        }
        List<String> x = lines(a);
        List<String> y = lines(b);
        List<Op> ops = script(x, y);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            // the next change
            int first = i;
            while (first < ops.size() && ops.get(first).kind() == ' ') {
                first++;
            }
            if (first == ops.size()) {
                break;
            }
            int start = Math.max(i, first - CONTEXT);
            // extend while changes are within 2*CONTEXT of each other
            int end = first;
            int lastChange = first;
            while (end < ops.size()) {
                if (ops.get(end).kind() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(out, x, y, ops.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<String> x, List<String> y, List<Op> ops) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (Op op : ops) {
            if (op.kind() != '+') {
                if (aStart < 0) {
                    aStart = op.a();
                }
                aCount++;
            }
            if (op.kind() != '-') {
                if (bStart < 0) {
                    bStart = op.b();
                }
                bCount++;
            }
        }
        Op head = ops.get(0);
        if (aStart < 0) {
            aStart = head.a();
        }
        if (bStart < 0) {
            bStart = head.b();
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (Op op : ops) {
            String line = op.kind() == '+' ? y.get(op.b()) : x.get(op.a());
            out.append(op.kind());
            if (line.endsWith("\n")) {
                out.append(line);
            } else {
                out.append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        // 1-based; an empty range names the line before it
        int s = count == 0 ? start : start + 1;
        return count == 1 ? String.valueOf(s) : s + "," + count;
    }

    /** The text's lines, each with its line ending (the last one may have none). */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int nl = s.indexOf('\n', from);
            int end = nl < 0 ? s.length() : nl + 1;
            out.add(s.substring(from, end));
            from = end;
        }
        return out;
    }

    /** The shortest edit script from x to y: kept (' '), deleted ('-') and inserted ('+') lines in order. */
    private static List<Op> script(List<String> x, List<String> y) {
        int pre = 0;
        while (pre < x.size() && pre < y.size() && x.get(pre).equals(y.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < x.size() - pre && suf < y.size() - pre
                && x.get(x.size() - 1 - suf).equals(y.get(y.size() - 1 - suf))) {
            suf++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(new Op(' ', i, i));
        }
        myers(x.subList(pre, x.size() - suf), y.subList(pre, y.size() - suf), pre, ops);
        for (int i = 0; i < suf; i++) {
            ops.add(new Op(' ', x.size() - suf + i, y.size() - suf + i));
        }
        return ops;
    }

    private static void myers(List<String> a, List<String> b, int offset, List<Op> ops) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int size = 2 * max + 2;
        int[] v = new int[size];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) {
                    x = v[max + k + 1];
                } else {
                    x = v[max + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
            if (found >= 0) {
                break;
            }
        }
        // walk back through the trace
        List<Op> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && vd[max + k - 1] < vd[max + k + 1])) ? k + 1 : k - 1;
            int prevX = vd[max + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                rev.add(new Op(' ', offset + x, offset + y));
            }
            if (x == prevX) {
                y--;
                rev.add(new Op('+', offset + x, offset + y));
            } else {
                x--;
                rev.add(new Op('-', offset + x, offset + y));
            }
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            rev.add(new Op(' ', offset + x, offset + y));
        }
        for (int i = rev.size() - 1; i >= 0; i--) {
            ops.add(rev.get(i));
        }
    }
}
