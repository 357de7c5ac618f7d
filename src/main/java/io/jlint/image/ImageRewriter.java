package io.jlint.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jlint.engine.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code jlint squash} and {@code jlint rebuild}: read an image archive, write a new one without its waste, and
 * report what changed. The input is only read; the output is written next to its final name and renamed into
 * place; nothing is written when the plan would change the merged filesystem.
 *
 * <p>Squash reads the layers once (several at a time), spooling the content of the layers it merges to a hidden
 * folder next to the output; then it writes the merged layer from the spool in path order. Rebuild reads the
 * layers once to plan, then streams each layer it rewrites a second time, entry order kept. Layers that do not
 * change are copied blob for blob (their digests checked while copying).
 */
public final class ImageRewriter {
    private static final int SQUASH_HISTORY_TEXT = 4096;

    private ImageRewriter() {
    }

    /**
     * Which layers {@code squash} merges: the top {@code last} ones, or from {@code from} (a 0-based index or a
     * diff_id, full or an unambiguous prefix of at least 12 hex digits) up; all of them when both are null.
     */
    public record SquashRange(Integer last, String from) {
        public SquashRange {
            if (last != null && from != null) {
                throw new InputException(null, "--last and --from exclude each other");
            }
        }

        public static SquashRange all() {
            return new SquashRange(null, null);
        }

