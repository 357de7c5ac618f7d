package io.jlint.image;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders an {@link ImageAnalysis} for a terminal: a layer table like {@code docker history}, totals, config. */
public final class ImageText {
    private static final int CREATED_BY_WIDTH = 60;

    private ImageText() {
    }

    public static void render(ImageAnalysis a, PrintWriter out) {
        ImageConfig c = a.config();
        out.println(a.archive() + "  (" + a.format()
                + (a.archiveCompression() != null ? ", " + a.archiveCompression() + "-compressed" : "")
                + (a.image().tags().isEmpty() ? "" : ", " + String.join(", ", a.image().tags()))
                + ", " + c.platform() + ")");
        out.println();
        out.printf(Locale.ROOT, "%3s  %10s  %10s  %7s  %s%n", "#", "SIZE", "WASTED", "FILES", "CREATED BY");
        for (LayerInfo l : a.layers()) {
            out.printf(Locale.ROOT, "%3d  %10s  %10s  %7d  %s%n", l.index(), human(l.size()),
                    l.wastedBytes() == 0 ? "-" : human(l.wastedBytes()), l.files(),
                    truncate(l.history().createdBy()));
        }
        out.println();
        out.printf(Locale.ROOT, "total size %s in %d layers; file bytes %s; wasted %s; efficiency %.2f %%%n",
                human(a.totalSize()), a.layers().size(), human(a.fileBytes()), human(a.wastedBytes()),
                a.efficiency() * 100);
        DiveFigures d = a.dive();
        out.printf(Locale.ROOT, "dive: efficiency %.4f, wasted %s, wasted user %s%n", d.efficiency(),
                human(d.wastedBytes()),
                d.wastedUserPercent() == null ? "n/a (no user layers)"
                        : String.format(Locale.ROOT, "%.2f %%", d.wastedUserPercent() * 100));
        out.println();
        out.println("config");
        field(out, "user", c.user().isEmpty() ? "(unset: root)" : c.user());
        field(out, "entrypoint", list(c.entrypoint()));
        field(out, "cmd", list(c.cmd()));
        field(out, "workdir", c.workingDir().isEmpty() ? "-" : c.workingDir());
        if (!c.env().isEmpty()) {
            field(out, "env", String.join(" ", c.env()));
        }
        if (!c.exposedPorts().isEmpty()) {
            field(out, "ports", String.join(" ", c.exposedPorts()));
        }
        if (!c.volumes().isEmpty()) {
            field(out, "volumes", String.join(" ", c.volumes()));
        }
        if (!c.labels().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            c.labels().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            field(out, "labels", sb.toString());
        }
        if (c.healthcheck() != null) {
            field(out, "healthcheck", list(c.healthcheck().test()));
        }
        if (c.stopSignal() != null) {
            field(out, "stopsignal", c.stopSignal());
        }
        List<WastedFile> wasted = a.wastedFiles();
        if (!wasted.isEmpty()) {
            out.println();
            out.println("biggest wasted files");
            for (int i = 0; i < Math.min(ImageSummary.WASTED_FILES, wasted.size()); i++) {
                WastedFile w = wasted.get(i);
                out.printf(Locale.ROOT, "  %10s  %s  (layer %d, %s in layer %d)%n", human(w.size()), w.path(),
                        w.layer(), w.removedBy() == w.layer() ? "written twice" : "overwritten or deleted",
                        w.removedBy());
            }
            if (wasted.size() > ImageSummary.WASTED_FILES) {
                out.println("  … and " + (wasted.size() - ImageSummary.WASTED_FILES) + " more");
            }
        }
        List<UnsafeEntry> unsafe = a.unsafeEntries();
        if (!unsafe.isEmpty()) {
            out.println();
            out.println("entries reaching outside the root or not applicable");
            for (UnsafeEntry u : unsafe) {
                out.println("  layer " + u.layer() + ": " + u.name() + "  "
                        + u.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + (u.detail().isEmpty() ? "" : " (" + u.detail() + ")"));
            }
        }
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf(Locale.ROOT, "  %-12s %s%n", name, value);
    }

    private static String list(List<String> l) {
        if (l == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder("[");
        for (String s : l) {
            sb.append(sb.length() == 1 ? "" : ", ").append('"').append(s.replace("\"", "\\\"")).append('"');
        }
        return sb.append(']').toString();
    }

    private static String truncate(String s) {
        String one = s.replace('\n', ' ').replace('\t', ' ');
        return one.length() <= CREATED_BY_WIDTH ? one : one.substring(0, CREATED_BY_WIDTH - 1) + "…";
    }

    /** Binary units with one decimal: "512 B", "1.5 KiB", "2.0 MiB". */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
