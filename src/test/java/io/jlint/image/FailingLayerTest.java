package io.jlint.image;

import static io.jlint.image.TestImages.image;
import static io.jlint.image.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.engine.InputException;
import io.jlint.image.TestImages.LayerCompression;
import io.jlint.image.TestImages.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer that fails while other layers are still being read on their own threads: the error reaches the caller
 * only once no other layer's reader runs any more, so the caller's clean-up (spools, temporary files of squash and
 * rebuild) cannot race a reader that still writes. Seen as a temporary file left behind by a squash of a damaged
 * archive, now and then.
 */
class FailingLayerTest {

    @TempDir
    Path tmp;

    @Test
    void theErrorComesAfterEveryOtherLayerReaderHasStopped() throws Exception {
        Path dir = tmp.resolve("oci");
        TestImages.Written w = TestImages.write(image()
                .layer(layer().file("a.txt", "a"))
                .layer(layer().file("b1.txt", 1000).file("b2.txt", 1000).file("b3.txt", 1000))
                .compression(LayerCompression.GZIP), Layout.OCI_DIR, dir);
        Path blob = dir.resolve("blobs/sha256/" + TestImages.hex(w.layerDigests().get(0)));
        byte[] b = Files.readAllBytes(blob);
        b[9] ^= 1;       // the gzip header's OS byte: layer 0 still reads, its digest differs
        Files.write(blob, b);

        AtomicInteger running = new AtomicInteger();
        AtomicInteger entriesOfLayer1 = new AtomicInteger();
        CountDownLatch layer1Started = new CountDownLatch(1);
        ImageAnalyzer.ContentVisitors slowLayer1 = (ref, index) -> index == 0 ? (entry, content) -> {
            try {
                // layer 0 fails (after its last entry) only once layer 1's reader is busy
                layer1Started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        } : (entry, content) -> {
            running.incrementAndGet();
            try {
                entriesOfLayer1.incrementAndGet();
                layer1Started.countDown();
                // busy for 300 ms whatever happens (a reader deep in a write does not stop at an interrupt);
                // layer 0 fails meanwhile
                long end = System.nanoTime() + 300_000_000L;
                boolean interrupted = false;
                while (System.nanoTime() < end) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ie) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                running.decrementAndGet();
            }
        };
        InputException e = assertThrows(InputException.class,
                () -> ImageAnalyzer.analyze(dir, new ImageOptions(null, null, ImageOptions.DEFAULT_MAX_LAYER_SIZE, 2),
                        slowLayer1));
        assertTrue(e.getMessage().contains("digest mismatch"), e.getMessage());
        assertEquals(0, running.get(), "a layer reader still runs after the error reached the caller");
        assertTrue(entriesOfLayer1.get() >= 1, "layer 1 was being read when layer 0 failed");
    }
}