        /** The index of the first merged layer of an image with these diff_ids. */
        int first(List<String> diffIds) {
            int n = diffIds.size();
            if (n == 0) {
                throw new InputException(null, "the image has no layers: nothing to squash");
            }
            if (last != null) {
                if (last < 1 || last > n) {
                    throw new InputException(null, "--last " + last + ": the image has " + n + " layer"
                            + (n == 1 ? "" : "s") + " (1 to " + n + " can be merged)");
                }
                return n - last;
            }
            if (from == null) {
                return 0;
            }
            String f = from.trim();
            if (f.matches("\\d{1,6}")) {
                int i = Integer.parseInt(f);
                if (i >= n) {
                    throw new InputException(null, "--from " + from + ": the image has layers 0 to " + (n - 1));
                }
                return i;
            }
            String hex = f.startsWith("sha256:") ? f.substring(7) : f;
            if (!hex.matches("[0-9a-f]{12,64}")) {
                throw new InputException(null, "--from " + from + ": expected a layer index (0 to " + (n - 1)
                        + ") or a diff_id (sha256:… or at least 12 hex digits)");
            }
            int found = -1;
            for (int i = 0; i < n; i++) {
                if (diffIds.get(i).substring(7).startsWith(hex)) {
                    if (found >= 0) {
                        throw new InputException(null, "--from " + from + ": layers " + found + " and " + i
                                + " both match; give the index");
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw new InputException(null, "--from " + from + ": no layer has that diff_id");
            }
            return found;
        }
    }

    // ------------------------------------------------------------------------------------------- squash

    /** Merges the layers {@code range} selects into one and writes the image to {@code output}. */
    public static RewriteReport squash(Path input, Path output, SquashRange range, RewriteOptions options) {
        ImageOutput.Kind kind = kind(output, options);
        checkOutput(input, output, kind);
        try (Cleanup cleanup = new Cleanup();
             ImageArchive archive = ImageArchive.open(input, options.read().platform())) {
            ImageRef ref = select(archive, options.read());
            int from = range.first(ref.config().diffIds());
            int n = ref.layers().size();
            try (ContentSpool spool = cleanup.add(new ContentSpool(output, n))) {
                Read analysis = Read.of(ImageAnalyzer.analyze(archive, ref, options.read(), (img, i) -> {
                    try {
                        return i >= from ? spool.visitor(i, null) : null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                spool.finishWriting();
                long newMtime = options.sourceDateEpoch() == null ? 0 : options.sourceDateEpoch();
                SquashPlanner.Plan plan = SquashPlanner.plan(analysis.entries(), from, newMtime);
                for (Map.Entry<Integer, Set<Integer>> lc : plan.lowerContent().entrySet()) {
                    Set<Integer> wanted = lc.getValue();
                    archive.scanLayer(ref, lc.getKey(), spool.visitor(lc.getKey(), wanted::contains),
                            options.read().maxLayerSize());
                }
                spool.finishWriting();
                long outWaste = checkSquash(analysis.entries(), from, plan);
                return writeSquash(archive, ref, analysis, from, plan, spool, output, kind, options, outWaste,
                        cleanup);
            }
        } catch (IOException e) {
            throw new InputException(output.toString(), "cannot write: " + e.getMessage(), e);
        }
    }

    /** Applies the unsquashed layers and the planned layer and compares with the input; returns the output's waste. */
    private static long checkSquash(List<List<LayerEntry>> layers, int from, SquashPlanner.Plan plan) {
        List<SquashPlanner.Item> items = plan.items();
        Overlay check = new Overlay();
        for (int i = 0; i < from; i++) {
            check.beginLayer(i);
            List<LayerEntry> l = layers.get(i);
            for (int k = 0; k < l.size(); k++) {
                check.apply(l.get(k), k);
            }
        }
        check.beginLayer(from);
        for (int k = 0; k < items.size(); k++) {
            check.apply(Entries.asEntry(from, plan.header(items.get(k))), k);
        }
        PlanCheck.Lookup orig = (l, k) -> layers.get(l).get(k);
        PlanCheck.Lookup out = (l, k) -> l == from ? Entries.asEntry(from, plan.header(items.get(k)))
                : layers.get(l).get(k);
        PlanCheck.ContentKey origKey = c -> c.layer + ":" + c.ordinal;
        PlanCheck.ContentKey outKey = c -> {
            if (c.layer == from) {
                SquashPlanner.Item it = items.get(c.ordinal);
                return it.srcLayer() + ":" + it.srcOrdinal();
            }
            return c.layer + ":" + c.ordinal;
        };
        List<String> diff = PlanCheck.differences(plan.expected(), orig, origKey, check, out, outKey, 5);
        if (!diff.isEmpty()) {
            throw new IllegalStateException("squash plan would change the filesystem: " + String.join("; ", diff));
        }
        return check.wastedBytes();
    }

    private static RewriteReport writeSquash(ImageArchive archive, ImageRef ref, Read analysis, int from,
                                             SquashPlanner.Plan plan, ContentSpool spool, Path output,
                                             ImageOutput.Kind kind, RewriteOptions options, long outWaste,
                                             Cleanup cleanup) throws IOException {
        int n = ref.layers().size();
        List<OutputDocuments.Descriptor> descs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<RewriteReport.Layer> reportLayers = new ArrayList<>();
        List<HistoryEntry> hist = ImageAnalyzer.layerHistory(ref.config().history(), n);
        try (ImageOutput out = cleanup.add(ImageOutput.create(output, kind, mtime(options)))) {
            for (int i = 0; i < from; i++) {
                OutputDocuments.Descriptor d = copyBlob(archive, ref, analysis, i, out);
                descs.add(d);
                LayerInfo li = analysis.layers().get(i);
                diffIds.add(li.diffId());
                reportLayers.add(new RewriteReport.Layer(i, List.of(i), "copied", li.diffId(), d.digest(), li.size(),
                        d.size(), li.size(), 0, 0, hist.get(i).createdBy()));
            }
            Compression c = options.layerCompression();
            LayerSink sink = new LayerSink(out, c);
            TarWriter tw = new TarWriter(sink.stream());
            for (SquashPlanner.Item it : plan.items()) {
                TarWriter.Header h = plan.header(it);
                tw.header(h);
                if (it.srcLayer() >= 0 && h.size() > 0) {
                    spool.copy(it.srcLayer(), it.srcOrdinal(), h.size(), tw::data);
                }
            }
            tw.finish();
            LayerSink.Result r = sink.finish();
            descs.add(new OutputDocuments.Descriptor(OutputDocuments.layerMediaType(c), r.digest(), r.blobSize()));
            diffIds.add(r.diffId());
            long inSize = 0;
            int inEntries = 0;
            List<Integer> merged = new ArrayList<>();
            for (int i = from; i < n; i++) {
                inSize += analysis.layers().get(i).size();
                inEntries += analysis.layers().get(i).files();
                merged.add(i);
            }
            ArrayNode history = squashHistory(ref, from, n, options.sourceDateEpoch());
            String createdBy = history.get(history.size() - 1).path("created_by").asText("");
            reportLayers.add(new RewriteReport.Layer(from, merged, "merged", r.diffId(), r.digest(), r.size(),
                    r.blobSize(), inSize, inSize - r.size(), Math.max(0, inEntries - plan.items().size()),
                    createdBy));
            Written w = finishImage(out, ref, options, descs, diffIds, history);
            out.commit();
            return report("squash", archive, ref, analysis, output, kind, options, w, reportLayers, List.of(),
                    List.of(), out.committedSize(), outWaste);
        }
    }

    /** The history of a squashed image: the unsquashed steps, the squashed metadata-only steps, one merged step. */
    static ArrayNode squashHistory(ImageRef ref, int from, int n, Long sourceDateEpoch) {
        ObjectNode config = OutputDocuments.parseConfig(ref.config().json());
        List<ObjectNode> in = OutputDocuments.history(config);
        ArrayNode out = OutputDocuments.JSON.createArrayNode();
        List<ObjectNode> emptyAbove = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        String lastCreated = null;
        int layer = 0;
        for (ObjectNode h : in) {
            boolean empty = OutputDocuments.empty(h);
            if (layer < from) {
                out.add(h);
                if (!empty) {
                    layer++;
                }
                continue;
            }
            if (h.hasNonNull("created")) {
                lastCreated = h.get("created").asText();
            }
            if (empty) {
                emptyAbove.add(h);
            } else {
                steps.add(h.path("created_by").asText(""));
                layer++;
            }
        }
        while (layer < from) {           // the input's history lists fewer layers than it has
            out.add(OutputDocuments.JSON.createObjectNode().put("created_by", "(no history in the input)"));
            layer++;
        }
        emptyAbove.forEach(out::add);
        ObjectNode merged = out.addObject();
        String created = sourceDateEpoch != null ? OutputDocuments.rfc3339(sourceDateEpoch) : lastCreated;
        if (created != null) {
            merged.put("created", created);
        }
        StringBuilder text = new StringBuilder("jlint squash: layers " + from + "-" + (n - 1) + " merged ("
                + (n - from) + " layer" + (n - from == 1 ? "" : "s") + ")");
        if (!steps.isEmpty()) {
            text.append(": ").append(String.join(" ; ", steps));
        }
        String t = text.length() > SQUASH_HISTORY_TEXT ? text.substring(0, SQUASH_HISTORY_TEXT - 1) + "…"
                : text.toString();
        merged.put("created_by", t);
        List<String> ids = ref.config().diffIds().subList(from, n);
        merged.put("comment", "jlint squash of diff_ids " + String.join(", ", ids));
        return out;
    }

    // ------------------------------------------------------------------------------------------- rebuild

    /**
     * Rewrites every layer without what later layers overwrite or delete (and, with {@code stripCaches}, without
     * package-manager caches) and writes the image to {@code output}.
     */
    public static RewriteReport rebuild(Path input, Path output, boolean stripCaches, RewriteOptions options) {
        ImageOutput.Kind kind = kind(output, options);
        checkOutput(input, output, kind);
        try (Cleanup cleanup = new Cleanup();
             ImageArchive archive = ImageArchive.open(input, options.read().platform())) {
            ImageRef ref = select(archive, options.read());
            Read analysis = Read.of(ImageAnalyzer.analyze(archive, ref, options.read(), null));
            RebuildPlanner.Plan plan = RebuildPlanner.plan(analysis.entries(), stripCaches);
            return writeRebuild(archive, ref, analysis, plan, output, kind, options, cleanup);
        } catch (IOException e) {
            throw new InputException(output.toString(), "cannot write: " + e.getMessage(), e);
        }
    }

    private static RewriteReport writeRebuild(ImageArchive archive, ImageRef ref, Read analysis,
                                              RebuildPlanner.Plan plan, Path output, ImageOutput.Kind kind,
                                              RewriteOptions options, Cleanup cleanup) throws IOException {
        int n = ref.layers().size();
        List<OutputDocuments.Descriptor> descs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<RewriteReport.Layer> reportLayers = new ArrayList<>();
        List<RewriteReport.RemovedLayer> removed = new ArrayList<>();
        List<HistoryEntry> hist = ImageAnalyzer.layerHistory(ref.config().history(), n);
        Compression c = options.layerCompression();
        try (ImageOutput out = cleanup.add(ImageOutput.create(output, kind, mtime(options)))) {
            for (RebuildPlanner.LayerPlan lp : plan.layers()) {
                int i = lp.index();
                LayerInfo li = analysis.layers().get(i);
                switch (lp.action()) {
                    case DROP -> removed.add(new RewriteReport.RemovedLayer(i, li.diffId(), li.size(),
                            hist.get(i).createdBy()));
                    case COPY -> {
                        OutputDocuments.Descriptor d = copyBlob(archive, ref, analysis, i, out);
                        descs.add(d);
                        diffIds.add(li.diffId());
                        reportLayers.add(new RewriteReport.Layer(reportLayers.size(), List.of(i), "copied",
                                li.diffId(), d.digest(), li.size(), d.size(), li.size(), 0, 0,
                                hist.get(i).createdBy()));
                    }
                    case REWRITE -> {
                        LayerSink sink = new LayerSink(out, c);
                        TarWriter tw = new TarWriter(sink.stream());
                        boolean[] keep = lp.keep();
                        Map<Integer, LayerEntry> subs = lp.substitute();
                        byte[] buf = new byte[1 << 16];
                        archive.scanLayer(ref, i, new LayerVisitor() {
                            private int ordinal;

                            @Override
                            public void entry(LayerEntry e, InputStream content) throws IOException {
                                int k = ordinal++;
                                if (!keep[k]) {
                                    LayerEntry sub = subs.get(k);
                                    if (sub != null) {
                                        tw.header(Entries.copy(sub));
                                    }
                                    return;
                                }
                                TarWriter.Header h = Entries.copy(e);
                                tw.header(h);
                                long left = h.type() == '0' ? h.size() : 0;
                                while (left > 0) {
                                    int r = content.read(buf, 0, (int) Math.min(buf.length, left));
                                    if (r < 0) {
                                        throw new IOException("content of " + e.name() + " ended early");
                                    }
                                    tw.data(buf, 0, r);
                                    left -= r;
                                }
                            }
                        }, options.read().maxLayerSize());
                        tw.finish();
                        LayerSink.Result r = sink.finish();
                        descs.add(new OutputDocuments.Descriptor(OutputDocuments.layerMediaType(c), r.digest(),
                                r.blobSize()));
                        diffIds.add(r.diffId());
                        reportLayers.add(new RewriteReport.Layer(reportLayers.size(), List.of(i), "rewritten",
                                r.diffId(), r.digest(), r.size(), r.blobSize(), li.size(), li.size() - r.size(),
                                lp.dropped(), hist.get(i).createdBy()));
                    }
                    default -> throw new IllegalStateException();
                }
            }
            ArrayNode history = rebuildHistory(ref, plan);
            Written w = finishImage(out, ref, options, descs, diffIds, history);
            out.commit();
            List<RewriteReport.Cache> caches = new ArrayList<>();
            for (RebuildPlanner.Stripped s : plan.stripped()) {
                caches.add(new RewriteReport.Cache(s.rule(), s.path() + (s.directory() ? "/" : ""), s.files(),
                        s.bytes()));
            }
            return report("rebuild", archive, ref, analysis, output, kind, options, w, reportLayers, removed, caches,
                    out.committedSize(), plan.wastedBytes());
        }
    }

    /** The input's history with the entries of dropped layers made empty; consistent even when the input's is not. */
    static ArrayNode rebuildHistory(ImageRef ref, RebuildPlanner.Plan plan) {
        ObjectNode config = OutputDocuments.parseConfig(ref.config().json());
        ArrayNode out = OutputDocuments.JSON.createArrayNode();
        int layer = 0;
        int n = plan.layers().size();
        for (ObjectNode h : OutputDocuments.history(config)) {
            if (!OutputDocuments.empty(h)) {
                if (layer >= n || plan.layers().get(layer).action() == RebuildPlanner.Action.DROP) {
                    h.put("empty_layer", true);
                }
                layer++;
            }
            out.add(h);
        }
        for (; layer < n; layer++) {
            if (plan.layers().get(layer).action() != RebuildPlanner.Action.DROP) {
                out.addObject().put("created_by", "(no history in the input)");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- shared

    /** What {@link #finishImage} wrote. */
    private record Written(List<String> tags, String configDigest, String manifestDigest, long blobBytes) {
    }

    private static Written finishImage(ImageOutput out, ImageRef ref, RewriteOptions options,
                                       List<OutputDocuments.Descriptor> layers, List<String> diffIds,
                                       ArrayNode history) throws IOException {
        ObjectNode cfg = OutputDocuments.parseConfig(ref.config().json());
        byte[] config = OutputDocuments.config(cfg, diffIds, history, options.sourceDateEpoch());
        String configDigest = writeAll(out, config);
        OutputDocuments.Descriptor cd = new OutputDocuments.Descriptor(OutputDocuments.OCI_CONFIG, configDigest,
                config.length);
        byte[] manifest = OutputDocuments.manifest(cd, layers);
        String manifestDigest = writeAll(out, manifest);
        List<String> tags = options.tags().isEmpty() ? defaultTags(ref.tags())
                : RewriteOptions.normalizeTags(options.tags());
        OutputDocuments.Descriptor md = new OutputDocuments.Descriptor(OutputDocuments.OCI_MANIFEST, manifestDigest,
                manifest.length);
        out.file("index.json", OutputDocuments.index(md, tags));
        if (out instanceof ImageOutput.Tar && isDocker(options)) {
            List<String> ds = new ArrayList<>();
            layers.forEach(d -> ds.add(d.digest()));
            out.file("manifest.json", OutputDocuments.dockerManifest(configDigest, ds, tags));
        }
        out.file("oci-layout", OutputDocuments.ociLayout());
        long blobBytes = 0;
        for (OutputDocuments.Descriptor d : layers) {
            blobBytes += d.size();
        }
        return new Written(tags, configDigest, manifestDigest, blobBytes);
    }

    /** The input's names usable as output names: {@code name:tag} references (bare OCI ref names are dropped). */
    private static List<String> defaultTags(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            int slash = t.lastIndexOf('/');
            int colon = t.lastIndexOf(':');
            if (colon > slash && colon > 0 && !t.contains("@")) {
                try {
                    out.addAll(RewriteOptions.normalizeTags(List.of(t)));
                } catch (InputException e) {
                    // not a docker name (e.g. an OCI ref name); not carried over
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static boolean isDocker(RewriteOptions o) {
        return o.format() == RewriteOptions.Format.DOCKER;
    }

    private static String writeAll(ImageOutput out, byte[] bytes) throws IOException {
        ImageOutput.Blob b = out.blob();
        b.write(bytes);
        return b.finish();
    }

    /** Copies a layer blob unchanged, checking that it still has the digest it had when it was read. */
    private static OutputDocuments.Descriptor copyBlob(ImageArchive archive, ImageRef ref, Read analysis,
                                                       int i, ImageOutput out) throws IOException {
        LayerInfo li = analysis.layers().get(i);
        String mt = OutputDocuments.layerMediaType(li.compression());
        if (mt == null) {
            throw new InputException(archive.displayName(), "layer " + i + " is " + li.compression().id()
                    + "-compressed; OCI has no media type for that (squash or rebuild it so it is rewritten)");
        }
        ImageOutput.Blob b = out.blob();
        try (InputStream in = archive.openLayerBlob(ref, i)) {
            byte[] buf = new byte[1 << 20];
            int r;
            while ((r = in.read(buf)) > 0) {
                b.write(buf, 0, r);
            }
        }
        String d = b.finish();
        if (!d.equals(li.digest())) {
            throw new InputException(archive.displayName(), "layer " + i + " (" + ref.layers().get(i).blob()
                    + ") changed while jlint was reading it: it hashed to " + li.digest() + ", now to " + d);
        }
        return new OutputDocuments.Descriptor(mt, d, b.size());
    }

    private static RewriteReport report(String op, ImageArchive archive, ImageRef ref, Read a, Path output,
                                        ImageOutput.Kind kind, RewriteOptions options, Written w,
                                        List<RewriteReport.Layer> layers, List<RewriteReport.RemovedLayer> removed,
                                        List<RewriteReport.Cache> caches, long archiveBytes, long outWaste) {
        long inBlobs = 0;
        for (LayerInfo l : a.layers()) {
            inBlobs += l.compressedSize();
        }
        long outSize = 0;
        for (RewriteReport.Layer l : layers) {
            outSize += l.size();
        }
        RewriteReport.Side in = new RewriteReport.Side(archive.displayName(), archive.format(), ref.tags(),
                a.layers().size(), a.totalSize(), inBlobs, archiveSize(Path.of(archive.displayName())),
                a.wastedBytes(), ref.configDigest(), ref.manifestDigest(), null);
        RewriteReport.Side outSide = new RewriteReport.Side(output.toString(), kind.id, w.tags(), layers.size(),
                outSize, w.blobBytes(), archiveBytes, outWaste, w.configDigest(), w.manifestDigest(),
                options.layerCompression().id());
        return new RewriteReport(op, in, outSide, layers, removed, caches, a.totalSize() - outSize);
    }

    private static long archiveSize(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (var s = Files.walk(p)) {
                    return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            }
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * What the writers need of an analysis: layer figures, entries (decoded on access), totals. The merged tree and
     * dive's figures are not kept, so their memory is free again for the planners.
     */
    private record Read(List<LayerInfo> layers, List<List<LayerEntry>> entries, long totalSize, long wastedBytes) {
        static Read of(ImageAnalysis a) {
            List<List<LayerEntry>> l = new ArrayList<>();
            for (LayerEntries e : a.entries()) {
                l.add(e.asList());
            }
            return new Read(a.layers(), l, a.totalSize(), a.wastedBytes());
        }
    }

    private static long mtime(RewriteOptions o) {
        return o.sourceDateEpoch() == null ? 0 : o.sourceDateEpoch();
    }

    private static ImageOutput.Kind kind(Path output, RewriteOptions o) {
        if (o.format() == RewriteOptions.Format.DOCKER) {
            return ImageOutput.Kind.DOCKER_ARCHIVE;
        }
        return output.getFileName() != null && output.getFileName().toString().endsWith(".tar")
                ? ImageOutput.Kind.OCI_ARCHIVE : ImageOutput.Kind.OCI_LAYOUT;
    }

    private static ImageRef select(ImageArchive archive, ImageOptions read) {
        if (read.image() != null) {
            return archive.select(read.image());
        }
        List<ImageRef> images = archive.images();
        if (images.size() > 1) {
            List<String> names = new ArrayList<>();
            for (ImageRef r : images) {
                names.add(r.index() + (r.tags().isEmpty() ? "" : " (" + String.join(", ", r.tags()) + ")"));
            }
            throw new InputException(archive.displayName(), "the archive holds " + images.size()
                    + " images; choose one with --image: " + String.join("; ", names));
        }
        return images.get(0);
    }

    /** Refuses outputs that are the input (also through links) or inside an input layout, or missing folders. */
    static void checkOutput(Path input, Path output, ImageOutput.Kind kind) {
        Path abs = output.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(output.toString(), "the output's folder does not exist");
        }
        try {
            if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) || Files.exists(output)) {
                if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
                    throw new InputException(output.toString(), "is the input image; jlint never writes over its"
                            + " input (choose another output)");
                }
                boolean dir = Files.isDirectory(output);
                if (kind == ImageOutput.Kind.OCI_LAYOUT) {
                    if (!dir) {
                        throw new InputException(output.toString(), "exists and is not a directory; an OCI layout"
                                + " is written as a new directory (or name the output *.tar)");
                    }
                    try (var s = Files.list(output)) {
                        if (s.findAny().isPresent()) {
                            throw new InputException(output.toString(), "exists and is not empty; jlint writes an"
                                    + " OCI layout only into a new or empty directory");
                        }
                    }
                } else if (dir) {
                    throw new InputException(output.toString(), "is a directory; give a file name for the archive");
                }
            }
            if (Files.isDirectory(input)) {
                Path realIn = input.toRealPath();
                Path realParent = parent.toRealPath();
                if (realParent.startsWith(realIn)) {
                    throw new InputException(output.toString(), "is inside the input layout " + input
                            + "; jlint never writes into its input");
                }
            }
        } catch (IOException e) {
            throw new InputException(output.toString(), "cannot check the output: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes temporary files (spool, unfinished output) also when the JVM is stopped (Ctrl-C) while they exist;
     * closing it unregisters the hook once the normal path has cleaned up.
     */
    private static final class Cleanup implements AutoCloseable {
        private final List<java.io.Closeable> items = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread hook = new Thread(this::closeAll, "jlint-cleanup");
        private final boolean registered;

        Cleanup() {
            boolean ok;
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                ok = true;
            } catch (IllegalStateException | SecurityException e) {
                ok = false;             // already shutting down
            }
            registered = ok;
        }

        <T extends java.io.Closeable> T add(T c) {
            items.add(c);
            return c;
        }

        private void closeAll() {
            for (java.io.Closeable c : items) {
                try {
                    c.close();
                } catch (IOException | RuntimeException e) {
                    // best effort while the JVM stops
                }
            }
        }

        @Override
        public void close() {
            if (registered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook runs
                }
            }
        }
    }

    /** A layer blob being written: tar bytes in, diff_id and digest out. */
    private static final class LayerSink {
        record Result(String diffId, String digest, long size, long blobSize) {
        }

        private final ImageOutput.Blob blob;
        private final HashingOutputStream diff;
        private final OutputStream compressor;
        private final OutputStream top;

        LayerSink(ImageOutput out, Compression c) throws IOException {
            this.blob = out.blob();
            if (c == Compression.NONE) {
                diff = null;
                compressor = null;
                top = new BufferedOutputStream(new LayerCompressor.NoClose(blob), 1 << 16);
            } else {
                compressor = LayerCompressor.wrap(blob, c);
                diff = new HashingOutputStream(compressor);
                top = new BufferedOutputStream(diff, 1 << 16);
            }
        }

        OutputStream stream() {
            return top;
        }

        Result finish() throws IOException {
            top.flush();
            if (compressor != null) {
                compressor.close();
            }
            String digest = blob.finish();
            if (diff == null) {
                return new Result(digest, digest, blob.size(), blob.size());
            }
            return new Result(diff.digest(), digest, diff.count(), blob.size());
        }
    }
}
