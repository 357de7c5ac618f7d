package io.jlint.image;

import java.util.List;
import java.util.Map;

/**
 * An image's configuration (the config blob), as rules need it. Lists and maps are never null except
 * {@code entrypoint}, {@code cmd} and {@code shell}, which are null when the config does not set them (an empty
 * list when it sets them empty: {@code ENTRYPOINT []}).
 *
 * @param user         {@code config.User}, "" when unset (root)
 * @param exposedPorts keys of {@code ExposedPorts} ("8080/tcp"), sorted
 * @param volumes      keys of {@code Volumes}, sorted
 * @param labels       sorted by key
 * @param healthcheck  null when none
 * @param diffIds      {@code rootfs.diff_ids}
 * @param history      every history entry, empty ones included
 * @param json         the config blob as stored (for rules that search it, e.g. for secrets)
 */
public record ImageConfig(String os, String architecture, String variant, String created, String author,
                          String user, List<String> entrypoint, List<String> cmd, List<String> env,
                          String workingDir, List<String> exposedPorts, List<String> volumes,
                          Map<String, String> labels, Healthcheck healthcheck, String stopSignal,
                          List<String> shell, List<String> onBuild, boolean argsEscaped, List<String> diffIds,
                          List<HistoryEntry> history, String json) {

    public ImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        shell = shell == null ? null : List.copyOf(shell);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        onBuild = List.copyOf(onBuild);
        diffIds = List.copyOf(diffIds);
        history = List.copyOf(history);
    }

    /** The image's platform. */
    public Platform platform() {
        return new Platform(os == null ? "" : os, architecture == null ? "" : architecture,
                variant == null || variant.isEmpty() ? null : variant);
    }

    /** The value of an environment variable ({@code NAME=value} in {@code env}), null when unset. */
    public String envValue(String name) {
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq > 0 && e.substring(0, eq).equals(name)) {
                return e.substring(eq + 1);
            }
        }
        return null;
    }
}
