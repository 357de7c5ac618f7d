package io.jlint.image;

import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.report.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints an image archive: analyses every image in it ({@link ImageAnalyzer}) and runs the image rules (rules whose
 * subject type is {@link ImageAnalysis}) over each. One {@link Result} per image, whose {@code image} member is the
 * {@link ImageSummary} of DESIGN.md's JSON report.
 */
public final class ImageLint {
    private ImageLint() {
    }

    /** Lints the archive at {@code path} with the rules on the class path (every image, the host's platform). */
    public static List<Result> lint(Path path, Config config) {
        return lint(path, path.toString(), config, Engine.standard(), options(config));
    }

    /** Reading options from the configuration: its layer-size limit ({@code image.maxLayerBytes}). */
    public static ImageOptions options(Config config) {
        ImageOptions o = ImageOptions.defaults();
        return config.image() != null && config.image().maxLayerBytes() > 0
                ? o.withMaxLayerSize(config.image().maxLayerBytes()) : o;
    }

    /** Lints the archive at {@code path}, naming it {@code display} in results. */
    public static List<Result> lint(Path path, String display, Config config, Engine engine, ImageOptions options) {
        List<Result> out = new ArrayList<>();
        for (ImageAnalysis a : ImageAnalyzer.analyze(path, options)) {
            out.add(result(a, display, config, engine));
        }
        return out;
    }

    /** The result for one analysed image: the image rules' findings and the summary. */
    public static Result result(ImageAnalysis a, String display, Config config, Engine engine) {
        List<Finding> findings = engine.check(a, display, config);
        return Result.image(display, ImageSummary.of(a), findings);
    }
}
