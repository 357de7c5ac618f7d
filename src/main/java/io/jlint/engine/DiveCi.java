package io.jlint.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dive's CI thresholds, read from a {@code .dive-ci} file so that a pipeline that used {@code dive --ci} can switch
 * to jlint without rewriting them:
 *
 * <pre>
 * rules:
 *   lowestEfficiency: 0.95          # fail when dive's efficiency is below this
 *   highestWastedBytes: 20MB        # fail when dive's wasted bytes are above this (B, KB, MB, GB, KiB, …)
 *   highestUserWastedPercent: 0.20  # fail when dive's wasted bytes / user-layer bytes is above this
 * </pre>
 *
 * Any value may be {@code disabled}. As in dive, a key the file leaves out takes dive's default: 0.9, disabled and
 * 0.1. The thresholds compare dive's own figures (the {@code dive} object of the JSON report), exactly as dive
 * does: {@code efficiency < lowestEfficiency}, {@code wasted > highestWastedBytes},
 * {@code wastedUserPercent > highestUserWastedPercent}.
 *
 * @param file                     the file as the user would name it
 * @param lowestEfficiency         null when disabled
 * @param highestWastedBytes       null when disabled
 * @param highestUserWastedPercent null when disabled
 */
public record DiveCi(String file, Double lowestEfficiency, Long highestWastedBytes,
                     Double highestUserWastedPercent) {

    /** The file name dive reads by default. */
    public static final String NAME = ".dive-ci";

    /** dive's defaults for keys a {@code .dive-ci} leaves out. */
    public static final double DEFAULT_LOWEST_EFFICIENCY = 0.9;
    public static final double DEFAULT_HIGHEST_USER_WASTED_PERCENT = 0.1;

    private static final List<String> KEYS = List.of("lowestEfficiency", "highestWastedBytes",
            "highestUserWastedPercent");

    /**
     * The {@code .dive-ci} that applies to an image archive: the one next to it, else the one in the working
     * folder; null when there is none.
     *
     * @throws InputException when the file is not a valid dive CI configuration
     */
    public static DiveCi find(Path archive) {
        Path abs = archive.toAbsolutePath().normalize();
        for (Path d : new Path[] {abs.getParent(), Path.of("").toAbsolutePath()}) {
            if (d == null) {
                continue;
            }
            Path f = d.resolve(NAME);
            if (Files.isRegularFile(f)) {
                return load(f);
            }
        }
        return null;
    }

    /** Reads and parses one file. */
    public static DiveCi load(Path file) {
        String name = ConfigLoader.display(file);
        try {
            return parse(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InputException(name, "cannot read dive CI file: " + e.getMessage());
        }
    }

    /** Parses {@code .dive-ci} text; {@code name} is used in error messages. */
    public static DiveCi parse(String name, byte[] bytes) {
        try (JsonParser p = new YAMLFactory().createParser(bytes)) {
            Double eff = DEFAULT_LOWEST_EFFICIENCY;
            Long wasted = null;
            Double user = DEFAULT_HIGHEST_USER_WASTED_PERCENT;
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                return new DiveCi(name, eff, wasted, user);
            }
            if (t != JsonToken.START_OBJECT) {
                throw error(name, p, "expected a mapping with a 'rules' key");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (!key.equals("rules")) {
                    p.skipChildren();   // dive ignores other keys too
                    continue;
                }
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw error(name, p, "'rules' must be a mapping of lowestEfficiency, highestWastedBytes, "
                            + "highestUserWastedPercent");
                }
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String rule = p.currentName();
                    if (!KEYS.contains(rule)) {
                        throw error(name, p, "unknown rule '" + rule + "' (known: " + String.join(", ", KEYS) + ")");
                    }
                    if (!seen.add(rule)) {
                        throw error(name, p, "duplicate rule '" + rule + "'");
                    }
                    p.nextToken();
                    String text = scalar(p);
                    boolean disabled = text != null && text.trim().equalsIgnoreCase("disabled");
                    switch (rule) {
                        case "lowestEfficiency" -> eff = disabled ? null : fraction(name, p, text);
                        case "highestUserWastedPercent" -> user = disabled ? null : fraction(name, p, text);
                        case "highestWastedBytes" -> wasted = disabled ? null : bytes(name, p, text);
                        default -> throw new IllegalStateException(rule);
                    }
                }
            }
            return new DiveCi(name, eff, wasted, user);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(name, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "invalid YAML: " + e.getOriginalMessage().strip().lines().findFirst().orElse("syntax error"));
        } catch (IOException e) {
            throw new InputException(name, "cannot read dive CI file: " + e.getMessage());
        }
    }

    private static String scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : null;
    }

    private static Double fraction(String name, JsonParser p, String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(name, p, "expected a ratio from 0 to 1 (e.g. 0.9) or disabled, found " + describe(text));
    }

    private static Long bytes(String name, JsonParser p, String text) {
        Long v = text == null ? null : ConfigYaml.parseSize(text);
        if (v == null || v < 0) {
            throw error(name, p, "expected a size such as 20MB, 1GiB or 500000, or disabled, found "
                    + describe(text));
        }
        return v;
    }

    private static String describe(String text) {
        return text == null ? "nothing" : "'" + text + "'";
    }

    private static InputException error(String name, JsonParser p, String message) {
        JsonLocation loc = p.currentTokenLocation();
        return new InputException(name, loc.getLineNr(), loc.getColumnNr(), message);
    }
}
