package io.jlint.cli;

import io.jlint.engine.InputException;
import io.jlint.image.ImageRewriter;
import io.jlint.image.RewriteReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jlint rebuild IMAGE -o OUT}: the same layers without their waste. IMAGE is optional in the grammar so that
 * a second source (a Dockerfile and its context, rebuilt with an engine) can be added next to it; today an image is
 * required.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rewrites an image archive layer by layer without its waste: file versions a later layer"
                + " overwrites or deletes, whiteouts left with nothing to hide, layers left empty. Layers without"
                + " waste are copied unchanged. --strip-caches also removes package-manager caches.")
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

    @Override
    public Integer call() throws Exception {
        if (image == null) {
            throw new InputException(null, "rebuild needs an IMAGE archive; see 'jlint rebuild --help'");
        }
        RewriteReport report = ImageRewriter.rebuild(image, common.output, stripCaches, common.options());
        common.print(report, spec.commandLine().getOut());
        return Main.OK;
    }
}
