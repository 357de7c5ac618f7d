package io.jlint.image;

import io.jlint.engine.DiveCi;
import java.util.List;

/**
 * What image rules check (their subject type): the analysis, the history read as build steps, what the content
 * sniffer found in small files, and the {@code .dive-ci} thresholds that apply, if any.
 *
 * @param analysis the analysis (layers, entries, merged tree, figures)
 * @param history  the history as build steps, with the base image boundary
 * @param sniffed  private keys and credential-file candidates found while the layers streamed past
 * @param diveCi   the {@code .dive-ci} next to the archive or in the working folder; null when none
 */
public record ImageModel(ImageAnalysis analysis, BuildHistory history, List<SniffedFile> sniffed, DiveCi diveCi) {

    public ImageModel {
        sniffed = List.copyOf(sniffed);
    }

    /** The history of an analysed image as build steps. */
    public static BuildHistory history(ImageAnalysis analysis) {
        return BuildHistory.of(analysis.config().history(), analysis.layers().size());
    }

    public ImageConfig config() {
        return analysis.config();
    }

    public List<LayerInfo> layers() {
        return analysis.layers();
    }

    /** Layer {@code i}'s tar entries, in order (metadata only). */
    public LayerEntries entries(int i) {
        return analysis.entries().get(i);
    }

    public FileTree tree() {
        return analysis.tree();
    }
}
