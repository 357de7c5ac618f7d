package io.jlint.cli;

import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.ConfigLoader;
import io.jlint.engine.ConfigOverrides;
import io.jlint.engine.Engine;
import io.jlint.engine.InputException;
import io.jlint.engine.RuleCatalogue;
import io.jlint.fix.FixApplier;
import io.jlint.fix.UnifiedDiff;
import io.jlint.files.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jlint fix DOCKERFILE [--diff | --in-place | -o OUT] [--only ID…]}: applies the behaviour-preserving
 * fixes that findings carry ({@link FixApplier}) and prints, shows or writes the result. What was fixed and what
 * was left (and why) goes to standard error.
 */
@Command(name = "fix", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Rewrites a Dockerfile where a rewrite provably keeps what the build does: merges RUNs, "
                + "moves and adds package-cache cleanup, exec-form CMD/ENTRYPOINT, JSON quoting, MAINTAINER to a "
                + "label, and more (see jlint rules: the fixable ones).",
                "Without an option the fixed file goes to standard output; what was fixed and what was left "
                        + "goes to standard error."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing to change", "1:the file was changed (or would be: printed, shown as a diff)",
                "2:bad input or usage", "3:internal error (a bug in jlint)"})
public final class FixCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "the Dockerfile to fix, or - (standard input)")
    private String file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Mode mode;

    static final class Mode {
        @Option(names = "--diff", description = "print a unified diff instead of the fixed file")
        boolean diff;

        @Option(names = {"-i", "--in-place"}, description = "rewrite DOCKERFILE (atomically, keeping its permissions)")
        boolean inPlace;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
                description = "write the fixed file to OUT (atomically; never over DOCKERFILE)")
        Path output;
    }

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "apply only the fixes of these rules (ids or names; repeatable or comma-separated)")
    private List<String> only = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config file instead of looking up .jlint.yaml from the file's folder upwards")
    private Path config;

    @Option(names = "--target", paramLabel = "STAGE", description = "the stage that is built (name or index)")
    private String target;

    @Option(names = "--context", paramLabel = "DIR",
            description = "the build context (read, never written): lets jlint fix check which files a dependency"
                    + " install reads before moving it ahead of the source copy (JL101)")
    private Path context;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RuleCatalogue catalogue = RuleCatalogue.standard();
        Set<String> onlyIds = only.isEmpty() ? null : catalogue.resolve(only, "--only");
        boolean stdin = file.equals("-");
        if (stdin && mode != null && mode.inPlace) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--in-place needs a file, not -");
        }
        Path path = stdin ? null : Path.of(file);
        byte[] bytes = stdin ? Inputs.readStdin(main.stdin(), "-") : Inputs.readDockerfile(path, file);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String source = DockerfileParser.parse(file, bytes).source();
        ConfigLoader loader = new ConfigLoader(catalogue, config);
        Config cfg = new ConfigOverrides(Set.of(), java.util.Map.of(), false, null, target)
                .applyTo(loader.configFor(path));
        if (context != null && !Files.isDirectory(context)) {
            throw new InputException(context.toString(), "the build context is not a directory");
        }
        FixApplier.Result result = new FixApplier(new Engine(catalogue)).fix(file, source, cfg, onlyIds, context);

        for (FixApplier.Applied a : result.applied()) {
            err.println(file + ":" + a.line() + ": fixed [" + a.rule() + "] " + a.description());
        }
        for (FixApplier.Unfixed u : result.unfixed()) {
            err.println(file + ":" + u.line() + ": not fixed [" + u.rule() + "] " + u.message()
                    + (u.reason() != null ? " (jlint fix refused its fix: " + u.reason() + ")" : ""));
        }
        if (context == null && result.unfixed().stream().anyMatch(u -> u.rule().equals("JL101")
                && u.message().contains("--context DIR"))) {
            err.println("jlint: JL101 moves a dependency install before the copy of the build context only with"
                    + " --context DIR: jlint must read the manifests there to prove the install reads nothing else");
        }
        err.println("jlint: " + file + ": " + result.applied().size() + " fix" + (result.applied().size() == 1 ? ""
                : "es") + " applied, " + result.unfixed().size() + " fixable finding"
                + (result.unfixed().size() == 1 ? "" : "s") + " left as " + (result.unfixed().size() == 1 ? "it was"
                : "they were"));
        err.flush();

        byte[] out = encode(result.fixed(), bom);
        PrintWriter stdout = spec.commandLine().getOut();
        if (mode != null && mode.diff) {
            String name = file.replaceFirst("^/+", "");
            stdout.print(UnifiedDiff.diff("a/" + name, "b/" + name, result.original(), result.fixed()));
            stdout.flush();
        } else if (mode != null && mode.inPlace) {
            if (result.changed()) {
                write(realPath(path), out);
            }
        } else if (mode != null && mode.output != null) {
            refuseOverInput(path, mode.output);
            write(mode.output, out);
        } else {
            stdout.print(result.fixed());
            stdout.flush();
        }
        return result.changed() ? Main.FINDINGS : Main.OK;
    }

    private static byte[] encode(String text, boolean bom) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** In place through a symbolic link: replace the file it points to, not the link. */
    private Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new InputException(file, "cannot resolve: " + e.getMessage());
        }
    }

    private void refuseOverInput(Path input, Path output) {
        if (input == null) {
            return;
        }
        boolean same;
        try {
            same = Files.exists(output) ? Files.isSameFile(input, output)
                    : input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
        } catch (IOException e) {
            same = false;
        }
        if (same) {
            throw new InputException(output.toString(), "-o names the input file; use --in-place to rewrite it");
        }
    }

    private static void write(Path target, byte[] bytes) {
        try {
            AtomicOutput.write(target, os -> os.write(bytes));
        } catch (IOException e) {
            throw new InputException(target.toString(), "cannot write: " + e.getMessage());
        }
    }
}
