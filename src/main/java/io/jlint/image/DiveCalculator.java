package io.jlint.image;

import java.util.HashMap;
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
 *   <li>the stack of layers applies each layer's nodes, children first: a whiteout removes the path and what is
 *       below it, any other node replaces the path's metadata (keeping its children);</li>
 *   <li>efficiency = Σ smallest size seen per path / Σ all sizes seen (1 when nothing was seen); wasted bytes =
 *       Σ sizes seen for paths seen at least twice (the surviving copy counts too); wasted user percent = wasted
 *       / (size of all layers but the first).</li>
 * </ul>
 * Layers are fed in order with {@link #addLayer}. One trie holds, per path ever seen, both the stacked tree's
 * state (present or not, size, directory) and the path's record, so memory grows with the number of paths.
 */
final class DiveCalculator {

    /** A path of the stacked tree and its efficiency record. */
    private static final class Node {
        final String name;
        HashMap<String, Node> children;
        boolean present;
        long size;
        boolean dir;
        long cumulative;
        long min = -1;
        int seen;

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            return children.computeIfAbsent(n, Node::new);
        }
    }

    /** A node of the current layer's own tree, keyed by the raw name (".wh.X" and "X" are different nodes). */
    private static final class LNode {
        final LNode parent;
        final String name;        // ".wh." stripped for whiteouts
        final Node path;          // the same path in the trie
        TreeMap<String, LNode> children;
        long size;
        boolean dir;
        boolean whiteout;

        LNode(LNode parent, String name, Node path) {
            this.parent = parent;
            this.name = name;
            this.path = path;
        }
    }

    private final Node root = new Node("");
    private long sizeBytes;
    private long userSizeBytes;
    private int layers;

    DiveCalculator() {
        root.present = true;
    }

    /** Adds the next layer: its entries in tar order. */
    void addLayer(Iterable<LayerEntry> entries) {
        LNode tree = new LNode(null, "", root);
        long size = 0;
        for (LayerEntry e : entries) {
            String p = PathNames.goClean(e.name());
            if (p.equals(".")) {
                continue;
            }
            size += e.size();
            addToLayer(tree, p, e.size(), e.type() == TarEntry.Type.DIRECTORY);
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
     * dive's AddPath into a layer tree: walks the components, creating missing nodes with empty metadata; the last
     * node gets the entry's metadata (children kept). A component starting with ".wh..wh." is never created.
     */
    private static void addToLayer(LNode root, String path, long size, boolean dir) {
        LNode node = root;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            LNode child = node.children == null ? null : node.children.get(part);
            if (child == null) {
                if (part.startsWith(".wh..wh.")) {
                    return;
                }
                boolean wh = part.startsWith(".wh.");
                String name = wh ? part.substring(4) : part;
                child = new LNode(node, name, node.path.child(name));
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
    }

    private void visitLeaves(LNode n) {
        if (n.children != null && !n.children.isEmpty()) {
            for (LNode c : n.children.values()) {
                visitLeaves(c);
            }
            return;
        }
        if (n.parent == null) {
            return;
        }
        long size;
        if (n.whiteout) {
            Node prev = n.path;
            size = prev.present && prev.dir ? subtreeSize(prev) : 0;
        } else {
            size = n.size;
        }
        Node d = n.path;
        d.cumulative += size;
        if (d.min < 0 || size < d.min) {
            d.min = size;
        }
        d.seen++;
    }

    private static long subtreeSize(Node n) {
        long s = n.size;
        if (n.children != null) {
            for (Node c : n.children.values()) {
                if (c.present) {
                    s += subtreeSize(c);
                }
            }
        }
        return s;
    }

    /** dive's Stack: every node of the layer tree, children first: whiteouts remove, others are added. */
    private void stack(LNode n) {
        if (n.children != null) {
            for (LNode c : n.children.values()) {
                stack(c);
            }
        }
        if (n.parent == null) {
            return;
        }
        if (n.whiteout) {
            if (n.path.present) {
                remove(n.path);
            }
        } else {
            addToStack(n);
        }
    }

    /** dive's AddPath into the stacked tree: missing components become present with empty metadata. */
    private static void addToStack(LNode n) {
        if (n.parent.parent != null) {
            ensurePresent(n.parent);
        }
        Node p = n.path;
        p.present = true;
        p.size = n.size;
        p.dir = n.dir;
    }

    private static void ensurePresent(LNode n) {
        if (n.parent.parent != null) {
            ensurePresent(n.parent);
        }
        Node p = n.path;
        if (!p.present) {
            p.present = true;
            p.size = 0;
            p.dir = false;
        }
    }

    private static void remove(Node n) {
        n.present = false;
        if (n.children != null) {
            for (Node c : n.children.values()) {
                if (c.present) {
                    remove(c);
                }
            }
        }
    }

    DiveFigures result() {
        long[] sums = new long[3];
        sum(root, sums);
        long min = sums[0];
        long cumulative = sums[1];
        long wasted = sums[2];
        double efficiency = cumulative == 0 ? 1.0 : (double) min / (double) cumulative;
        Double userPercent = userSizeBytes == 0 ? null : (double) wasted / (double) userSizeBytes;
        return new DiveFigures(efficiency, wasted, sizeBytes, userSizeBytes, userPercent);
    }

    private static void sum(Node n, long[] sums) {
        if (n.seen > 0) {
            sums[0] += n.min;
            sums[1] += n.cumulative;
            if (n.seen >= 2) {
                sums[2] += n.cumulative;
            }
        }
        if (n.children != null) {
            for (Node c : n.children.values()) {
                sum(c, sums);
            }
        }
    }
}
