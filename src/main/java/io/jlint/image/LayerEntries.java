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
    }

    void add(LayerEntry e) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
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
        count++;
    }

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
        return LayerEntry.of(layer, name, type, mode, uid, gid, uname, gname, mtime, size, link, major, minor, xattrs);
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
