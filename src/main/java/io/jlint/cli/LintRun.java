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
import io.jlint.files.AtomicOutput;
import io.jlint.report.Report;
import io.jlint.report.Reporter;
import io.jlint.report.Result;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * The run of {@code jlint lint} from its parsed {@link LintOptions}, shared by picocli ({@link LintCommand}) and
 * the fast path ({@link FastLint}). Free of picocli, so the fast path loads none of it; a usage error is a
 * {@link UsageException}, which each caller reports the way picocli reports its own.
 */
final class LintRun {

    /** A usage error found after parsing (unknown format, level or rule); exit status 2 with a help hint. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private final LintOptions o;
    private final InputStream stdin;
    private final boolean terminal;
    private final PrintWriter out;
    private final PrintWriter err;

    LintRun(LintOptions options, InputStream stdin, boolean terminal, PrintWriter out, PrintWriter err) {
        this.o = options;
        this.stdin = stdin;
        this.terminal = terminal;
        this.out = out;
        this.err = err;
    }


    /** Lints, writes the report; returns the exit status. */
    int run() {
        if (!Reporter.FORMATS.contains(o.format)) {
            throw new UsageException("unknown format '" + o.format
                    + "' (known: " + String.join(", ", Reporter.FORMATS) + ")");
        }
        RuleCatalogue catalogue = RuleCatalogue.standard();
        ConfigOverrides overrides = overrides(catalogue);
        ConfigLoader loader = new ConfigLoader(catalogue, o.config);
        Engine engine = new Engine(catalogue);
        List<Inputs.Input> inputs = Inputs.expand(o.paths, o.stdinFilename);
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
        boolean tty = o.format.equals("tty");
        Reporter reporter = Reporter.forFormat(o.format, tty && o.output == null && useColor());
        try {
            if (o.output != null) {
                AtomicOutput.write(o.output, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    reporter.write(report, w);
                    w.flush();
                });
            } else {
                reporter.write(report, out);
            }
        } catch (IOException e) {
            throw new InputException(String.valueOf(o.output), "cannot write the report: " + e.getMessage());
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
            bytes = Inputs.readStdin(stdin, input.display());
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
        boolean failOnSet = o.failOn != null;
        Severity threshold = null;
        if (failOnSet && !o.failOn.equalsIgnoreCase("none")) {
            threshold = Severity.parse(o.failOn);
            if (threshold == null) {
                throw new UsageException("--fail-on: unknown level '" + o.failOn
                        + "' (error, warning, info, style, none)");
            }
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (String s : o.severity) {
            int eq = s.indexOf('=');
            Severity level = eq < 0 ? null : Severity.parse(s.substring(eq + 1));
            if (level == null) {
                throw new UsageException("--severity expects ID=LEVEL with "
                        + "LEVEL one of error, warning, info, style; got '" + s + "'");
            }
            severities.put(s.substring(0, eq).trim(), level);
        }
        Set<String> ignored = catalogue.resolve(o.ignore, "--ignore");
        catalogue.resolve(severities.keySet(), "--severity");
        Map<String, Severity> byId = new LinkedHashMap<>();
        severities.forEach((k, v) -> byId.put(catalogue.info(k).id(), v));
        return new ConfigOverrides(ignored, byId, failOnSet, threshold, o.target);
    }

    /** Never write a report over a file being linted. */
    private void refuseOutputOverInput(List<Inputs.Input> inputs) {
        if (o.output == null || !Files.exists(o.output)) {
            return;
        }
        for (Inputs.Input in : inputs) {
            Path p = in instanceof Inputs.DockerfileInput d ? d.path()
                    : in instanceof Inputs.ImageInput i ? i.path() : null;
            try {
                if (p != null && Files.isSameFile(p, o.output)) {
                    throw new InputException(o.output.toString(), "-o names an input file; refusing to overwrite it");
                }
            } catch (IOException e) {
                // unreadable: it is reported when linted
            }
        }
    }

    private boolean useColor() {
        String noColorEnv = System.getenv("NO_COLOR");
        return !o.noColor && terminal && (noColorEnv == null || noColorEnv.isEmpty());
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
