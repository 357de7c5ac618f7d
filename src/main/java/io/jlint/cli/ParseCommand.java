package io.jlint.cli;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.BuildkitFormat;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.dockerfile.parser.JsonFormat;
import io.jlint.engine.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jlint parse FILE|- [--format buildkit|json] [--strict]}: the parser's view of a Dockerfile. */
@Command(name = "parse", description = "Print how jlint (and BuildKit) parse a Dockerfile.",
        mixinStandardHelpOptions = true)
public final class ParseCommand implements Callable<Integer> {

    enum Format { buildkit, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "the Dockerfile, or - for standard input")
    String file;

    @Option(names = {"-f", "--format"}, defaultValue = "buildkit",
            description = "buildkit (BuildKit's parser test dump) or json (the full model); default ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--strict", description = "also apply the checks of a build (unknown instruction, "
            + "instruction before FROM, argument counts), as lint does")
    boolean strict;

    @Override
    public Integer call() {
        byte[] bytes;
        String display;
        if (file.equals("-")) {
            display = "-";
            try {
                bytes = System.in.readAllBytes();
            } catch (IOException e) {
                throw new InputException("-", "cannot read standard input: " + e.getMessage());
            }
        } else {
            display = file;
            bytes = DockerfileParser.read(Path.of(file), display);
        }
        Dockerfile df = strict ? DockerfileParser.parse(display, bytes) : DockerfileParser.parseSyntax(display, bytes);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.buildkit) {
            out.print(BuildkitFormat.format(df));
        } else {
            out.print(JsonFormat.format(df));
            out.print('\n');
        }
        out.flush();
        return Main.OK;
    }
}
