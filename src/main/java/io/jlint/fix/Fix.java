package io.jlint.fix;

import java.util.List;

/** A behaviour-preserving rewrite that resolves one finding: a description and non-overlapping edits. */
public record Fix(String description, List<Edit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }
}
