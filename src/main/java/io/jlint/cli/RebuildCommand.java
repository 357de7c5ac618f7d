package io.jlint.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jlint rebuild --dockerfile FILE --context DIR [-o OUT.tar]}: the Dockerfile mode of rebuild
 * ({@link DockerfileRebuild}). The image mode ({@code jlint rebuild IMAGE -o OUT}) is written on branch
 * {@code squash} in its own RebuildCommand; merging keeps that class and adds this {@code @ArgGroup} and the
 * delegation at the top of its {@code call()}.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds a Dockerfile and its fixed version (jlint fix) with a container engine and compares"
                + " the two images: size, layers, wasted bytes, findings.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:both images built and compared", "2:bad input or usage, or the engine failed (its exit"
                + " status is printed)", "3:internal error (a bug in jlint)"})
public final class RebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = false, multiplicity = "1")
    DockerfileRebuild dockerfileMode;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.tar", description = "keep the fixed image (docker archive)")
    Path output;

    @Override
    public Integer call() {
        return dockerfileMode.run(output, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
