package io.jlint.cli;

import io.jlint.image.ImageAnalyzer;
import io.jlint.image.ImageRef;
import io.jlint.image.ImageText;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error while image layers are read: stored bytes read of the total, and how
 * many layers are done. Shown only when standard error is a terminal (checked with isatty through jansi, only when
 * an image is read), never when {@code CI} is set or {@code TERM} is {@code dumb}, and only once a scan has taken
 * longer than {@link #DELAY_NANOS} (small images finish without a flicker). The line is erased when the scan ends.
 */
final class ProgressBar implements ImageAnalyzer.Progress {

    static final long DELAY_NANOS = 400_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 28;

    private final PrintStream err;
    private final String name;
    private long total;
    private long done;
    private int layers;
    private int layersDone;
    private long started;
    private long drawn;
    private int width;

    private ProgressBar(PrintStream err, String name) {
        this.err = err;
        this.name = name;
    }

    /** A progress bar for reading {@code name}, or null when none should be shown. */
    static ProgressBar forImage(String name, boolean wanted) {
        if (!wanted || !Main.processStderr || !stderrIsTerminal()) {
            return null;
        }
        return new ProgressBar(System.err, name);
    }

    /** A bar writing to {@code err} whatever it is (tests). */
    static ProgressBar to(PrintStream err, String name) {
        return new ProgressBar(err, name);
    }

    /** True when the process's standard error is an interactive terminal and nothing asks for plain output. */
    static boolean stderrIsTerminal() {
        String ci = System.getenv("CI");
        String term = System.getenv("TERM");
        if ((ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) || "dumb".equals(term)) {
            return false;
        }
        try {
            return org.fusesource.jansi.internal.CLibrary.isatty(org.fusesource.jansi.internal.CLibrary.STDERR_FILENO)
                    != 0;
        } catch (Throwable e) {   // no native library for this platform: no bar
            return false;
        }
    }

    @Override
    public synchronized void start(ImageRef image, long totalBytes) {
        total = Math.max(1, totalBytes);
        done = 0;
        layers = image.layers().size();
        layersDone = 0;
        started = System.nanoTime();
        drawn = 0;
    }

    @Override
    public synchronized void read(int layer, long bytes) {
        done += bytes;
        maybeDraw();
    }

    @Override
    public synchronized void layerDone(int layer) {
        layersDone++;
        maybeDraw();
    }

    @Override
    public synchronized void finish() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    private void maybeDraw() {
        long now = System.nanoTime();
        if (now - started < DELAY_NANOS || now - drawn < REDRAW_NANOS) {
            return;
        }
        drawn = now;
        String s = line();
        String padded = s.length() < width ? s + " ".repeat(width - s.length()) : s;
        width = Math.max(width, s.length());
        err.print("\r" + padded);
        err.flush();
    }

    /** The bar's text, e.g. {@code jlint: app.tar [##########----] 71 % 12.0 MiB / 17.0 MiB, layers 3/6}. */
    synchronized String line() {
        double f = Math.min(1.0, (double) done / total);
        int fill = (int) Math.round(f * WIDTH);
        return String.format(Locale.ROOT, "jlint: %s [%s%s] %3d %% %s / %s, layers %d/%d", name,
                "#".repeat(fill), "-".repeat(WIDTH - fill), (int) (f * 100), ImageText.human(done),
                ImageText.human(total), layersDone, layers);
    }
}
