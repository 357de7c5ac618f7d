package io.jlint.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.jlint.engine.InputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Translates a config blob (Docker image JSON / OCI image config) into {@link ImageConfig}. */
final class Configs {
    private Configs() {
    }

    static ImageConfig parse(JsonNode root, byte[] raw, String archive, String name) {
        if (!root.isObject()) {
            throw new InputException(archive, "config " + name + " is not a JSON object");
        }
        JsonNode c = root.path("config");
        JsonNode rootfs = root.path("rootfs");
        List<String> diffIds = new ArrayList<>();
        for (JsonNode d : rootfs.path("diff_ids")) {
            String s = d.asText("");
            if (!s.startsWith("sha256:") || s.length() != 71) {
                throw new InputException(archive, "config " + name + ": rootfs.diff_ids holds '" + s
                        + "', not a sha256 digest");
            }
            diffIds.add(s);
        }
        if (!rootfs.path("diff_ids").isArray()) {
            throw new InputException(archive, "config " + name + " has no rootfs.diff_ids");
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            history.add(new HistoryEntry(text(h, "created"), h.path("created_by").asText(""), text(h, "comment"),
                    text(h, "author"), h.path("empty_layer").asBoolean(false), false));
        }
        Healthcheck hc = null;
        JsonNode h = c.path("Healthcheck");
        if (h.isObject()) {
            hc = new Healthcheck(strings(h.path("Test")), h.path("Interval").asLong(0), h.path("Timeout").asLong(0),
                    h.path("StartPeriod").asLong(0), h.path("StartInterval").asLong(0), h.path("Retries").asInt(0));
        }
        Map<String, String> labels = new HashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText("")));
        return new ImageConfig(text(root, "os"), text(root, "architecture"), text(root, "variant"),
                text(root, "created"), text(root, "author"), c.path("User").asText(""), optStrings(c, "Entrypoint"),
                optStrings(c, "Cmd"), strings(c.path("Env")), c.path("WorkingDir").asText(""),
                keys(c.path("ExposedPorts")), keys(c.path("Volumes")), labels, hc, text(c, "StopSignal"),
                optStrings(c, "Shell"), strings(c.path("OnBuild")), c.path("ArgsEscaped").asBoolean(false),
                diffIds, history, new String(raw, StandardCharsets.UTF_8));
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> l = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode s : n) {
                l.add(s.asText());
            }
        } else if (n.isTextual()) {
            l.add(n.asText());
        }
        return l;
    }

    private static List<String> optStrings(JsonNode c, String f) {
        JsonNode v = c.get(f);
        return v == null || v.isNull() ? null : strings(v);
    }

    private static List<String> keys(JsonNode n) {
        TreeSet<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return new ArrayList<>(s);
    }
}
