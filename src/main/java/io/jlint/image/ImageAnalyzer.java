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

    /** Analyses one image of an opened archive. */
    public static ImageAnalysis analyze(ImageArchive archive, ImageRef ref, ImageOptions options,
                                        ContentVisitors content) {
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
                    futures.add(pool.submit(() -> scan(archive, ref, index, options, content)));
                }
            }
            for (int i = 0; i < n; i++) {
                Scanned s = pool != null ? await(futures.get(i)) : scan(archive, ref, i, options, content);
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
                                ContentVisitors content) {
        LayerEntries list = new LayerEntries(index);
        LayerVisitor extra = content == null ? null : content.forLayer(ref, index);
        LayerScan s = archive.scanLayer(ref, index, (e, in) -> {
            list.add(e);
            if (extra != null) {
                extra.entry(e, in);
            }
        }, options.maxLayerSize());
        list.seal();
        return new Scanned(s, list);
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
