package io.jlint.dockerfile.model;

import java.util.Locale;

/** Every instruction BuildKit knows. */
public enum InstructionKind {
    FROM, RUN, CMD, ENTRYPOINT, COPY, ADD, ENV, ARG, LABEL, EXPOSE, USER, WORKDIR, VOLUME, SHELL, HEALTHCHECK,
    STOPSIGNAL, ONBUILD, MAINTAINER;

    /** The kind for a keyword in any case, or null when BuildKit does not know it. */
    public static InstructionKind of(String keyword) {
        try {
            return valueOf(keyword.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
