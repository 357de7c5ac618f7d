package io.jlint.dockerfile.parser;

import java.nio.file.Path;

/** Where the shared test data is (system property {@code jlint.shared}, set by the pom). */
final class Shared {
    private Shared() {
    }

    static Path dir() {
        return Path.of(System.getProperty("jlint.shared", "../shared"));
    }
}
