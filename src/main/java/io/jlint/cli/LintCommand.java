package io.jlint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    LintOptions options;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        try {
            return new LintRun(options, main.stdin(), main.terminal(), cl.getOut(), cl.getErr()).run();
        } catch (LintRun.UsageException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
