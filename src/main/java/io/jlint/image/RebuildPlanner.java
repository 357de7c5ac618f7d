package io.jlint.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code rebuild}: every layer keeps its place and its entry order, minus its waste. A layer is rewritten
 * when it stores bytes that are not in the final filesystem (a later layer overwrote or deleted them, or
 * {@code --strip-caches} removes them); a rewritten layer then also loses every other dead entry (versions later
 * replaced, directories later deleted), the whiteouts and opaque markers that no longer hide anything, and
 * directory entries that only repeat the attributes the path already has. A layer left with nothing is dropped.
 * Other layers are copied unchanged, blob and all, so base layers shared with other images stay shared.
 *
 * <p>Hard links: a name that a kept hard link names is kept (its bytes are alive), so links are never re-pointed;
 * a layer whose dead hard links name bytes that a rewritten layer drops is rewritten too.
 */
final class RebuildPlanner {

    /** What happens to one input layer. */
    enum Action { COPY, REWRITE, DROP }

    /**
     * One layer's plan.
     *
     * @param keep       for {@link Action#REWRITE}: which entries (by ordinal) are written
     * @param substitute for {@link Action#REWRITE}: entries written in place of a dropped one (by ordinal): a
     *                   whiteout for a dropped non-directory that had replaced a directory, so that the directory
     *                   is still gone when a later layer makes the path a directory again
     * @param savedBytes regular-file bytes the rewrite leaves out
     * @param dropped    entries left out
     */
    record LayerPlan(int index, Action action, boolean[] keep, Map<Integer, LayerEntry> substitute, long savedBytes,
                     int dropped) {
    }

    /** A path {@code --strip-caches} removed from the final filesystem. */
    record Stripped(String rule, String path, boolean directory, int files, long bytes) {
    }

    /**
     * The plan.
     *
     * @param layers      one per input layer
     * @param stripped    what --strip-caches removes, in path order
     * @param expected    the filesystem the output must have (the input's, minus stripped caches)
     * @param wastedBytes the bytes the output still wastes (0 unless a kept hard link holds on to them)
     */
    record Plan(List<LayerPlan> layers, List<Stripped> stripped, Overlay expected, long wastedBytes) {
    }

    private final List<List<LayerEntry>> layers;
    private final int n;
    private final Overlay o = new Overlay();
    private final Overlay.Node[][] nodeOf;
    private final int[][] incarnation;
    private final Overlay.Content[][] contentOf;
    private final long[][] anchor;
    /** Per entry: the type of the path it replaced with one of another kind, or null. */
    private final TarEntry.Type[][] replaced;
    private long outputWaste;

    private RebuildPlanner(List<List<LayerEntry>> layers) {
        this.layers = layers;
        this.n = layers.size();
        nodeOf = new Overlay.Node[n][];
        incarnation = new int[n][];
        contentOf = new Overlay.Content[n][];
        anchor = new long[n][];
        replaced = new TarEntry.Type[n][];
        for (int i = 0; i < n; i++) {
            List<LayerEntry> l = layers.get(i);
            nodeOf[i] = new Overlay.Node[l.size()];
            incarnation[i] = new int[l.size()];
            contentOf[i] = new Overlay.Content[l.size()];
            anchor[i] = new long[l.size()];
            replaced[i] = new TarEntry.Type[l.size()];
            o.beginLayer(i);
            for (int k = 0; k < l.size(); k++) {
                Overlay.Applied a = o.apply(l.get(k), k);
                if (l.get(k).whiteout() == LayerEntry.Whiteout.NONE) {
                    nodeOf[i][k] = a.node();
                    incarnation[i][k] = a.incarnation();
                    contentOf[i][k] = a.content();
                    replaced[i][k] = a.replaced();
                }
                anchor[i][k] = a.anchorLayer() < 0 ? -1 : ((long) a.anchorLayer() << 32) | a.anchorOrdinal();
            }
        }
    }

