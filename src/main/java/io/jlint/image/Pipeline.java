package io.jlint.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decompresses a layer blob on two helper threads so that a single big layer keeps two cores busy: one thread reads
 * the blob and hashes it (its digest), a second inflates, and the caller's thread hashes the uncompressed bytes and
 * parses the tar from {@link #output()}. Chunks travel through small bounded queues (a few hundred KiB per stage),
 * so memory does not grow with the layer.
 *
 * <p>Errors of a stage reach the reader of {@link #output()} as the same exception. {@link #close()} stops both
 * stages (the caller may abandon the layer at any point).
 */
final class Pipeline implements AutoCloseable {
    static final int CHUNK = 1 << 18;
    private static final int DEPTH = 4;
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jlint-inflate-" + Counter.NEXT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private static final class Counter {
        static final AtomicInteger NEXT = new AtomicInteger();
    }

    /** A filled buffer, the end of the stream (buf null, error null) or a failure. */
    private record Chunk(byte[] buf, int len, Throwable error) {
        static final Chunk END = new Chunk(null, 0, null);
    }

    private final BlockingQueue<Chunk> compressed = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Chunk> inflated = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> freeCompressed = new ArrayBlockingQueue<>(DEPTH + 2);
    private final BlockingQueue<byte[]> freeInflated = new ArrayBlockingQueue<>(DEPTH + 2);
    private volatile boolean closed;
    private final QueueInput out = new QueueInput(inflated, freeInflated);

    /**
     * Starts the stages.
     *
     * @param blob        the blob's bytes, read (and hashed, by a {@link HashingInputStream} below) on the reader
     *                    thread
     * @param compression the blob's compression (not NONE)
     */
    Pipeline(InputStream blob, Compression compression) {
        THREADS.execute(() -> readStage(blob));
        THREADS.execute(() -> inflateStage(compression));
    }

    /** The uncompressed bytes. */
    InputStream output() {
        return out;
    }

    private void readStage(InputStream in) {
        try {
            while (!closed) {
                byte[] b = buffer(freeCompressed);
                int n = in.readNBytes(b, 0, b.length);
                if (n <= 0) {
                    put(compressed, Chunk.END);
                    return;
                }
                put(compressed, new Chunk(b, n, null));
            }
        } catch (Throwable t) {
            putQuietly(compressed, new Chunk(null, 0, t));
        }
    }

    private void inflateStage(Compression compression) {
        QueueInput src = new QueueInput(compressed, freeCompressed);
        try (InputStream dec = compression.decompress(src)) {
            while (!closed) {
                byte[] b = buffer(freeInflated);
                int n = dec.readNBytes(b, 0, b.length);
                if (n <= 0) {
                    src.transferTo(java.io.OutputStream.nullOutputStream());  // the blob's tail is hashed too
                    put(inflated, Chunk.END);
                    return;
                }
                put(inflated, new Chunk(b, n, null));
            }
        } catch (Throwable t) {
            putQuietly(inflated, new Chunk(null, 0, t));
        } finally {
            if (closed) {
                compressed.clear();
            }
        }
    }

    private static byte[] buffer(BlockingQueue<byte[]> free) {
        byte[] b = free.poll();
        return b != null ? b : new byte[CHUNK];
    }

    private void put(BlockingQueue<Chunk> q, Chunk c) throws InterruptedIOException {
        try {
            while (!closed) {
                if (q.offer(c, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private void putQuietly(BlockingQueue<Chunk> q, Chunk c) {
        try {
            put(q, c);
        } catch (InterruptedIOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        compressed.clear();
        inflated.clear();
    }

    /** Reads the chunks of a queue as a stream, handing emptied buffers back for reuse. */
    private final class QueueInput extends InputStream {
        private final BlockingQueue<Chunk> queue;
        private final BlockingQueue<byte[]> free;
        private Chunk current;
        private int pos;
        private boolean end;

        QueueInput(BlockingQueue<Chunk> queue, BlockingQueue<byte[]> free) {
            this.queue = queue;
            this.free = free;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current == null || pos == current.len()) {
                if (end) {
                    return -1;
                }
                if (current != null) {
                    free.offer(current.buf());
                    current = null;
                }
                Chunk c = take();
                if (c.error() != null) {
                    end = true;
                    rethrow(c.error());
                }
                if (c.buf() == null) {
                    end = true;
                    return -1;
                }
                current = c;
                pos = 0;
            }
            int k = Math.min(len, current.len() - pos);
            System.arraycopy(current.buf(), pos, b, off, k);
            pos += k;
            return k;
        }

        private Chunk take() throws IOException {
            try {
                while (true) {
                    if (closed) {
                        throw new InterruptedIOException("layer reading stopped");
                    }
                    Chunk c = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (c != null) {
                        return c;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t);
    }
}
