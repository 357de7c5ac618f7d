package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Stage;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the rules of the cache-busting, root-user and entrypoint-cmd categories need to know about a stage and
 * the stages it is built FROM: the chain itself, the build variables in effect at an instruction, and whether the
 * image is a Windows one. Package-private: candidates for {@code rules.dockerfile.support} once shared.
 */
final class BuildChain {

    private BuildChain() {
    }

    /** The stage and the earlier stages it is built FROM, the one starting from an image first. */
    static List<Stage> of(Dockerfile df, Stage stage) {
        Deque<Stage> out = new ArrayDeque<>();
        BitSet seen = new BitSet();
        for (Stage s = stage; s != null && !seen.get(s.index()); s = base(df, s)) {
            seen.set(s.index());
            out.addFirst(s);
        }
        return List.copyOf(out);
    }

    /** The earlier stage {@code s} is built FROM, or null when it starts from an image. */
    static Stage base(Dockerfile df, Stage s) {
        int b = s.baseStage();
        return b >= 0 && b < s.index() && b < df.stages().size() ? df.stages().get(b) : null;
    }

    /**
     * The image the chain starts from, with global ARG defaults substituted, lower-case; null when it cannot be
     * resolved.
     */
    static String baseImage(Dockerfile df, List<Stage> chain) {
        if (chain.isEmpty() || chain.get(0).from() == null) {
            return null;
        }
        String image = chain.get(0).from().image();
        if (image == null) {
            return null;
        }
        Map<String, String> globals = new HashMap<>();
        for (Instruction.Arg arg : df.globalArgs()) {
            for (KeyValue kv : arg.pairs()) {
                globals.put(kv.key(), kv.value());
            }
        }
        String resolved = expand(image, globals);
        return resolved == null ? null : resolved.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The build variables in effect just before {@code upTo} (or at the end of the chain when null): ARGs with
     * their defaults (a stage ARG without default takes the global ARG's default) and ENV values, expanded. A
     * declared variable without a known value maps to null.
     */
    static Map<String, String> vars(Dockerfile df, List<Stage> chain, Instruction upTo) {
        Map<String, String> globals = new HashMap<>();
        for (Instruction.Arg arg : df.globalArgs()) {
            for (KeyValue kv : arg.pairs()) {
                globals.put(kv.key(), kv.value() == null ? null : expand(kv.value(), globals));
            }
        }
        // ENV values travel down the FROM chain; ARGs are scoped to their stage; ENV wins over an ARG of its name
        Map<String, String> env = new HashMap<>();
        Map<String, String> args = new HashMap<>();
        for (Stage s : chain) {
            args = new HashMap<>();
            for (Instruction in : s.instructions()) {
                if (in == upTo) {
                    return merged(args, env);
                }
                if (in instanceof Instruction.Arg arg) {
                    for (KeyValue kv : arg.pairs()) {
                        String v = kv.value() != null ? expand(kv.value(), merged(args, env))
                                : globals.get(kv.key());
                        args.put(kv.key(), v);
                    }
                } else if (in instanceof Instruction.Env envIn) {
                    for (KeyValue kv : envIn.pairs()) {
                        env.put(kv.key(), kv.value() == null ? null : expand(kv.value(), merged(args, env)));
                    }
                }
            }
        }
        return merged(args, env);
    }

    private static Map<String, String> merged(Map<String, String> args, Map<String, String> env) {
        Map<String, String> m = new HashMap<>(args);
        m.putAll(env);
        return m;
    }

    /**
     * Expands {@code $V}, {@code ${V}}, {@code ${V:-w}}, {@code ${V-w}}, {@code ${V:+w}} and {@code ${V+w}} the way
     * BuildKit does, with {@code \$} as a literal dollar; null when a variable is unknown or another operator is
     * used.
     */
    static String expand(String text, Map<String, String> vars) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char d = text.charAt(i + 1);
            if (d == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    return null;
                }
                String body = text.substring(i + 2, close);
                String value = braced(body, vars);
                if (value == null) {
                    return null;
                }
                out.append(value);
                i = close + 1;
            } else if (Character.isLetter(d) || d == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                String name = text.substring(i + 1, j);
                if (!vars.containsKey(name) || vars.get(name) == null) {
                    return null;
                }
                out.append(vars.get(name));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String braced(String body, Map<String, String> vars) {
        int j = 0;
        while (j < body.length() && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) {
            j++;
        }
        if (j == 0) {
            return null;
        }
        String name = body.substring(0, j);
        String rest = body.substring(j);
        boolean known = vars.containsKey(name) && vars.get(name) != null;
        String value = known ? vars.get(name) : null;
        if (rest.isEmpty()) {
            return value;
        }
        if (rest.startsWith(":-") || rest.startsWith("-")) {
            String word = rest.substring(rest.startsWith(":-") ? 2 : 1);
            boolean colon = rest.startsWith(":-");
            if (vars.containsKey(name) && value == null) {
                return null; // declared without a value: a --build-arg may set it, the result is unknown
            }
            if (value == null || (colon && value.isEmpty())) {
                return expand(word, vars);
            }
            return value;
        }
        if (rest.startsWith(":+") || rest.startsWith("+")) {
            String word = rest.substring(rest.startsWith(":+") ? 2 : 1);
            if (vars.containsKey(name) && value == null) {
                return null;
            }
            boolean colon = rest.startsWith(":+");
            if (value == null || (colon && value.isEmpty())) {
                return "";
            }
            return expand(word, vars);
        }
        return null;
    }

    /**
     * True when the chain builds a Windows image (a Windows base image, a backtick escape, or a cmd/PowerShell
     * SHELL): the POSIX reasoning of these rules does not apply there.
     */
    static boolean windows(Dockerfile df, List<Stage> chain) {
        if (df.escape() == '`') {
            return true;
        }
        for (Stage s : chain) {
            String image = s.from() == null || s.from().image() == null ? ""
                    : s.from().image().toLowerCase(Locale.ROOT);
            if (image.contains("windows") || image.contains("nanoserver") || image.contains("servercore")
                    || image.contains("dotnet/framework") || image.contains("ltsc20")) {
                return true;
            }
            for (Instruction in : s.instructions()) {
                if (in instanceof Instruction.Shell sh && !sh.shell().isEmpty() && windowsShell(sh.shell().get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True for the shells of Windows images (cmd, powershell, pwsh): a SHELL such as {@code ["conda", "run", …,
     * "bash", "-c"]} is not POSIX either, but it says nothing about the image being a Windows one.
     */
    static boolean windowsShell(String program) {
        String p = baseName(program.replace('\\', '/')).toLowerCase(Locale.ROOT);
        if (p.endsWith(".exe")) {
            p = p.substring(0, p.length() - 4);
        }
        return p.equals("cmd") || p.equals("powershell") || p.equals("pwsh");
    }

    /** The program name without directories, as a shell would look it up. */
    static String baseName(String path) {
        if (path == null) {
            return "";
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
