package io.jlint.engine;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.fix.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the rules of a {@link RuleCatalogue} over one subject (a parsed {@link Dockerfile}, an analysed image, …):
 * every rule whose {@link Rule#subjectType()} accepts the subject, minus the ignored ones, with severity
 * overrides and suppressions applied. Findings come back sorted ({@link #ORDER}).
 */
public final class Engine {

    /** Source findings by line, column, rule; image findings by layer, file, rule; source ones first. */
    public static final Comparator<Finding> ORDER = Engine::compare;

    private final RuleCatalogue catalogue;

    public Engine(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The engine over the rules on the class path. */
    public static Engine standard() {
        return new Engine(RuleCatalogue.standard());
    }

    public RuleCatalogue catalogue() {
        return catalogue;
    }

    /** Lints a Dockerfile: every Dockerfile rule, honouring the file's suppression comments. */
    public List<Finding> lint(Dockerfile dockerfile, Config config) {
        return check(dockerfile, dockerfile.path(), config, Suppressions.of(dockerfile, catalogue));
    }

    /**
     * Lints a Dockerfile whose build context is known ({@link RuleContext#buildContext()}): the same findings, and
     * fixes that need to see the context (a reorder that must know the manifests) can be offered.
     */
    public List<Finding> lint(Dockerfile dockerfile, Config config, java.nio.file.Path buildContext) {
        return check(dockerfile, dockerfile.path(), config, Suppressions.of(dockerfile, catalogue), buildContext);
    }

    /** Checks any subject (an image model, say) without suppressions. */
    public List<Finding> check(Object subject, String path, Config config) {
        return check(subject, path, config, Suppressions.NONE);
    }

    /**
     * Runs the rules for {@code subject}.
     *
     * @param path shown in a {@link RuleFailure} when a rule throws
     * @throws RuleFailure when a rule throws (a bug: the caller reports an internal error)
     */
    public List<Finding> check(Object subject, String path, Config config, Suppressions suppressions) {
        return check(subject, path, config, suppressions, null);
    }

    private List<Finding> check(Object subject, String path, Config config, Suppressions suppressions,
                                java.nio.file.Path buildContext) {
        Objects.requireNonNull(subject, "subject");
        Set<String> ignored = new HashSet<>();
        for (String s : config.ignored()) {
            RuleInfo info = catalogue.info(s);
            if (info != null) {
                ignored.add(info.id());
            }
        }
        Map<String, Severity> severities = new HashMap<>();
        config.severities().forEach((k, v) -> {
            RuleInfo info = catalogue.info(k);
            if (info != null) {
                severities.put(info.id(), v);
            }
        });
        RuleContext context = new Context(config, buildContext);
        List<Finding> out = new ArrayList<>();
        for (Rule<?> rule : catalogue.rules()) {
            RuleInfo info = rule.info();
            if (!rule.subjectType().isInstance(subject) || ignored.contains(info.id())) {
                continue;
            }
            Severity severity = severities.getOrDefault(info.id(), info.severity());
            Sink sink = new Sink(info, severity, suppressions, out);
            try {
                run(rule, subject, context, sink);
            } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
                throw new RuleFailure(info.id(), path, e);
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static <T> void run(Rule<T> rule, Object subject, RuleContext context, FindingSink sink) {
        rule.check(rule.subjectType().cast(subject), context, sink);
    }

    private record Context(Config config, java.nio.file.Path buildContext) implements RuleContext {
    }

    /** Makes findings from a rule's reports; a malformed report is the rule's bug and fails the rule. */
    private static final class Sink implements FindingSink {
        private final RuleInfo info;
        private final Severity severity;
        private final Suppressions suppressions;
        private final List<Finding> out;

        Sink(RuleInfo info, Severity severity, Suppressions suppressions, List<Finding> out) {
            this.info = info;
            this.severity = severity;
            this.suppressions = suppressions;
            this.out = out;
        }

        @Override
        public void report(Location location, String message, Fix fix) {
            Objects.requireNonNull(location, "location");
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("empty finding message");
            }
            if (location instanceof Location.Source src && (src.span() == null || src.span().startLine() < 1)) {
                throw new IllegalArgumentException("finding without a source position: " + src.span());
            }
            if (!suppressions.suppresses(info.id(), location)) {
                out.add(new Finding(info.id(), info.category(), severity, message, location, fix));
            }
        }
    }

    private static int compare(Finding a, Finding b) {
        int c;
        if (a.location() instanceof Location.Source sa && b.location() instanceof Location.Source sb) {
            c = Integer.compare(sa.span().startLine(), sb.span().startLine());
            if (c == 0) {
                c = Integer.compare(sa.span().startColumn(), sb.span().startColumn());
            }
            if (c == 0) {
                c = a.rule().compareTo(b.rule());
            }
            if (c == 0) {
                c = Integer.compare(sa.span().endOffset(), sb.span().endOffset());
            }
        } else if (a.location() instanceof Location.InImage ia && b.location() instanceof Location.InImage ib) {
            c = Comparator.nullsFirst(Integer::compare).compare(ia.layer(), ib.layer());
            if (c == 0) {
                c = Comparator.nullsFirst(String::compareTo).compare(ia.file(), ib.file());
            }
            if (c == 0) {
                c = a.rule().compareTo(b.rule());
            }
        } else {
            c = a.location() instanceof Location.Source ? -1 : 1;
        }
        return c != 0 ? c : a.message().compareTo(b.message());
    }
}
