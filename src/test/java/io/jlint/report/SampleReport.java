package io.jlint.report;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Category;
import io.jlint.engine.Finding;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Location;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A synthetic report with a Dockerfile (findings, a fix, awkward characters), an image and a clean file. */
final class SampleReport {
    private SampleReport() {
    }

    @RuleInfo(id = "JL001", name = "sample-cleanup", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
            summary = "Sample cleanup rule", fixable = true, equivalents = {"hadolint:DL3009"})
    static final class Cleanup implements Rule<String> {
        @Override
        public Class<String> subjectType() {
            return String.class;
        }

        @Override
        public void check(String subject, RuleContext context, FindingSink out) {
        }
    }

    @RuleInfo(id = "JL002", name = "sample-style", category = Category.MAINTAINABILITY, severity = Severity.STYLE,
            summary = "Sample style rule")
    static final class Style implements Rule<String> {
        @Override
        public Class<String> subjectType() {
            return String.class;
        }

        @Override
        public void check(String subject, RuleContext context, FindingSink out) {
        }
    }

    static final List<RuleInfo> RULES = List.of(new Cleanup().info(), new Style().info());

    static final String SOURCE = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nmaintainer me\n";

    static Span span(String source, String text) {
        int start = source.indexOf(text);
        return LineIndex.of(source).span(start, start + text.length());
    }

    static Report report() {
        return report("", "Dockerfile");
    }

    /** The sample with {@code prefix} prepended to the Dockerfile (to move every line) and a given path. */
    static Report report(String prefix, String path) {
        String source = prefix + SOURCE;
        Span run = span(source, "RUN apt-get update && apt-get install -y curl");
        int end = source.indexOf("curl") + 4;
        Finding cleanup = new Finding("JL001", Category.MISSING_CLEANUP, Severity.WARNING,
                "apt lists are left in the layer", new Location.Source(run),
                new Fix("remove the apt lists", List.of(new Edit(end, end, " && rm -rf /var/lib/apt/lists/*"))));
        Finding style = new Finding("JL002", Category.MAINTAINABILITY, Severity.ERROR,
                "a <message> with | pipes & \"quotes\" and 'apostrophes'",
                new Location.Source(span(source, "maintainer me")), null);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("format", "docker-archive");
        image.put("tags", List.of("app:1"));
        image.put("entrypoint", null);
        Finding layer = new Finding("JL001", Category.MISSING_CLEANUP, Severity.INFO, "apt lists left",
                new Location.InImage(1, "/var/lib/apt/lists/x"), null);
        Finding config = new Finding("JL002", Category.MAINTAINABILITY, Severity.STYLE, "config says so",
                new Location.InImage(null, null), null);
        return new Report(List.of(
                Result.dockerfile(path, source, List.of(cleanup, style)),
                Result.image("images/app.tar", image, List.of(layer, config)),
                Result.dockerfile("clean.Dockerfile", "FROM scratch\n", List.of())), RULES);
    }
}
