package io.jlint.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .jlint.yaml} (or {@code .jlint.yml}): found from a linted file's folder upwards to the file-system
 * root, or named with {@code --config}. Lookups and parsed files are cached, so linting many files in one tree
 * reads each config once. Every mistake in a config file (bad YAML, unknown key, wrong type, unknown rule id,
 * unknown severity) is an {@link InputException} with the file, line and column.
 *
 * <pre>
 * ignore: [JL901, maintainer-deprecated]     # rule ids or names
 * severity: {JL901: error}                   # error | warning | info | style
 * failOn: warning                            # error | warning | info | style | none
 * target: runtime                            # the stage that is built
 * trustedRegistries: [docker.io, ghcr.io]
 * requiredLabels: [org.opencontainers.image.source]
 * image: {lowestEfficiency: 0.9, highestWastedBytes: 20MB, highestUserWastedPercent: 0.1, maxLayerBytes: 8GiB}
 * </pre>
 */
public final class ConfigLoader {

    /** Config file names, in lookup order within one folder. */
    public static final List<String> NAMES = List.of(".jlint.yaml", ".jlint.yml");

    private static final List<String> KEYS = List.of("ignore", "severity", "failOn", "target", "trustedRegistries",
            "requiredLabels", "image");
    private static final List<String> IMAGE_KEYS = List.of("lowestEfficiency", "highestWastedBytes",
            "highestUserWastedPercent", "maxLayerBytes");

    private final RuleCatalogue catalogue;
    private final Path explicit;
    private final Map<Path, Path> found = new HashMap<>();
    private final Map<Path, Config> loaded = new HashMap<>();
    private YAMLFactory yaml;

    /**
     * @param catalogue the rules ids are checked against
     * @param explicit  the {@code --config} file, or null to look up {@code .jlint.yaml} per linted file
     */
    public ConfigLoader(RuleCatalogue catalogue, Path explicit) {
        this.catalogue = catalogue;
        this.explicit = explicit;
    }

    /**
     * The configuration for a linted file: the {@code --config} file, else the nearest {@code .jlint.yaml} in
     * the file's folder or above, else the defaults.
     *
     * @param lintedFile the linted file (or, for standard input, null: the lookup starts in the working folder)
     */
    public Config configFor(Path lintedFile) {
        Path file = explicit != null ? explicit : find(folderOf(lintedFile));
        return file == null ? Config.defaults() : load(file);
    }

