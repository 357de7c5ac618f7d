package io.jlint.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The layered filesystem as squash and rebuild need it: the same semantics as {@link FileTree} (whiteouts and
 * opaque markers hide lower layers only, a non-directory over a directory removes it, entries below a
 * non-directory replace it with an implicit directory, hard links share their target's content), but every path
 * remembers <em>which tar entry</em> wrote its current version ({@code layer}, {@code ordinal}: the entry's index in
 * its layer), content objects remember the entry that wrote their bytes, and directories count their
 * incarnations. {@link FileTree} stays the reference model: the tests compare what the writers produce against it.
 *
 * <p>For squash, {@link #markLower()} records the filesystem as the unsquashed layers leave it; later changes note
 * on each directory whether what those layers had below it was hidden ({@link Node#hidLower}).
 */
final class Overlay {

    /** Bytes written by one regular-file entry, shared by the hard links that name them. */
    static final class Content {
        final int layer;
        final int ordinal;
        final long size;
        int refs;

        Content(int layer, int ordinal, long size) {
            this.layer = layer;
            this.ordinal = ordinal;
            this.size = size;
        }
    }

    /** One path; removed paths stay as absent nodes (their lower snapshot and history are still needed). */
    static final class Node {
        final String name;
        final Node parent;
        HashMap<String, Node> children;
        boolean present;
        TarEntry.Type type = TarEntry.Type.DIRECTORY;
        /** The layer that wrote the current version (for an implicit directory: the layer that created it). */
        int layer = -1;
        /** The entry that wrote the current version, or -1 for an implicit directory. */
        int ordinal = -1;
        boolean implicit = true;
        Content content;
        /** Bumped each time the path becomes a directory again (created, re-created, reset to implicit). */
        int incarnation;
        /** Squash: since {@link #markLower()}, the unsquashed layers' content at or below this path was hidden. */
        boolean hidLower;
        /** Squash: the path as the unsquashed layers leave it. */
        boolean lowerPresent;
        TarEntry.Type lowerType;
        int lowerLayer = -1;
        int lowerOrdinal = -1;
        /** Squash: the last whiteout entry (layer, ordinal) of the squashed layers that named this path, or -1. */
        int whiteoutLayer = -1;
        int whiteoutOrdinal = -1;
        /** Squash: the last opaque marker (layer, ordinal) of the squashed layers for this directory, or -1. */
        int opaqueLayer = -1;
        int opaqueOrdinal = -1;

        Node(String name, Node parent) {
            this.name = name;
            this.parent = parent;
        }

        boolean hasPresentChildren() {
            if (children != null) {
                for (Node c : children.values()) {
                    if (c.present) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean hasLowerChildren() {
            if (children != null) {
                for (Node c : children.values()) {
                    if (c.lowerPresent) {
                        return true;
                    }
                }
            }
            return false;
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
    }

    /**
     * What applying one entry did, for callers that keep per-entry facts.
     *
     * @param replaced the type of the present path the entry replaced with one of another kind (a directory
     *                 by a non-directory or the reverse), else null
     */
    record Applied(Node node, int incarnation, Content content, int anchorLayer, int anchorOrdinal,
                   TarEntry.Type replaced) {
        static final Applied NOTHING = new Applied(null, 0, null, -1, -1, null);

        Applied(Node node, int incarnation, Content content, int anchorLayer, int anchorOrdinal) {
            this(node, incarnation, content, anchorLayer, anchorOrdinal, null);
        }
    }

    final Node root = new Node("", null);
    private int layer = -1;
    private int lowerMark = Integer.MAX_VALUE;
    private long wasted;

    Overlay() {
        root.present = true;
        root.incarnation = 1;
    }

    /** Entries applied from now on belong to {@code index} (increasing; gaps allowed for dropped layers). */
    void beginLayer(int index) {
        if (index <= layer) {
            throw new IllegalStateException("layer " + index + " after " + layer);
        }
        layer = index;
    }

    int layer() {
        return layer;
    }

    /** Bytes of content objects whose last name went away. */
    long wastedBytes() {
        return wasted;
    }

    /**
     * Records the current filesystem as the lower part (the unsquashed layers); from now on removals and opaque
     * markers set {@link Node#hidLower} on the directories whose lower content they hide.
     */
    void markLower(int firstUpperLayer) {
        lowerMark = firstUpperLayer;
        snapshot(root);
    }

    private static void snapshot(Node n) {
        n.lowerPresent = n.present;
        n.lowerType = n.present ? n.type : null;
        n.lowerLayer = n.layer;
        n.lowerOrdinal = n.ordinal;
        if (n.children != null) {
            for (Node c : n.children.values()) {
                snapshot(c);
            }
        }
    }

    private boolean upper() {
        return layer >= lowerMark;
    }

    /** Applies entry {@code ordinal} of the current layer. */
    Applied apply(LayerEntry e, int ordinal) {
        if (e.path() == null) {
            return Applied.NOTHING;
        }
        switch (e.whiteout()) {
            case META -> {
                return Applied.NOTHING;
            }
            case OPAQUE -> {
                Node d = lookup(e.target());
                if (d != null && d.type == TarEntry.Type.DIRECTORY) {
                    if (upper()) {
                        d.opaqueLayer = layer;
                        d.opaqueOrdinal = ordinal;
                    }
                    hideLower(d);
                }
                return new Applied(d, 0, null, -1, -1);
            }
            case FILE -> {
                return new Applied(whiteout(e.target(), ordinal), 0, null, -1, -1);
            }
            case NONE -> {
                return add(e, ordinal);
            }
            default -> throw new IllegalStateException();
        }
    }

    private Node whiteout(String target, int ordinal) {
        if (upper()) {
            Node any = lookupAny(target);
            if (any != null) {
                any.whiteoutLayer = layer;
                any.whiteoutOrdinal = ordinal;
            }
        }
        Node n = lookup(target);
        if (n == null || n == root) {
            return n;
        }
        hideLower(n);
        if (n.layer < layer) {
            if (n.hasPresentChildren()) {
                becomeImplicitDir(n);
            } else {
                remove(n);
            }
        }
        return n;
    }

    private void hideLower(Node d) {
        if (upper()) {
            d.hidLower = true;
        }
        if (d.children == null) {
            return;
        }
        for (Node c : new ArrayList<>(d.children.values())) {
            if (!c.present) {
                continue;
            }
            hideLower(c);
            if (c.layer < layer) {
                if (c.hasPresentChildren()) {
                    becomeImplicitDir(c);
                } else {
                    remove(c);
                }
            }
        }
    }

    private void becomeImplicitDir(Node n) {
        release(n);
        if (upper()) {
            n.hidLower = true;
        }
        n.present = true;
        n.type = TarEntry.Type.DIRECTORY;
        n.layer = layer;
        n.ordinal = -1;
        n.implicit = true;
        n.incarnation++;
    }

    private Applied add(LayerEntry e, int ordinal) {
        String rel = e.path().substring(1);
        if (rel.isEmpty()) {            // the root's own entry
            root.layer = layer;
            root.ordinal = ordinal;
            root.implicit = false;
            return new Applied(root, root.incarnation, null, -1, -1);
        }
        Content linked = null;
        int anchorLayer = -1;
        int anchorOrdinal = -1;
        if (e.type() == TarEntry.Type.HARDLINK) {
            String t = PathNames.clean(e.linkTarget());
            if (t != null) {
                Node tn = lookup("/" + t);
                if (tn != null && tn.content != null) {
                    linked = tn.content;
                    linked.refs++;
                    anchorLayer = tn.layer;
                    anchorOrdinal = tn.ordinal;
                }
            }
        }
        Node parent = ensureParents(rel);
        String base = PathNames.base(rel);
        if (parent.children == null) {
            parent.children = new HashMap<>(8);
        }
        Node n = parent.children.get(base);
        boolean existed = n != null && n.present;
        boolean kindChanges = existed
                && (n.type == TarEntry.Type.DIRECTORY) != (e.type() == TarEntry.Type.DIRECTORY);
        TarEntry.Type replaced = kindChanges ? n.type : null;
        if (existed) {
            if (n.type == TarEntry.Type.DIRECTORY && e.type() == TarEntry.Type.DIRECTORY) {
                n.layer = layer;
                n.ordinal = ordinal;
                n.implicit = false;
                return new Applied(n, n.incarnation, null, -1, -1);
            }
            if (n.type == TarEntry.Type.DIRECTORY) {
                if (upper()) {
                    n.hidLower = true;
                }
                removeChildren(n);
            }
            release(n);
        } else if (n == null) {
            n = new Node(base, parent);
            parent.children.put(base, n);
        }
        if (upper() && (existed || n.lowerPresent)) {
            n.hidLower = true;      // the version the unsquashed layers had here is replaced
        }
        n.present = true;
        n.type = e.type();
        n.layer = layer;
        n.ordinal = ordinal;
        n.implicit = false;
        if (e.type() == TarEntry.Type.DIRECTORY) {
            n.incarnation++;
        }
        if (e.isRegularFile()) {
            n.content = new Content(layer, ordinal, e.size());
            n.content.refs = 1;
        } else if (linked != null) {
            n.content = linked;
        }
        return new Applied(n, n.incarnation, n.content, anchorLayer, anchorOrdinal, replaced);
    }

    private Node ensureParents(String rel) {
        Node cur = root;
        int start = 0;
        while (true) {
            int slash = rel.indexOf('/', start);
            if (slash < 0) {
                return cur;
            }
            String name = rel.substring(start, slash);
            if (cur.children == null) {
                cur.children = new HashMap<>(8);
            }
            Node c = cur.children.get(name);
            if (c == null) {
                c = new Node(name, cur);
                cur.children.put(name, c);
            }
            if (!c.present || c.type != TarEntry.Type.DIRECTORY) {
                if (upper() && (c.present || c.lowerPresent)) {
                    c.hidLower = true;
                }
                becomeImplicitDir(c);
            }
            cur = c;
            start = slash + 1;
        }
    }

    private void remove(Node n) {
        removeChildren(n);
        release(n);
        if (upper()) {
            n.hidLower = true;
        }
        n.present = false;
    }

    private void removeChildren(Node n) {
        if (n.children != null) {
            for (Node c : n.children.values()) {
                if (c.present) {
                    remove(c);
                }
            }
        }
    }

    private void release(Node n) {
        Content c = n.content;
        if (c != null) {
            n.content = null;
            if (--c.refs == 0) {
                wasted += c.size;
            }
        }
    }

    /** The present node at an absolute path, or null. */
    Node lookup(String abs) {
        Node cur = root;
        int start = 1;
        int len = abs.length();
        while (start < len) {
            int slash = abs.indexOf('/', start);
            String name = abs.substring(start, slash < 0 ? len : slash);
            if (cur.children == null) {
                return null;
            }
            cur = cur.children.get(name);
            if (cur == null || !cur.present) {
                return null;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return cur;
    }

    /** The node at an absolute path, present or not, or null when none was ever made. */
    Node lookupAny(String abs) {
        String rel = PathNames.clean(abs);
        if (rel == null) {
            return null;
        }
        Node cur = root;
        if (rel.isEmpty()) {
            return cur;
        }
        for (String name : rel.split("/")) {
            if (cur.children == null || (cur = cur.children.get(name)) == null) {
                return null;
            }
        }
        return cur;
    }

    /**
     * Would a whiteout of {@code target} applied now in the current layer change anything (something of a lower
     * layer at or below it)?
     */
    boolean whiteoutHides(String target) {
        Node n = lookup(target);
        if (n == null || n == root) {
            return false;
        }
        return n.layer < layer || hasLowerDescendant(n);
    }

    /** Would an opaque marker for directory {@code target} applied now hide anything of a lower layer? */
    boolean opaqueHides(String target) {
        Node d = lookup(target);
        return d != null && d.type == TarEntry.Type.DIRECTORY && hasLowerDescendant(d);
    }

    private boolean hasLowerDescendant(Node d) {
        if (d.children == null) {
            return false;
        }
        for (Node c : d.children.values()) {
            if (c.present && (c.layer < layer || hasLowerDescendant(c))) {
                return true;
            }
        }
        return false;
    }

    /** The present children of {@code n}, sorted by name. */
    static List<Node> sortedChildren(Node n, boolean includeLower) {
        List<Node> l = new ArrayList<>();
        if (n.children != null) {
            for (Node c : n.children.values()) {
                if (c.present || (includeLower && c.lowerPresent)) {
                    l.add(c);
                }
            }
        }
        l.sort((a, b) -> a.name.compareTo(b.name));
        return l;
    }

    /** Every present path below the root, depth first, names sorted. */
    void forEachPresent(java.util.function.Consumer<Node> out) {
        walk(root, out);
    }

    private static void walk(Node n, java.util.function.Consumer<Node> out) {
        for (Node c : sortedChildren(n, false)) {
            out.accept(c);
            walk(c, out);
        }
    }
}
