package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paths as a shell script names them: normalising ({@code ~}, {@code $HOME}, {@code /root} and {@code /home/USER}
 * all become {@code ~}; relative paths are resolved against the tracked working directory), matching globs and
 * brace lists, and finding what {@code rm}/{@code find -delete} remove.
 *
 * <p>Unknown parts stay symbolic: {@code $tmp/x.tgz} is kept as written, so two mentions of it still match.
 * A relative path under an unknown working directory is prefixed with {@code ?N/}, N counting the changes of
 * directory that could not be followed.
 */
public final class ShellPaths {

    private ShellPaths() {
    }

    /**
     * Normalises a path word's value: variables expanded with {@code env}, home forms mapped to {@code ~},
     * resolved against {@code cwd} when relative ({@code cwd} null: left relative), {@code //}, {@code /./},
     * {@code a/..} and trailing slashes removed.
     */
    public static String normalize(String path, RunEnv env, String cwd) {
        if (path == null) {
            return null;
        }
        String p = env == null ? path : env.expand(path);
        // ${tmp} and $tmp are the same unknown directory
        p = BRACED.matcher(p).replaceAll("\\$$1");
        if (p.equals("~") || p.equals("$HOME") || p.equals("${HOME}")) {
            p = "~";
        } else if (p.startsWith("~/") || p.startsWith("$HOME/") || p.startsWith("${HOME}/")) {
            p = "~/" + p.substring(p.indexOf('/') + 1);
        } else if (p.equals("/root") || p.startsWith("/root/")) {
            p = "~" + p.substring(5);
        } else if (p.startsWith("/home/") && p.indexOf('/', 6) > 6) {
            p = "~" + p.substring(p.indexOf('/', 6));
        } else if (p.matches("/home/[^/]+")) {
            p = "~";
        } else if (!p.startsWith("/") && !p.startsWith("$") && !p.startsWith("?") && cwd != null) {
            p = cwd.endsWith("/") ? cwd + p : cwd + "/" + p;
        }
        return clean(p);
    }

    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}(?![A-Za-z0-9_])");

    private static String clean(String p) {
        if (p.isEmpty()) {
            return p;
        }
        boolean abs = p.startsWith("/");
        String[] parts = p.split("/+");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")
                    && !out.get(out.size() - 1).startsWith("$") && !out.get(out.size() - 1).startsWith("?")
                    && !out.get(out.size() - 1).equals("~")) {
                out.remove(out.size() - 1);
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        return abs ? "/" + joined : (joined.isEmpty() ? "." : joined);
    }

    /** Brace expansion of one level or more ({@code /var/cache/{yum,dnf}} gives two paths); at most 64 results. */
    public static List<String> braces(String p) {
        List<String> out = new ArrayList<>();
        expandBraces(p, out);
        return out;
    }

    private static void expandBraces(String p, List<String> out) {
        if (out.size() >= 64) {
            return;
        }
        int open = -1;
        int depth = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '$' && i + 1 < p.length() && p.charAt(i + 1) == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    break;
                }
                i = close;
                continue;
            }
            if (c == '{') {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
                if (depth == 0) {
                    List<String> alts = splitTop(p.substring(open + 1, i));
                    if (alts.size() > 1) {
                        for (String a : alts) {
                            expandBraces(p.substring(0, open) + a + p.substring(i + 1), out);
                        }
                        return;
                    }
                }
            }
        }
        out.add(p);
    }

    private static List<String> splitTop(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** True when the glob (normalised) matches the path (normalised) exactly. */
    public static boolean globMatches(String glob, String path) {
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0 && glob.indexOf('[') < 0) {
            return glob.equals(path);
        }
        return toRegex(glob).matcher(path).matches();
    }

    private static final java.util.Map<String, Pattern> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern toRegex(String glob) {
        if (GLOBS.size() > 4096) {
            GLOBS.clear();
        }
        return GLOBS.computeIfAbsent(glob, ShellPaths::compile);
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /**
     * True when removing {@code removed} (a normalised path or glob, recursively) removes {@code target} or some of
     * its contents: the glob matches the target, one of its ancestor directories, or an entry directly inside it
     * ({@code /var/lib/apt/lists/*}); a path inside the target also counts (a partial cleanup is still a cleanup:
     * jlint says less rather than argue about it).
     */
    public static boolean removes(String removed, String target) {
        if (removed == null || target == null || removed.isEmpty()) {
            return false;
        }
        for (String alt : braces(removed)) {
            String r = clean(alt);
            if (r.equals("/") || r.equals("/*")) {
                // rm -rf / is not a cleanup anybody writes on purpose; /* would be
                if (r.equals("/*")) {
                    return true;
                }
                continue;
            }
            if (globMatches(r, target) || globMatches(r, target + "/x") || r.startsWith(target + "/")) {
                return true;
            }
            for (String anc = parent(target); anc != null; anc = parent(anc)) {
                if (globMatches(r, anc)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a mount at {@code mountTarget} (normalised) holds {@code path}: the target is it or an ancestor. */
    public static boolean holds(String mountTarget, String path) {
        if (mountTarget == null || path == null) {
            return false;
        }
        String m = clean(mountTarget);
        return path.equals(m) || path.startsWith(m.endsWith("/") ? m : m + "/");
    }

    /** True when one of the RUN's mounts (any type: cache, tmpfs, bind, secret) holds the path. */
    public static boolean mounted(List<Mount> mounts, String path, RunEnv env) {
        for (Mount m : mounts) {
            String t = normalize(m.target(), env, env == null ? null : env.workdir());
            if (t != null && holds(t, path)) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String p) {
        int slash = p.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        return p.substring(0, slash);
    }

    /**
     * The paths a command removes, normalised: the operands of {@code rm} (any options), and the start directories
     * of {@code find DIR … -delete} / {@code find DIR … -exec rm …} (their contents, written as {@code DIR/*}).
     * Empty for other commands.
     */
    public static List<String> removedPaths(SimpleCommand c, RunEnv env, String cwd) {
        List<String> out = new ArrayList<>();
        PackageManagers.Unwrapped u = PackageManagers.unwrap(c);
        if (u == null || u.words().isEmpty()) {
            return out;
        }
        List<Word> ws = u.words();
        String prog = PackageManagers.base(ws.get(0).value());
        if (prog.equals("rm")) {
            boolean end = false;
            for (int i = 1; i < ws.size(); i++) {
                String v = ws.get(i).value();
                if (!end && v.equals("--")) {
                    end = true;
                    continue;
                }
                if (!end && v.startsWith("-") && v.length() > 1) {
                    continue;
                }
                out.add(normalize(v, env, cwd));
            }
        } else if (prog.equals("find")) {
            boolean deletes = false;
            for (int i = 1; i < ws.size(); i++) {
                String v = ws.get(i).value();
                if (v.equals("-delete")) {
                    deletes = true;
                }
                if ((v.equals("-exec") || v.equals("-execdir")) && i + 1 < ws.size()
                        && PackageManagers.base(ws.get(i + 1).value()).equals("rm")) {
                    deletes = true;
                }
            }
            if (deletes) {
                for (int i = 1; i < ws.size(); i++) {
                    String v = ws.get(i).value();
                    if (v.startsWith("-") || v.equals("(") || v.equals("!")) {
                        break;
                    }
                    String n = normalize(v, env, cwd);
                    out.add(n.endsWith("/") ? n + "*" : n + "/*");
                }
            }
        }
        return out;
    }

    /** The directory a {@code cd}/{@code pushd} command changes to (normalised), or empty when it is not one. */
    public static Optional<String> cdTarget(SimpleCommand c, RunEnv env, String cwd) {
        PackageManagers.Unwrapped u = PackageManagers.unwrap(c);
        if (u == null || u.words().isEmpty()) {
            return Optional.empty();
        }
        List<Word> ws = u.words();
        String prog = ws.get(0).value();
        if (!prog.equals("cd") && !prog.equals("pushd")) {
            return Optional.empty();
        }
        for (int i = 1; i < ws.size(); i++) {
            String v = ws.get(i).value();
            if (v.equals("-P") || v.equals("-L") || v.equals("-e")) {
                continue;
            }
            if (v.equals("-")) {
                return Optional.of("");
            }
            return Optional.of(normalize(v, env, cwd));
        }
        return Optional.of("~");
    }
}
