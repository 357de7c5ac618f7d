package io.jlint.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes dive's figures the way dive does (so {@code .dive-ci} thresholds carry over), which differs from
 * jlint's exact waste on purpose:
 * <ul>
 *   <li>a layer's size is the sum of its entries' tar header sizes;</li>
 *   <li>each layer is a tree of its entries (names cleaned as Go's {@code path.Clean}; "." skipped); an opaque
 *       marker ({@code .wh..wh..*}) is not added at all; {@code .wh.X} becomes a node X flagged as a whiteout;
 *       missing parents become nodes with empty metadata (size 0, not a directory);</li>
 *   <li>for each layer in order, its leaves (children first, names sorted; a directory with children is not a
 *       leaf) add to a per-path record: a leaf's header size, or for a whiteout the total size of what the stack
 *       of all earlier layers has at that path when it is a directory there (0 otherwise);</li>
 *   <li>efficiency = Σ smallest size seen per path / Σ all sizes seen (1 when nothing was seen); wasted bytes =
 *       Σ sizes seen for paths seen at least twice (the surviving copy counts too); wasted user percent = wasted
 *       / (size of all layers but the first).</li>
 * </ul>
 * Layers are fed in order with {@link #addLayer}; only the current layer's tree and the stack of earlier layers
 * are kept.
 */
final class DiveCalculator {

    private static final class DNode {
        final String name;        // the path component (".wh." stripped for whiteouts)
        final DNode parent;
        TreeMap<String, DNode> children;  // keyed by the raw component, sorted as Go sorts strings (bytes)
        long size;
        boolean dir;
        boolean whiteout;

        DNode(String name, DNode parent) {
            this.name = name;
            this.parent = parent;
        }

        String path() {
            if (parent == null) {
                return "/";
            }
            StringBuilder sb = new StringBuilder();
            build(sb);
            return sb.toString();
        }

        private void build(StringBuilder sb) {
            if (parent != null) {
                parent.build(sb);
                sb.append('/').append(name);
            }
        }

        boolean leaf() {
            return children == null || children.isEmpty();
        }
    }

    /** Per path: cumulative size, smallest size, times seen. */
    private final Map<String, long[]> paths = new HashMap<>();
    private final DNode stacked = new DNode("", null);
    private long sizeBytes;
    private long userSizeBytes;
    private int layers;

    /** Adds the next layer: its entries in tar order. */
    void addLayer(List<LayerEntry> entries) {
        DNode tree = new DNode("", null);
        long size = 0;
        for (LayerEntry e : entries) {
            String p = PathNames.goClean(e.name());
            if (p.equals(".")) {
                continue;
            }
            size += e.size();
            addPath(tree, p, e.size(), e.type() == TarEntry.Type.DIRECTORY, true);
        }
        sizeBytes += size;
        if (layers > 0) {
            userSizeBytes += size;
        }
        layers++;
        visitLeaves(tree);
        stack(tree);
    }

    /**
     * dive's AddPath: walks the components, creating missing nodes with empty metadata; the last node gets the
     * entry's metadata (children kept). A component starting with ".wh..wh." is never created.
     */
    private static DNode addPath(DNode root, String path, long size, boolean dir, boolean rawKeys) {
        DNode node = root;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            DNode child = node.children == null ? null : node.children.get(part);
            if (child == null) {
                if (part.startsWith(".wh..wh.")) {
                    return null;
                }
                boolean wh = rawKeys && part.startsWith(".wh.");
                child = new DNode(wh ? part.substring(4) : part, node);
                child.whiteout = wh;
                if (node.children == null) {
                    node.children = new TreeMap<>();
                }
                node.children.put(part, child);
            }
            node = child;
            if (i == parts.length - 1) {
                node.size = size;
                node.dir = dir;
            }
        }
        return node;
    }

    private void visitLeaves(DNode n) {
        if (n.children != null) {
            for (DNode c : n.children.values()) {
                visitLeaves(c);
            }
        }
        if (n.parent == null || !n.leaf()) {
            return;
        }
        long size;
        if (n.whiteout) {
            size = 0;
            DNode prev = get(stacked, n.path());
            if (prev != null && prev.dir) {
                size = subtreeSize(prev);
            }
        } else {
            size = n.size;
        }
        long[] d = paths.computeIfAbsent(n.path(), k -> new long[] {0, -1, 0});
        d[0] += size;
        if (d[1] < 0 || size < d[1]) {
            d[1] = size;
        }
        d[2]++;
    }

    private static long subtreeSize(DNode n) {
        long s = n.size;
        if (n.children != null) {
            for (DNode c : n.children.values()) {
                s += subtreeSize(c);
            }
        }
        return s;
    }

    private static DNode get(DNode root, String path) {
        DNode cur = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (cur.children == null || (cur = cur.children.get(part)) == null) {
                return null;
            }
        }
        return cur;
    }

    /** dive's Stack: every node of the upper tree, children first: whiteouts remove, others are added. */
    private void stack(DNode upper) {
        List<DNode> order = new ArrayList<>();
        collect(upper, order);
        for (DNode n : order) {
            String p = n.path();
            if (n.whiteout) {
                DNode victim = get(stacked, p);
                if (victim != null && victim.parent != null) {
                    victim.parent.children.values().remove(victim);
                }
            } else {
                addPath(stacked, p, n.size, n.dir, false);
            }
        }
    }

    private static void collect(DNode n, List<DNode> out) {
        if (n.children != null) {
            for (DNode c : n.children.values()) {
                collect(c, out);
            }
        }
        if (n.parent != null) {
            out.add(n);
        }
    }

    DiveFigures result() {
        long min = 0;
        long cumulative = 0;
        long wasted = 0;
        for (long[] d : paths.values()) {
            min += d[1];
            cumulative += d[0];
            if (d[2] >= 2) {
                wasted += d[0];
            }
        }
        double efficiency = cumulative == 0 ? 1.0 : (double) min / (double) cumulative;
        Double userPercent = userSizeBytes == 0 ? null : (double) wasted / (double) userSizeBytes;
        return new DiveFigures(efficiency, wasted, sizeBytes, userSizeBytes, userPercent);
    }
}
