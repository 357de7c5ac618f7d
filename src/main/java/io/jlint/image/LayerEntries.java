package io.jlint.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The entries of one layer (metadata only), stored compactly: each entry is a few varints and its name's bytes
 * (some 20 bytes plus the name), decoded into a {@link LayerEntry} when iterated. This keeps an image with
 * hundreds of thousands of files within a small heap while rules can still walk every layer's entries.
 * Immutable once built (the analyzer builds it while the layer streams past).
 */
public final class LayerEntries implements Iterable<LayerEntry> {
    private final int layer;
    private byte[] buf = new byte[1024];
    private int len;
    private int count;
    private int[] offsets = new int[16];
    private boolean sealed;

    LayerEntries(int layer) {
        this.layer = layer;
    }

    /** The layer's index. */
    public int layer() {
        return layer;
    }

    /** Number of entries. */
    public int size() {
        return count;
    }

    /** The entries as a list (decodes all of them: for small layers and tests). */
    public List<LayerEntry> toList() {
        List<LayerEntry> l = new ArrayList<>(count);
        forEach(l::add);
        return l;
    }

    @Override
    public void forEach(Consumer<? super LayerEntry> action) {
        Iterator<LayerEntry> it = iterator();
        while (it.hasNext()) {
            action.accept(it.next());
        }
    }

    @Override
    public Iterator<LayerEntry> iterator() {
        return new Iterator<>() {
            private int pos;
            private int seen;

            @Override
            public boolean hasNext() {
                return seen < count;
            }

            @Override
            public LayerEntry next() {
                if (seen >= count) {
                    throw new NoSuchElementException();
                }
                seen++;
                int[] p = {pos};
                LayerEntry e = decode(p);
                pos = p[0];
                return e;
            }
        };
    }

    void seal() {
        sealed = true;
        buf = Arrays.copyOf(buf, len);
        offsets = Arrays.copyOf(offsets, count);
    }

    /** Entry {@code i} (its index in the layer), decoded on each call. */
    public LayerEntry get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        return decode(new int[] {offsets[i]});
    }

    /** A read-only list view that decodes entries as they are asked for (4 bytes of index per entry). */
    public List<LayerEntry> asList() {
        return new java.util.AbstractList<>() {
            @Override
            public LayerEntry get(int i) {
                return LayerEntries.this.get(i);
            }

            @Override
            public int size() {
                return count;
            }

            @Override
            public Iterator<LayerEntry> iterator() {
                return LayerEntries.this.iterator();
            }
        };
    }

    void add(LayerEntry e) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count] = len;
        string(e.name());
        ensure(1);
        buf[len++] = (byte) e.type().ordinal();
        varint(e.mode());
        varint(zigzag(e.uid()));
        varint(zigzag(e.gid()));
        string(e.uname());
        string(e.gname());
        varint(zigzag(e.mtime()));
        varint(zigzag(e.size()));
        string(e.linkTarget());
        varint(e.devMajor() & 0xffffffffL);
        varint(e.devMinor() & 0xffffffffL);
        varint(e.xattrs().size());
        for (Map.Entry<String, String> x : e.xattrs().entrySet()) {
            string(x.getKey());
            string(x.getValue());
        }
        int extras = 0;
        boolean withXattrs = !e.xattrs().isEmpty();
        for (Map.Entry<String, String> x : e.pax().entrySet()) {
            if (keptPax(x.getKey(), x.getValue(), e.xattrs())) {
                extras++;
            }
        }
        for (Map.Entry<String, String> x : e.xattrs().entrySet()) {
            withXattrs &= x.getValue().equals(e.pax().get("SCHILY.xattr." + x.getKey()));
        }
        varint(extras * 2L + (withXattrs ? 1 : 0));
        for (Map.Entry<String, String> x : e.pax().entrySet()) {
            if (keptPax(x.getKey(), x.getValue(), e.xattrs())) {
                string(x.getKey());
                string(x.getValue());
            }
        }
        count++;
    }

    /**
     * PAX records kept besides the header fields and xattrs (which are stored already): those a writer copying
     * the entry needs, such as a fractional {@code mtime}, {@code atime} or vendor keys.
     */
    private static boolean keptPax(String key, String value, Map<String, String> xattrs) {
        if (key.startsWith("SCHILY.xattr.")) {
            return !value.equals(xattrs.get(key.substring("SCHILY.xattr.".length())));
        }
        return !DERIVED_PAX.contains(key);
    }

    private static final java.util.Set<String> DERIVED_PAX = java.util.Set.of("path", "linkpath", "size", "uid",
            "gid", "uname", "gname");

    private static final TarEntry.Type[] TYPES = TarEntry.Type.values();

    private LayerEntry decode(int[] p) {
        String name = readString(p);
        TarEntry.Type type = TYPES[buf[p[0]++]];
        int mode = (int) readVarint(p);
        long uid = unzigzag(readVarint(p));
        long gid = unzigzag(readVarint(p));
        String uname = readString(p);
        String gname = readString(p);
        long mtime = unzigzag(readVarint(p));
        long size = unzigzag(readVarint(p));
        String link = readString(p);
        int major = (int) readVarint(p);
        int minor = (int) readVarint(p);
        int nx = (int) readVarint(p);
        Map<String, String> xattrs = Map.of();
        if (nx > 0) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < nx; i++) {
                m.put(readString(p), readString(p));
            }
            xattrs = Map.copyOf(m);
        }
        long paxInfo = readVarint(p);
        int np = (int) (paxInfo >>> 1);
        Map<String, String> pax = Map.of();
        if (np > 0 || (paxInfo & 1) != 0) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < np; i++) {
                m.put(readString(p), readString(p));
            }
            if ((paxInfo & 1) != 0) {
                for (Map.Entry<String, String> x : xattrs.entrySet()) {
                    m.put("SCHILY.xattr." + x.getKey(), x.getValue());
                }
            }
            pax = Map.copyOf(m);
        }
        return LayerEntry.of(layer, name, type, mode, uid, gid, uname, gname, mtime, size, link, major, minor, xattrs,
                pax);
    }

    private void string(String s) {
        if (s.isEmpty()) {
            varint(0);
            return;
        }
        if ("root".equals(s)) {
            varint(1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length + 2L);
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private String readString(int[] p) {
        int n = (int) readVarint(p);
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return "root";
        }
        n -= 2;
        String s = new String(buf, p[0], n, StandardCharsets.UTF_8);
        p[0] += n;
        return s;
    }

    private void varint(long v) {
        ensure(10);
        while ((v & ~0x7fL) != 0) {
            buf[len++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    private long readVarint(int[] p) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = buf[p[0]++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
    }
}
