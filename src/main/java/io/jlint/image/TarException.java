package io.jlint.image;

import java.io.IOException;

/** A tar stream is malformed or truncated; the message says where. */
public final class TarException extends IOException {
    private static final long serialVersionUID = 1L;

    public TarException(String message) {
        super(message);
    }
}
