package io.jlint.report;

import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Small helpers the formats share: how to name an image location, and stable finding fingerprints. */
final class Where {
    private Where() {
    }

    /** The span of a source finding, or null for an image finding. */
    static Span span(Finding f) {
        return f.location() instanceof Location.Source s ? s.span() : null;
    }

    /** "layer 2: /etc/shadow", "layer 2", "/etc/shadow" or "image config". */
    static String image(Location.InImage loc) {
        if (loc.layer() == null && loc.file() == null) {
            return "image config";
        }
        if (loc.layer() == null) {
            return loc.file();
        }
        return "layer " + loc.layer() + (loc.file() == null ? "" : ": " + loc.file());
    }

    /** "3:1" for a source finding, the image location otherwise. */
    static String position(Finding f) {
        Span s = span(f);
        return s != null ? s.startLine() + ":" + s.startColumn() : image((Location.InImage) f.location());
    }

    /**
     * Fingerprints that stay the same when unrelated lines move: a hash of the path, the rule and the text the
     * finding points at (whitespace-normalised; the layer, file and message for image findings), plus a counter
     * that tells identical findings in one file apart.
     */
    static final class Fingerprints {
        private final Map<String, Integer> seen = new HashMap<>();

        String of(Result result, Finding f) {
            String subject;
            Span s = span(f);
            if (s != null && result.source() != null && s.endOffset() <= result.source().length()
                    && s.startOffset() <= s.endOffset()) {
                subject = result.source().substring(s.startOffset(), s.endOffset()).strip().replaceAll("\\s+", " ");
            } else if (s != null) {
                subject = f.message();
            } else {
                subject = image((Location.InImage) f.location()) + "\0" + f.message();
            }
            String key = result.path() + "\0" + f.rule() + "\0" + subject;
            int n = seen.merge(key, 1, Integer::sum);
            return sha256(key + "\0" + n);
        }

        private static String sha256(String s) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
