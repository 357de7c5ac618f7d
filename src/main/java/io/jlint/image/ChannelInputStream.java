package io.jlint.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A window {@code [start, start+length)} of a file read with positional reads, so several threads can read
 * different windows of one channel at once. {@link #skip} seeks.
 */
class ChannelInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private long pos;

    ChannelInputStream(FileChannel channel, long start, long length) {
        this.channel = channel;
        this.pos = start;
        this.end = start + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int r = read(one, 0, 1);
        return r < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= end) {
            return -1;
        }
        int want = (int) Math.min(len, end - pos);
        if (want == 0) {
            return 0;
        }
        int r = channel.read(ByteBuffer.wrap(b, off, want), pos);
        if (r < 0) {
            return -1;
        }
        pos += r;
        return r;
    }

    @Override
    public long skip(long n) throws IOException {
        long limit = Math.min(end, channel.size());
        long k = Math.max(0, Math.min(n, limit - pos));
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - pos);
    }
}
