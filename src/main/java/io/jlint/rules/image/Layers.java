package io.jlint.rules.image;

import io.jlint.image.BuildHistory;
import io.jlint.image.ImageModel;
import io.jlint.image.ImageText;
import io.jlint.image.LayerEntry;
import io.jlint.image.TarEntry;
import io.jlint.image.WastedFile;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** What several image rules ask about layers. */
final class Layers {
    private Layers() {
    }

    /** How long a step's text may be in a message. */
    static final int STEP_WIDTH = 60;

    /**
     * Files a build engine adds to a RUN layer by itself: buildah's chroot isolation writes empty
     * {@code /etc/hostname}, {@code /etc/hosts} and {@code /etc/resolv.conf} into the first RUN layer of an image.
     */
    private static final Set<String> ENGINE_FILES = Set.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf");

    /** True for an entry the build engine made rather than the step: an empty engine file. */
    static boolean isEngineArtifact(LayerEntry e) {
        return e.isRegularFile() && e.size() == 0 && ENGINE_FILES.contains(e.path());
    }

    /** The step that made layer {@code i}, for messages: {@code RUN apt-get update}, shortened. */
    static String step(ImageModel m, int i) {
        return m.history().layer(i).describe(STEP_WIDTH);
    }

    /** "layer 2 (RUN apt-get update)". */
    static String layer(ImageModel m, int i) {
        return "layer " + i + " (" + step(m, i) + ")";
    }

    /** A tar entry name as an absolute path ({@code ./a/b} gives {@code /a/b}); the name as written when it climbs out. */
    static String absolute(String name) {
        String clean = io.jlint.image.PathNames.clean(name);
        return clean == null ? name : "/" + clean;
    }

    static String human(long bytes) {
        return ImageText.human(bytes);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /**
     * True when layer {@code i} only deletes: every entry is a whiteout, a directory (a parent of what it deletes,
     * or buildah's {@code run/}) or an engine artifact, and at least one whiteout hides something.
     */
    static boolean onlyDeletes(ImageModel m, int i) {
        boolean deletes = false;
        for (LayerEntry e : m.entries(i)) {
            switch (e.whiteout()) {
                case FILE, OPAQUE -> deletes = true;
                case META -> {
                }
                case NONE -> {
                    if (e.type() != TarEntry.Type.DIRECTORY && !isEngineArtifact(e)) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return deletes;
    }

    /** Bytes that layer {@code remover} made wasted, by the layer that wrote them (sorted by layer). */
    static TreeMap<Integer, Long> removedBy(ImageModel m, int remover) {
        TreeMap<Integer, Long> out = new TreeMap<>();
        for (WastedFile w : m.analysis().wastedFiles()) {
            if (w.removedBy() == remover && w.layer() != remover) {
                out.merge(w.layer(), w.size(), Long::sum);
            }
        }
        return out;
    }

    /** True when layer {@code i} was made by a RUN whose POSIX shell script is known. */
    static boolean isShellRun(ImageModel m, int i) {
        BuildHistory.Step s = m.history().layer(i);
        return s.kind() == BuildHistory.Kind.RUN && s.script() != null;
    }

    /** Path parts of third-party packages, toolchains and their test data, where sample keys are normal. */
    private static final java.util.List<String> FOREIGN_DIRS = java.util.List.of("/node_modules/",
            "/site-packages/", "/dist-packages/", "/gems/", "/vendor/", "/go/pkg/mod/", "/usr/local/go/",
            "/usr/lib/go/", "/.cargo/registry/", "/.m2/repository/", "/usr/share/doc/", "/.rustup/", "/.nvm/",
            "/.pyenv/");
    private static final java.util.regex.Pattern TEST_PART = java.util.regex.Pattern.compile(
            "(?i)(^|[/._-])(tests?|testing|testdata|fixtures?|examples?|samples?|spec|specs|mocks?|dummy|fake"
                    + "|snakeoil)([/._-]|$)");

    /**
     * True for a path inside third-party packages or toolchains ({@code node_modules}, {@code site-packages}, Go's
     * source tree, …) or named like test data or an example ({@code test/}, {@code testdata/}, {@code fixtures/},
     * {@code example.env}, {@code ssl-cert-snakeoil.key}): sample keys and credentials there are normal.
     */
    static boolean foreignOrSample(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        if (p.startsWith("/usr/lib/go-")) {
            return true;
        }
        for (String d : FOREIGN_DIRS) {
            if (p.contains(d)) {
                return true;
            }
        }
        return TEST_PART.matcher(p).find();
    }
}
