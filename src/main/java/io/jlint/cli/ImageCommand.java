package io.jlint.cli;

import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import io.jlint.image.ImageAnalysis;
import io.jlint.image.ImageAnalyzer;
import io.jlint.image.ImageLint;
import io.jlint.image.ImageOptions;
import io.jlint.image.ImageText;
import io.jlint.image.Platform;
import io.jlint.report.JsonReporter;
import io.jlint.report.Report;
import io.jlint.report.Result;
import io.jlint.report.TtyReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jlint image IMAGE}: what every layer adds, the waste, the config. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Audits an image archive (docker save tar, OCI layout dir or tar, optionally gzip-compressed):"
                + " layers, sizes, wasted bytes, config.")
public final class ImageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "the image archive or OCI layout directory")
    Path image;

    @Option(names = {"-f", "--format"}, defaultValue = "tty", paramLabel = "FORMAT",
            description = "tty or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--image", paramLabel = "NAME",
            description = "the image of a multi-image archive: a tag or a 0-based index (default: all)")
    String name;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "the platform of a multi-platform index (default: the host's)")
    String platform;

    @Option(names = "--max-layer-size", paramLabel = "BYTES",
            description = "stop reading a layer that expands beyond this size (suffixes K, M, G, T: binary units;"
                    + " default 64G)")
    String maxLayerSize;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("tty") && !format.equals("json")) {
            throw new InputException(null, "--format " + format + ": expected tty or json");
        }
        ImageOptions options = ImageOptions.defaults().withImage(name).withPlatform(Platform.parse(platform));
        if (maxLayerSize != null) {
            options = options.withMaxLayerSize(parseSize(maxLayerSize));
        }
        List<ImageAnalysis> analyses = ImageAnalyzer.analyze(image, options);
        Config config = Config.defaults();
        Engine engine = Engine.standard();
        List<Result> results = new ArrayList<>();
        for (ImageAnalysis a : analyses) {
            results.add(ImageLint.result(a, image.toString(), config, engine));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            new JsonReporter().write(Report.of(results), out);
        } else {
            TtyReporter tty = new TtyReporter(false);
            for (int i = 0; i < analyses.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                ImageText.render(analyses.get(i), out);
                if (!results.get(i).findings().isEmpty()) {
                    out.println();
                    for (Finding f : results.get(i).findings()) {
                        out.println(tty.line(results.get(i).path(), f));
                    }
                }
            }
        }
        out.flush();
        for (Result r : results) {
            for (Finding f : r.findings()) {
                if (config.failOn() != null && f.severity().atLeast(config.failOn())) {
                    return Main.FINDINGS;
                }
            }
        }
        return Main.OK;
    }

    /** Parses "1048576", "512M", "32G", "1T" (binary units). */
    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long mult = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> mult = 1L << 10;
                case 'M' -> mult = 1L << 20;
                case 'G' -> mult = 1L << 30;
                case 'T' -> mult = 1L << 40;
                default -> mult = 1;
            }
            if (mult > 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long v = Long.parseLong(t.trim());
            if (v <= 0 || v > Long.MAX_VALUE / mult) {
                throw new NumberFormatException();
            }
            return v * mult;
        } catch (NumberFormatException e) {
            throw new InputException(null, "--max-layer-size " + s + ": expected a positive size such as 32G");
        }
    }
}
