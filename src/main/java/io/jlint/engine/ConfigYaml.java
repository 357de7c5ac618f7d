package io.jlint.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .jlint.yaml} syntax: a hand-written walk over Jackson's YAML token stream, so that every mistake is
 * reported with its line and column in plain words. Kept apart from {@link ConfigLoader} so that a run without a
 * config file never loads a YAML or JSON library.
 */
final class ConfigYaml {
    private ConfigYaml() {
    }

    private static final List<String> KEYS = List.of("ignore", "severity", "failOn", "target", "trustedRegistries",
            "requiredLabels", "image");
    private static final List<String> IMAGE_KEYS = List.of("lowestEfficiency", "highestWastedBytes",
            "highestUserWastedPercent", "maxLayerBytes");

    /** Parses config text; {@code name} is used in error messages. */
    static Config parse(RuleCatalogue catalogue, String name, byte[] bytes) {
        try (JsonParser p = new YAMLFactory().createParser(bytes)) {
            return new Reader(catalogue, name, p).read();
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
    private static final class Reader {
        private final RuleCatalogue catalogue;
        private final String name;
        private final JsonParser p;

        Reader(RuleCatalogue catalogue, String name, JsonParser p) {
            this.catalogue = catalogue;
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
