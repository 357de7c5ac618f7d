package io.jlint.engine;

import io.jlint.dockerfile.model.Span;

/** Where a finding is: a source span in a Dockerfile, or a layer and/or file in an image. */
public sealed interface Location permits Location.Source, Location.InImage {

    /** A Dockerfile region; the span points at the instruction (or part of it) the user must change. */
    record Source(Span span) implements Location {
    }

    /**
     * An image finding; {@code layer} is the 0-based layer index or null (config-level), {@code file} the absolute
     * path in the image or null.
     */
    record InImage(Integer layer, String file) implements Location {
    }
}
