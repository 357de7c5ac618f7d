package io.jlint.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An image's config history read as build steps: which Dockerfile instruction made each entry, as far as the
 * {@code created_by} text tells, and where the image's own build starts above its base image.
 *
 * <p>{@code created_by} forms understood: the classic builder and buildah ({@code /bin/sh -c #(nop) COPY file:… in
 * /app}, {@code /bin/sh -c apt-get update}, {@code |2 A=1 B=2 /bin/sh -c …} for RUN with build arguments, other
 * shells from {@code SHELL}: {@code /bin/bash -o pipefail -c …}), BuildKit ({@code RUN /bin/sh -c … # buildkit},
 * {@code COPY . . # buildkit}, {@code CMD ["x"]}) and kaniko ({@code RUN mkdir …}, {@code ADD a /b}). Anything else
 * ({@code import of rootfs}, {@code bazel build …}, {@code umoci repack}, jib's plugin names) is {@link Kind#OTHER}.
 *
 * <p>The base image boundary ({@link #firstUserLayer()}): buildah marks the first step of a build with the comment
 * {@code FROM <image>}; otherwise base images nearly always end with a {@code CMD} or {@code ENTRYPOINT} (debian
 * {@code CMD ["bash"]}, alpine {@code CMD ["/bin/sh"]}, node {@code CMD ["node"]}), so the layers after the last
 * {@code CMD}/{@code ENTRYPOINT} step that is followed by a layer are the image's own. With neither, only the
 * first layer is taken for the base. Rules that judge "the user's" layers use this, and say less when unsure.
 */
public final class BuildHistory {

    /** What made a history entry. */
    public enum Kind {
        RUN, COPY, ADD, CMD, ENTRYPOINT, ENV, ARG, LABEL, USER, WORKDIR, EXPOSE, VOLUME, HEALTHCHECK, STOPSIGNAL,
        SHELL, ONBUILD, MAINTAINER, OTHER
    }

    /**
     * One history entry read as a build step.
     *
     * @param index     position in the config's history
     * @param layer     the layer it made, or -1 for an empty-layer entry (or one beyond the layers)
     * @param entry     the raw entry
     * @param kind      the instruction, {@link Kind#OTHER} when not recognised
     * @param body      the instruction's text after its keyword (RUN: the command as recorded, build arguments and
     *                  shell prefix removed; COPY/ADD: sources and destination, e.g. {@code file:ab12… in /app/} or
     *                  {@code . .}); the whole {@code created_by} for {@link Kind#OTHER}
     * @param script    RUN: the POSIX shell script it ran, or null (exec form recorded without a shell, or a
     *                  non-POSIX shell such as cmd or powershell)
     * @param buildArgs RUN: the build arguments the classic builder and BuildKit record as {@code |N K=V …}
     */
    public record Step(int index, int layer, HistoryEntry entry, Kind kind, String body, String script,
                       Map<String, String> buildArgs) {

        public Step {
            buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        }

        public boolean makesLayer() {
            return layer >= 0;
        }

        /**
         * A short one-line description for messages, e.g. {@code RUN apt-get update}; the classic builder's
         * content hashes are left out ({@code COPY file:3f…a1 in /app/} reads {@code COPY … /app/}).
         */
        public String describe(int max) {
            if (kind == Kind.OTHER) {
                return shorten(body, max);
            }
            String b = body;
            if (kind == Kind.COPY || kind == Kind.ADD) {
                java.util.regex.Matcher m = HASHED_SOURCE.matcher(b);
                if (m.matches()) {
                    b = (m.group(1) == null ? "" : m.group(1)) + "… " + m.group(2).strip();
                }
            }
            return shorten(kind.name() + " " + b, max);
        }
    }

    /** One line, at most {@code max} characters (an ellipsis marks a cut). */
    public static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static final Set<String> KEYWORDS;

    static {
        java.util.HashSet<String> k = new java.util.HashSet<>();
        for (Kind kind : Kind.values()) {
            if (kind != Kind.OTHER) {
                k.add(kind.name());
            }
        }
        KEYWORDS = Set.copyOf(k);
    }

    private static final Pattern HEX_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");
    /** The classic builder's COPY/ADD record: flags, then {@code file:<sha256>}, {@code dir:…} or {@code multi:…}. */
    private static final Pattern HASHED_SOURCE = Pattern.compile(
            "((?:--\\S+?\\s*)*)(?:file|dir|multi):[0-9a-f]{64}\\s+in\\s+(.*)", Pattern.DOTALL);
    private static final Pattern SHELL_PROGRAM = Pattern.compile("(?:\\S*/)?(?:sh|bash|dash|ash|zsh|ksh|mksh)");

    private final List<Step> steps;
    private final List<Step> byLayer;
    private final int firstUserLayer;
    private final boolean boundaryKnown;

    private BuildHistory(List<Step> steps, List<Step> byLayer, int firstUserLayer, boolean boundaryKnown) {
        this.steps = List.copyOf(steps);
        this.byLayer = Collections.unmodifiableList(byLayer);
        this.firstUserLayer = firstUserLayer;
        this.boundaryKnown = boundaryKnown;
    }

    /** Reads the history of an image with {@code layers} layers. */
    public static BuildHistory of(List<HistoryEntry> history, int layers) {
        List<Step> steps = new ArrayList<>();
        List<Step> byLayer = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            int layer = !h.emptyLayer() && byLayer.size() < layers ? byLayer.size() : -1;
            Step s = parse(i, layer, h);
            steps.add(s);
            if (layer >= 0) {
                byLayer.add(s);
            }
        }
        while (byLayer.size() < layers) {
            byLayer.add(new Step(-1, byLayer.size(), HistoryEntry.MISSING, Kind.OTHER, "(missing)", null, Map.of()));
        }
        int first = -1;
        // buildah: "FROM <name>" on the first step of the build (later steps of a --layers build say "FROM <id>")
        for (int i = steps.size() - 1; i >= 0 && first < 0; i--) {
            String c = steps.get(i).entry().comment();
            if (c != null && c.startsWith("FROM ")) {
                String ref = c.substring(5).trim();
                if (!ref.isEmpty() && !HEX_ID.matcher(ref).matches()) {
                    first = layersBefore(steps, i);
                }
            }
        }
        if (first < 0) {
            // the last CMD/ENTRYPOINT that a layer follows ends the base image
            for (int i = steps.size() - 1; i >= 0 && first < 0; i--) {
                Step s = steps.get(i);
                if ((s.kind() == Kind.CMD || s.kind() == Kind.ENTRYPOINT) && !s.makesLayer()
                        && layersBefore(steps, i) < Math.min(layers, layersBefore(steps, steps.size()))) {
                    first = layersBefore(steps, i);
                }
            }
        }
        boolean known = first >= 0;
        if (!known) {
            first = Math.min(1, layers);
        }
        return new BuildHistory(steps, byLayer, first, known);
    }

    private static int layersBefore(List<Step> steps, int index) {
        int n = 0;
        for (int i = 0; i < index; i++) {
            if (steps.get(i).makesLayer()) {
                n++;
            }
        }
        return n;
    }

    /** Every history entry, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** The step that made layer {@code i} (a placeholder {@link Kind#OTHER} step when the history has none). */
    public Step layer(int i) {
        return byLayer.get(i);
    }

    /** Number of layers. */
    public int layers() {
        return byLayer.size();
    }

    /** The first layer the image's own build made (layers below come from the base image); may equal layers(). */
    public int firstUserLayer() {
        return firstUserLayer;
    }

    /** True when a marker told where the base image ends; false when the first layer was taken for it. */
    public boolean boundaryKnown() {
        return boundaryKnown;
    }

    /** True when layer {@code i} was made by the image's own build (not the base image), as far as one can tell. */
    public boolean isUserLayer(int i) {
        return i >= firstUserLayer && i < byLayer.size();
    }

    // ------------------------------------------------------------------------------------------ parsing

    static Step parse(int index, int layer, HistoryEntry h) {
        String s = h.createdBy() == null ? "" : h.createdBy().strip();
        if (s.endsWith("# buildkit")) {
            s = s.substring(0, s.length() - "# buildkit".length()).strip();
        }
        // classic builder / buildah metadata and COPY/ADD: "/bin/sh -c #(nop) COPY file:… in /x"
        int nop = s.indexOf("#(nop)");
        if (nop >= 0 && isShellPrefix(s.substring(0, nop))) {
            return instruction(index, layer, h, s.substring(nop + 6).strip(), true);
        }
        Map<String, String> args = new LinkedHashMap<>();
        String rest = buildArgs(s, args);
        Shell sh = shell(rest);
        if (sh != null) {
            return new Step(index, layer, h, Kind.RUN, sh.script, sh.posix ? sh.script : null, args);
        }
        return instruction(index, layer, h, s, false);
    }

    /** An instruction written as "KEYWORD body" (BuildKit, kaniko, and the classic builder's #(nop) text). */
    private static Step instruction(int index, int layer, HistoryEntry h, String text, boolean nop) {
        int sp = firstSpace(text);
        String word = sp < 0 ? text : text.substring(0, sp);
        String kw = word.toUpperCase(Locale.ROOT);
        if (!word.equals(kw) || !KEYWORDS.contains(kw)) {
            return new Step(index, layer, h, Kind.OTHER, h.createdBy() == null ? "" : h.createdBy().strip(), null,
                    Map.of());
        }
        Kind kind = Kind.valueOf(kw);
        String body = sp < 0 ? "" : text.substring(sp).strip();
        if (kind != Kind.RUN || nop) {
            return new Step(index, layer, h, kind, body, null, Map.of());
        }
        // BuildKit: "RUN |1 A=b /bin/sh -c script"; exec form "RUN prog args"; kaniko: "RUN script"
        Map<String, String> args = new LinkedHashMap<>();
        String rest = buildArgs(body, args);
        Shell sh = shell(rest);
        if (sh != null) {
            return new Step(index, layer, h, kind, sh.script, sh.posix ? sh.script : null, args);
        }
        return new Step(index, layer, h, kind, rest, rest.startsWith("[") ? null : rest, args);
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Strips a "|N K=V …" build-argument prefix into {@code into}; returns the rest. */
    static String buildArgs(String s, Map<String, String> into) {
        if (!s.startsWith("|")) {
            return s;
        }
        int sp = firstSpace(s);
        if (sp < 0) {
            return s;
        }
        int n;
        try {
            n = Integer.parseInt(s.substring(1, sp));
        } catch (NumberFormatException e) {
            return s;
        }
        String rest = s.substring(sp).stripLeading();
        for (int i = 0; i < n; i++) {
            int end = firstSpace(rest);
            String kv = end < 0 ? rest : rest.substring(0, end);
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                return s;
            }
            into.put(kv.substring(0, eq), kv.substring(eq + 1));
            rest = end < 0 ? "" : rest.substring(end).stripLeading();
        }
        return rest;
    }

    private record Shell(String script, boolean posix) {
    }

    /** "/bin/sh -c script", "/bin/bash -o pipefail -c script", "cmd /S /C …", "powershell -Command …". */
    private static Shell shell(String s) {
        String[] words = s.split(" ", -1);
        if (words.length < 2) {
            return null;
        }
        String prog = words[0];
        String lower = prog.toLowerCase(Locale.ROOT);
        if (prog.equals("cmd") || lower.endsWith("cmd.exe")) {      // not "CMD": BuildKit's keyword
            return new Shell(s.substring(prog.length()).strip(), false);
        }
        if (lower.startsWith("powershell") || lower.startsWith("pwsh")) {
            return new Shell(s.substring(prog.length()).strip(), false);
        }
        if (!SHELL_PROGRAM.matcher(prog).matches()) {
            return null;
        }
        int pos = prog.length() + 1;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.equals("-c") || (w.startsWith("-") && !w.startsWith("--") && w.endsWith("c") && w.length() > 2)) {
                return new Shell(s.substring(Math.min(s.length(), pos + w.length() + 1)), true);
            }
            if (w.matches("[-+][a-zA-Z]*o")) {
                pos += w.length() + 1;
                i++;
                if (i >= words.length) {
                    return null;
                }
                pos += words[i].length() + 1;
                continue;
            }
            if (!(w.startsWith("-") || w.startsWith("+")) || w.isEmpty()) {
                return null;
            }
            pos += w.length() + 1;
        }
        return null;
    }

    /** True for the "/bin/sh -c " before "#(nop)". */
    private static boolean isShellPrefix(String s) {
        String t = s.strip();
        return t.isEmpty() || shell(t + " x") != null;
    }
}
