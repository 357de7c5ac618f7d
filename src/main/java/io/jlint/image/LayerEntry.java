package io.jlint.image;

import java.util.Map;

/**
 * One entry of a layer tar, interpreted: its cleaned absolute path and its whiteout meaning.
 *
 * @param layer      0-based layer index
 * @param name       the entry name as written in the tar
 * @param path       the cleaned absolute path ("/" for the root entry); null when the name climbs above the root
 *                   with ".." (such an entry is never applied)
 * @param type       the tar entry type (a whiteout is a FILE entry whose {@code whiteout} is set)
 * @param whiteout   what the entry means for lower layers
 * @param target     for {@link Whiteout#FILE}: the absolute path it deletes; for {@link Whiteout#OPAQUE}: the
 *                   directory it makes opaque; null otherwise
 * @param size       the tar header's size field (0 for directories, links and devices in practice)
 * @param mode       permission bits with setuid/setgid/sticky (07777)
 * @param linkTarget symlink target as written, or hard link target as written; "" otherwise
 * @param mtime      seconds since the epoch
 * @param xattrs     PAX {@code SCHILY.xattr.*} attributes (e.g. {@code security.capability})
 * @param pax        every PAX record of the entry as read ({@link TarEntry#pax()}), for writers that copy entries
 *                   (fractional mtime, atime, vendor keys); empty when none
 */
public record LayerEntry(int layer, String name, String path, TarEntry.Type type, Whiteout whiteout, String target,
                         long size, int mode, long uid, long gid, String uname, String gname, String linkTarget,
                         long mtime, int devMajor, int devMinor, Map<String, String> xattrs,
                         Map<String, String> pax) {

    /** An entry without PAX records beyond its xattrs (the record's shape before {@code pax} was added). */
    public LayerEntry(int layer, String name, String path, TarEntry.Type type, Whiteout whiteout, String target,
                      long size, int mode, long uid, long gid, String uname, String gname, String linkTarget,
                      long mtime, int devMajor, int devMinor, Map<String, String> xattrs) {
        this(layer, name, path, type, whiteout, target, size, mode, uid, gid, uname, gname, linkTarget, mtime,
                devMajor, devMinor, xattrs, Map.of());
    }

    /** The meaning of an entry for the layered filesystem (OCI image layer spec). */
    public enum Whiteout {
        /** An ordinary entry. */
        NONE,
        /** {@code .wh.NAME}: deletes NAME from the layers below. */
        FILE,
        /** {@code .wh..wh..opq}: hides everything the layers below have in this directory. */
        OPAQUE,
        /** Another {@code .wh..wh.*} name (AUFS bookkeeping such as {@code .wh..wh.plnk}): ignored. */
        META
    }

    /** True for a regular file that is an ordinary entry (not a whiteout marker). */
    public boolean isRegularFile() {
        return type == TarEntry.Type.FILE && whiteout == Whiteout.NONE;
    }

    /** Interprets a raw tar header as an entry of layer {@code layer}. */
    public static LayerEntry of(int layer, TarEntry t) {
        return of(layer, t.name(), t.type(), t.mode(), t.uid(), t.gid(), t.uname(), t.gname(), t.mtime(), t.size(),
                t.linkName(), t.devMajor(), t.devMinor(), t.xattrs(), t.pax());
    }

    /** Interprets a tar entry's fields as an entry of layer {@code layer} (path cleaned, whiteouts recognised). */
    public static LayerEntry of(int layer, String name, TarEntry.Type type, int mode, long uid, long gid,
                                String uname, String gname, long mtime, long size, String linkTarget, int devMajor,
                                int devMinor, Map<String, String> xattrs) {
        return of(layer, name, type, mode, uid, gid, uname, gname, mtime, size, linkTarget, devMajor, devMinor,
                xattrs, Map.of());
    }

    /** As above, with the entry's PAX records ({@link #pax()}). */
    public static LayerEntry of(int layer, String name, TarEntry.Type type, int mode, long uid, long gid,
                                String uname, String gname, long mtime, long size, String linkTarget, int devMajor,
                                int devMinor, Map<String, String> xattrs, Map<String, String> pax) {
        String clean = PathNames.clean(name);
        String path = clean == null ? null : "/" + clean;
        Whiteout wh = Whiteout.NONE;
        String target = null;
        if (clean != null && !clean.isEmpty()) {
            String base = PathNames.base(clean);
            if (base.startsWith(".wh.")) {
                String parent = PathNames.parent(clean);
                String parentAbs = parent.isEmpty() ? "/" : "/" + parent;
                if (base.equals(".wh..wh..opq")) {
                    wh = Whiteout.OPAQUE;
                    target = parentAbs;
                } else if (base.startsWith(".wh..wh.") || base.length() == 4) {
                    wh = Whiteout.META;
                } else {
                    wh = Whiteout.FILE;
                    String victim = base.substring(4);
                    target = parent.isEmpty() ? "/" + victim : "/" + parent + "/" + victim;
                }
            }
        }
        return new LayerEntry(layer, name, path, type, wh, target, size, mode, uid, gid, uname, gname, linkTarget,
                mtime, devMajor, devMinor, xattrs, pax);
    }
}
