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

    /**
     * One entry of the merged layer.
     *
     * @param header     what to write
     * @param srcLayer   for a regular file: the input layer whose entry holds the bytes, else -1
     * @param srcOrdinal that entry's index in its layer
     */
    record Item(TarWriter.Header header, int srcLayer, int srcOrdinal) {
    }

    /**
     * The plan.
     *
     * @param items        the merged layer's entries in order
     * @param lowerContent entries of unsquashed layers whose bytes the merged layer needs (layer → ordinals), when
     *                     a hard-linked file's every name in those layers went away
     * @param expected     the input's merged filesystem
     */
    record Plan(List<Item> items, Map<Integer, Set<Integer>> lowerContent, Overlay expected) {
    }

    private final List<List<LayerEntry>> layers;
    private final int from;
    private final long newMtime;
    private final Overlay o;
    private final List<Item> items = new ArrayList<>();
    private final Map<Integer, Set<Integer>> lowerContent = new HashMap<>();
    /** Hard link roles: the anchor a name links to (absolute path), or null for the name that carries bytes. */
    private final IdentityHashMap<Overlay.Node, String> linkTo = new IdentityHashMap<>();
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
        return new Plan(p.items, p.lowerContent, p.o);
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
            if (n.content != null && (n.type == TarEntry.Type.FILE || n.type == TarEntry.Type.HARDLINK)) {
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
                        linkTo.put(n, lowerName.path());
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
                    linkTo.put(n, anchor.path());
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
                add(new Item(Entries.header(e, "./", '5', 0, ""), -1, -1), null);
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
                add(new Item(marker(d, ".wh..wh..opq", d.opaqueLayer, d.opaqueOrdinal), -1, -1), null);
            }
            childLower = false;
        }
        List<Overlay.Node> kids = Overlay.sortedChildren(d, childLower);
        if (childLower) {
            for (Overlay.Node c : kids) {
                if (!c.present && c.lowerPresent) {
                    add(new Item(marker(d, ".wh." + c.name, c.whiteoutLayer, c.whiteoutOrdinal), -1, -1), null);
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

    private TarWriter.Header marker(Overlay.Node dir, String base, int layer, int ordinal) {
        String name = Entries.markerName(dir.path(), base);
        if (layer >= 0) {
            return Entries.header(entry(layer, ordinal), name, '0', 0, "");
        }
        return Entries.synthetic(name, '0', 0600, newMtime);
    }

    private void emitDir(Overlay.Node c, boolean lowerHere) {
        if (!upper(c)) {
            return;
        }
        String name = Entries.tarName(c.path(), true);
        if (c.implicit) {
            if (lowerHere) {        // the unsquashed layers have something here: make the directory explicit
                add(new Item(Entries.synthetic(name, '5', 0755, 0), -1, -1), c);
            }
            return;
        }
        LayerEntry e = entry(c.layer, c.ordinal);
        if (lowerHere && c.lowerType == TarEntry.Type.DIRECTORY && !c.hidLower) {
            LayerEntry lower = c.lowerOrdinal < 0 ? null : entry(c.lowerLayer, c.lowerOrdinal);
            if (Entries.sameDirAttributes(e, lower)) {
                return;             // re-applying the same attributes changes nothing
            }
        }
        add(new Item(Entries.header(e, name, '5', 0, ""), -1, -1), c);
    }

    private void emitNonDir(Overlay.Node c) {
        LayerEntry e = entry(c.layer, c.ordinal);
        String name = Entries.tarName(c.path(), false);
        Overlay.Content carried = carries.get(c);
        String anchor = linkTo.get(c);
        if (carried != null) {
            add(new Item(Entries.header(e, name, '0', carried.size, ""), carried.layer, carried.ordinal), c);
        } else if (anchor != null) {
            Item link = new Item(Entries.header(e, name, '1', 0, Entries.linkName(anchor)), -1, -1);
            Overlay.Node a = o.lookup(anchor);
            if (a != null && upper(a) && !written.contains(a)) {
                waiting.computeIfAbsent(a, k -> new ArrayList<>()).add(link);
            } else {
                add(link, c);
            }
        } else {
            add(new Item(Entries.copy(e), -1, -1), c);     // symlink, device, FIFO, dangling hard link
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