    /** The config file that applies to files in {@code dir}, or null. */
    public Path find(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> visited = new ArrayList<>();
        Path result = null;
        for (Path d = abs; d != null; d = d.getParent()) {
            if (found.containsKey(d)) {
                result = found.get(d);
                break;
            }
            visited.add(d);
            Path hit = null;
            for (String name : NAMES) {
                Path candidate = d.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    hit = candidate;
                    break;
                }
            }
            if (hit != null) {
                result = hit;
                break;
            }
        }
        for (Path d : visited) {
            found.put(d, result);
        }
        return result;
    }

    private static Path folderOf(Path lintedFile) {
        if (lintedFile == null) {
            return Path.of("").toAbsolutePath();
        }
        Path parent = lintedFile.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : lintedFile.toAbsolutePath().getRoot();
    }

    /** Parses one config file (cached). */
    public Config load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Config c = loaded.get(key);
        if (c == null) {
            c = parse(display(file), readFile(file));
            loaded.put(key, c);
        }
        return c;
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(display(file), "config file not found");
        } catch (IOException e) {
            throw new InputException(display(file), "cannot read config file: " + e.getMessage());
        }
    }

    /** The path as the user would name it: relative to the working folder when inside it. */
    static String display(Path file) {
        if (!file.isAbsolute()) {
            return file.toString();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** Parses config text; {@code name} is used in error messages. */
    public Config parse(String name, byte[] bytes) {
        if (yaml == null) {
            yaml = new YAMLFactory();
        }
        try (JsonParser p = yaml.createParser(bytes)) {
            return new Reader(name, p).read();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(name, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "invalid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(name, "cannot read config file: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** A hand-written reader over the token stream: exact positions and plain messages for every mistake. */
    private final class Reader {
        private final String name;
        private final JsonParser p;

        Reader(String name, JsonParser p) {
            this.name = name;
            this.p = p;
        }

        Config read() throws IOException {
            Config d = Config.defaults();
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                return d;
            }
            if (t != JsonToken.START_OBJECT) {
                throw error("expected a mapping of settings (ignore, severity, failOn, …)");
            }
            Set<String> ignored = new LinkedHashSet<>();
            Map<String, Severity> severities = new LinkedHashMap<>();
            Severity failOn = d.failOn();
            String target = null;
            List<String> trusted = List.of();
            List<String> labels = List.of();
            Config.ImageThresholds image = d.image();
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = key(seen, KEYS, "");
                p.nextToken();
                switch (key) {
                    case "ignore" -> {
                        for (Positioned id : stringList()) {
                            ignored.add(ruleId(id));
                        }
                    }
                    case "severity" -> severities.putAll(severityMap());
                    case "failOn" -> failOn = failOn();
                    case "target" -> target = target();
                    case "trustedRegistries" -> trusted = stringList().stream().map(Positioned::value).toList();
                    case "requiredLabels" -> labels = stringList().stream().map(Positioned::value).toList();
                    case "image" -> image = image(d.image());
                    default -> throw new IllegalStateException(key);
                }
            }
            if (p.nextToken() != null) {
                throw error("more than one YAML document; put all settings in one");
            }
            return new Config(ignored, severities, failOn, target, trusted, labels, image);
        }

        private String key(Set<String> seen, List<String> known, String prefix) throws IOException {
            String key = p.currentName();
            if (!known.contains(key)) {
                throw error("unknown key '" + prefix + key + "' (known: " + String.join(", ", known) + ")");
            }
            if (!seen.add(key)) {
                throw error("duplicate key '" + prefix + key + "'");
            }
            return key;
        }

        private record Positioned(String value, JsonLocation location) {
        }

        private List<Positioned> stringList() throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error("expected a list, e.g. [a, b], found " + describe());
            }
            List<Positioned> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(new Positioned(string(), p.currentTokenLocation()));
            }
            return out;
        }

        private String string() throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                throw error("expected a non-empty string, found " + describe());
            }
            return p.getText().trim();
        }

        private String ruleId(Positioned id) {
            RuleInfo info = catalogue.info(id.value());
            if (info == null) {
                throw error(id.location(), "unknown rule id '" + id.value() + "' (see 'jlint rules')");
            }
            return info.id();
        }

        private Map<String, Severity> severityMap() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error("expected a mapping of rule id to level, e.g. {JL901: error}, found " + describe());
            }
            Map<String, Severity> out = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = ruleId(new Positioned(p.currentName(), p.currentTokenLocation()));
                p.nextToken();
                Severity s = Severity.parse(p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null);
                if (s == null) {
                    throw error("expected a severity (error, warning, info, style), found " + describe());
                }
                out.put(id, s);
            }
            return out;
        }

        private Severity failOn() throws IOException {
            String v = p.currentToken() == JsonToken.VALUE_STRING ? p.getText().trim() : null;
            if (v != null && v.equalsIgnoreCase("none")) {
                return null;
            }
            Severity s = Severity.parse(v);
            if (s == null) {
                throw error("expected error, warning, info, style or none, found " + describe());
            }
            return s;
        }

        private String target() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getText();
            }
            return string();
        }

        private Config.ImageThresholds image(Config.ImageThresholds d) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error("expected a mapping of image thresholds, found " + describe());
            }
            Double lowestEfficiency = d.lowestEfficiency();
            Long highestWastedBytes = d.highestWastedBytes();
            Double highestUserWastedPercent = d.highestUserWastedPercent();
            long maxLayerBytes = d.maxLayerBytes();
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = key(seen, IMAGE_KEYS, "image.");
                p.nextToken();
                switch (key) {
                    case "lowestEfficiency" -> lowestEfficiency = fraction();
                    case "highestWastedBytes" -> highestWastedBytes = bytes(true);
                    case "highestUserWastedPercent" -> highestUserWastedPercent = fraction();
                    case "maxLayerBytes" -> maxLayerBytes = bytes(false);
                    default -> throw new IllegalStateException(key);
                }
            }
            return new Config.ImageThresholds(lowestEfficiency, highestWastedBytes, highestUserWastedPercent,
                    maxLayerBytes);
        }

        /** A number from 0 to 1, or {@code disabled} (as dive's .dive-ci allows): null. */
        private Double fraction() throws IOException {
            if (isDisabled()) {
                return null;
            }
            if (p.currentToken().isNumeric()) {
                double v = p.getDoubleValue();
                if (v >= 0 && v <= 1) {
                    return v;
                }
            }
            throw error("expected a fraction from 0 to 1 (e.g. 0.9) or disabled, found " + describe());
        }

        /** A byte count: an integer or a size such as 20MB, 1.5GiB (dive's notation); {@code disabled}: null. */
        private Long bytes(boolean mayDisable) throws IOException {
            if (mayDisable && isDisabled()) {
                return null;
            }
            Long v = null;
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                v = p.getLongValue();
            } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                v = parseSize(p.getText());
            }
            if (v == null || v < (mayDisable ? 0 : 1)) {
                throw error("expected a byte count such as 20000000, 20MB or 1GiB"
                        + (mayDisable ? " or disabled" : "") + ", found " + describe());
            }
            return v;
        }

        private boolean isDisabled() throws IOException {
            return p.currentToken() == JsonToken.VALUE_STRING && p.getText().trim().equalsIgnoreCase("disabled");
        }

        private String describe() throws IOException {
            JsonToken t = p.currentToken();
            if (t == null) {
                return "the end of the file";
            }
            return switch (t) {
                case START_OBJECT -> "a mapping";
                case START_ARRAY -> "a list";
                case VALUE_NULL -> "nothing";
                case VALUE_STRING -> "'" + p.getText() + "'";
                default -> p.getText();
            };
        }

        private InputException error(String message) {
            return error(p.currentTokenLocation(), message);
        }

        private InputException error(JsonLocation loc, String message) {
            return new InputException(name, loc.getLineNr(), loc.getColumnNr(), message);
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(i)?)?b?",
            Pattern.CASE_INSENSITIVE);

    /** 20MB = 20·10⁶, 20MiB = 20·2²⁰, 512 = 512 bytes; null when not a size. */
    static Long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int power = m.group(2) == null ? 0 : "kmgt".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
        double v = Double.parseDouble(m.group(1)) * Math.pow(m.group(3) != null ? 1024 : 1000, power);
        return v >= Long.MAX_VALUE ? null : (long) v;
    }
}
