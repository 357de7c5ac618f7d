package io.jlint.report;

import io.jlint.engine.Finding;
import java.util.List;

/**
 * What jlint found in one input.
 *
 * @param path     the input as the user named it ({@code -} or the {@code --stdin-filename} for standard input)
 * @param kind     {@link #DOCKERFILE} or {@link #IMAGE}
 * @param image    the image summary, serialised with Jackson as the JSON report's {@code image} member; null for
 *                 Dockerfiles
 * @param findings sorted findings
 * @param source   the Dockerfile text (lets reports quote lines, place fixes and make stable fingerprints); null for
 *                 images
 */
public record Result(String path, String kind, Object image, List<Finding> findings, String source) {

    public static final String DOCKERFILE = "dockerfile";
    public static final String IMAGE = "image";

    public Result {
        findings = List.copyOf(findings);
    }

    public Result(String path, String kind, Object image, List<Finding> findings) {
        this(path, kind, image, findings, null);
    }

    public static Result dockerfile(String path, String source, List<Finding> findings) {
        return new Result(path, DOCKERFILE, null, findings, source);
    }

    public static Result image(String path, Object image, List<Finding> findings) {
        return new Result(path, IMAGE, image, findings, null);
    }
}
