package io.jlint.image;

import java.util.List;

/**
 * The config's {@code Healthcheck} (durations in nanoseconds as in the config; 0 = inherit the default).
 *
 * @param test e.g. {@code ["CMD", "/bin/true"]}, {@code ["CMD-SHELL", "curl …"]} or {@code ["NONE"]}
 */
public record Healthcheck(List<String> test, long interval, long timeout, long startPeriod, long startInterval,
                          int retries) {
    public Healthcheck {
        test = test == null ? List.of() : List.copyOf(test);
    }
}
