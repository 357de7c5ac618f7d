package io.jlint.cli;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.ConfigLoader;
import io.jlint.engine.ConfigOverrides;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.RuleFailure;
import io.jlint.engine.Severity;
import io.jlint.report.AtomicOutput;
import io.jlint.report.Report;
import io.jlint.report.Reporter;
import io.jlint.report.Result;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jlint [lint] [options] PATH...}: lints Dockerfiles and images and writes one report. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Lints Dockerfiles and images.",
                "PATH is a Dockerfile of any name, - (standard input), a directory (every Dockerfile, "
                        + "Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.* below it), or an image archive "
                        + "(recognised by content)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing at or above the --fail-on level", "1:findings at or above the --fail-on level",
                "2:bad input or usage", "3:internal error (a bug in jlint)"})
public final class LintCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dockerfiles, directories, image archives, -")
    private List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "tty",
            description = "tty (default), json, sarif, checkstyle, gitlab, junit, markdown, html")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write the report to FILE (atomically) instead of standard output")
    private Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "exit 1 when a finding is at or above LEVEL: error, warning, info (default), style, none")
    private String failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config file instead of looking up .jlint.yaml from each file's folder upwards")
    private Path config;

    @Option(names = "--ignore", paramLabel = "ID", description = "switch a rule off (id or name; repeatable)")
    private List<String> ignore = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL",
            description = "override a rule's severity: error, warning, info, style (repeatable)")
    private List<String> severity = new ArrayList<>();

    @Option(names = "--no-color", description = "no colour (also when NO_COLOR is set or output is not a terminal)")
    private boolean noColor;

    @Option(names = "--target", paramLabel = "STAGE", description = "the stage that is built (name or index)")
    private String target;

    @Option(names = "--stdin-filename", paramLabel = "NAME", description = "the name reports use for - (stdin)")
    private String stdinFilename;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Reporter.FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format
                    + "' (known: " + String.join(", ", Reporter.FORMATS) + ")");
        }
        RuleCatalogue catalogue = RuleCatalogue.standard();
        ConfigOverrides overrides = overrides(catalogue);
        ConfigLoader loader = new ConfigLoader(catalogue, config);
        Engine engine = new Engine(catalogue);
        List<Inputs.Input> inputs = Inputs.expand(paths, stdinFilename);
        refuseOutputOverInput(inputs);

        List<Result> results = new ArrayList<>();
        Set<String> errorsShown = new LinkedHashSet<>();
        boolean bad = false;
        boolean internal = false;
        boolean failing = false;
        for (Inputs.Input input : inputs) {
            try {
                List<Result> rs = new ArrayList<>();
                Config cfg = lint(input, loader, overrides, engine, rs);
                results.addAll(rs);
                failing |= fails(rs, cfg);
            } catch (InputException e) {
                bad = true;
                if (errorsShown.add(e.getMessage())) {
                    err.println("jlint: " + e.getMessage());
                }
            } catch (UncheckedIOException e) {
                bad = true;
                err.println("jlint: " + input.display() + ": " + e.getCause().getMessage());
            } catch (RuleFailure e) {
                internal = true;
                internalError(err, "rule " + e.rule() + " failed on " + e.path(), e.getCause());
            } catch (RuntimeException | StackOverflowError e) {
                internal = true;
                internalError(err, "failed on " + input.display(), e);
            }
        }

        Report report = new Report(results, catalogue.infos());
        boolean tty = format.equals("tty");
        Reporter reporter = Reporter.forFormat(format, tty && output == null && useColor());
        try {
            if (output != null) {
                AtomicOutput.write(output, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    reporter.write(report, w);
                    w.flush();
                });
            } else {
                reporter.write(report, spec.commandLine().getOut());
            }
        } catch (IOException e) {
            throw new InputException(String.valueOf(output), "cannot write the report: " + e.getMessage());
        }
        if (tty && report.findingCount() > 0) {
            err.println("jlint: " + report.summaryLine());
        }
        err.flush();
        if (internal) {
            return Main.INTERNAL;
        }
        if (bad) {
            return Main.BAD_INPUT;
        }
        return failing ? Main.FINDINGS : Main.OK;
    }

    /** Lints one input into {@code into}; returns the configuration that applied to it. */
    private Config lint(Inputs.Input input, ConfigLoader loader, ConfigOverrides overrides, Engine engine,
                        List<Result> into) {
        if (input instanceof Inputs.BadInput b) {
            throw b.error();
        }
        if (input instanceof Inputs.ImageInput i) {
            Config cfg = overrides.applyTo(loader.configFor(i.path()));
            into.addAll(Inputs.lintImage(i, cfg));
            return cfg;
        }
        Config cfg;
        byte[] bytes;
        if (input instanceof Inputs.DockerfileInput d) {
            cfg = overrides.applyTo(loader.configFor(d.path()));
            bytes = Inputs.readDockerfile(d.path(), d.display());
        } else {
            cfg = overrides.applyTo(loader.configFor(null));
            bytes = Inputs.readStdin(main.stdin(), input.display());
        }
        Dockerfile df = DockerfileParser.parse(input.display(), bytes);
        if (cfg.target() != null && !cfg.target().isEmpty()
                && df.stageByRef(cfg.target(), df.stages().size()) == null) {
            // docker build --target fails the same way; judging another stage would be a wrong answer
            throw new InputException(input.display(), "no build stage named '" + cfg.target() + "' (--target)");
        }
        into.add(Result.dockerfile(df.path(), df.source(), engine.lint(df, cfg)));
        return cfg;
    }

    private static boolean fails(List<Result> results, Config cfg) {
        if (cfg.failOn() == null) {
            return false;
        }
        for (Result r : results) {
            for (Finding f : r.findings()) {
                if (f.severity().atLeast(cfg.failOn())) {
                    return true;
                }
            }
        }
        return false;
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
        return new ConfigOverrides(ignored, byId, failOnSet, threshold, target);
    }

    /** Never write a report over a file being linted. */
    private void refuseOutputOverInput(List<Inputs.Input> inputs) {
        if (output == null || !Files.exists(output)) {
            return;
        }
        for (Inputs.Input in : inputs) {
            Path p = in instanceof Inputs.DockerfileInput d ? d.path()
                    : in instanceof Inputs.ImageInput i ? i.path() : null;
            try {
                if (p != null && Files.isSameFile(p, output)) {
                    throw new InputException(output.toString(), "-o names an input file; refusing to overwrite it");
                }
            } catch (IOException e) {
                // unreadable: it is reported when linted
            }
        }
    }

    private boolean useColor() {
        String noColorEnv = System.getenv("NO_COLOR");
        return !noColor && main.terminal() && (noColorEnv == null || noColorEnv.isEmpty());
    }

    private static void internalError(PrintWriter err, String what, Throwable e) {
        err.println("jlint: internal error (a bug in jlint; please report it with the input): " + what);
        err.println("  " + e);
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(5, st.length); i++) {
            err.println("    at " + st[i]);
        }
    }
}
