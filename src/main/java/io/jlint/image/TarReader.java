package io.jlint.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A streaming tar reader (POSIX ustar, PAX extended headers, GNU long names and links, old V7 headers).
 *
 * <p>It reads the underlying stream in large chunks and never seeks, so it works over a decompressor. Header-only
 * types (hard links, symlinks, devices, directories, FIFOs) carry no data whatever their size field says, as in Go's
 * {@code archive/tar} (what Docker, containerd and dive use). The archive ends at two zero blocks, at one zero block
 * followed by the end of the stream, or at the end of the stream on a header boundary; after that
 * {@link #nextAfterEnd()} may look past the end marker (eStargz keeps its table of contents there).
 *
 * <p>Errors are {@link TarException}s that say where the archive is broken (header or data of which entry).
 * GNU sparse files are refused: no image tool writes them into layers.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private final InputStream in;
    private final boolean seekable;
    private final byte[] buf;
    private int bufPos;
    private int bufEnd;
    private long position;          // bytes consumed from the stream (offset of buf[bufPos])
    private boolean streamEnd;

    private long remaining;         // data bytes of the current entry not yet consumed
    private long padding;           // padding after the current entry's data
    private String currentName = "";
    private int entryCount;
    private boolean ended;
    private Map<String, String> globalPax = Map.of();
    private final byte[] header = new byte[BLOCK];
    private final ContentStream content = new ContentStream();

    public TarReader(InputStream in) {
        this(in, 1 << 16, false);
    }

    /**
     * @param bufferSize how much to read from {@code in} at a time
     * @param seekable   true when {@code in.skip} seeks (a file): unread data is then skipped without reading it;
     *                   {@code skip} must return fewer bytes than asked only at the end of the stream
     */
    public TarReader(InputStream in, int bufferSize, boolean seekable) {
        this.in = in;
        this.seekable = seekable;
        this.buf = new byte[Math.max(bufferSize, BLOCK * 2)];
    }

    /** Bytes consumed from the underlying stream so far (header of the next entry starts here after a skip). */
    public long position() {
        return position;
    }

    /** Number of entries returned by {@link #next()} so far. */
    public int entryCount() {
        return entryCount;
    }

    /**
     * The next entry, or null at the end of the archive. The previous entry's unread data is skipped.
     *
     * @throws TarException if a header is corrupt or the stream ends inside a header or inside data
     */
    public TarEntry next() throws IOException {
        if (ended) {
            return null;
        }
        TarEntry e = readEntry(false);
        if (e == null) {
            ended = true;
        } else {
            entryCount++;
        }
        return e;
    }

    /**
     * After {@link #next()} returned null: skips zero blocks and returns the next valid entry found past the end
     * marker, or null when only zeros or garbage follow (the rest of the stream is then consumed).
     */
    public TarEntry nextAfterEnd() throws IOException {
        skipCurrent();
        while (true) {
            int n = fill(BLOCK);
            if (n < BLOCK) {
                drain();
                return null;
            }
            if (isZero(buf, bufPos)) {
                consume(BLOCK);
                continue;
            }
            if (!checksumOk(buf, bufPos)) {
                drain();
                return null;
            }
            try {
                TarEntry e = readEntry(true);
                if (e == null) {
                    drain();
                }
                return e;
            } catch (TarException ex) {
                drain();
                return null;
            }
        }
    }

    /** Reads and discards everything left in the stream. */
    public void drain() throws IOException {
        bufPos = bufEnd = 0;
        remaining = 0;
        padding = 0;
        while (!streamEnd) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                streamEnd = true;
            } else {
                position += r;
            }
        }
    }

    /** The current entry's data; valid until the next call to {@link #next()}. */
    public InputStream content() {
        return content;
    }

    private TarEntry readEntry(boolean afterEnd) throws IOException {
        skipCurrent();
        String longName = null;
        String longLink = null;
        Map<String, String> pax = null;
        while (true) {
            long headerOffset = position;
            int n = fill(BLOCK);
            if (n == 0) {
                return null;        // clean end of stream on a block boundary (no end marker)
            }
            if (n < BLOCK) {
                throw new TarException("truncated in the header " + afterWhat() + " (at byte " + headerOffset + ")");
            }
            if (isZero(buf, bufPos)) {
                consume(BLOCK);
                int m = fill(BLOCK);
                if (m == 0 || (m == BLOCK && isZero(buf, bufPos))) {
                    if (m == BLOCK) {
                        consume(BLOCK);
                    }
                    return null;
                }
                if (m < BLOCK) {
                    if (isZero(buf, bufPos, m)) {
                        consume(m);     // an end marker cut short: nothing is missing
                        return null;
                    }
                    throw new TarException("truncated in the header " + afterWhat() + " (at byte " + position + ")");
                }
                if (afterEnd) {
                    continue;
                }
                throw new TarException("a zero block followed by data " + afterWhat() + " (at byte " + headerOffset
                        + ")");
            }
            System.arraycopy(buf, bufPos, header, 0, BLOCK);
            consume(BLOCK);
            if (!checksumOk(header, 0)) {
                throw new TarException((entryCount == 0 && headerOffset == 0 ? "not a tar archive: " : "")
                        + "invalid tar header checksum " + afterWhat() + " (at byte " + headerOffset + ")");
            }
            char type = (char) (header[156] & 0xff);
            long size = parseNumber(header, 124, 12, "size", headerOffset);
            if (size < 0) {
                throw new TarException("negative entry size " + afterWhat() + " (at byte " + headerOffset + ")");
            }
            switch (type) {
                case 'x', 'g', 'L', 'K' -> {
                    if (size > (16 << 20)) {
                        throw new TarException("extended header of " + size + " bytes " + afterWhat());
                    }
                    byte[] data = readFully((int) size, headerOffset);
                    skipBytes(pad(size));
                    if (type == 'x') {
                        pax = parsePax(data, headerOffset);
                    } else if (type == 'g') {
                        globalPax = parsePax(data, headerOffset);
                    } else if (type == 'L') {
                        longName = cString(data, 0, data.length);
                    } else {
                        longLink = cString(data, 0, data.length);
                    }
                    continue;
                }
                case 'S' -> throw new TarException("GNU sparse entry " + quote(name(header, longName, pax))
                        + " is not supported in image layers");
                default -> {
                }
            }
            String name = name(header, longName, pax);
            String link = longLink != null ? longLink : cString(header, 157, 100);
            long uid = parseNumber(header, 108, 8, "uid", headerOffset);
            long gid = parseNumber(header, 116, 8, "gid", headerOffset);
            long mtime = parseNumber(header, 136, 12, "mtime", headerOffset);
            int mode = (int) (parseNumber(header, 100, 8, "mode", headerOffset) & 07777);
            String uname = cString(header, 265, 32);
            String gname = cString(header, 297, 32);
            int devMajor = (int) parseNumber(header, 329, 8, "devmajor", headerOffset);
            int devMinor = (int) parseNumber(header, 337, 8, "devminor", headerOffset);
            Map<String, String> ext = mergePax(pax);
            if (ext != null) {
                for (String k : ext.keySet()) {
                    if (k.startsWith("GNU.sparse.")) {
                        throw new TarException("GNU sparse entry " + quote(name) + " is not supported in image layers");
                    }
                }
                String v;
                if ((v = ext.get("linkpath")) != null) {
                    link = v;
                }
                if ((v = ext.get("size")) != null) {
                    size = paxLong(v, "size", headerOffset);
                }
                if ((v = ext.get("uid")) != null) {
                    uid = paxLong(v, "uid", headerOffset);
                }
                if ((v = ext.get("gid")) != null) {
                    gid = paxLong(v, "gid", headerOffset);
                }
                if ((v = ext.get("uname")) != null) {
                    uname = v;
                }
                if ((v = ext.get("gname")) != null) {
                    gname = v;
                }
                if ((v = ext.get("mtime")) != null) {
                    mtime = paxTime(v);
                }
            }
            TarEntry.Type t = TarEntry.Type.of(type, name);
            long dataLength = t.headerOnly() ? 0 : size;
            Map<String, String> xattrs = null;
            if (ext != null) {
                for (Map.Entry<String, String> x : ext.entrySet()) {
                    if (x.getKey().startsWith("SCHILY.xattr.")) {
                        if (xattrs == null) {
                            xattrs = new HashMap<>();
                        }
                        xattrs.put(x.getKey().substring("SCHILY.xattr.".length()), x.getValue());
                    }
                }
            }
            remaining = dataLength;
            padding = pad(dataLength);
            currentName = name;
            return new TarEntry(name, t, type, mode, uid, gid, uname, gname, mtime, size, link, devMajor, devMinor,
                    xattrs == null ? Map.of() : Map.copyOf(xattrs), headerOffset, position,
                    ext == null || ext.isEmpty() ? Map.of() : Map.copyOf(ext));
        }
    }

    private String afterWhat() {
        return entryCount == 0 && currentName.isEmpty() ? "of the first entry"
                : "after entry " + quote(currentName);
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private Map<String, String> mergePax(Map<String, String> pax) {
        if (globalPax.isEmpty()) {
            return pax;
        }
        Map<String, String> m = new HashMap<>(globalPax);
        if (pax != null) {
            m.putAll(pax);
        }
        return m;
    }

    private String name(byte[] h, String longName, Map<String, String> pax) {
        if (pax != null && pax.get("path") != null) {
            return pax.get("path");
        }
        if (!globalPax.isEmpty() && globalPax.get("path") != null && longName == null) {
            return globalPax.get("path");
        }
        if (longName != null) {
            return longName;
        }
        String name = cString(h, 0, 100);
        boolean posix = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r'
                && h[262] == 0;
        if (posix) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private void skipCurrent() throws IOException {
        if (remaining > 0 || padding > 0) {
            long r = remaining;
            remaining = 0;
            skipBytesData(r);
            long p = padding;
            padding = 0;
            skipBytes(p);
        }
    }

    private void skipBytesData(long n) throws IOException {
        if (seekable && n > bufEnd - bufPos) {
            n -= bufEnd - bufPos;
            position += bufEnd - bufPos;
            bufPos = bufEnd = 0;
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    throw new TarException("truncated in the data of entry " + quote(currentName) + " (" + n
                            + " bytes missing)");
                }
                position += k;
                n -= k;
            }
            return;
        }
        while (n > 0) {
            int avail = bufEnd - bufPos;
            if (avail == 0) {
                if (refill() <= 0) {
                    throw new TarException("truncated in the data of entry " + quote(currentName) + " (" + n
                            + " bytes missing)");
                }
                continue;
            }
            int k = (int) Math.min(avail, n);
            consume(k);
            n -= k;
        }
    }

    private void skipBytes(long n) throws IOException {
        while (n > 0) {
            int avail = bufEnd - bufPos;
            if (avail == 0) {
                if (refill() <= 0) {
                    throw new TarException("truncated in the padding after entry " + quote(currentName));
                }
                continue;
            }
            int k = (int) Math.min(avail, n);
            consume(k);
            n -= k;
        }
    }

    private byte[] readFully(int n, long headerOffset) throws IOException {
        byte[] out = new byte[n];
        int off = 0;
        while (off < n) {
            int avail = bufEnd - bufPos;
            if (avail == 0) {
                if (refill() <= 0) {
                    throw new TarException("truncated in an extended header (at byte " + headerOffset + ")");
                }
                continue;
            }
            int k = Math.min(avail, n - off);
            System.arraycopy(buf, bufPos, out, off, k);
            consume(k);
            off += k;
        }
        return out;
    }

    /** Makes at least {@code n} bytes available if the stream has them; returns how many are available (≤ n). */
    private int fill(int n) throws IOException {
        if (bufEnd - bufPos >= n) {
            return n;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, bufEnd - bufPos);
            bufEnd -= bufPos;
            bufPos = 0;
        }
        while (bufEnd < n && !streamEnd) {
            int r = in.read(buf, bufEnd, buf.length - bufEnd);
            if (r < 0) {
                streamEnd = true;
            } else {
                bufEnd += r;
            }
        }
        return Math.min(n, bufEnd - bufPos);
    }

    private int refill() throws IOException {
        bufPos = bufEnd = 0;
        while (!streamEnd) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                streamEnd = true;
                return -1;
            }
            if (r > 0) {
                bufEnd = r;
                return r;
            }
        }
        return -1;
    }

    private void consume(int k) {
        bufPos += k;
        position += k;
    }

    private static long pad(long n) {
        long r = n % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    private static boolean isZero(byte[] b, int off) {
        return isZero(b, off, BLOCK);
    }

    private static boolean isZero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean checksumOk(byte[] h, int off) {
        long stored;
        try {
            stored = parseOctal(h, off + 148, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : h[off + i];
            unsigned += b & 0xff;
            signed += b;
        }
        return stored == unsigned || stored == signed;
    }

    private static long parseNumber(byte[] h, int off, int len, String field, long headerOffset)
            throws TarException {
        if ((h[off] & 0x80) != 0) {      // base-256 (GNU/star extension)
            long v = h[off] & 0x7f;
            boolean negative = (h[off] & 0x40) != 0;
            if (negative) {
                v |= ~0x7fL;
            }
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        try {
            return parseOctal(h, off, len);
        } catch (NumberFormatException e) {
            throw new TarException("invalid " + field + " field in tar header (at byte " + headerOffset + ")");
        }
    }

    private static long parseOctal(byte[] h, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        long v = 0;
        boolean any = false;
        for (; i < end; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new NumberFormatException();
            }
            v = (v << 3) + (b - '0');
            any = true;
        }
        return any ? v : 0;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parsePax(byte[] data, long headerOffset) throws TarException {
        Map<String, String> m = new HashMap<>();
        int i = 0;
        while (i < data.length) {
            if (data[i] == 0) {
                break;
            }
            int sp = i;
            while (sp < data.length && data[sp] != ' ') {
                sp++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, i, sp - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new TarException("invalid PAX extended header (at byte " + headerOffset + ")");
            }
            if (len <= 0 || i + len > data.length || sp >= i + len) {
                throw new TarException("invalid PAX extended header record (at byte " + headerOffset + ")");
            }
            String rec = new String(data, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq > 0) {
                m.put(rec.substring(0, eq), rec.substring(eq + 1));
            }
            i += len;
        }
        return m;
    }

    private static long paxLong(String v, String field, long headerOffset) throws TarException {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new TarException("invalid PAX " + field + " '" + v + "' (at byte " + headerOffset + ")");
        }
    }

    private static long paxTime(String v) {
        try {
            int dot = v.indexOf('.');
            return Long.parseLong(dot < 0 ? v.trim() : v.substring(0, dot).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The current entry's data: bounded by its size; reading past the end of the stream is an error. */
    private final class ContentStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (bufEnd == bufPos && refill() <= 0) {
                throw new TarException("truncated in the data of entry " + quote(currentName) + " (" + remaining
                        + " bytes missing)");
            }
            int k = (int) Math.min(Math.min(len, bufEnd - bufPos), remaining);
            System.arraycopy(buf, bufPos, b, off, k);
            consume(k);
            remaining -= k;
            return k;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = Math.min(n, remaining);
            long r = remaining;
            remaining = 0;
            skipBytesData(k);
            remaining = r - k;
            return k;
        }

        @Override
        public int available() {
            return (int) Math.min(remaining, bufEnd - bufPos);
        }
    }
}
