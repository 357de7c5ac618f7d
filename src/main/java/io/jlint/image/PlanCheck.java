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
        List<String> out = new ArrayList<>();
        Shape ra = shape(expected.root, expectedEntries, expectedKey);
        Shape rb = shape(actual.root, actualEntries, actualKey);
        if (!ra.equals(rb)) {
            out.add("/: " + ra + " became " + rb);
        }
        compareChildren(expected.root, actual.root, expectedEntries, expectedKey, actualEntries, actualKey, out,
                limit);
        return out;
    }

    /** Walks both trees together (no path strings unless something differs). */
    private static void compareChildren(Overlay.Node x, Overlay.Node y, Lookup xe, ContentKey xk, Lookup ye,
                                        ContentKey yk, List<String> out, int limit) {
        TreeSet<String> names = new TreeSet<>();
        if (x.children != null) {
            x.children.forEach((k, v) -> {
                if (v.present) {
                    names.add(k);
                }
            });
        }
        if (y.children != null) {
            y.children.forEach((k, v) -> {
                if (v.present) {
                    names.add(k);
                }
            });
        }
        for (String name : names) {
            if (out.size() >= limit) {
                return;
            }
            Overlay.Node a = x.children == null ? null : x.children.get(name);
            Overlay.Node b = y.children == null ? null : y.children.get(name);
            if (a == null || !a.present) {
                out.add(b.path() + ": appears");
            } else if (b == null || !b.present) {
                out.add(a.path() + ": disappears");
            } else {
                Shape sa = shape(a, xe, xk);
                Shape sb = shape(b, ye, yk);
                if (!Objects.equals(sa, sb)) {
                    out.add(a.path() + ": " + sa + " became " + sb);
                } else if (a.type == TarEntry.Type.DIRECTORY) {
                    compareChildren(a, b, xe, xk, ye, yk, out, limit);
                }
            }
        }
    }
}
