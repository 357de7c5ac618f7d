package io.jlint.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the command line says about the configuration; it wins over {@code .jlint.yaml}.
 *
 * @param ignore     rule ids to switch off, added to the file's {@code ignore}
 * @param severities severity overrides by rule id, replacing the file's for those rules
 * @param failOnSet  {@code --fail-on} was given ({@code failOn} null then means {@code none})
 * @param failOn     the threshold given
 * @param target     {@code --target}, or null
 */
public record ConfigOverrides(Set<String> ignore, Map<String, Severity> severities, boolean failOnSet,
                              Severity failOn, String target) {

    public static final ConfigOverrides NONE = new ConfigOverrides(Set.of(), Map.of(), false, null, null);

    public ConfigOverrides {
        ignore = Set.copyOf(ignore);
        severities = Map.copyOf(severities);
    }

    public Config applyTo(Config base) {
        Set<String> ignored = new LinkedHashSet<>(base.ignored());
        ignored.addAll(ignore);
        Map<String, Severity> sev = new HashMap<>(base.severities());
        sev.putAll(severities);
        return new Config(ignored, sev, failOnSet ? failOn : base.failOn(), target != null ? target : base.target(),
                base.trustedRegistries(), base.requiredLabels(), base.image());
    }
}
