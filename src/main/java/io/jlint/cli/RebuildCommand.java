package io.jlint.cli;

import io.jlint.engine.InputException;
import io.jlint.image.ImageRewriter;
import io.jlint.image.RewriteReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jlint rebuild}, two modes:
 * <ul>
 * <li>{@code rebuild IMAGE -o OUT [--strip-caches]}: the same layers without their waste ({@link ImageRewriter});</li>
 * <li>{@code rebuild --dockerfile FILE --context DIR [-o OUT.tar]}: builds the Dockerfile and its fixed version with a
 *     container engine and compares the two images ({@link DockerfileRebuild}).</li>
 * </ul>
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Rewrites an image archive layer by layer without its waste: file versions a later layer"
                + " overwrites or deletes, whiteouts left with nothing to hide, layers left empty. Layers without"
                + " waste are copied unchanged. --strip-caches also removes package-manager caches.",
                "With --dockerfile and --context instead of IMAGE: builds the Dockerfile and its fixed version"
                        + " (jlint fix) with a container engine and compares the two images: size, layers, wasted"
                        + " bytes, findings."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "2:bad input or usage, or the engine failed (its exit status is printed)",
                "3:internal error (a bug in jlint)"})
public final class RebuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE",
            description = "the image archive (docker save tar, OCI layout directory or tar, maybe compressed)")
    Path image;

    @Option(names = "--strip-caches",
            description = "also remove package-manager caches (apt lists and archives, apk, yum, dnf, pip, npm,"
                    + " yarn); this changes the filesystem and is listed in the report")
    boolean stripCaches;

    @Mixin
    RewriteOptionsMixin common;

    @ArgGroup(exclusive = false)
    DockerfileRebuild dockerfileMode;

    @Override
    public Integer call() throws Exception {
        if (dockerfileMode != null) {
            if (image != null) {
                throw new InputException(null, "give either IMAGE or --dockerfile/--context, not both;"
                        + " see 'jlint rebuild --help'");
            }
            return dockerfileMode.run(common.output, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (image == null) {
            throw new InputException(null, "rebuild needs an IMAGE archive, or --dockerfile and --context;"
                    + " see 'jlint rebuild --help'");
        }
        RewriteReport report = ImageRewriter.rebuild(image, common.requiredOutput("rebuild"), stripCaches,
                common.options());
        common.print(report, spec.commandLine().getOut());
        return Main.OK;
    }
}
