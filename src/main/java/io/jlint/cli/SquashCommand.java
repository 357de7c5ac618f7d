package io.jlint.cli;

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

/** {@code jlint squash IMAGE -o OUT}: merges the top layers of an image into one, from the archive alone. */
@Command(name = "squash", mixinStandardHelpOptions = true,
        description = "Merges all layers of an image archive, or the top ones, into one layer without the waste"
                + " (files later overwritten or deleted). Layers below stay byte-identical; the config keeps"
                + " everything but rootfs and history, which are rewritten to match. No daemon needed.")
public final class SquashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "the image archive (docker save tar, OCI layout directory or tar, maybe compressed)")
    Path image;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Range range;

    /** Which layers to merge (default: all). */
    static final class Range {
        @Option(names = "--last", paramLabel = "N", description = "merge the top N layers")
        Integer last;

        @Option(names = "--from", paramLabel = "LAYER",
                description = "merge from this layer up: a 0-based index or a diff_id (or 12+ hex digits of it)")
        String from;
    }

    @Mixin
    RewriteOptionsMixin common;

    @Override
    public Integer call() throws Exception {
        ImageRewriter.SquashRange r = range == null ? ImageRewriter.SquashRange.all()
                : new ImageRewriter.SquashRange(range.last, range.from);
        RewriteReport report = ImageRewriter.squash(image, common.requiredOutput("squash"), r, common.options());
        common.print(report, spec.commandLine().getOut());
        return Main.OK;
    }
}
