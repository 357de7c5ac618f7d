package io.jlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jlint.engine.InputException;
import io.jlint.image.ImageOptions;
import io.jlint.image.Platform;
import io.jlint.image.RewriteOptions;
import io.jlint.image.RewriteReport;
import io.jlint.image.RewriteText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code squash} and {@code rebuild} share: the output, its names and format, the report. */
public final class RewriteOptionsMixin {

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "where to write the new image (never the input; written to a temporary name next to it,"
                    + " then renamed)")
    Path output;

    /** The output, which the image commands require (picocli cannot: rebuild's Dockerfile mode makes it optional). */
    Path requiredOutput(String command) {
        if (output == null) {
            throw new io.jlint.engine.InputException(null, command + " needs -o OUT; see 'jlint " + command + " --help'");
        }
        return output;
    }

    @Option(names = "--tag", paramLabel = "NAME:TAG",
            description = "name the output (repeatable; default: the input's names)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "docker",
            description = "docker: a docker save archive (docker load, podman load, skopeo; also an OCI layout);"
                    + " oci: an OCI image layout, a directory, or a tar when OUT ends in .tar"
                    + " (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--compression", paramLabel = "KIND",
            description = "new layers: none, gzip or zstd (default: none for docker, gzip for oci)")
    String compression;

    @Option(names = "--report", paramLabel = "FORMAT", defaultValue = "tty",
            description = "what changed, on standard output: tty or json (default: ${DEFAULT-VALUE})")
    String report;

    @Option(names = "--source-date-epoch", paramLabel = "SECONDS",
            description = "date new entries, the new history entry and the config's created with this time"
                    + " (default: $SOURCE_DATE_EPOCH; unset: keep the input's times)")
    String sourceDateEpoch;

    @Option(names = "--image", paramLabel = "NAME",
            description = "the image of a multi-image archive: a tag or a 0-based index")
    String image;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "the platform of a multi-platform index (default: the host's)")
    String platform;

    @Option(names = "--max-layer-size", paramLabel = "BYTES",
            description = "stop reading a layer that expands beyond this size (suffixes K, M, G, T; default 64G)")
    String maxLayerSize;

    RewriteOptions options() {
        if (!report.equals("tty") && !report.equals("json")) {
            throw new InputException(null, "--report " + report + ": expected tty or json");
        }
        ImageOptions read = ImageOptions.defaults().withImage(image).withPlatform(Platform.parse(platform));
        if (maxLayerSize != null) {
            read = read.withMaxLayerSize(ImageCommand.parseSize(maxLayerSize));
        }
        Long sde = RewriteOptions.sourceDateEpoch(sourceDateEpoch != null ? sourceDateEpoch
                : System.getenv("SOURCE_DATE_EPOCH"));
        return new RewriteOptions(read, RewriteOptions.Format.parse(format),
                compression == null ? null : RewriteOptions.parseCompression(compression),
                RewriteOptions.normalizeTags(tags), sde);
    }

    void print(RewriteReport r, PrintWriter out) throws java.io.IOException {
        if (report.equals("json")) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            ObjectNode tool = root.putObject("tool");
            tool.put("name", "jlint");
            tool.put("version", Main.Version.VERSION);
            root.setAll((ObjectNode) json.valueToTree(r));
            out.println(json.writeValueAsString(root));
        } else {
            RewriteText.render(r, out);
        }
        out.flush();
    }
}
