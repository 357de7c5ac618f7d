package io.jlint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code jlint lint}: filled either by picocli (as a mixin of {@link LintCommand}) or by
 * {@link FastLint} without picocli; both then run {@link LintCommand#lint}. The annotations are the one
 * definition of the options and their help; {@link FastLint} must recognise exactly these names.
 */
final class LintOptions {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dockerfiles, directories, image archives, -")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "tty",
            description = "tty (default), json, sarif, checkstyle, gitlab, junit, markdown, html")
    String format = "tty";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write the report to FILE (atomically) instead of standard output")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "exit 1 when a finding is at or above LEVEL: error, warning, info (default), style, none")
    String failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config file instead of looking up .jlint.yaml from each file's folder upwards")
    Path config;

    @Option(names = "--ignore", paramLabel = "ID", description = "switch a rule off (id or name; repeatable)")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL",
            description = "override a rule's severity: error, warning, info, style (repeatable)")
    List<String> severity = new ArrayList<>();

    @Option(names = "--no-color", description = "no colour (also when NO_COLOR is set or output is not a terminal)")
    boolean noColor;

    @Option(names = "--target", paramLabel = "STAGE", description = "the stage that is built (name or index)")
    String target;

    @Option(names = "--stdin-filename", paramLabel = "NAME", description = "the name reports use for - (stdin)")
    String stdinFilename;

    @Override
    public boolean equals(Object o) {
        return o instanceof LintOptions x && Objects.equals(paths, x.paths) && Objects.equals(format, x.format)
                && Objects.equals(output, x.output) && Objects.equals(failOn, x.failOn)
                && Objects.equals(config, x.config) && Objects.equals(ignore, x.ignore)
                && Objects.equals(severity, x.severity) && noColor == x.noColor && Objects.equals(target, x.target)
                && Objects.equals(stdinFilename, x.stdinFilename);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paths, format, output, failOn, config, ignore, severity, noColor, target, stdinFilename);
    }

    @Override
    public String toString() {
        return "LintOptions[paths=" + paths + ", format=" + format + ", output=" + output + ", failOn=" + failOn
                + ", config=" + config + ", ignore=" + ignore + ", severity=" + severity + ", noColor=" + noColor
                + ", target=" + target + ", stdinFilename=" + stdinFilename + "]";
    }
}
