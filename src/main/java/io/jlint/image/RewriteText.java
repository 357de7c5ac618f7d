package io.jlint.image;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders a {@link RewriteReport} for a terminal: a layer table, the totals, the removed layers and caches. */
public final class RewriteText {
    private static final int CREATED_BY_WIDTH = 50;
    private static final int CACHE_LINES = 20;

    private RewriteText() {
    }

    public static void render(RewriteReport r, PrintWriter out) {
        RewriteReport.Side in = r.input();
        RewriteReport.Side o = r.output();
        out.println(r.operation() + ": " + in.path() + " (" + in.format() + names(in.tags()) + ") -> " + o.path()
                + " (" + o.format() + names(o.tags()) + ")");
        out.println();
        out.printf(Locale.ROOT, "%3s  %-9s  %-7s  %10s  %10s  %10s  %s%n", "#", "ACTION", "FROM", "SIZE", "BEFORE",
                "SAVED", "CREATED BY");
        for (RewriteReport.Layer l : r.layers()) {
            out.printf(Locale.ROOT, "%3d  %-9s  %-7s  %10s  %10s  %10s  %s%n", l.index(), l.action(), from(l.from()),
                    ImageText.human(l.size()), ImageText.human(l.inputSize()),
                    l.bytesSaved() <= 0 ? "-" : ImageText.human(l.bytesSaved()), truncate(l.createdBy()));
        }
        if (!r.removedLayers().isEmpty()) {
            out.println();
            out.println("layers removed (nothing of them was left)");
            for (RewriteReport.RemovedLayer l : r.removedLayers()) {
                out.printf(Locale.ROOT, "  input layer %d  %10s  %s%n", l.index(), ImageText.human(l.size()),
                        truncate(l.createdBy()));
            }
        }
        if (!r.caches().isEmpty()) {
            out.println();
            long files = 0;
            long bytes = 0;
            for (RewriteReport.Cache c : r.caches()) {
                files += c.files();
                bytes += c.bytes();
            }
            out.printf(Locale.ROOT, "caches removed (--strip-caches): %d file%s, %s%n", files, files == 1 ? "" : "s",
                    ImageText.human(bytes));
            List<RewriteReport.Cache> cs = r.caches();
            for (int i = 0; i < Math.min(CACHE_LINES, cs.size()); i++) {
                RewriteReport.Cache c = cs.get(i);
                out.printf(Locale.ROOT, "  %-13s %10s  %s%n", c.rule(), ImageText.human(c.bytes()), c.path());
            }
            if (cs.size() > CACHE_LINES) {
                out.println("  … and " + (cs.size() - CACHE_LINES) + " more paths (--report json lists them all)");
            }
        }
        out.println();
        double pct = in.size() == 0 ? 0 : 100.0 * r.savedBytes() / in.size();
        out.printf(Locale.ROOT, "layers %d -> %d; size %s -> %s (saved %s, %.1f %%); wasted %s -> %s%n",
                in.layers(), o.layers(), ImageText.human(in.size()), ImageText.human(o.size()),
                ImageText.human(Math.max(0, r.savedBytes())), pct, ImageText.human(in.wastedBytes()),
                ImageText.human(o.wastedBytes()));
        out.printf(Locale.ROOT, "archive %s -> %s; config %s%n", ImageText.human(in.archiveBytes()),
                ImageText.human(o.archiveBytes()), o.configDigest());
    }

    private static String names(List<String> tags) {
        return tags.isEmpty() ? "" : ", " + String.join(", ", tags);
    }

    private static String from(List<Integer> l) {
        if (l.size() == 1) {
            return Integer.toString(l.get(0));
        }
        return l.get(0) + "-" + l.get(l.size() - 1);
    }

    private static String truncate(String s) {
        String one = s == null ? "" : s.replace('\n', ' ').replace('\t', ' ');
        return one.length() <= CREATED_BY_WIDTH ? one : one.substring(0, CREATED_BY_WIDTH - 1) + "…";
    }
}
