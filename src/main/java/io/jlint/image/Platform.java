package io.jlint.image;

import io.jlint.engine.InputException;
import java.util.Locale;

/**
 * An image platform: {@code os/architecture[/variant]}.
 *
 * @param variant null when not given
 */
public record Platform(String os, String architecture, String variant) {

    /** Parses {@code os/arch[/variant]}; null for null. */
    public static Platform parse(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.trim().split("/");
        if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
            throw new InputException(null, "--platform " + s + ": expected os/arch or os/arch/variant, e.g. linux/amd64");
        }
        return new Platform(p[0], p[1], p.length == 3 ? p[2] : null);
    }

    /** The platform of the machine jlint runs on (linux/amd64 on x86_64, linux/arm64 on aarch64). */
    public static Platform host() {
        String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
        String a = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "arm" -> "arm";
            default -> arch;
        };
        return new Platform("linux", a, null);
    }

    /**
     * True when {@code other} (an image's platform) satisfies this wanted platform: same os and architecture, and
     * the same variant when this one names a variant (arm64's "v8" is the default and matches none).
     */
    public boolean matches(Platform other) {
        if (other == null || !os.equals(other.os) || !architecture.equals(other.architecture)) {
            return false;
        }
        if (variant == null) {
            return true;
        }
        String v = other.variant == null && "arm64".equals(architecture) ? "v8" : other.variant;
        return variant.equals(v);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }
}
