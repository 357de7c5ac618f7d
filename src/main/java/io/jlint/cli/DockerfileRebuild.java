package io.jlint.cli;

import io.jlint.engine.ConfigLoader;
import io.jlint.engine.InputException;
import io.jlint.engine.RuleCatalogue;
import io.jlint.fix.EngineRebuild;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The Dockerfile mode of {@code jlint rebuild}: {@code --dockerfile FILE --context DIR [--engine E]
 * [--base-image NAME=ARCHIVE]… [--original-output FILE]}, used as a picocli {@code @ArgGroup} of the rebuild
 * command (whose {@code -o OUT} keeps the fixed image). See {@link EngineRebuild}.
 */
public final class DockerfileRebuild {

    @Option(names = "--dockerfile", required = true, paramLabel = "FILE",
            description = "rebuild from this Dockerfile: build it and its fixed version (jlint fix) with a container"
                    + " engine and compare the two images")
    Path dockerfile;

    @Option(names = "--context", required = true, paramLabel = "DIR",
            description = "the build context (never written to: the fixed Dockerfile goes to a temporary folder)")
    Path context;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "buildah, podman or docker (default: the first of them on PATH)")
    String engine;

    @Option(names = "--base-image", paramLabel = "NAME=ARCHIVE",
            description = "load this docker-archive as image NAME before building; with any, the builds never pull"
                    + " (repeatable)")
    List<String> baseImages = new ArrayList<>();

    @Option(names = "--original-output", paramLabel = "FILE",
            description = "also keep the image built from the original Dockerfile (docker archive)")
    Path originalOutput;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config file instead of looking up .jlint.yaml from the Dockerfile's folder")
    Path config;

    /** Runs the mode; {@code output} (the command's {@code -o}) receives the fixed image. */
    int run(Path output, PrintWriter out, PrintWriter err) {
        Map<String, Path> bases = new LinkedHashMap<>();
        for (String b : baseImages) {
            int eq = b.indexOf('=');
            if (eq <= 0 || eq == b.length() - 1) {
                throw new InputException("--base-image", "expects NAME=ARCHIVE, got '" + b + "'");
            }
            bases.put(b.substring(0, eq), Path.of(b.substring(eq + 1)));
        }
        for (Path o : new Path[] {output, originalOutput}) {
            if (o != null && (Files.isDirectory(o) || !Files.isDirectory(o.toAbsolutePath().getParent()))) {
                throw new InputException(o.toString(), "cannot write the image here (a directory, or no such folder)");
            }
        }
        RuleCatalogue catalogue = RuleCatalogue.standard();
        var cfg = new ConfigLoader(catalogue, config).configFor(dockerfile);
        try {
            EngineRebuild.Comparison c = EngineRebuild.run(new EngineRebuild.Request(dockerfile, context, engine,
                    bases, output, originalOutput, cfg), err);
            EngineRebuild.print(c, out);
            return Main.OK;
        } catch (EngineRebuild.EngineFailure e) {
            err.println("jlint: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
