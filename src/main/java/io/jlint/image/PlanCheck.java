package io.jlint.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Compares two merged filesystems path by path (type, mode, owner, mtime, xattrs, size, link target, device
 * numbers, and which input entry wrote each file's bytes), before anything is written: a plan that would change
 * the filesystem is a bug, never an output.
 */
final class PlanCheck {
    private PlanCheck() {
    }

    /** Resolves (layer, ordinal) to the entry that wrote a version, in one overlay's numbering. */
    interface Lookup extends BiFunction<Integer, Integer, LayerEntry> {
    }

    /** Maps a content object to a key that is the same in both overlays when the bytes are the same. */
    interface ContentKey {
        String of(Overlay.Content c);
    }

    /** What a path is, in terms comparable between two overlays. */
    record Shape(String type, int mode, long uid, long gid, long mtime, Map<String, String> xattrs, long size,
                 String link, int devMajor, int devMinor, String content) {
    }

    static Shape shape(Overlay.Node n, Lookup entries, ContentKey key) {
        LayerEntry e = n.implicit || n.ordinal < 0 ? null : entries.apply(n.layer, n.ordinal);
        String type;
        String link = "";
        String content = null;
        long size = 0;
        switch (n.type) {
            case FILE, HARDLINK -> {
                if (n.content != null) {
                    type = "file";
                    content = key.of(n.content);
                    size = n.content.size;
                } else {
                    type = "dangling-hardlink";
                    String raw = e == null ? "" : e.linkTarget();
                    String clean = PathNames.clean(raw);
                    link = clean == null || clean.isEmpty() ? raw : clean;
                }
            }
            case SYMLINK -> {
                type = "symlink";
                link = e == null ? "" : e.linkTarget();
            }
            default -> type = n.type.name().toLowerCase(java.util.Locale.ROOT);
        }
        boolean dev = n.type == TarEntry.Type.CHAR_DEVICE || n.type == TarEntry.Type.BLOCK_DEVICE;
        return new Shape(type, e == null ? 0755 : e.mode(), e == null ? 0 : e.uid(), e == null ? 0 : e.gid(),
                e == null ? 0 : e.mtime(), e == null ? Map.of() : e.xattrs(), size, link,
                dev && e != null ? e.devMajor() : 0, dev && e != null ? e.devMinor() : 0, content);
    }

    /** The differences between two overlays (at most {@code limit}), empty when they describe the same tree. */
    static List<String> differences(Overlay expected, Lookup expectedEntries, ContentKey expectedKey,
                                    Overlay actual, Lookup actualEntries, ContentKey actualKey, int limit) {
        Map<String, Overlay.Node> a = expected.presentByPath();
        Map<String, Overlay.Node> b = actual.presentByPath();
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        Shape ra = shape(expected.root, expectedEntries, expectedKey);
        Shape rb = shape(actual.root, actualEntries, actualKey);
        if (!ra.equals(rb)) {
            out.add("/: " + ra + " became " + rb);
        }
        for (String p : all) {
            if (out.size() >= limit) {
                break;
            }
            Overlay.Node x = a.get(p);
            Overlay.Node y = b.get(p);
            if (x == null) {
                out.add(p + ": appears");
            } else if (y == null) {
                out.add(p + ": disappears");
            } else {
                Shape sx = shape(x, expectedEntries, expectedKey);
                Shape sy = shape(y, actualEntries, actualKey);
                if (!Objects.equals(sx, sy)) {
                    out.add(p + ": " + sx + " became " + sy);
                }
            }
        }
        return out;
    }
}
