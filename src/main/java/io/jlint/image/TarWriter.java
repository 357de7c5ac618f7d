package io.jlint.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic tar writer: POSIX ustar headers, a PAX extended header only when a value does not fit (names or
 * link targets over 100 bytes, sizes from 8 GiB, ids from 2097152, user/group names over 32 bytes, negative or huge
 * mtimes) or when the entry carries PAX records to keep (xattrs, fractional mtime, atime, vendor keys). Records are
 * written sorted by key; numbers are zero-padded octal; the archive ends with two zero blocks. The same headers and
 * data always give the same bytes.
 */
public final class TarWriter {
    static final int BLOCK = 512;
    private static final long MAX_OCTAL_7 = 07777777L;
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final byte[] ZEROS = new byte[BLOCK * 2];

    /**
     * One entry's header.
     *
     * @param name  the entry name as written (directories end with "/")
     * @param type  {@code '0'} file, {@code '1'} hard link, {@code '2'} symlink, {@code '3'}/{@code '4'} devices,
     *              {@code '5'} directory, {@code '6'} FIFO
     * @param pax   PAX records to keep (e.g. {@code SCHILY.xattr.*}, {@code mtime} with a fraction); the writer sets
     *              {@code path}, {@code linkpath}, {@code size}, {@code uid}, {@code gid}, {@code uname} and
     *              {@code gname} itself from the other fields and ignores those keys here
     */
    public record Header(String name, char type, int mode, long uid, long gid, String uname, String gname,
                         long mtime, long size, String link, int devMajor, int devMinor, Map<String, String> pax) {
    }

    /** Keys the writer derives from the header fields (a copied entry's own values for them are not reused). */
    private static final java.util.Set<String> DERIVED = java.util.Set.of("path", "linkpath", "size", "uid", "gid",
            "uname", "gname");

    private final OutputStream out;
    private long remaining;
    private long padding;
    private long written;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Bytes written so far. */
    public long written() {
        return written;
    }

