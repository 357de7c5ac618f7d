package io.jlint.image;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Small helpers shared by the squash and rebuild planners: tar names, headers from entries, attribute checks. */
final class Entries {
    private Entries() {
    }

    /** The tar type flag of an entry type. */
    static char flag(TarEntry.Type t) {
        return switch (t) {
            case FILE -> '0';
            case HARDLINK -> '1';
            case SYMLINK -> '2';
            case CHAR_DEVICE -> '3';
            case BLOCK_DEVICE -> '4';
            case DIRECTORY -> '5';
            case FIFO -> '6';
        };
    }

    /** The tar name of an absolute path: "a/b", "a/b/" for a directory, "./" for the root. */
    static String tarName(String path, boolean dir) {
        if ("/".equals(path)) {
            return "./";
        }
        String rel = path.substring(1);
        return dir ? rel + "/" : rel;
    }

    /** The tar name of a marker in directory {@code dirPath} ({@code .wh.NAME} or {@code .wh..wh..opq}). */
    static String markerName(String dirPath, String base) {
        return "/".equals(dirPath) ? base : dirPath.substring(1) + "/" + base;
    }

    /** A hard link's target as a tar link name (relative to the root). */
    static String linkName(String absPath) {
        return absPath.substring(1);
    }

    /** A header that copies {@code e}'s owner, mode, times, devices and PAX records. */
    static TarWriter.Header header(LayerEntry e, String name, char type, long size, String link) {
        return new TarWriter.Header(name, type, e.mode(), e.uid(), e.gid(), nz(e.uname()), nz(e.gname()), e.mtime(),
                size, link, e.devMajor(), e.devMinor(), e.pax());
    }

    /** The header of a copied entry that keeps its type and link target (names normalized). */
    static TarWriter.Header copy(LayerEntry e) {
        boolean dir = e.type() == TarEntry.Type.DIRECTORY;
        String link = "";
        if (e.type() == TarEntry.Type.SYMLINK) {
            link = e.linkTarget();
        } else if (e.type() == TarEntry.Type.HARDLINK) {
            String c = PathNames.clean(e.linkTarget());
            link = c == null || c.isEmpty() ? e.linkTarget() : c;
        }
        String name = tarName(e.path(), dir && e.whiteout() == LayerEntry.Whiteout.NONE);
        return header(e, name, flag(e.type()), e.isRegularFile() ? e.size() : 0, link);
    }

    /** A header made by jlint (implicit directory made explicit, marker without an input counterpart). */
    static TarWriter.Header synthetic(String name, char type, int mode, long mtime) {
        return new TarWriter.Header(name, type, mode, 0, 0, "", "", mtime, 0, "", 0, 0, Map.of());
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The entry a header describes, as the reader would see it (for checking plans before writing). */
    static LayerEntry asEntry(int layer, TarWriter.Header h) {
        Map<String, String> xattrs = new HashMap<>();
        for (Map.Entry<String, String> p : h.pax().entrySet()) {
            if (p.getKey().startsWith("SCHILY.xattr.")) {
                xattrs.put(p.getKey().substring("SCHILY.xattr.".length()), p.getValue());
            }
        }
        TarEntry t = new TarEntry(h.name(), TarEntry.Type.of(h.type(), h.name()), h.type(), h.mode(), h.uid(),
                h.gid(), h.uname(), h.gname(), h.mtime(), h.size(), h.link(), h.devMajor(), h.devMinor(),
                Map.copyOf(xattrs), 0, 0, h.pax());
        return LayerEntry.of(layer, t);
    }

    /**
     * True when a directory entry {@code a} would set the same attributes as {@code b} (null: an implicit
     * directory, 0755 root:root, mtime 0): re-applying it changes nothing.
     */
    static boolean sameDirAttributes(LayerEntry a, LayerEntry b) {
        return mode(a) == mode(b) && uid(a) == uid(b) && gid(a) == gid(b) && mtime(a) == mtime(b)
                && Objects.equals(nz(a == null ? "" : a.uname()), nz(b == null ? "" : b.uname()))
                && Objects.equals(nz(a == null ? "" : a.gname()), nz(b == null ? "" : b.gname()))
                && kept(a).equals(kept(b));
    }

    private static int mode(LayerEntry e) {
        return e == null ? 0755 : e.mode();
    }

    private static long uid(LayerEntry e) {
        return e == null ? 0 : e.uid();
    }

    private static long gid(LayerEntry e) {
        return e == null ? 0 : e.gid();
    }

    private static long mtime(LayerEntry e) {
        return e == null ? 0 : e.mtime();
    }

    /** The PAX records a writer keeps (everything but what it derives from header fields). */
    private static Map<String, String> kept(LayerEntry e) {
        if (e == null || e.pax().isEmpty()) {
            return Map.of();
        }
        Map<String, String> m = new HashMap<>(e.pax());
        for (String k : List.of("path", "linkpath", "size", "uid", "gid", "uname", "gname")) {
            m.remove(k);
        }
        return m;
    }
}
