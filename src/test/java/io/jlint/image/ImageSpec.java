package io.jlint.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A tiny image described in YAML (the test data of image rules, and the examples of their docs), built with
 * {@link TestImages} into any layout. The format:
 *
 * <pre>
 * config: {User: "", Cmd: [node, server.js], Env: [PATH=/usr/bin]}   # the config object (default: Env only)
 * steps:                                  # history, bottom first; every step without empty: true is a layer
 *   - createdBy: import of rootfs         # the history text, as written
 *     files:
 *       - {dir: etc}
 *       - {file: etc/os-release, text: "ID=debian\n"}
 *       - {file: var/lib/apt/lists/x_Packages.lz4, size: 200000, mode: "0644"}
 *       - {symlink: bin, target: usr/bin}
 *       - {hardlink: usr/bin/b, target: usr/bin/a}
 *       - {whiteout: usr/bin/less}
 *       - {opaque: opt/tool}
 *   - {cmd: '["bash"]'}                   # shortcut: empty step /bin/sh -c #(nop)  CMD ["bash"]
 *   - run: apt-get update                 # shortcut: createdBy /bin/sh -c apt-get update
 *     comment: FROM debian:bookworm       # history comment
 *     files: [...]
 * jlint: {image: {lowestEfficiency: 0.9}} # a .jlint.yaml for this image (optional)
 * diveCi: {rules: {lowestEfficiency: 0.95}}   # a .dive-ci next to the archive (optional)
 * expect:                                 # every finding of every image rule (test data only)
 *   - {rule: JL1301, layer: 1, file: /var/lib/apt/lists/, message: apt package lists}
 * </pre>
 */
public final class ImageSpec {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** An expected finding: rule, layer (null: config level), file (null: none), message substring (optional). */
    public record Expected(String rule, Integer layer, String file, String message) {
        @Override
        public String toString() {
            return rule + " at " + (layer == null ? "config" : "layer " + layer) + (file == null ? "" : " " + file)
                    + (message == null ? "" : " \"" + message + "\"");
        }
    }

    /** The two layouts every spec is checked in (docker-archive with plain layers, OCI tar with gzip layers). */
    public enum Format {
        DOCKER_ARCHIVE, OCI_ARCHIVE
    }

    private final String name;
    private final JsonNode root;

    private ImageSpec(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    public static ImageSpec read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file));
    }

    public static ImageSpec parse(String name, String yaml) {
        try {
            JsonNode n = YAML.readTree(yaml);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(name + ": an image spec is a YAML mapping");
            }
            return new ImageSpec(name, n);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** The {@code jlint:} mapping as .jlint.yaml text, or null. */
    public String jlintYaml() {
        return text(root.get("jlint"));
    }

    /** The {@code diveCi:} mapping as .dive-ci text, or null. */
    public String diveCiYaml() {
        return text(root.get("diveCi"));
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return YAML.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        JsonNode e = root.get("expect");
        if (e != null) {
            for (JsonNode x : e) {
                out.add(new Expected(x.path("rule").asText(), x.hasNonNull("layer") ? x.get("layer").asInt() : null,
                        x.hasNonNull("file") ? x.get("file").asText() : null,
                        x.hasNonNull("message") ? x.get("message").asText() : null));
            }
        }
        return out;
    }

    /** Writes the image into {@code dir} (as {@code image.tar}) in {@code format}; returns the archive's path. */
    public Path write(Path dir, Format format) {
        TestImages.Image img = build();
        Path out = dir.resolve("image.tar");
        if (format == Format.OCI_ARCHIVE) {
            img.compression(TestImages.LayerCompression.GZIP);
        }
        TestImages.write(img, format == Format.OCI_ARCHIVE ? TestImages.Layout.OCI_TAR
                : TestImages.Layout.DOCKER_LEGACY, out);
        try {
            String dive = diveCiYaml();
            if (dive != null) {
                Files.writeString(dir.resolve(".dive-ci"), dive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    TestImages.Image build() {
        TestImages.Image img = TestImages.image();
        JsonNode tags = root.get("tags");
        if (tags != null) {
            tags.forEach(t -> img.tag(t.asText()));
        }
        if (root.hasNonNull("os")) {
            img.platform(root.get("os").asText(), root.path("architecture").asText("amd64"));
        }
        ArrayNode history = TestImages.JSON.createArrayNode();
        JsonNode steps = root.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            throw new IllegalArgumentException(name + ": 'steps' must list at least one step");
        }
        for (JsonNode s : steps) {
            ObjectNode h = history.addObject();
            h.put("created", "2023-11-14T22:13:20Z");
            h.put("created_by", createdBy(s));
            if (s.hasNonNull("comment")) {
                h.put("comment", s.get("comment").asText());
            }
            boolean empty = s.path("empty").asBoolean(s.has("cmd") || s.has("entrypoint") || s.has("env")
                    || s.has("user") || s.has("arg"));
            if (empty) {
                h.put("empty_layer", true);
                continue;
            }
            TestImages.Layer l = TestImages.layer().createdBy(createdBy(s));
            for (JsonNode f : s.path("files")) {
                file(l, f);
            }
            img.layer(l);
        }
        JsonNode config = root.get("config");
        img.config(c -> {
            c.removeAll();
            if (config != null && config.isObject()) {
                c.setAll((ObjectNode) config.deepCopy());
            } else {
                c.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            }
        });
        img.root(r -> r.set("history", history));
        return img;
    }

    private String createdBy(JsonNode s) {
        if (s.hasNonNull("createdBy")) {
            return s.get("createdBy").asText();
        }
        if (s.hasNonNull("run")) {
            return "/bin/sh -c " + s.get("run").asText();
        }
        for (String k : List.of("copy", "add", "cmd", "entrypoint", "env", "user", "arg", "workdir")) {
            if (s.hasNonNull(k)) {
                return "/bin/sh -c #(nop) " + (k.equals("copy") || k.equals("add") || k.equals("workdir") ? "" : " ")
                        + k.toUpperCase(java.util.Locale.ROOT) + " " + s.get(k).asText();
            }
        }
        throw new IllegalArgumentException(name + ": a step needs createdBy, run, copy, add, cmd, entrypoint, env,"
                + " user, arg or workdir: " + s);
    }

    private void file(TestImages.Layer l, JsonNode f) {
        int mode = f.hasNonNull("mode") ? Integer.parseInt(f.get("mode").asText(), 8) : -1;
        if (f.hasNonNull("dir")) {
            l.dir(f.get("dir").asText(), mode < 0 ? 0755 : mode);
        } else if (f.hasNonNull("file")) {
            byte[] content = f.hasNonNull("text") ? f.get("text").asText().getBytes(StandardCharsets.UTF_8)
                    : TestImages.bytes(f.path("size").asInt(0), f.get("file").asText().hashCode());
            l.file(f.get("file").asText(), content, mode < 0 ? 0644 : mode);
        } else if (f.hasNonNull("symlink")) {
            l.symlink(f.get("symlink").asText(), f.path("target").asText());
        } else if (f.hasNonNull("hardlink")) {
            l.hardlink(f.get("hardlink").asText(), f.path("target").asText());
        } else if (f.hasNonNull("whiteout")) {
            l.whiteout(f.get("whiteout").asText());
        } else if (f.hasNonNull("opaque")) {
            l.opaque(f.get("opaque").asText());
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = f.fields();
            throw new IllegalArgumentException(name + ": unknown file entry " + (it.hasNext() ? it.next().getKey()
                    : f) + " (dir, file, symlink, hardlink, whiteout, opaque)");
        }
    }
}
