package io.jlint.cli;

import io.jlint.engine.Config;
import io.jlint.engine.ConfigLoader;
import io.jlint.engine.ConfigOverrides;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.Severity;
import io.jlint.image.ImageLint;
import io.jlint.image.ImageModel;
import io.jlint.image.ImageOptions;
import io.jlint.image.ImageText;
import io.jlint.image.Platform;
import io.jlint.files.AtomicOutput;
import io.jlint.report.Report;
import io.jlint.report.Reporter;
import io.jlint.report.Result;
import io.jlint.report.TtyReporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jlint image IMAGE}: the full audit of an image: what every layer adds, the waste, the config, and the
 * image rules' findings, in any report format ({@code tty} is the readable audit; {@code markdown} and
 * {@code html} carry the layer table, wasted files and config as well).
 */
@Command(name = "image", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Audits an image archive (docker save tar, OCI layout dir or tar, optionally gzip-compressed):"
                + " layers, sizes, wasted bytes, config, and the image rules' findings.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing at or above the --fail-on level", "1:findings at or above the --fail-on level",
                "2:bad input or usage", "3:internal error (a bug in jlint)"})
public final class ImageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "the image archive or OCI layout directory")
    Path image;

    @Option(names = {"-f", "--format"}, defaultValue = "tty", paramLabel = "FORMAT",
            description = "tty (default: the readable audit), json, sarif, markdown, html, checkstyle, gitlab, junit")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write the report to FILE (atomically) instead of standard output")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "exit 1 when a finding is at or above LEVEL: error, warning, info (default), style, none")
    String failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config file instead of looking up .jlint.yaml from the image's folder upwards")
    Path config;

    @Option(names = "--ignore", paramLabel = "ID", description = "switch a rule off (id or name; repeatable)")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL",
            description = "override a rule's severity: error, warning, info, style (repeatable)")
    List<String> severity = new ArrayList<>();

    @Option(names = "--image", paramLabel = "NAME",
            description = "the image of a multi-image archive: a tag or a 0-based index (default: all)")
    String name;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "the platform of a multi-platform index (default: the host's)")
    String platform;

    @Option(names = "--max-layer-size", paramLabel = "BYTES",
            description = "stop reading a layer that expands beyond this size (suffixes K, M, G, T: binary units;"
                    + " default 64G, or image.maxLayerBytes of .jlint.yaml)")
    String maxLayerSize;

    @Option(names = "--no-progress", description = "no progress bar (it only shows on a terminal anyway)")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (!Reporter.FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "' (known: "
                    + String.join(", ", Reporter.FORMATS) + ")");
        }
        RuleCatalogue catalogue = RuleCatalogue.standard();
        Config cfg = overrides(catalogue).applyTo(new ConfigLoader(catalogue, config).configFor(image));
        ImageOptions options = ImageLint.options(cfg).withImage(name).withPlatform(Platform.parse(platform));
        if (maxLayerSize != null) {
            options = options.withMaxLayerSize(parseSize(maxLayerSize));
        }
        if (output != null && Files.exists(output) && Files.exists(image) && Files.isSameFile(output, image)) {
            throw new InputException(output.toString(), "-o names the image; refusing to overwrite it");
        }
        List<ImageModel> models = ImageLint.analyze(image, options,
                ProgressBar.forImage(image.toString(), !noProgress));
        Engine engine = new Engine(catalogue);
        List<Result> results = new ArrayList<>();
        for (ImageModel m : models) {
            results.add(ImageLint.result(m, image.toString(), cfg, engine));
        }
        Report report = new Report(results, catalogue.infos());
        try {
            if (output != null) {
                AtomicOutput.write(output, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    write(report, models, w);
                    w.flush();
                });
            } else {
                write(report, models, spec.commandLine().getOut());
            }
        } catch (IOException e) {
            throw new InputException(String.valueOf(output), "cannot write the report: " + e.getMessage());
        }
        if (format.equals("tty") && report.findingCount() > 0) {
            spec.commandLine().getErr().println("jlint: " + report.summaryLine());
        }
        for (Result r : results) {
            for (Finding f : r.findings()) {
                if (cfg.failOn() != null && f.severity().atLeast(cfg.failOn())) {
                    return Main.FINDINGS;
                }
            }
        }
        return Main.OK;
    }

    private void write(Report report, List<ImageModel> models, Writer out) throws IOException {
        if (!format.equals("tty")) {
            Reporter.forFormat(format, false).write(report, out);
            return;
        }
        PrintWriter pw = out instanceof PrintWriter p ? p : new PrintWriter(out);
        TtyReporter tty = new TtyReporter(false);
        for (int i = 0; i < models.size(); i++) {
            if (i > 0) {
                pw.println();
            }
            ImageText.render(models.get(i).analysis(), pw);
            Result r = report.results().get(i);
            pw.println();
            if (r.findings().isEmpty()) {
                pw.println("findings: none");
            } else {
                pw.println("findings");
                for (Finding f : r.findings()) {
                    pw.println("  " + tty.line(r.path(), f));
                }
            }
        }
        pw.flush();
    }

    private ConfigOverrides overrides(RuleCatalogue catalogue) {
        boolean failOnSet = failOn != null;
        Severity threshold = null;
        if (failOnSet && !failOn.equalsIgnoreCase("none")) {
            threshold = Severity.parse(failOn);
            if (threshold == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: unknown level '" + failOn
                        + "' (error, warning, info, style, none)");
            }
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (String s : severity) {
            int eq = s.indexOf('=');
            Severity level = eq < 0 ? null : Severity.parse(s.substring(eq + 1));
            if (level == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--severity expects ID=LEVEL with "
                        + "LEVEL one of error, warning, info, style; got '" + s + "'");
            }
            severities.put(s.substring(0, eq).trim(), level);
        }
        Set<String> ignored = catalogue.resolve(ignore, "--ignore");
        catalogue.resolve(severities.keySet(), "--severity");
        Map<String, Severity> byId = new LinkedHashMap<>();
        severities.forEach((k, v) -> byId.put(catalogue.info(k).id(), v));
        return new ConfigOverrides(ignored, byId, failOnSet, threshold, null);
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
