package io.jlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jlint.engine.InputException;
import io.jlint.image.ImageAnalysis;
import io.jlint.image.ImageAnalyzer;
import io.jlint.image.ImageOptions;
import io.jlint.image.ImageSummary;
import io.jlint.image.ImageText;
import io.jlint.image.Platform;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        List<ImageAnalysis> results = ImageAnalyzer.analyze(image, options);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            ObjectNode tool = root.putObject("tool");
            tool.put("name", "jlint");
            tool.put("version", Main.Version.VERSION);
            ArrayNode arr = root.putArray("results");
            for (ImageAnalysis a : results) {
                ObjectNode r = arr.addObject();
                r.put("path", a.archive());
                r.put("kind", "image");
                r.set("image", json.valueToTree(ImageSummary.of(a)));
                r.putArray("findings");
            }
            ObjectNode summary = root.putObject("summary");
            summary.put("files", 1);
            summary.put("findings", 0);
            ObjectNode by = summary.putObject("bySeverity");
            for (String s : new String[] {"error", "warning", "info", "style"}) {
                by.put(s, 0);
            }
            out.println(json.writeValueAsString(root));
        } else {
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                ImageText.render(results.get(i), out);
            }
        }
        out.flush();
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
