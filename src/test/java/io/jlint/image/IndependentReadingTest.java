package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jlint's figures compared with an independent reading of the same archives: a small Python script using only
 * the standard {@code tarfile} module ({@code independent_read.py}) computes each layer's uncompressed size,
 * entry count and file bytes, the image's wasted bytes and its final file list.
 */
class IndependentReadingTest {

    @TempDir
    Path tmp;

    @Test
    void sharedImagesAgreeWithPythonTarfile() throws Exception {
        Path script = tmp.resolve("independent_read.py");
        try (InputStream in = getClass().getResourceAsStream("independent_read.py")) {
            Files.copy(in, script);
        }
        List<String> files = new ArrayList<>();
        SharedImagesTest.images().forEach(f -> files.add(Shared.image(f.file()).toString()));
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
        cmd.addAll(files);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(true, p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue());
        JsonNode all = new ObjectMapper().readTree(out);
        int compared = 0;
        for (String f : files) {
            JsonNode r = all.get(f);
            if (r.has("skip")) {
                continue;       // a zstd layer and no zstd tool to read it independently
            }
            List<ImageAnalysis> mine = ImageAnalyzer.analyze(Path.of(f), ImageOptions.defaults());
            JsonNode images = r.get("images");
            assertEquals(images.size(), mine.size(), f);
            for (int i = 0; i < mine.size(); i++) {
                ImageAnalysis a = mine.get(i);
                JsonNode img = images.get(i);
                String where = f + " image " + i;
                for (int l = 0; l < a.layers().size(); l++) {
                    JsonNode pl = img.get("layers").get(l);
                    LayerInfo li = a.layers().get(l);
                    assertEquals(pl.get("size").asLong(), li.size(), where + " layer " + l + " size");
                    assertEquals(pl.get("entries").asInt(), li.files(), where + " layer " + l + " entries");
                    assertEquals(pl.get("diffId").asText(), li.diffId(), where + " layer " + l + " diffId");
                }
                assertEquals(img.get("fileBytes").asLong(), a.fileBytes(), where + " fileBytes");
                assertEquals(img.get("wastedBytes").asLong(), a.wastedBytes(), where + " wastedBytes");
                Map<String, String> theirs = new TreeMap<>();
                img.get("final").fields().forEachRemaining(e -> theirs.put(e.getKey(),
                        e.getValue().get(0).asText() + " " + e.getValue().get(1).asLong()));
                Map<String, String> ours = new TreeMap<>();
                a.tree().forEachEntry(e -> ours.put(e.path(), type(e.type()) + " " + e.size()));
                assertEquals(theirs, ours, where + " final tree");
                compared++;
            }
        }
        assertEquals(true, compared >= 40, "compared " + compared);
    }

    private static final Map<TarEntry.Type, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(TarEntry.Type.FILE, "file");
        TYPES.put(TarEntry.Type.DIRECTORY, "dir");
        TYPES.put(TarEntry.Type.SYMLINK, "symlink");
        TYPES.put(TarEntry.Type.HARDLINK, "hardlink");
        TYPES.put(TarEntry.Type.CHAR_DEVICE, "char");
        TYPES.put(TarEntry.Type.BLOCK_DEVICE, "block");
        TYPES.put(TarEntry.Type.FIFO, "fifo");
    }

    private static String type(TarEntry.Type t) {
        return TYPES.get(t);
    }
}
