package io.jlint.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code image} object of jlint's JSON report (DESIGN.md "JSON report"), built from an {@link ImageAnalysis}.
 * Field names and meanings are part of the product contract: add fields, never change one.
 * {@code dive.wastedUserPercent} is null when dive would print +Inf or NaN (no bytes above the first layer).
 */
@JsonPropertyOrder({"format", "tags", "os", "architecture", "variant", "user", "entrypoint", "cmd", "layers",
    "totalSize", "fileBytes", "wastedBytes", "efficiency", "dive", "config", "wastedFiles", "unsafeEntries"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImageSummary(String format, List<String> tags, String os, String architecture, String variant,
                           String user, List<String> entrypoint, List<String> cmd, List<Layer> layers,
                           long totalSize, long fileBytes, long wastedBytes, double efficiency, Dive dive,
                           Config config, List<Wasted> wastedFiles, List<Unsafe> unsafeEntries) {

    /** How many wasted files the summary lists (biggest first). */
    public static final int WASTED_FILES = 20;

    /** One layer. */
    @JsonPropertyOrder({"index", "diffId", "digest", "size", "files", "createdBy", "wastedBytes", "mediaType",
        "compression", "compressedSize", "bytesAdded", "bytesChanged", "bytesRemoved", "created", "comment",
        "estargz"})
    public record Layer(int index, String diffId, String digest, long size, int files, String createdBy,
                        long wastedBytes, String mediaType, String compression, long compressedSize, long bytesAdded,
                        long bytesChanged, long bytesRemoved, String created, String comment, boolean estargz) {
    }

    /** dive's figures. */
    @JsonPropertyOrder({"efficiency", "wastedBytes", "wastedUserPercent", "sizeBytes", "userSizeBytes"})
    public record Dive(double efficiency, long wastedBytes, Double wastedUserPercent, long sizeBytes,
                       long userSizeBytes) {
    }

    /** The rest of the config. */
    @JsonPropertyOrder({"env", "workingDir", "exposedPorts", "volumes", "labels", "healthcheck", "stopSignal",
        "shell", "onBuild", "created"})
    public record Config(List<String> env, String workingDir, List<String> exposedPorts, List<String> volumes,
                         Map<String, String> labels, Healthcheck healthcheck, String stopSignal, List<String> shell,
                         List<String> onBuild, String created) {
    }

    /** A wasted file version. */
    public record Wasted(String path, long size, int layer, int removedBy) {
    }

    /** An entry that climbs out of the root or could not be applied. */
    public record Unsafe(int layer, String name, String kind, String detail) {
    }

    public static ImageSummary of(ImageAnalysis a) {
        ImageConfig c = a.config();
        List<Layer> layers = new ArrayList<>();
        for (LayerInfo l : a.layers()) {
            HistoryEntry h = l.history();
            layers.add(new Layer(l.index(), l.diffId(), l.digest(), l.size(), l.files(), h.createdBy(),
                    l.wastedBytes(), l.mediaType(), l.compression().id(), l.compressedSize(), l.bytesAdded(),
                    l.bytesChanged(), l.bytesRemoved(), h.created(), h.comment(), l.estargz()));
        }
        DiveFigures d = a.dive();
        List<Wasted> wasted = new ArrayList<>();
        for (WastedFile w : a.wastedFiles()) {
            if (wasted.size() == WASTED_FILES) {
                break;
            }
            wasted.add(new Wasted(w.path(), w.size(), w.layer(), w.removedBy()));
        }
        List<Unsafe> unsafe = new ArrayList<>();
        for (UnsafeEntry u : a.unsafeEntries()) {
            unsafe.add(new Unsafe(u.layer(), u.name(), u.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), u.detail()));
        }
        return new ImageSummary(a.format(), a.image().tags(), c.os(), c.architecture(), c.variant(), c.user(),
                c.entrypoint(), c.cmd(), layers, a.totalSize(), a.fileBytes(), a.wastedBytes(), a.efficiency(),
                new Dive(d.efficiency(), d.wastedBytes(), d.wastedUserPercent(), d.sizeBytes(), d.userSizeBytes()),
                new Config(c.env(), c.workingDir(), c.exposedPorts(), c.volumes(), c.labels(), c.healthcheck(),
                        c.stopSignal(), c.shell(), c.onBuild(), c.created()),
                wasted, unsafe);
    }
}