    static Plan plan(List<List<LayerEntry>> layers, boolean stripCaches) {
        RebuildPlanner p = new RebuildPlanner(layers);
        List<Stripped> stripped = stripCaches ? p.strip() : List.of();
        List<LayerPlan> plans = p.decide();
        return new Plan(plans, stripped, p.o, p.outputWaste);
    }

    // ------------------------------------------------------------------------------------------- caches

    private List<Stripped> strip() {
        List<Overlay.Node> victims = new ArrayList<>();
        List<Stripped> out = new ArrayList<>();
        CacheRules.forEachRemoval(o, (rule, node) -> {
            victims.add(node);
            int[] files = new int[1];
            long[] bytes = new long[1];
            count(node, files, bytes);
            out.add(new Stripped(rule.id(), node.path(), node.type == TarEntry.Type.DIRECTORY, files[0], bytes[0]));
        });
        o.beginLayer(n);
        for (Overlay.Node v : victims) {
            String path = v.path();
            String parent = PathNames.parent(path.substring(1));
            String name = (parent.isEmpty() ? "" : parent + "/") + ".wh." + v.name;
            o.apply(new LayerEntry(n, name, "/" + name, TarEntry.Type.FILE, LayerEntry.Whiteout.FILE, path, 0, 0, 0,
                    0, "", "", "", 0, 0, 0, Map.of()), -1);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private static void count(Overlay.Node node, int[] files, long[] bytes) {
        if (!node.present) {
            return;
        }
        if (node.type != TarEntry.Type.DIRECTORY) {
            files[0]++;
            if (node.content != null && node.content.refs == 1) {
                bytes[0] += node.content.size;
            }
            return;
        }
        for (Overlay.Node c : Overlay.sortedChildren(node, false)) {
            count(c, files, bytes);
        }
    }

    // ------------------------------------------------------------------------------------------- decisions

    private boolean alive(int i, int k) {
        Overlay.Node node = nodeOf[i][k];
        if (node == null || !node.present) {
            return node == o.root;
        }
        LayerEntry e = layers.get(i).get(k);
        if (e.type() == TarEntry.Type.DIRECTORY || node == o.root) {
            return node.type == TarEntry.Type.DIRECTORY && node.incarnation == incarnation[i][k];
        }
        return node.layer == i && node.ordinal == k;
    }

    /** A regular file whose bytes no name of the final filesystem holds. */
    private boolean deadBytes(int i, int k) {
        Overlay.Content c = contentOf[i][k];
        LayerEntry e = layers.get(i).get(k);
        return e.isRegularFile() && c != null && c.refs == 0;
    }

    private List<LayerPlan> decide() {
        boolean[] rewrite = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < layers.get(i).size(); k++) {
                if (deadBytes(i, k) && layers.get(i).get(k).size() > 0) {
                    rewrite[i] = true;
                    break;
                }
            }
        }
        // a kept (copied) hard link must find its target: rewrite the layers whose dead links name dropped bytes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (rewrite[i]) {
                    continue;
                }
                List<LayerEntry> l = layers.get(i);
                for (int k = 0; k < l.size(); k++) {
                    Overlay.Content c = contentOf[i][k];
                    if (l.get(k).type() == TarEntry.Type.HARDLINK && c != null && c.refs == 0 && c.layer >= 0
                            && rewrite[c.layer]) {
                        rewrite[i] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        boolean[][] keep = new boolean[n][];
        for (int i = 0; i < n; i++) {
            keep[i] = new boolean[layers.get(i).size()];
        }
        // kept entries, and the names kept hard links need (walking back: a link comes after its target)
        for (int i = n - 1; i >= 0; i--) {
            List<LayerEntry> l = layers.get(i);
            for (int k = l.size() - 1; k >= 0; k--) {
                LayerEntry e = l.get(k);
                if (e.whiteout() != LayerEntry.Whiteout.NONE || e.path() == null) {
                    continue;
                }
                if (!rewrite[i] || alive(i, k)) {
                    keep[i][k] = true;
                }
                if (keep[i][k] && anchor[i][k] >= 0) {
                    keep[(int) (anchor[i][k] >>> 32)][(int) anchor[i][k]] = true;
                }
            }
        }
        return bottomUp(rewrite, keep);
    }

    /** Applies the planned layers in order, deciding markers and repeated directories against what is below. */
    private List<LayerPlan> bottomUp(boolean[] rewrite, boolean[][] keep) {
        Overlay r = new Overlay();
        List<LayerPlan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<LayerEntry> l = layers.get(i);
            r.beginLayer(i);
            Map<Integer, LayerEntry> subs = new HashMap<>();
            boolean[] out = candidate(r, i, keep[i], subs);
            boolean empty = subs.isEmpty();
            for (boolean b : out) {
                empty &= !b;
            }
            Action action = empty ? Action.DROP : rewrite[i] ? Action.REWRITE : Action.COPY;
            boolean[] applied = action == Action.COPY ? null : out;
            long saved = 0;
            int dropped = 0;
            for (int k = 0; k < l.size(); k++) {
                boolean written = applied == null || applied[k];
                if (written) {
                    r.apply(l.get(k), k);
                } else {
                    LayerEntry sub = action == Action.REWRITE ? subs.get(k) : null;
                    if (sub != null) {
                        r.apply(sub, k);
                    }
                    dropped++;
                    if (l.get(k).isRegularFile()) {
                        saved += l.get(k).size();
                    }
                }
            }
            plans.add(new LayerPlan(i, action, action == Action.REWRITE ? out : null,
                    action == Action.REWRITE ? Map.copyOf(subs) : Map.of(), saved, dropped));
        }
        List<String> diff = PlanCheck.differences(o, this::entry, RebuildPlanner::key, r, this::entry,
                RebuildPlanner::key, 5);
        if (!diff.isEmpty()) {
            throw new IllegalStateException("rebuild plan would change the filesystem: " + String.join("; ", diff));
        }
        outputWaste = r.wastedBytes();
        return plans;
    }

