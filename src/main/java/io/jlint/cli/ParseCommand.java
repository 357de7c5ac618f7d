package io.jlint.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.BuildkitFormat;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.dockerfile.parser.JsonFormat;
import io.jlint.engine.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jlint parse FILE|DIR|-... [--format buildkit|json] [--strict]}: the parser's view of Dockerfiles. One file
 * prints its dump alone (BuildKit's test {@code result} format, or the JSON model). Several files, or a directory
 * (searched as lint searches it): the buildkit dumps each under a {@code ==> FILE <==} line, or one JSON array of
 * {@code {"file": …, "model": …}}. A file that fails to parse is reported on standard error (file, line, column)
 * and left out; the others are still printed, and the exit status is then 2.
 */
@Command(name = "parse", description = "Print how jlint (and BuildKit) parse Dockerfiles.",
        mixinStandardHelpOptions = true)
public final class ParseCommand implements Callable<Integer> {

    enum Format { buildkit, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DOCKERFILE",
            description = "Dockerfiles, directories (searched for Dockerfiles as lint does), or - for standard input")
    List<String> files;

    @Option(names = {"-f", "--format"}, defaultValue = "buildkit",
            description = "buildkit (BuildKit's parser test dump) or json (the full model); default ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--strict", description = "also apply the checks of a build (unknown instruction, "
            + "instruction before FROM, argument counts), as lint does")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Inputs.Input> inputs = Inputs.expand(files, "-");
        // one named file keeps the plain dump (BuildKit's conformance format); a directory may hold any number
        boolean several = files.size() > 1 || !files.get(0).equals("-") && Files.isDirectory(Path.of(files.get(0)));
        int status = Main.OK;
        int printed = 0;
        if (several && format == Format.json) {
            out.print('[');
        }
        for (Inputs.Input input : inputs) {
            Dockerfile df;
            try {
                df = parse(input);
            } catch (InputException e) {
                if (!several) {
                    throw e;
                }
                out.flush();
                err.println("jlint: " + e.getMessage());
                err.flush();
                status = Main.BAD_INPUT;
                continue;
            }
            String display = input.display();
            if (!several) {
                print(out, df);
            } else if (format == Format.json) {
                out.print(printed == 0 ? "\n" : ",\n");
                out.print("{\"file\": \"");
                out.print(JsonStringEncoder.getInstance().quoteAsString(display));
                out.print("\", \"model\": ");
                out.print(JsonFormat.format(df));
                out.print('}');
            } else {
                out.print(printed == 0 ? "" : "\n");
                out.print("==> " + display + " <==\n");
                out.print(BuildkitFormat.format(df));
            }
            printed++;
        }
        if (several && format == Format.json) {
            out.print(printed == 0 ? "]\n" : "\n]\n");
        }
        out.flush();
        return status;
    }

    private Dockerfile parse(Inputs.Input input) {
        byte[] bytes;
        String display = input.display();
        if (input instanceof Inputs.BadInput bad) {
            throw bad.error();
        } else if (input instanceof Inputs.ImageInput) {
            throw new InputException(display, "an image archive or layout, not a Dockerfile (see jlint image)");
        } else if (input instanceof Inputs.DockerfileInput file) {
            bytes = DockerfileParser.read(file.path(), display);
        } else {
            try {
                bytes = System.in.readAllBytes();
            } catch (IOException e) {
                throw new InputException(display, "cannot read standard input: " + e.getMessage());
            }
        }
        return strict ? DockerfileParser.parse(display, bytes) : DockerfileParser.parseSyntax(display, bytes);
    }

    private void print(PrintWriter out, Dockerfile df) {
        if (format == Format.buildkit) {
            out.print(BuildkitFormat.format(df));
        } else {
            out.print(JsonFormat.format(df));
            out.print('\n');
        }
    }
}
