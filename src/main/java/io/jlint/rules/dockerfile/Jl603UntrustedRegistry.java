package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A base image from a registry that is not in the configured {@code trustedRegistries}. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL603", name = "untrusted-registry", category = Category.BASE_IMAGE, severity = Severity.WARNING,
        summary = "FROM pulls from a registry that is not listed in trustedRegistries (only when the list is set)",
        equivalents = {"hadolint:DL3026"})
public final class Jl603UntrustedRegistry implements Rule<Dockerfile> {

    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com", "hub.docker.com");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        List<String> trusted = ctx.config().trustedRegistries();
        if (trusted.isEmpty()) {
            return;
        }
        List<String> normalized = new ArrayList<>();
        for (String t : trusted) {
            String n = normalize(t);
            if (!n.isEmpty()) {
                normalized.add(n);
            }
        }
        if (normalized.isEmpty()) {
            return;
        }
        Variables vars = Variables.of(df);
        for (Stage stage : df.stages()) {
            BaseImageRef ref = BaseImageRef.of(df, vars, stage);
            if (ref == null) {
                continue;
            }
            String registry = DOCKER_HUB.contains(ref.registry()) ? "docker.io" : ref.registry();
            String repo = ref.repository().toLowerCase(Locale.ROOT);
            if (registry.equals("docker.io") && !repo.contains("/")) {
                repo = "library/" + repo;
            }
            String full = registry + "/" + repo;
            boolean ok = false;
            for (String t : normalized) {
                if (full.equals(t) || full.startsWith(t + "/")) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                out.report(stage.from().span(), "FROM " + ref.written() + ref.argNote() + " pulls from " + registry
                        + ", which is not one of the trusted registries (" + String.join(", ", trusted)
                        + "); use a mirror of the image on a trusted registry, or add " + registry
                        + " to trustedRegistries in .jlint.yaml");
            }
        }
    }

    /** {@code https://Docker.io/} → {@code docker.io}; a path part (e.g. {@code ghcr.io/org}) is kept. */
    private static String normalize(String entry) {
        String e = entry == null ? "" : entry.trim().toLowerCase(Locale.ROOT);
        int scheme = e.indexOf("://");
        if (scheme >= 0) {
            e = e.substring(scheme + 3);
        }
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        int slash = e.indexOf('/');
        String host = slash < 0 ? e : e.substring(0, slash);
        if (DOCKER_HUB.contains(host)) {
            e = "docker.io" + (slash < 0 ? "" : e.substring(slash));
        }
        return e;
    }
}
