package io.jlint.image;

import io.jlint.engine.Config;
import io.jlint.engine.DiveCi;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.report.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints an image archive: analyses every image in it ({@link ImageAnalyzer}, with a {@link ContentSniffer} looking
 * into small files on the way) and runs the image rules (rules whose subject type is {@link ImageModel}) over
 * each. One {@link Result} per image, whose {@code image} member is the {@link ImageSummary} of DESIGN.md's JSON
 * report.
 */
public final class ImageLint {
    private ImageLint() {
    }

    /** Lints the archive at {@code path} with the rules on the class path (every image, the host's platform). */
    public static List<Result> lint(Path path, Config config) {
        return lint(path, path.toString(), config, Engine.standard(), options(config), null);
    }

    /** Reading options from the configuration: its layer-size limit ({@code image.maxLayerBytes}). */
    public static ImageOptions options(Config config) {
        ImageOptions o = ImageOptions.defaults();
        return config.image() != null && config.image().maxLayerBytes() > 0
                ? o.withMaxLayerSize(config.image().maxLayerBytes()) : o;
    }

    /**
     * Lints the archive at {@code path}, naming it {@code display} in results.
     *
     * @param progress told how the reading goes (a progress bar), or null
     */
    public static List<Result> lint(Path path, String display, Config config, Engine engine, ImageOptions options,
                                    ImageAnalyzer.Progress progress) {
        List<Result> out = new ArrayList<>();
        for (ImageModel m : analyze(path, options, progress)) {
            out.add(result(m, display, config, engine));
        }
        return out;
    }

    /**
     * Analyses every image of the archive (or the one {@code options} names) into the models rules check, with the
     * {@code .dive-ci} that applies ({@link DiveCi#find}).
     */
    public static List<ImageModel> analyze(Path path, ImageOptions options, ImageAnalyzer.Progress progress) {
        DiveCi diveCi = DiveCi.find(path);
        ContentSniffer sniffer = new ContentSniffer();
        List<ImageModel> out = new ArrayList<>();
        for (ImageAnalysis a : ImageAnalyzer.analyze(path, options, sniffer, progress)) {
            out.add(new ImageModel(a, ImageModel.history(a), sniffer.found(a.image()), diveCi));
        }
        return out;
    }

    /** The result for one analysed image: the image rules' findings and the summary. */
    public static Result result(ImageModel m, String display, Config config, Engine engine) {
        List<Finding> findings = engine.check(m, display, config);
        return Result.image(display, ImageSummary.of(m.analysis()), findings);
    }
}
