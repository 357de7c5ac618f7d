package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Instruction;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.Locale;
import java.util.regex.Pattern;

/** What an ADD source is: helper of JL700 and JL902; not a rule. */
final class AddSources {

    enum Kind {
        /** {@code http(s)://} download */
        URL,
        /** a git repository ({@code git@…}, {@code git://…}, {@code https://….git}) */
        GIT,
        /** a local tar archive (or compressed file) ADD may unpack */
        ARCHIVE,
        /** a local file or directory that is not an archive */
        LOCAL,
        /** cannot tell (unresolved variable, wildcard over unknown files) */
        UNKNOWN
    }

    private static final Pattern ARCHIVE = Pattern.compile(
            ".*\\.(tar|tgz|tbz|tbz2|tb2|txz|tzst|tlz|taz|gz|bz2|xz|zst|lz|lzma|lz4|z)$");

    private AddSources() {
    }

    static Kind classify(String raw, Variables.Scope scope) {
        String lower = raw.toLowerCase(Locale.ROOT).trim();
        if (lower.startsWith("git@") || lower.startsWith("git://") || lower.startsWith("ssh://")) {
            return Kind.GIT;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String path = lower.replaceFirst("[?#].*$", "");
            if (path.endsWith(".git") || lower.contains(".git#") || lower.contains(".git?")) {
                return Kind.GIT;
            }
            return Kind.URL;
        }
        String v = scope.resolve(raw);
        if (v == null) {
            return Kind.UNKNOWN;
        }
        String lv = v.toLowerCase(Locale.ROOT);
        if (lv.startsWith("http://") || lv.startsWith("https://")) {
            return lv.replaceFirst("[?#].*$", "").endsWith(".git") || lv.contains(".git#") ? Kind.GIT : Kind.URL;
        }
        if (lv.startsWith("git@") || lv.startsWith("git://")) {
            return Kind.GIT;
        }
        if (ARCHIVE.matcher(lv).matches()) {
            return Kind.ARCHIVE;
        }
        String name = lv.endsWith("/") ? "" : lv.substring(lv.lastIndexOf('/') + 1);
        if (name.contains("*") || name.contains("?") || name.contains("[")) {
            // a wildcard matches files we cannot see: only a named non-archive extension tells us
            int dot = name.lastIndexOf('.');
            return dot >= 0 && !name.substring(dot).matches(".*[*?\\[].*") ? Kind.LOCAL : Kind.UNKNOWN;
        }
        return Kind.LOCAL;
    }

    /** True for the heredoc sources of an ADD (their "sources" are the heredoc names). */
    static boolean isHeredocSource(Instruction.Add add, String source) {
        return add.heredocs().stream().anyMatch(h -> h.name().equals(source) || ("<<" + h.name()).equals(source)
                || ("<<-" + h.name()).equals(source));
    }
}
