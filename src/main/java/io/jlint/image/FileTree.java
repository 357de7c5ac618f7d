package io.jlint.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The merged filesystem of an image, built by applying its layers' entries in order, with per-path provenance
 * and exact waste accounting. Squash/rebuild can reuse it to know the final filesystem.
 *
 * <p>Semantics (OCI image layer spec): {@code .wh.NAME} deletes NAME from the layers below; {@code .wh..wh..opq}
 * hides everything the layers below have in its directory. Both apply to LOWER layers only: entries of the same
 * layer stay, whatever their order in the tar. A non-directory written over a directory removes everything below
 * it; entries below a missing directory create it (implicit). Hard links share their target's content: the bytes
 * count once and stay alive while any name holds them. Entries that climb out of the root are recorded
 * ({@link #unsafeEntries()}) and never applied.
 *
 * <p>Waste: each regular-file version is a content object with a reference count (names holding it); when the
 * last name goes (overwritten, deleted, replaced), its bytes are wasted, charged to the layer that wrote it.
 *
 * <p>Memory grows with the number of paths ever seen (removed paths stay as "ghost" nodes with their history).
 * Not thread-safe while building; {@link #freeze()} makes it read-only (safe to share).
 */
public final class FileTree {

    /** Per-layer byte counts from {@link #endLayer()}. */
    public record LayerTotals(long bytesAdded, long bytesChanged, long bytesRemoved) {
    }

    private static final class Content {
        final long size;
        final int layer;
        final Node node;        // where it was written (for the path of wasted files)
        int refs;

        Content(long size, int layer, Node node) {
            this.size = size;
            this.layer = layer;
            this.node = node;
        }
    }

    private static final class Node {
        final String name;
        final Node parent;
        HashMap<String, Node> children;
        boolean present;
        TarEntry.Type type = TarEntry.Type.DIRECTORY;
        int mode = 0755;
        long uid;
        long gid;
        long size;
        String link = "";
        long mtime;
        int layer = -1;
        boolean implicit = true;
        int devMajor;
        int devMinor;
        Map<String, String> xattrs = Map.of();
        Content content;
        int[] events;
        int nEvents;

        Node(String name, Node parent) {
            this.name = name;
            this.parent = parent;
        }

        void event(int layer, PathEvent.Op op) {
            if (events == null) {
                events = new int[2];
            } else if (nEvents == events.length) {
                events = Arrays.copyOf(events, nEvents * 2);
            }
            events[nEvents++] = (layer << 2) | op.ordinal();
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

    private static final PathEvent.Op[] OPS = PathEvent.Op.values();

    private final Node root = new Node("", null);
    private int layer = -1;
    private boolean inLayer;
    private boolean frozen;
    private long added;
    private long changed;
    private long removed;
    private long fileBytes;
    private long wastedTotal;
    private long[] wastedByLayer = new long[8];
    private final List<WastedFile> wasted = new ArrayList<>();
    private final List<UnsafeEntry> unsafe = new ArrayList<>();

    public FileTree() {
        root.present = true;
    }

    /** Starts applying layer {@code index} (layers must come in order 0, 1, 2…). */
    public void beginLayer(int index) {
        if (frozen || inLayer || index != layer + 1) {
            throw new IllegalStateException("layer " + index + " out of order (last " + layer + ")");
        }
        layer = index;
        inLayer = true;
        added = changed = removed = 0;
        if (index >= wastedByLayer.length) {
            wastedByLayer = Arrays.copyOf(wastedByLayer, Math.max(index + 1, wastedByLayer.length * 2));
        }
    }

    /** Ends the current layer and returns its byte counts. */
    public LayerTotals endLayer() {
        if (!inLayer) {
            throw new IllegalStateException("no layer begun");
        }
        inLayer = false;
        return new LayerTotals(added, changed, removed);
    }

    /** Makes the tree read-only. */
    public void freeze() {
        if (inLayer) {
            throw new IllegalStateException("layer " + layer + " not ended");
        }
        frozen = true;
    }

    /** Number of layers applied. */
    public int layerCount() {
        return layer + 1;
    }

    /** Applies one entry of the current layer (in tar order). */
    public void apply(LayerEntry e) {
        if (!inLayer || e.layer() != layer) {
            throw new IllegalStateException("entry of layer " + e.layer() + " while applying layer " + layer);
        }
        if (e.path() == null) {
            unsafe.add(new UnsafeEntry(layer, e.name(), UnsafeEntry.Kind.PATH_ESCAPES, ""));
            return;
        }
        switch (e.whiteout()) {
            case META -> {
            }
            case OPAQUE -> {
                Node d = lookup(e.target());
                if (d != null && d.type == TarEntry.Type.DIRECTORY) {
                    hideLower(d);
                }
            }
            case FILE -> whiteout(e.target());
            case NONE -> add(e);
            default -> throw new IllegalStateException();
        }
    }

    private void whiteout(String target) {
        Node n = lookup(target);
        if (n == null || n == root) {
            return;
        }
        hideLower(n);
        if (n.layer < layer) {
            if (n.hasPresentChildren()) {
                becomeImplicitDir(n, PathEvent.Op.CHANGED);
            } else {
                remove(n);
            }
        }
    }

    /** Removes everything below {@code d} that lower layers wrote; this layer's entries stay. */
    private void hideLower(Node d) {
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
                    becomeImplicitDir(c, PathEvent.Op.CHANGED);
                } else {
                    remove(c);
                }
            }
        }
    }

    private void becomeImplicitDir(Node n, PathEvent.Op op) {
        release(n);
        n.present = true;
        n.type = TarEntry.Type.DIRECTORY;
        n.mode = 0755;
        n.uid = n.gid = 0;
        n.size = 0;
        n.link = "";
        n.mtime = 0;
        n.layer = layer;
        n.implicit = true;
        n.devMajor = n.devMinor = 0;
        n.xattrs = Map.of();
        n.event(layer, op);
    }

    private void add(LayerEntry e) {
        if (e.isRegularFile()) {
            fileBytes += e.size();
        }
        String rel = e.path().substring(1);
        if (rel.isEmpty()) {            // the root's own entry ("./")
            root.mode = e.mode();
            root.uid = e.uid();
            root.gid = e.gid();
            root.mtime = e.mtime();
            root.layer = layer;
            root.implicit = false;
            return;
        }
        Content linked = null;
        String link = e.linkTarget();
        if (e.type() == TarEntry.Type.HARDLINK) {
            String t = PathNames.clean(e.linkTarget());
            if (t == null) {
                unsafe.add(new UnsafeEntry(layer, e.name(), UnsafeEntry.Kind.HARDLINK_ESCAPES, e.linkTarget()));
            } else {
                link = "/" + t;
                Node tn = lookup(link);
                if (tn != null && tn.content != null) {
                    linked = tn.content;
                    linked.refs++;
                } else if (tn == null || tn.type == TarEntry.Type.DIRECTORY) {
                    unsafe.add(new UnsafeEntry(layer, e.name(), UnsafeEntry.Kind.HARDLINK_DANGLING, e.linkTarget()));
                }
            }
        } else if (e.type() == TarEntry.Type.SYMLINK && !link.startsWith("/")) {
            String parent = PathNames.parent(rel);
            if (PathNames.clean(parent.isEmpty() ? link : parent + "/" + link) == null) {
                unsafe.add(new UnsafeEntry(layer, e.name(), UnsafeEntry.Kind.SYMLINK_ESCAPES, link));
            }
        }
        Node parent = ensureParents(rel, e.name());
        String base = PathNames.base(rel);
        if (parent.children == null) {
            parent.children = new HashMap<>(8);
        }
        Node n = parent.children.get(base);
        boolean existed = n != null && n.present;
        if (existed) {
            if (n.type == TarEntry.Type.DIRECTORY && e.type() == TarEntry.Type.DIRECTORY) {
                set(n, e, link);
                n.event(layer, PathEvent.Op.CHANGED);
                return;
            }
            if (n.type == TarEntry.Type.DIRECTORY) {
                removeChildren(n);
            }
            release(n);
        } else if (n == null) {
            n = new Node(base, parent);
            parent.children.put(base, n);
        }
        n.present = true;
        set(n, e, link);
        if (e.isRegularFile()) {
            n.content = new Content(e.size(), layer, n);
            n.content.refs = 1;
            if (existed) {
                changed += e.size();
            } else {
                added += e.size();
            }
        } else if (linked != null) {
            n.content = linked;
            n.size = linked.size;
        }
        n.event(layer, existed ? PathEvent.Op.CHANGED : PathEvent.Op.ADDED);
    }

    private void set(Node n, LayerEntry e, String link) {
        n.type = e.type();
        n.mode = e.mode();
        n.uid = e.uid();
        n.gid = e.gid();
        n.size = e.isRegularFile() ? e.size() : 0;
        n.link = e.type() == TarEntry.Type.SYMLINK || e.type() == TarEntry.Type.HARDLINK ? link : "";
        n.mtime = e.mtime();
        n.layer = layer;
        n.implicit = false;
        n.devMajor = e.devMajor();
        n.devMinor = e.devMinor();
        n.xattrs = e.xattrs();
    }

    /** Walks to the parent directory of {@code rel}, creating missing directories and replacing non-directories. */
    private Node ensureParents(String rel, String entryName) {
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
            if (!c.present) {
                becomeImplicitDir(c, PathEvent.Op.ADDED);
            } else if (c.type != TarEntry.Type.DIRECTORY) {
                unsafe.add(new UnsafeEntry(layer, entryName, UnsafeEntry.Kind.PARENT_NOT_DIRECTORY, c.path()));
                becomeImplicitDir(c, PathEvent.Op.CHANGED);
            }
            cur = c;
            start = slash + 1;
        }
    }

    private void remove(Node n) {
        removeChildren(n);
        release(n);
        n.present = false;
        n.event(layer, PathEvent.Op.REMOVED);
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
                wastedByLayer[c.layer] += c.size;
                wastedTotal += c.size;
                removed += c.size;
                if (c.size > 0) {
                    wasted.add(new WastedFile(c.node.path(), c.size, c.layer, layer));
                }
            }
        }
    }

    private Node lookup(String abs) {
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

    private Node lookupAny(String abs) {
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

    // ------------------------------------------------------------------------------------------------ queries

    /** The final entry at {@code path} (absolute), or null when the final filesystem has none. */
    public FileEntry find(String path) {
        Node n = lookupAny(path);
        return n == null || !n.present ? null : entry(n);
    }

    /**
     * True when {@code e} wrote the version of its path that the final filesystem has (for a rebuild that drops
     * waste: an entry that is not final only stores bytes nobody sees, unless another name still links to them).
     * When a tar holds the same path twice, both entries answer true; the last one is the final version.
     */
    public boolean isFinal(LayerEntry e) {
        if (e.path() == null || e.whiteout() != LayerEntry.Whiteout.NONE) {
            return false;
        }
        Node n = lookupAny(e.path());
        return n != null && n.present && n.layer == e.layer() && !n.implicit;
    }

    /** What each layer did to {@code path}, in layer order (also for paths no longer in the final filesystem). */
    public List<PathEvent> history(String path) {
        Node n = lookupAny(path);
        List<PathEvent> l = new ArrayList<>();
        if (n != null) {
            for (int i = 0; i < n.nEvents; i++) {
                l.add(new PathEvent(n.events[i] >>> 2, OPS[n.events[i] & 3]));
            }
        }
        return l;
    }

    /** Every path of the final filesystem (the root excluded), depth first, names sorted. */
    public void forEachEntry(Consumer<FileEntry> out) {
        walk(root, out);
    }

    /** The final filesystem as a list, sorted by path component by component (the root excluded). */
    public List<FileEntry> entries() {
        List<FileEntry> l = new ArrayList<>();
        forEachEntry(l::add);
        return l;
    }

    private void walk(Node n, Consumer<FileEntry> out) {
        if (n.children == null) {
            return;
        }
        List<Node> kids = new ArrayList<>(n.children.values());
        kids.sort(Comparator.comparing(k -> k.name));
        for (Node c : kids) {
            if (c.present) {
                out.accept(entry(c));
                walk(c, out);
            }
        }
    }

    private static FileEntry entry(Node n) {
        return new FileEntry(n.path(), n.type, n.mode, n.uid, n.gid, n.size, n.link, n.mtime, n.layer, n.implicit,
                n.devMajor, n.devMinor, n.xattrs);
    }

    /** Sum of the sizes of all regular-file entries applied (all layers). */
    public long fileBytes() {
        return fileBytes;
    }

    /** Exact wasted bytes: file versions stored in a layer but absent from the final filesystem. */
    public long wastedBytes() {
        return wastedTotal;
    }

    /** Wasted bytes written by layer {@code index}. */
    public long wastedBytes(int index) {
        return index < wastedByLayer.length ? wastedByLayer[index] : 0;
    }

    /** Every wasted file version of non-zero size, biggest first (ties by path, then layer). */
    public List<WastedFile> wastedFiles() {
        List<WastedFile> l = new ArrayList<>(wasted);
        l.sort(Comparator.comparingLong(WastedFile::size).reversed().thenComparing(WastedFile::path)
                .thenComparingInt(WastedFile::layer));
        return l;
    }

    /** Entries that climb out of the root or could not be applied as written. */
    public List<UnsafeEntry> unsafeEntries() {
        return List.copyOf(unsafe);
    }

    /** True once {@link #freeze()} was called. */
    public boolean frozen() {
        return frozen;
    }
}