    /** Writes a header; then exactly {@code h.size()} data bytes must follow for a regular file. */
    public void header(Header h) throws IOException {
        endEntry();
        Map<String, String> pax = new TreeMap<>();
        for (Map.Entry<String, String> e : h.pax().entrySet()) {
            if (!DERIVED.contains(e.getKey())) {
                pax.put(e.getKey(), e.getValue());
            }
        }
        byte[] name = h.name().getBytes(StandardCharsets.UTF_8);
        byte[] link = h.link().getBytes(StandardCharsets.UTF_8);
        byte[] uname = h.uname().getBytes(StandardCharsets.UTF_8);
        byte[] gname = h.gname().getBytes(StandardCharsets.UTF_8);
        if (name.length > 100) {
            pax.put("path", h.name());
        }
        if (link.length > 100) {
            pax.put("linkpath", h.link());
        }
        if (h.size() > MAX_OCTAL_11) {
            pax.put("size", Long.toString(h.size()));
        }
        if (h.uid() < 0 || h.uid() > MAX_OCTAL_7) {
            pax.put("uid", Long.toString(h.uid()));
        }
        if (h.gid() < 0 || h.gid() > MAX_OCTAL_7) {
            pax.put("gid", Long.toString(h.gid()));
        }
        if (uname.length > 32) {
            pax.put("uname", h.uname());
        }
        if (gname.length > 32) {
            pax.put("gname", h.gname());
        }
        if ((h.mtime() < 0 || h.mtime() > MAX_OCTAL_11) && !pax.containsKey("mtime")) {
            pax.put("mtime", Long.toString(h.mtime()));
        }
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            String paxName = paxName(h.name());
            writeBlock(ustar(paxName.getBytes(StandardCharsets.UTF_8), 'x', 0644, 0, 0, new byte[0], new byte[0],
                    clampTime(h.mtime()), records.length, new byte[0], 0, 0));
            write(records, 0, records.length);
            pad(records.length);
        }
        writeBlock(ustar(name.length > 100 ? truncate(name, 100) : name, h.type(), h.mode() & 07777,
                clampId(h.uid()), clampId(h.gid()), uname.length > 32 ? new byte[0] : uname,
                gname.length > 32 ? new byte[0] : gname, clampTime(h.mtime()), h.size() > MAX_OCTAL_11 ? 0 : h.size(),
                link.length > 100 ? truncate(link, 100) : link, h.devMajor(), h.devMinor()));
        remaining = h.type() == '0' ? h.size() : 0;
        padding = h.type() == '0' ? padLength(h.size()) : 0;
    }

    /** Data of the current regular file. */
    public void data(byte[] b, int off, int len) throws IOException {
        if (len > remaining) {
            throw new IllegalStateException("more data than the header's size");
        }
        write(b, off, len);
        remaining -= len;
    }

    /** Bytes of data the current entry still needs. */
    public long remaining() {
        return remaining;
    }

    /** Ends the archive: the last entry's padding and two zero blocks. */
    public void finish() throws IOException {
        endEntry();
        write(ZEROS, 0, ZEROS.length);
    }

    private void endEntry() throws IOException {
        if (remaining != 0) {
            throw new IllegalStateException(remaining + " bytes of data missing before the next header");
        }
        if (padding > 0) {
            write(ZEROS, 0, (int) padding);
            padding = 0;
        }
    }

    private void pad(long n) throws IOException {
        int p = (int) padLength(n);
        if (p > 0) {
            write(ZEROS, 0, p);
        }
    }

    private void writeBlock(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
    }

    static long padLength(long n) {
        long r = n % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    private static long clampTime(long t) {
        return t < 0 ? 0 : Math.min(t, MAX_OCTAL_11);
    }

    private static long clampId(long id) {
        return id < 0 || id > MAX_OCTAL_7 ? 0 : id;
    }

    /** The name of an entry's PAX header: {@code PaxHeaders/<base name>}, at most 100 bytes. */
    private static String paxName(String name) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String base = n.substring(n.lastIndexOf('/') + 1);
        byte[] b = ("PaxHeaders/" + base).getBytes(StandardCharsets.UTF_8);
        return new String(truncate(b, 100), StandardCharsets.UTF_8);
    }

    private static byte[] truncate(byte[] b, int n) {
        if (b.length <= n) {
            return b;
        }
        int end = n;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {     // do not cut a UTF-8 sequence
            end--;
        }
        return java.util.Arrays.copyOf(b, end);
    }

    /** PAX records, {@code "%d %s=%s\n"}, in key order. */
    static byte[] paxRecords(Map<String, String> records) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : records.entrySet()) {
            String body = " " + e.getKey() + "=" + e.getValue() + "\n";
            int len = body.getBytes(StandardCharsets.UTF_8).length;
            int digits = Integer.toString(len).length();
            int total = len + digits;
            if (Integer.toString(total).length() > digits) {
                total = len + Integer.toString(total).length();
            }
            sb.append(total).append(body);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ustar(byte[] name, char type, int mode, long uid, long gid, byte[] uname, byte[] gname,
                                long mtime, long size, byte[] link, int devMajor, int devMinor) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, Math.min(name.length, 100));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        System.arraycopy(link, 0, h, 157, Math.min(link.length, 100));
        h[257] = 'u';
        h[258] = 's';
        h[259] = 't';
        h[260] = 'a';
        h[261] = 'r';
        h[262] = 0;
        h[263] = '0';
        h[264] = '0';
        System.arraycopy(uname, 0, h, 265, Math.min(uname.length, 32));
        System.arraycopy(gname, 0, h, 297, Math.min(gname.length, 32));
        octal(h, 329, 8, Math.max(0, devMajor));
        octal(h, 337, 8, Math.max(0, devMinor));
        checksum(h);
        return h;
    }

    private static void checksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String cs = String.format("%06o", sum);
        for (int i = 0; i < 6; i++) {
            h[148 + i] = (byte) cs.charAt(i);
        }
        h[154] = 0;
        h[155] = ' ';
    }

    /**
     * A single ustar header block for an archive member (name at most 100 bytes, owner 0:0, no PAX). A size from
     * 8 GiB on is written in base-256 (the GNU extension every Go-based and GNU reader accepts), so the header
     * stays one block and can be patched in place once the member's digest is known.
     */
    static byte[] simpleHeader(String name, char type, int mode, long size, long mtime) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            throw new IllegalArgumentException("name too long for a simple header: " + name);
        }
        byte[] h = ustar(n, type, mode, 0, 0, new byte[0], new byte[0], clampTime(mtime),
                size > MAX_OCTAL_11 ? 0 : size, new byte[0], 0, 0);
        if (size > MAX_OCTAL_11) {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 11; i++) {
                h[124 + 11 - i] = (byte) (size >>> (8 * i));
            }
            checksum(h);
        }
        return h;
    }

    /** Zero-padded octal in {@code len - 1} digits and a NUL. */
    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        int digits = len - 1;
        int pad = digits - s.length();
        for (int i = 0; i < digits; i++) {
            h[off + i] = (byte) (i < pad ? '0' : s.charAt(i - pad));
        }
        h[off + digits] = 0;
    }
}
