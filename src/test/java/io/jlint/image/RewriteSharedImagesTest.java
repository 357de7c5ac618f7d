package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.engine.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Squash (all, --last 2, --from 1) and rebuild (plain, --strip-caches) of every image in ../shared/testimages, in
 * the docker format and as OCI layouts (directory and tar), each output checked by {@link ImageVerifier}.
 */
class RewriteSharedImagesTest {

    @TempDir
    Path tmp;

    /** One image of a shared archive: the file, and which image (null: the only one). */
    record Subject(String file, String image, int layers) {
        @Override
        public String toString() {
            return file + (image == null ? "" : "#" + image);
        }
    }

    static Stream<Subject> subjects() throws IOException {
        List<Subject> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Shared.testImages())) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt")
                    && !p.toString().endsWith(".md") && !p.toString().endsWith(".sh")).sorted().toList();
        }
        for (Path p : files) {
            String rel = Shared.testImages().relativize(p).toString();
            if (rel.startsWith("buildah/contexts/")) {
                continue;
            }
            try (ImageArchive a = ImageArchive.open(p, null)) {
                List<ImageRef> images = a.images();
                for (ImageRef r : images) {
                    out.add(new Subject(rel, images.size() == 1 ? null : Integer.toString(r.index()),
                            r.layers().size()));
                }
            } catch (InputException e) {
                // not an image archive (plain tars, negative fixtures): covered by the reader's tests
            }
        }
        return out.stream();
    }

    @Test
    void theSharedImagesAreFound() throws IOException {
        List<Subject> all = subjects().toList();
        assertTrue(all.size() >= 40, "images found: " + all.size());
        assertTrue(all.stream().anyMatch(s -> s.layers() >= 9), "a many-layer image is among them");
    }

    private Path out(String name) {
        return tmp.resolve(name);
    }

    private static RewriteOptions opts(Subject s) {
        return RewriteOptions.defaults().withRead(ImageOptions.defaults().withImage(s.image()));
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void squashAll(Subject s) {
        Path in = Shared.image(s.file());
        Path o = out("all.tar");
        RewriteReport r = ImageRewriter.squash(in, o, ImageRewriter.SquashRange.all(), opts(s));
        ImageVerifier.Fs fs = ImageVerifier.verify(in, s.image(), o, r, Set.of());
        assertEquals(1, fs.analysis().layers().size());
        assertEquals(0, fs.analysis().wastedBytes(), "a full squash leaves no waste");
        assertEquals(0, r.output().wastedBytes());
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void squashTopTwo(Subject s) {
        Path in = Shared.image(s.file());
        if (s.layers() < 2) {
            return;
        }
        Path o = out("last2.tar");
        RewriteReport r = ImageRewriter.squash(in, o, new ImageRewriter.SquashRange(2, null), opts(s));
        ImageVerifier.Fs fs = ImageVerifier.verify(in, s.image(), o, r, Set.of());
        assertEquals(s.layers() - 1, fs.analysis().layers().size());
        assertEquals(0, fs.analysis().layers().get(s.layers() - 2).wastedBytes(), "the merged layer wastes nothing");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void squashFromOneAsOciLayout(Subject s) {
        Path in = Shared.image(s.file());
        if (s.layers() < 2) {
            return;
        }
        Path dir = out("from1");
        RewriteReport r = ImageRewriter.squash(in, dir, new ImageRewriter.SquashRange(null, "1"),
                opts(s).withFormat(RewriteOptions.Format.OCI));
        assertTrue(Files.isDirectory(dir));
        ImageVerifier.Fs fs = ImageVerifier.verify(in, s.image(), dir, r, Set.of());
        assertEquals(2, fs.analysis().layers().size());
        assertEquals("oci-layout", fs.analysis().format());
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void rebuild(Subject s) {
        Path in = Shared.image(s.file());
        Path o = out("rebuilt.tar");
        RewriteReport r = ImageRewriter.rebuild(in, o, false, opts(s));
        ImageVerifier.Fs fs = ImageVerifier.verify(in, s.image(), o, r, Set.of());
        assertEquals(0, fs.analysis().wastedBytes(), "rebuild leaves no waste");
        assertEquals(r.layers().size() + r.removedLayers().size(), s.layers(), "every input layer is accounted for");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void rebuildStrippingCachesAsOciTar(Subject s) {
        Path in = Shared.image(s.file());
        Path o = out("stripped.oci.tar");
        RewriteReport r = ImageRewriter.rebuild(in, o, true, opts(s).withFormat(RewriteOptions.Format.OCI));
        Set<String> removed = new HashSet<>();
        for (RewriteReport.Cache c : r.caches()) {
            removed.add(c.path().endsWith("/") ? c.path().substring(0, c.path().length() - 1) : c.path());
        }
        ImageVerifier.Fs fs = ImageVerifier.verify(in, s.image(), o, r, removed);
        assertEquals("oci-archive", fs.analysis().format());
        assertEquals(0, fs.analysis().wastedBytes());
    }
}