    private LayerEntry entry(int layer, int ordinal) {
        return layers.get(layer).get(ordinal);
    }

    private static String key(Overlay.Content c) {
        return c.layer + ":" + c.ordinal;
    }

    /**
     * Which entries of layer {@code i} a rewrite would keep, judged against {@code r} (the planned layers below,
     * not yet this one): kept entries, markers that still hide something below, directory entries that change
     * something, and the directory entries above kept entries.
     */
    private boolean[] candidate(Overlay r, int i, boolean[] keep, Map<Integer, LayerEntry> subs) {
        List<LayerEntry> l = layers.get(i);
        boolean[] out = new boolean[l.size()];
        // what repeats() needs, with strings only for directories and markers (layers can hold 100,000s of files)
        Set<String> whiteoutTargets = new HashSet<>();
        Set<String> opaqueDirs = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> ancestors = new HashSet<>();
        for (LayerEntry e : l) {
            if (e.path() == null) {
                continue;
            }
            switch (e.whiteout()) {
                case FILE -> whiteoutTargets.add(e.target());
                case OPAQUE -> opaqueDirs.add(e.target());
                case NONE -> {
                    if (e.type() == TarEntry.Type.DIRECTORY) {
                        seen.merge(e.path(), 1, Integer::sum);
                        String p = PathNames.parent(e.path().substring(1));
                        while (!p.isEmpty()) {
                            ancestors.add("/" + p);
                            p = PathNames.parent(p);
                        }
                    }
                }
                default -> {
                }
            }
        }
        Set<String> nonDirs = new HashSet<>();
        for (LayerEntry e : l) {
            if (e.path() != null && e.whiteout() == LayerEntry.Whiteout.NONE
                    && e.type() != TarEntry.Type.DIRECTORY) {
                if (seen.containsKey(e.path())) {
                    seen.merge(e.path(), 1, Integer::sum);
                }
                if (ancestors.contains(e.path())) {
                    nonDirs.add(e.path());
                }
            }
        }
        Map<String, Integer> dirAt = new HashMap<>();
        for (int k = 0; k < l.size(); k++) {
            LayerEntry e = l.get(k);
            if (e.path() == null) {
                continue;
            }
            switch (e.whiteout()) {
                case FILE -> out[k] = r.whiteoutHides(e.target());
                case OPAQUE -> out[k] = r.opaqueHides(e.target());
                case META -> out[k] = false;
                case NONE -> {
                    if (e.type() == TarEntry.Type.DIRECTORY) {
                        dirAt.put(e.path(), k);
                    }
                    boolean dir = e.type() == TarEntry.Type.DIRECTORY;
                    out[k] = keep[k] && !(dir && repeats(r, e, seen, whiteoutTargets, opaqueDirs, nonDirs));
                    if (!keep[k] && replaced[i][k] != null && !"/".equals(e.path())) {
                        if (dir) {
                            out[k] = true;      // a directory that replaced a file: what comes below needs it
                        } else if (r.whiteoutHides(e.path())) {
                            subs.put(k, whiteoutFor(e));
                        }
                    }
                    if (out[k]) {
                        restoreParents(r, l, e, k, dirAt, out);
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** A whiteout of {@code e}'s path, dated and owned like {@code e}. */
    private static LayerEntry whiteoutFor(LayerEntry e) {
        String rel = e.path().substring(1);
        String parent = PathNames.parent(rel);
        String name = (parent.isEmpty() ? "" : parent + "/") + ".wh." + PathNames.base(rel);
        return new LayerEntry(e.layer(), name, "/" + name, TarEntry.Type.FILE, LayerEntry.Whiteout.FILE, e.path(),
                0, 0600, e.uid(), e.gid(), e.uname(), e.gname(), "", e.mtime(), 0, 0, Map.of());
    }

    /**
     * Keeps the dropped directory entries of this layer above a kept entry where the layers below have a
     * non-directory: without them the kept entry would land below a file.
     */
    private static void restoreParents(Overlay r, List<LayerEntry> l, LayerEntry e, int k, Map<String, Integer> dirAt,
                                       boolean[] out) {
        String p = PathNames.parent(e.path().substring(1));
        while (!p.isEmpty()) {
            Integer d = dirAt.get("/" + p);
            if (d != null && d < k && !out[d]) {
                Overlay.Node below = r.lookup("/" + p);
                if (below != null && below.type != TarEntry.Type.DIRECTORY) {
                    out[d] = true;
                }
            }
            p = PathNames.parent(p);
        }
    }

    /**
     * True when a directory entry only repeats what is below: the path is already a directory with the same
     * attributes, the layer names the path once, and nothing in the layer deletes or replaces it or a parent.
     */
    private boolean repeats(Overlay r, LayerEntry e, Map<String, Integer> seen, Set<String> whiteoutTargets,
                            Set<String> opaqueDirs, Set<String> nonDirs) {
        if (seen.getOrDefault(e.path(), 0) != 1) {
            return false;
        }
        Overlay.Node cur = "/".equals(e.path()) ? r.root : r.lookup(e.path());
        if (cur == null || cur.type != TarEntry.Type.DIRECTORY) {
            return false;
        }
        LayerEntry below = cur.implicit || cur.ordinal < 0 ? null : entry(cur.layer, cur.ordinal);
        if (!Entries.sameDirAttributes(e, below)) {
            return false;
        }
        String p = e.path();
        if (whiteoutTargets.contains(p)) {
            return false;
        }
        while (!"/".equals(p)) {
            String parent = PathNames.parent(p.substring(1));
            p = parent.isEmpty() ? "/" : "/" + parent;
            if (whiteoutTargets.contains(p) || opaqueDirs.contains(p) || nonDirs.contains(p)) {
                return false;
            }
        }
        return true;
    }
}
