package io.jlint.image;

import static io.jlint.image.TestImages.image;
import static io.jlint.image.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The verifier the rewrite tests rely on notices what it must notice. */
class VerifierSelfTest {

    @TempDir
    Path tmp;
    private int counter;

    private ImageVerifier.Fs fs(TestImages.Image img) {
        Path p = tmp.resolve("i" + (counter++) + ".tar");
        TestImages.write(img, TestImages.Layout.DOCKER_LEGACY, p);
        return ImageVerifier.read(p, null);
    }

    private static TestImages.Image base() {
        return image().layer(layer().dir("d").file("d/a", "AAAA").file("d/b", "BBBB").hardlink("d/c", "d/a"));
    }

    @Test
    void theSameFilesystemBuiltDifferentlyPasses() {
        ImageVerifier.assertSameFs(fs(base()), fs(image().layer(layer().dir("d").file("d/x", "gone"))
                .layer(layer().whiteout("d/x").file("d/a", "AAAA").file("d/b", "BBBB").hardlink("d/c", "d/a"))),
                Set.of(), "same");
    }

    @Test
    void aMissingFileFails() {
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.assertSameFs(fs(base()),
                fs(image().layer(layer().dir("d").file("d/a", "AAAA").hardlink("d/c", "d/a"))), Set.of(), "x"));
    }

    @Test
    void differentBytesOfTheSameSizeFail() {
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.assertSameFs(fs(base()),
                fs(image().layer(layer().dir("d").file("d/a", "AAAA").file("d/b", "BBBC").hardlink("d/c", "d/a"))),
                Set.of(), "x"));
    }

    @Test
    void aHardLinkTurnedIntoACopyFails() {
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.assertSameFs(fs(base()),
                fs(image().layer(layer().dir("d").file("d/a", "AAAA").file("d/b", "BBBB").file("d/c", "AAAA"))),
                Set.of(), "x"));
    }

    @Test
    void anotherModeFails() {
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.assertSameFs(fs(base()),
                fs(image().layer(layer().dir("d", 0700).file("d/a", "AAAA").file("d/b", "BBBB")
                        .hardlink("d/c", "d/a"))), Set.of(), "x"));
    }

    @Test
    void aRemovedPathIsExpectedToBeGoneAndOnlyThatOne() {
        ImageVerifier.Fs without = fs(image().layer(layer().dir("d").file("d/a", "AAAA").hardlink("d/c", "d/a")));
        ImageVerifier.assertSameFs(fs(base()), without, Set.of("/d/b"), "b removed on purpose");
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.assertSameFs(fs(base()), fs(base()),
                Set.of("/d/b"), "b should have gone"));
    }

    @Test
    void aMarkerThatHidesNothingInANewLayerFails() {
        ImageVerifier.Fs f = fs(image().layer(layer().file("a", "A")).layer(layer().whiteout("nothing")));
        ImageVerifier.checkNewLayerMarkers(f, List.of("copied", "copied"));
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.checkNewLayerMarkers(f,
                List.of("copied", "merged")));
        ImageVerifier.Fs g = fs(image().layer(layer().dir("d").file("a", "A")).layer(layer().opaque("d")));
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.checkNewLayerMarkers(g,
                List.of("copied", "rewritten")));
    }

    @Test
    void inconsistentDocumentsFail() {
        Path p = tmp.resolve("oci");
        TestImages.write(base(), TestImages.Layout.OCI_DIR, p);
        ImageVerifier.checkDocuments(p);
        Path q = tmp.resolve("docker25.tar");
        TestImages.write(base(), TestImages.Layout.DOCKER_25, q);
        assertThrows(AssertionFailedError.class, () -> ImageVerifier.checkDocuments(q),
                "index.json without manifests is not a usable OCI view");
    }
}
