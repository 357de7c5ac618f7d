package io.jlint.image;

import io.jlint.engine.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Analyses image archives: reads every layer once (several at a time when the archive allows random access),
 * merges them into a {@link FileTree}, and computes per-layer and image figures, jlint's exact ones and dive's.
 */
public final class ImageAnalyzer {

    /** Gives a visitor that sees each layer's content during the analysis pass (called on a worker thread). */
    @FunctionalInterface
    public interface ContentVisitors {
        /** A visitor for one layer, or null to skip; must be safe to use on its own thread. */
        LayerVisitor forLayer(ImageRef image, int layer);
    }

    private ImageAnalyzer() {
    }

    /** Analyses every image of the archive at {@code path} (or the one {@code options.image()} names). */
    public static List<ImageAnalysis> analyze(Path path, ImageOptions options) {
        return analyze(path, options, null);
    }

    /**
     * As {@link #analyze(Path, ImageOptions)}, also streaming each layer's content through the visitors that
     * {@code content} supplies.
     */
    public static List<ImageAnalysis> analyze(Path path, ImageOptions options, ContentVisitors content) {
        try (ImageArchive archive = ImageArchive.open(path, options.platform())) {
            List<ImageRef> refs = options.image() != null ? List.of(archive.select(options.image()))
                    : archive.images();
            List<ImageAnalysis> out = new ArrayList<>();
            for (ImageRef ref : refs) {
                out.add(analyze(archive, ref, options, content));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Told how far the reading of layer blobs has come (for a progress display). Methods may be called from
     * several reading threads at once.
     */
    public interface Progress {
        /** The analysis of {@code image} starts; its layer blobs hold {@code totalBytes} stored bytes. */
        void start(ImageRef image, long totalBytes);

        /** {@code bytes} more stored bytes of layer {@code layer} were read. */
        void read(int layer, long bytes);

        /** Layer {@code layer} was read to its end. */
        void layerDone(int layer);

        /** The analysis of the image ended (also on failure). */
        void finish();
    }

    /** As {@link #analyze(Path, ImageOptions, ContentVisitors)}, reporting reading progress to {@code progress}. */
    public static List<ImageAnalysis> analyze(Path path, ImageOptions options, ContentVisitors content,
                                              Progress progress) {
        try (ImageArchive archive = ImageArchive.open(path, options.platform())) {
            List<ImageRef> refs = options.image() != null ? List.of(archive.select(options.image()))
                    : archive.images();
            List<ImageAnalysis> out = new ArrayList<>();
            for (ImageRef ref : refs) {
                out.add(analyze(archive, ref, options, content, progress));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analyses one image of an opened archive. */
    public static ImageAnalysis analyze(ImageArchive archive, ImageRef ref, ImageOptions options,
                                        ContentVisitors content) {
        return analyze(archive, ref, options, content, null);
    }

    /** Analyses one image of an opened archive, reporting reading progress to {@code progress} (may be null). */
    public static ImageAnalysis analyze(ImageArchive archive, ImageRef ref, ImageOptions options,
                                        ContentVisitors content, Progress progress) {
        if (progress == null) {
            return analyzeImage(archive, ref, options, content, null);
        }
        long total = 0;
        for (int i = 0; i < ref.layers().size(); i++) {
            total += Math.max(0, archive.blobSize(ref, i));
        }
        progress.start(ref, total);
        try {
            return analyzeImage(archive, ref, options, content, progress);
        } finally {
            progress.finish();
        }
    }

    private static ImageAnalysis analyzeImage(ImageArchive archive, ImageRef ref, ImageOptions options,
                                              ContentVisitors content, Progress progress) {
        int n = ref.layers().size();
        int threads = Math.max(1, Math.min(n, options.threads() > 0 ? options.threads()
                : Runtime.getRuntime().availableProcessors()));
        List<LayerScan> scans = new ArrayList<>();
        List<LayerEntries> entries = new ArrayList<>();
        FileTree tree = new FileTree();
        DiveCalculator dive = new DiveCalculator();
        List<FileTree.LayerTotals> totals = new ArrayList<>();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
        try {
            List<Future<Scanned>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                if (pool != null) {
                    futures.add(pool.submit(() -> scan(archive, ref, index, options, content, progress)));
                }
            }
            for (int i = 0; i < n; i++) {
                Scanned s = pool != null ? await(futures.get(i)) : scan(archive, ref, i, options, content, progress);
                scans.add(s.scan);
                entries.add(s.entries);
                tree.beginLayer(i);
                for (LayerEntry e : s.entries) {
                    tree.apply(e);
                }
                totals.add(tree.endLayer());
                dive.addLayer(s.entries);
                if (pool != null) {
                    futures.set(i, null);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                // A failing layer must not reach the caller while another layer's reader still runs: the caller's
                // clean-up (spools, temporary outputs) would race a reader that still writes into them.
                awaitStop(pool);
            }
        }
        tree.freeze();
        List<HistoryEntry> history = layerHistory(ref.config().history(), n);
        List<LayerInfo> layers = new ArrayList<>();
        long totalSize = 0;
        for (int i = 0; i < n; i++) {
            LayerScan s = scans.get(i);
            FileTree.LayerTotals t = totals.get(i);
            LayerRef lr = ref.layers().get(i);
            layers.add(new LayerInfo(i, lr.blob(), s.diffId(), s.digest(), lr.mediaType(), s.compression(),
                    s.compressedSize(), s.size(), s.entries(), t.bytesAdded(), t.bytesChanged(), t.bytesRemoved(),
                    tree.wastedBytes(i), history.get(i), s.estargzToc(), s.headerBytes()));
            totalSize += s.size();
        }
        long fileBytes = tree.fileBytes();
        long wasted = tree.wastedBytes();
        double efficiency = fileBytes == 0 ? 1.0 : 1.0 - (double) wasted / (double) fileBytes;
        return new ImageAnalysis(archive.displayName(), archive.format(), archive.archiveCompression(), ref, layers,
                entries, tree, totalSize, fileBytes, wasted, efficiency, dive.result());
    }

    /** Matches non-empty history entries to layers in order; layers without one get {@link HistoryEntry#MISSING}. */
    static List<HistoryEntry> layerHistory(List<HistoryEntry> history, int layers) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry h : history) {
            if (!h.emptyLayer() && out.size() < layers) {
                out.add(h);
            }
        }
        while (out.size() < layers) {
            out.add(HistoryEntry.MISSING);
        }
        return out;
    }

    private record Scanned(LayerScan scan, LayerEntries entries) {
    }

    private static Scanned scan(ImageArchive archive, ImageRef ref, int index, ImageOptions options,
                                ContentVisitors content, Progress progress) {
        LayerEntries list = new LayerEntries(index);
        LayerVisitor extra = content == null ? null : content.forLayer(ref, index);
        LayerScan s = archive.scanLayer(ref, index, (e, in) -> {
            list.add(e);
            if (extra != null) {
                extra.entry(e, in);
            }
        }, options.maxLayerSize(), progress == null ? null : n -> progress.read(index, n));
        list.seal();
        if (progress != null) {
            progress.layerDone(index);
        }
        return new Scanned(s, list);
    }

    /**
     * Waits until the (interrupted) readers have stopped, at most two minutes (a reader works through a finite
     * layer; the bound only keeps a hung file system from hanging jlint); keeps this thread's interrupt.
     */
    private static void awaitStop(ExecutorService pool) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (!pool.isTerminated()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                pool.awaitTermination(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Scanned await(Future<Scanned> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new InputException(null, c.getMessage(), c);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "jlint-layer-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
