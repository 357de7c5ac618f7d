package io.jlint.rules.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the JL101 fix knows while it proves a dependency install safe to move: the build context as BuildKit sends
 * it (the .dockerignore applied), the WORKDIR the context is copied into, the variables the install sees, and the
 * files the reorder will copy before it. The ecosystem checks ({@link NodeReorder}, {@link PipReorder}, …) read the
 * context through it and throw {@link Refused} with the reason when they cannot prove the install reads nothing
 * else; that reason becomes the finding's "jlint fix leaves this alone: …".
 */
final class ReorderContext {

    /** Why the reorder is not made; thrown by the checks, caught by {@link DependencyReorder}. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The mappers, made at first use: building them costs tens of milliseconds, and a lint run (which reaches this
     * class for its refusals, without a build context) must not pay for it.
     */
    private static final class Mappers {
        static final JsonMapper JSON = JsonMapper.builder().build();
        static final YAMLMapper YAML = YAMLMapper.builder().build();
    }

    /** Characters a copied path may hold: no blanks, quotes, wildcards or variables that COPY would interpret. */
    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._+@=/-]+");

    private final Path root;
    private final DockerIgnore ignore;
    private final String workdir;
    private final Map<String, String> env;
    private final Set<String> copies = new LinkedHashSet<>();

    /**
     * @param root    the build context folder
     * @param ignore  its .dockerignore
     * @param workdir the absolute folder {@code COPY . .} copies into, or null when a variable hides it
     * @param env     the build variables and the install command's own assignments (a null value: not known)
     */
    ReorderContext(Path root, DockerIgnore ignore, String workdir, Map<String, String> env) {
        this.root = root.toAbsolutePath().normalize();
        this.ignore = ignore;
        this.workdir = workdir;
        this.env = env;
    }

    static Refused refused(String why) {
        return new Refused(why);
    }

    // --- reading the context -----------------------------------------------------------------------------------

    /** {@code rel} cleaned ("./a//b" gives "a/b", "." gives ""), or null when it leaves the context. */
    static String clean(String rel) {
        List<String> parts = new ArrayList<>();
        for (String s : rel.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(s);
        }
        return String.join("/", parts);
    }

    /** The file behind {@code rel}, or null when it leaves the context or a directory on the way is a link. */
    private Path path(String rel) {
        Path p = root;
        for (String s : rel.split("/")) {
            if (s.isEmpty()) {
                continue;
            }
            if (Files.isSymbolicLink(p) && p != root) {
                return null;
            }
            p = p.resolve(s);
        }
        return p.normalize().startsWith(root) ? p : null;
    }

    private boolean onDisk(String rel) {
        Path p = path(rel);
        return p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** True when BuildKit sends something at {@code rel} (for a folder: possibly only part of it). */
    boolean has(String rel) {
        if (!onDisk(rel)) {
            return false;
        }
        return !ignore.excluded(rel) || ignore.hasExceptions() && Files.isDirectory(path(rel), LinkOption.NOFOLLOW_LINKS);
    }

    /** True when BuildKit sends a regular file at {@code rel}; a symbolic link there is refused. */
    boolean hasFile(String rel) {
        if (!has(rel)) {
            return false;
        }
        Path p = path(rel);
        if (Files.isSymbolicLink(p)) {
            throw refused(rel + " is a symbolic link, which jlint does not follow");
        }
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    String read(String rel) {
        if (!hasFile(rel)) {
            throw refused("the context has no " + rel);
        }
        try {
            return new String(Files.readAllBytes(path(rel)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refused(rel + " cannot be read: " + e.getMessage());
        }
    }

    List<String> lines(String rel) {
        return read(rel).lines().toList();
    }

    JsonNode json(String rel) {
        try {
            JsonNode n = Mappers.JSON.readTree(read(rel));
            if (n == null || !n.isObject()) {
                throw refused(rel + " is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw refused(rel + " is not valid JSON");
        }
    }

    /** A YAML file as a tree (an empty file gives an empty object). */
    JsonNode yaml(String rel) {
        try {
            JsonNode n = Mappers.YAML.readTree(read(rel));
            return n == null || n.isMissingNode() ? Mappers.JSON.createObjectNode() : n;
        } catch (IOException e) {
            throw refused(rel + " is not YAML jlint can read");
        }
    }

    // --- what the reorder copies first -------------------------------------------------------------------------

    /** Copies {@code rel} before the install; refused when the context does not send that file. */
    void copy(String rel) {
        String c = clean(rel);
        if (c == null || c.isEmpty()) {
            throw refused(rel + " is not a file of the build context");
        }
        if (!hasFile(c)) {
            throw refused("the context has no " + c + (onDisk(c) ? " (.dockerignore excludes it)" : ""));
        }
        add(c);
    }

    /** Copies the context file a command names ({@code ./composer.phar}, {@code /app/composer.phar}). */
    void copyNamed(String path) {
        String rel = toContext(path);
        if (rel == null || UNKNOWN.equals(rel)) {
            throw refused(path + " is not a file jlint can find in the build context");
        }
        copy(rel);
    }

    /** Copies {@code rel} when the context sends it; true when it does. */
    boolean copyIfPresent(String rel) {
        String c = clean(rel);
        if (c == null || c.isEmpty() || !hasFile(c)) {
            return false;
        }
        add(c);
        return true;
    }

    /** Copies the whole folder {@code rel} (listed with a trailing "/"). */
    void copyDirectory(String rel) {
        String c = clean(rel);
        if (c == null || c.isEmpty() || !has(c) || !Files.isDirectory(path(c), LinkOption.NOFOLLOW_LINKS)
                || ignore.excluded(c)) {
            throw refused("the context has no folder " + rel + " jlint can copy");
        }
        add(c + "/");
    }

    private void add(String c) {
        String bare = c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
        if (!PLAIN_NAME.matcher(bare).matches() || bare.startsWith("-")) {
            throw refused(bare + " has characters a COPY would interpret");
        }
        copies.add(c);
    }

    /** The files (and folders, with a trailing "/") to copy first, in the order they were added. */
    List<String> copies() {
        return List.copyOf(copies);
    }

    /** True when {@code rel} is copied first (itself, or inside a copied folder). */
    boolean copied(String rel) {
        for (String c : copies) {
            if (c.equals(rel) || c.endsWith("/") && (rel + "/").startsWith(c)) {
                return true;
            }
        }
        return false;
    }

    /** Refused when the context sends {@code rel}; {@code why} says what the install would do with it. */
    void absent(String rel, String why) {
        if (has(rel)) {
            throw refused("the context has " + rel + ", " + why);
        }
    }

    /**
     * Paths below WORKDIR the install writes (node_modules, vendor, …): the context must not send them, else the
     * later {@code COPY . .} copies its own over what the install made there.
     */
    void outputs(String... rels) {
        for (String rel : rels) {
            if (onDisk(rel) && (!ignore.excluded(rel) || ignore.hasExceptions())) {
                throw refused("the context has " + rel + ", which the later COPY . . would copy over what the install"
                        + " makes there (list it in .dockerignore)");
            }
        }
    }

    // --- values that may name files ----------------------------------------------------------------------------

    /**
     * The word of {@code value} that names something the context sends (a path relative to WORKDIR, an absolute
     * path below it, a {@code file:} URL, an entry of a {@code :}-separated list) and that is not copied first; or a
     * word that may do so but cannot be told (a variable in a path, WORKDIR unknown); null when there is none.
     */
    String namesContext(String value) {
        if (value == null) {
            return null;
        }
        for (String raw : value.split("[\\s,;]+")) {
            String t = unquote(raw);
            if (t.startsWith("-")) {
                // --opt=VALUE and -DKEY=VALUE: the value; -rVALUE (a one-letter option glued to its value): the value
                int eq = t.indexOf('=');
                t = eq > 0 ? t.substring(eq + 1) : t.startsWith("--") ? "" : t.substring(Math.min(2, t.length()));
            }
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("file:")) {
                t = t.replaceFirst("^file:(//)?", "");
                if (t.isEmpty()) {
                    return raw;
                }
            } else if (t.contains("://")) {
                continue;
            }
            for (String piece : t.split(":")) {
                if (piece.isEmpty()) {
                    continue;
                }
                String rel = toContext(piece);
                if (UNKNOWN.equals(rel) || rel != null && (rel.isEmpty() || has(rel) && !copied(rel))) {
                    return t;
                }
            }
        }
        return null;
    }

    /** What {@link #toContext} gives for a path it cannot tell (no path holds a NUL). */
    private static final String UNKNOWN = "\0";

    /** The context path {@code piece} names: "" for WORKDIR itself, null for none, {@link #UNKNOWN}. */
    private String toContext(String piece) {
        boolean variable = piece.contains("$") || piece.contains("`");
        boolean glob = piece.contains("*") || piece.contains("?") || piece.contains("[");
        if (variable || glob) {
            return piece.contains("/") ? UNKNOWN : null;
        }
        if (piece.startsWith("~")) {
            return null;
        }
        if (piece.startsWith("/")) {
            if (workdir == null) {
                return UNKNOWN;
            }
            String abs = "/" + (clean(piece) == null ? "" : clean(piece));
            if (workdir.equals("/")) {
                return abs.substring(1);
            }
            if (abs.equals(workdir)) {
                return "";
            }
            return abs.startsWith(workdir + "/") ? abs.substring(workdir.length() + 1) : null;
        }
        return clean(piece);
    }

    private static String unquote(String s) {
        String t = s;
        while (!t.isEmpty() && "\"'`".indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1);
        }
        while (!t.isEmpty() && "\"'`".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Refused when {@code value} (from {@code where}) names a file of the context that is not copied first. */
    void checkValue(String value, String where) {
        String t = namesContext(value);
        if (t != null) {
            throw refused(where + " names " + t + ", which " + (t.contains("$") || workdir == null && t.contains("/")
                    ? "may be" : "is") + " in the build context");
        }
    }

    /** Every scalar of a JSON/YAML tree through {@link #checkValue}. */
    void checkValues(JsonNode node, String where) {
        if (node == null) {
            return;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                checkValues(child, where);
            }
        } else if (node.isTextual()) {
            checkValue(node.asText(), where);
        }
    }

    /** Variables whose values are lists of names (groups, dependency types), never paths. */
    private static final Set<String> NOT_PATHS = Set.of("BUNDLE_WITHOUT", "BUNDLE_WITH", "NPM_CONFIG_OMIT",
            "NPM_CONFIG_INCLUDE", "NPM_CONFIG_ONLY", "NPM_CONFIG_PRODUCTION", "PIP_ONLY_BINARY", "PIP_NO_BINARY");

    // --- the install's environment -----------------------------------------------------------------------------

    /** The value the install sees for {@code name}, or null when unset or unknown. */
    String env(String name) {
        return env.get(name);
    }

    boolean envTrue(String name) {
        String v = env.get(name);
        return v != null && Set.of("true", "1", "yes").contains(v.toLowerCase(Locale.ROOT));
    }

    /**
     * Refused when a variable in {@code any} is set at all (it redirects what the install reads), or a variable
     * whose name starts with one of {@code prefixes} (case-insensitive) names a file of the context or has a value
     * jlint cannot know.
     */
    void checkEnv(Set<String> any, List<String> prefixes) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (NOT_PATHS.contains(name.toUpperCase(Locale.ROOT))) {
                continue;
            }
            if (any.contains(name)) {
                throw refused(name + " is set, which makes the install read another file than the one copied first");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (String p : prefixes) {
                if (lower.startsWith(p.toLowerCase(Locale.ROOT)) || lower.equals(p.toLowerCase(Locale.ROOT))) {
                    if (e.getValue() == null) {
                        throw refused(name + " has a value jlint cannot know (a build argument without default)");
                    }
                    checkValue(e.getValue(), name);
                }
            }
        }
    }

    /** The folder the context is copied into, or null when unknown. */
    String workdir() {
        return workdir;
    }
}
