package io.jlint.image;

import java.nio.file.Path;

/** The shared test data ({@code -Djlint.shared}, default {@code ../shared}). */
final class Shared {
    private Shared() {
    }

    static Path testImages() {
        return Path.of(System.getProperty("jlint.shared", "../shared")).resolve("testimages");
    }

    static Path image(String rel) {
        return testImages().resolve(rel);
    }
}
