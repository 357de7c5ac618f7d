package io.jlint.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the layer that replaces layers {@code from..n-1}: the final version of every path those layers wrote, and
 * the markers that hide what the unsquashed layers below still have (a whiteout only where a lower layer has the
 * path, an opaque marker only where a directory's lower content was hidden and there is some). Entries come in a
 * fixed order: depth first, each directory's own entry, then its opaque marker and whiteouts, then its children
 * by name; a hard link always after the file it names.
 *
 * <p>Hard links: the names that share one file's bytes stay linked. When the name that wrote the bytes survives it
 * stays the file; when it was overwritten or deleted, the first surviving name (in entry order) becomes the file
 * with those bytes and the others link to it; when a name in an unsquashed layer still holds the bytes, the
 * squashed names link to it, as they did.
 */
final class SquashPlanner {

    /** What an item of the merged layer writes. */
    enum Kind {
        /** The root's own entry ("./"). */
        ROOT,
        /** A directory's entry, copied from the entry that wrote its final version. */
        DIR,
        /** A directory that existed only implicitly, made explicit (0755, root, mtime 0). */
        IMPLICIT_DIR,
        /** A regular file carrying bytes (a hard-linked name may become the file). */
        FILE,
        /** A hard link to {@link Item#anchor()}. */
        LINK,
        /** An entry copied as it is: symlink, device, FIFO, hard link without a target. */
        COPY,
        /** {@code .wh..wh..opq} in directory {@link Item#node()}. */
        OPAQUE,
        /** {@code .wh.NAME} for {@link Item#node()}. */
        WHITEOUT
    }

    /**
     * One entry of the merged layer, small (headers are made when needed, never held for every path).
     *
     * @param node       the path it writes (for markers: the directory, or the path a whiteout deletes)
     * @param hdrLayer   the input entry whose owner, mode, times and PAX records the header copies, or -1
     * @param srcLayer   for {@link Kind#FILE}: the input layer whose entry holds the bytes, else -1
     * @param srcOrdinal that entry's index in its layer
     * @param anchor     for {@link Kind#LINK}: the name it links to
     */
    record Item(Kind kind, Overlay.Node node, int hdrLayer, int hdrOrdinal, int srcLayer, int srcOrdinal,
                Overlay.Node anchor) {
    }

    /**
     * The plan.
     *
     * @param items        the merged layer's entries in order
     * @param lowerContent entries of unsquashed layers whose bytes the merged layer needs (layer → ordinals), when
     *                     a hard-linked file's every name in those layers went away
     * @param expected     the input's merged filesystem
     */
    record Plan(List<Item> items, Map<Integer, Set<Integer>> lowerContent, Overlay expected,
                List<List<LayerEntry>> layers, long newMtime) {

        /** The header item {@code it} writes. */
        TarWriter.Header header(Item it) {
            LayerEntry e = it.hdrLayer() < 0 ? null : layers.get(it.hdrLayer()).get(it.hdrOrdinal());
            String path = it.node().path();
            return switch (it.kind()) {
                case ROOT -> Entries.header(e, "./", '5', 0, "");
                case DIR -> Entries.header(e, Entries.tarName(path, true), '5', 0, "");
                case IMPLICIT_DIR -> Entries.synthetic(Entries.tarName(path, true), '5', 0755, 0);
                case FILE -> Entries.header(e, Entries.tarName(path, false), '0',
                        layers.get(it.srcLayer()).get(it.srcOrdinal()).size(), "");
                case LINK -> Entries.header(e, Entries.tarName(path, false), '1', 0,
                        Entries.linkName(it.anchor().path()));
                case COPY -> Entries.copy(e);
                case OPAQUE -> marker(e, Entries.markerName(path, ".wh..wh..opq"));
                case WHITEOUT -> marker(e, Entries.markerName(it.node().parent.path(), ".wh." + it.node().name));
            };
        }

        private TarWriter.Header marker(LayerEntry e, String name) {
            return e != null ? Entries.header(e, name, '0', 0, "") : Entries.synthetic(name, '0', 0600, newMtime);
        }
    }

    private final List<List<LayerEntry>> layers;
    private final int from;
    private final long newMtime;
    private final Overlay o;
    private final List<Item> items = new ArrayList<>();
    private final Map<Integer, Set<Integer>> lowerContent = new HashMap<>();
    /** Hard link roles: the name each linked name links to (absent for the name that carries the bytes). */
    private final IdentityHashMap<Overlay.Node, Overlay.Node> linkTo = new IdentityHashMap<>();
    /** Names carrying bytes, to their content. */
    private final IdentityHashMap<Overlay.Node, Overlay.Content> carries = new IdentityHashMap<>();
    /** Anchors not yet written, with the links waiting for them. */
    private final IdentityHashMap<Overlay.Node, List<Item>> waiting = new IdentityHashMap<>();
    private final Set<Overlay.Node> written = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private SquashPlanner(List<List<LayerEntry>> layers, int from, long newMtime) {
        this.layers = layers;
        this.from = from;
        this.newMtime = newMtime;
        this.o = new Overlay();
        for (int i = 0; i < layers.size(); i++) {
            if (i == from) {
                o.markLower(from);
            }
            o.beginLayer(i);
            List<LayerEntry> l = layers.get(i);
            for (int k = 0; k < l.size(); k++) {
                o.apply(l.get(k), k);
            }
        }
    }

    /**
     * Plans the merge of layers {@code from..} of {@code layers}.
     *
     * @param newMtime the mtime of entries jlint makes up (directories made explicit, markers without an input
     *                 counterpart)
     */
    static Plan plan(List<List<LayerEntry>> layers, int from, long newMtime) {
        SquashPlanner p = new SquashPlanner(layers, from, newMtime);
        p.assignLinkRoles();
        p.emitRoot();
        p.walk(p.o.root, true);
        if (!p.waiting.isEmpty()) {
            throw new IllegalStateException("hard links wait for names that were never written");
        }
        return new Plan(p.items, p.lowerContent, p.o, layers, newMtime);
    }

    private LayerEntry entry(int layer, int ordinal) {
        return layers.get(layer).get(ordinal);
    }

    private boolean upper(Overlay.Node n) {
        return n.layer >= from;
    }

    // ------------------------------------------------------------------------------------------- hard links

    private void assignLinkRoles() {
        IdentityHashMap<Overlay.Content, List<Overlay.Node>> groups = new IdentityHashMap<>();
        o.forEachPresent(n -> {
            // a file alone with its bytes needs no decision; names sharing bytes, or a link left alone, do
            if (n.content != null && (n.content.refs > 1 || n.type == TarEntry.Type.HARDLINK)) {
                groups.computeIfAbsent(n.content, c -> new ArrayList<>()).add(n);
            }
        });
        Comparator<Overlay.Node> order = Comparator.comparing(SquashPlanner::components, SquashPlanner::compareParts);
        for (Map.Entry<Overlay.Content, List<Overlay.Node>> g : groups.entrySet()) {
            Overlay.Content c = g.getKey();
            List<Overlay.Node> names = g.getValue();
            names.sort(order);
            Overlay.Node lowerName = null;
            Overlay.Node writer = null;
            boolean anyUpper = false;
            for (Overlay.Node n : names) {
                if (!upper(n)) {
                    if (lowerName == null) {
                        lowerName = n;
                    }
                } else {
                    anyUpper = true;
                }
                if (n.layer == c.layer && n.ordinal == c.ordinal) {
                    writer = n;
                }
            }
            if (!anyUpper) {
                continue;
            }
            if (lowerName != null) {
                // an unsquashed layer still holds the bytes under this name: the squashed names link to it
                for (Overlay.Node n : names) {
                    if (upper(n)) {
                        linkTo.put(n, lowerName);
                    }
                }
                continue;
            }
            Overlay.Node anchor = writer != null ? writer : names.get(0);
            carries.put(anchor, c);
            if (c.layer < from) {
                lowerContent.computeIfAbsent(c.layer, k -> new TreeSet<>()).add(c.ordinal);
            }
            for (Overlay.Node n : names) {
                if (n != anchor) {
                    linkTo.put(n, anchor);
                }
            }
        }
    }

    private static String[] components(Overlay.Node n) {
        String p = n.path();
        return "/".equals(p) ? new String[0] : p.substring(1).split("/");
    }

    private static int compareParts(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    // ------------------------------------------------------------------------------------------- the walk

    private void emitRoot() {
        Overlay.Node r = o.root;
        if (upper(r) && !r.implicit) {
            LayerEntry e = entry(r.layer, r.ordinal);
            LayerEntry lower = r.lowerOrdinal < 0 ? null : entry(r.lowerLayer, r.lowerOrdinal);
            if (!Entries.sameDirAttributes(e, lower)) {
                add(new Item(Kind.ROOT, r, r.layer, r.ordinal, -1, -1, null), null);
            }
        }
    }

    /**
     * Emits what directory {@code d} (present in the final filesystem) needs below it. {@code lowerVisible}: the
     * unsquashed layers' content below {@code d} is still visible after the merged layer's markers above it.
     */
    private void walk(Overlay.Node d, boolean lowerVisible) {
        boolean lowerDir = lowerVisible && d.lowerPresent && d.lowerType == TarEntry.Type.DIRECTORY;
        boolean childLower = lowerDir;
        if (lowerDir && d.hidLower) {
            if (d.hasLowerChildren()) {
                add(new Item(Kind.OPAQUE, d, d.opaqueLayer, d.opaqueOrdinal, -1, -1, null), null);
            }
            childLower = false;
        }
        List<Overlay.Node> kids = Overlay.sortedChildren(d, childLower);
        if (childLower) {
            for (Overlay.Node c : kids) {
                if (!c.present && c.lowerPresent) {
                    add(new Item(Kind.WHITEOUT, c, c.whiteoutLayer, c.whiteoutOrdinal, -1, -1, null), null);
                }
            }
        }
        for (Overlay.Node c : kids) {
            if (!c.present) {
                continue;
            }
            boolean lp = childLower && c.lowerPresent;
            if (c.type == TarEntry.Type.DIRECTORY) {
                emitDir(c, lp);
                walk(c, childLower);
            } else if (upper(c)) {
                emitNonDir(c);
            }
        }
    }

    private void emitDir(Overlay.Node c, boolean lowerHere) {
        if (!upper(c)) {
            return;
        }
        if (c.implicit) {
            if (lowerHere) {        // the unsquashed layers have something here: make the directory explicit
                add(new Item(Kind.IMPLICIT_DIR, c, -1, -1, -1, -1, null), c);
            }
            return;
        }
        if (lowerHere && c.lowerType == TarEntry.Type.DIRECTORY && !c.hidLower) {
            LayerEntry e = entry(c.layer, c.ordinal);
            LayerEntry lower = c.lowerOrdinal < 0 ? null : entry(c.lowerLayer, c.lowerOrdinal);
            if (Entries.sameDirAttributes(e, lower)) {
                return;             // re-applying the same attributes changes nothing
            }
        }
        add(new Item(Kind.DIR, c, c.layer, c.ordinal, -1, -1, null), c);
    }

    private void emitNonDir(Overlay.Node c) {
        Overlay.Content carried = carries.get(c);
        Overlay.Node anchor = linkTo.get(c);
        if (carried != null) {
            add(new Item(Kind.FILE, c, c.layer, c.ordinal, carried.layer, carried.ordinal, null), c);
        } else if (anchor != null) {
            Item link = new Item(Kind.LINK, c, c.layer, c.ordinal, -1, -1, anchor);
            if (upper(anchor) && !written.contains(anchor)) {
                waiting.computeIfAbsent(anchor, k -> new ArrayList<>()).add(link);
            } else {
                add(link, c);
            }
        } else if (c.type == TarEntry.Type.FILE && c.content != null) {
            add(new Item(Kind.FILE, c, c.layer, c.ordinal, c.content.layer, c.content.ordinal, null), c);
        } else {
            add(new Item(Kind.COPY, c, c.layer, c.ordinal, -1, -1, null), c);
        }
    }

    private void add(Item item, Overlay.Node node) {
        items.add(item);
        if (node != null) {
            written.add(node);
            List<Item> w = waiting.remove(node);
            if (w != null) {
                items.addAll(w);
            }
        }
    }
}
