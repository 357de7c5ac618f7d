package io.jlint.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON documents of a written image: the config (the input's, field for field, with {@code rootfs} and
 * {@code history} rewritten), the OCI manifest and index, and {@code docker save}'s {@code manifest.json}. Written
 * compactly, fields in a fixed order: the same input and options give the same bytes.
 */
final class OutputDocuments {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A blob as a manifest lists it. */
    record Descriptor(String mediaType, String digest, long size) {
    }

    private OutputDocuments() {
    }

    /** The media type of a layer blob compressed with {@code c}. */
    static String layerMediaType(Compression c) {
        return switch (c) {
            case NONE -> "application/vnd.oci.image.layer.v1.tar";
            case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
            case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
            default -> null;
        };
    }

    static ObjectNode parseConfig(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the config was read once already", e);
        }
    }

    /** RFC 3339 (UTC, seconds) of a SOURCE_DATE_EPOCH value. */
    static String rfc3339(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }

    /** Sets {@code rootfs.diff_ids} (keeping the rest of {@code rootfs}), {@code history} and maybe {@code created}. */
    static byte[] config(ObjectNode config, List<String> diffIds, ArrayNode history, Long sourceDateEpoch) {
        ObjectNode c = config.deepCopy();
        JsonNode rf = c.get("rootfs");
        ObjectNode rootfs = rf instanceof ObjectNode o ? o : c.putObject("rootfs");
        if (!rootfs.has("type")) {
            rootfs.put("type", "layers");
        }
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        if (history != null) {
            c.set("history", history);
        }
        if (sourceDateEpoch != null) {
            c.put("created", rfc3339(sourceDateEpoch));
        }
        return bytes(c);
    }

    /** The history entries of the input's config (objects; anything else is dropped). */
    static List<ObjectNode> history(ObjectNode config) {
        List<ObjectNode> l = new ArrayList<>();
        for (JsonNode h : config.path("history")) {
            if (h instanceof ObjectNode o) {
                l.add(o.deepCopy());
            }
        }
        return l;
    }

    static boolean empty(ObjectNode h) {
        return h.path("empty_layer").asBoolean(false);
    }

    static byte[] manifest(Descriptor config, List<Descriptor> layers) {
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", OCI_MANIFEST);
        m.set("config", descriptor(config));
        ArrayNode ls = m.putArray("layers");
        for (Descriptor d : layers) {
            ls.add(descriptor(d));
        }
        return bytes(m);
    }

    private static ObjectNode descriptor(Descriptor d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("mediaType", d.mediaType());
        o.put("digest", d.digest());
        o.put("size", d.size());
        return o;
    }

    /**
     * index.json: one descriptor per name with {@code io.containerd.image.name} (the full name) and
     * {@code org.opencontainers.image.ref.name} (the tag, as OCI layout tools address images: {@code DIR:TAG}); one
     * descriptor without annotations when there is no name.
     */
    static byte[] index(Descriptor manifest, List<String> tags) {
        ObjectNode idx = JSON.createObjectNode();
        idx.put("schemaVersion", 2);
        idx.put("mediaType", OCI_INDEX);
        ArrayNode ms = idx.putArray("manifests");
        List<String> refs = new ArrayList<>();
        for (String t : tags) {
            String ref = t.substring(t.lastIndexOf(':') + 1);
            if (refs.contains(ref)) {
                continue;           // one image per ref.name: tools look images up by it
            }
            refs.add(ref);
            ObjectNode d = descriptor(manifest);
            ObjectNode a = d.putObject("annotations");
            a.put("io.containerd.image.name", fullName(t));
            a.put("org.opencontainers.image.ref.name", ref);
            ms.add(d);
        }
        if (ms.isEmpty()) {
            ms.add(descriptor(manifest));
        }
        return bytes(idx);
    }

    /** {@code docker save}'s manifest.json. */
    static byte[] dockerManifest(String configDigest, List<String> layerDigests, List<String> tags) {
        ArrayNode arr = JSON.createArrayNode();
        ObjectNode m = arr.addObject();
        m.put("Config", "blobs/sha256/" + ImageOutput.hex(configDigest));
        ArrayNode rt = m.putArray("RepoTags");
        tags.forEach(rt::add);
        ArrayNode ls = m.putArray("Layers");
        for (String d : layerDigests) {
            ls.add("blobs/sha256/" + ImageOutput.hex(d));
        }
        return bytes(arr);
    }

    static byte[] ociLayout() {
        return "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A name as containerd spells it: registry and namespace made explicit ({@code docker.io/library/x:1}). */
    static String fullName(String tag) {
        int slash = tag.indexOf('/');
        String first = slash < 0 ? "" : tag.substring(0, slash);
        if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            return tag;
        }
        return "docker.io/" + (slash < 0 ? "library/" : "") + tag;
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
