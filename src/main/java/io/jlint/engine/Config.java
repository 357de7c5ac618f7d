package io.jlint.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective configuration: {@code .jlint.yaml} merged with command-line options.
 *
 * @param ignored           rule ids (or names) switched off
 * @param severities        severity overrides by rule id
 * @param failOn            the threshold for exit status 1 (null: never fail on findings)
 * @param target            the stage that is built ({@code --target}), null for the last one
 * @param trustedRegistries registries base images may come from (empty: any)
 * @param requiredLabels    labels the built stage must set
 * @param image             image thresholds
 */
public record Config(Set<String> ignored, Map<String, Severity> severities, Severity failOn, String target,
                     List<String> trustedRegistries, List<String> requiredLabels, ImageThresholds image) {

    public Config {
        ignored = Set.copyOf(ignored);
        severities = Map.copyOf(severities);
        trustedRegistries = List.copyOf(trustedRegistries);
        requiredLabels = List.copyOf(requiredLabels);
    }

    public static Config defaults() {
        return new Config(Set.of(), Map.of(), Severity.INFO, null, List.of(), List.of(), ImageThresholds.defaults());
    }

    /**
     * Image thresholds ({@code image:} in .jlint.yaml; dive's {@code .dive-ci} keys map onto them).
     *
     * @param lowestEfficiency        fail below this efficiency (0..1), null: not checked
     * @param highestWastedBytes      fail above this many wasted bytes, null: not checked
     * @param highestUserWastedPercent fail above this fraction (0..1) of wasted bytes in user layers, null: not checked
     * @param maxLayerBytes           decompression-bomb guard: the largest uncompressed layer accepted
     */
    public record ImageThresholds(Double lowestEfficiency, Long highestWastedBytes, Double highestUserWastedPercent,
                                  long maxLayerBytes) {
        public static ImageThresholds defaults() {
            return new ImageThresholds(null, null, null, 64L << 30);
        }
    }
}
