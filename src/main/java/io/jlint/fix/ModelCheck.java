package io.jlint.fix;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The safety net of {@code jlint fix}: compares what two parsed Dockerfiles make a build do, modulo the rewrites
 * fixes are allowed to make, and names every difference. Per stage, in order:
 * <ul>
 * <li>the base (FROM image, platform, stage name) and every instruction but RUN, as the build sees it: ENV, ARG
 *     and LABEL per key/value pair (legacy or key=value form alike), MAINTAINER as the
 *     {@code org.opencontainers.image.authors} label, CMD/ENTRYPOINT/HEALTHCHECK as the argv they run (a shell
 *     form that is one plain command counts as its words; single-quoted "JSON" as the array it meant), keyword
 *     case ignored; extra COPY instructions are allowed before a copy of the whole context (the manifest copy of
 *     a reorder);</li>
 * <li>the commands of all RUNs in order, each with the RUN's flags and the ENV/ARG/USER/WORKDIR/SHELL in effect,
 *     words after quote removal, ignoring the options fixes add ({@code --no-install-recommends},
 *     {@code --no-cache}, {@code --no-cache-dir}, and the answer to a package manager's prompt: {@code -y} after
 *     apt-get/apt/yum/dnf/microdnf/tdnf, {@code --non-interactive} after zypper) — so merging RUNs and moving a RUN
 *     across a COPY pass, anything else fails;</li>
 * <li>an exec-form {@code [sh, -c, script]} whose script is one simple command counts the same with or without a
 *     leading {@code exec} (the shell replaces itself with the program instead of waiting for it);</li>
 * <li>cleanup commands (package-cache removal) may be added or moved between RUNs, never lost.</li>
 * </ul>
 */
public final class ModelCheck {
    private ModelCheck() {
    }

    /** Options a fix may add to a command without changing what it does. */
    private static final Set<String> ADDED_OPTIONS = Set.of("--no-install-recommends", "--no-cache", "--no-cache-dir");

    /**
     * Options a fix may add to a package manager's call to answer its confirmation prompt, which a build cannot
     * answer (the call aborts instead): by the manager's program name.
     */
    private static final Map<String, Set<String>> ASSUME_YES = Map.of("apt-get", Set.of("-y"), "apt", Set.of("-y"),
            "aptitude", Set.of("-y"), "yum", Set.of("-y"), "dnf", Set.of("-y"), "dnf5", Set.of("-y"),
            "microdnf", Set.of("-y"), "tdnf", Set.of("-y"), "zypper", Set.of("--non-interactive"));

    private static final Pattern CACHE_PATH = Pattern.compile(
            "(/var/lib/apt/lists|/var/cache|/root/\\.cache|~/\\.cache|\\$\\{?HOME}?/\\.cache|/root/\\.npm|~/\\.npm"
                    + "|\\$\\{?HOME}?/\\.npm|/usr/local/share/\\.cache|/tmp|/var/tmp|/root/\\.composer|/var/lib/dnf"
                    + "|/var/lib/yum|/opt/conda/pkgs|/root/\\.cargo/registry|/root/\\.m2/repository"
                    + "|/root/\\.gradle/caches|/usr/local/lib/node_modules/npm/\\.cache)(/.*)?");
    private static final Pattern ARCHIVE = Pattern.compile(".*\\.(tar|tgz|tbz2?|txz|zip|gz|bz2|xz|zst|7z|deb|rpm"
            + "|apk|whl|tar\\.gz|tar\\.bz2|tar\\.xz|tar\\.zst|run|bin|sh|exe|msi)");

    /** What the build does, per stage. */
    record Stage2(String base, List<String> others, List<String> commands, Map<String, Integer> cleanups) {
    }

    /** Every difference between what {@code before} and {@code after} make a build do (empty: the same). */
    public static List<String> differences(Dockerfile before, Dockerfile after) {
        List<String> out = new ArrayList<>();
        List<String> ga = globals(before);
        List<String> gb = globals(after);
        if (!ga.equals(gb)) {
            out.add("the global ARGs changed: " + ga + " -> " + gb);
        }
        if (before.stages().size() != after.stages().size()) {
            out.add("the number of stages changed: " + before.stages().size() + " -> " + after.stages().size());
            return out;
        }
        for (int i = 0; i < before.stages().size(); i++) {
            Stage2 a = stage(before.stages().get(i));
            Stage2 b = stage(after.stages().get(i));
            String where = "stage " + i + ": ";
            if (!a.base().equals(b.base())) {
                out.add(where + "FROM changed: " + a.base() + " -> " + b.base());
            }
            String others = compareOthers(a.others(), b.others());
            if (others != null) {
                out.add(where + others);
            }
            if (!a.commands().equals(b.commands())) {
                out.add(where + "the RUN commands changed: " + firstDifference(a.commands(), b.commands()));
            }
            for (Map.Entry<String, Integer> e : a.cleanups().entrySet()) {
                if (b.cleanups().getOrDefault(e.getKey(), 0) < e.getValue()) {
                    out.add(where + "a cleanup command was lost: " + e.getKey());
                }
            }
        }
        return out;
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) {
                return "command " + (i + 1) + " was `" + x + "`, is `" + y + "`";
            }
        }
        return "";
    }

    /** {@code after} must be {@code before} plus COPY instructions placed before a copy of the whole context. */
    private static String compareOthers(List<String> before, List<String> after) {
        int i = 0;
        for (int j = 0; j < after.size(); j++) {
            String b = after.get(j);
            if (i < before.size() && before.get(i).equals(b)) {
                i++;
                continue;
            }
            if (b.startsWith(CONTEXT_COPY) && wholeContextCopyFollows(after, j)) {
                continue;
            }
            return "instruction changed or added: `" + b + "`" + (i < before.size() ? " where `" + before.get(i)
                    + "` was" : "");
        }
        if (i < before.size()) {
            return "instruction lost: `" + before.get(i) + "`";
        }
        return null;
    }

    /** Canonical prefixes of COPY from the build context, and of COPY of the whole context. */
    private static final String CONTEXT_COPY = "COPY(context) ";
    private static final String WHOLE_CONTEXT_COPY = "COPY(context,whole) ";

    private static boolean wholeContextCopyFollows(List<String> after, int j) {
        for (int k = j + 1; k < after.size(); k++) {
            if (after.get(k).startsWith(WHOLE_CONTEXT_COPY)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> globals(Dockerfile df) {
        List<String> out = new ArrayList<>();
        for (Instruction.Arg a : df.globalArgs()) {
            for (KeyValue kv : a.pairs()) {
                out.add(kv.key() + "=" + kv.value());
            }
        }
        return out;
    }

    private static Stage2 stage(Stage s) {
        Instruction.From f = s.from();
        String base = f.image() + " AS " + (s.name() == null ? "" : s.name().toLowerCase(Locale.ROOT)) + " "
                + flags(f);
        List<String> others = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        Map<String, Integer> cleanups = new HashMap<>();
        int env = 0;
        for (Instruction in : s.instructions()) {
            if (in instanceof Instruction.Run r) {
                String ctx = env + " " + flags(r) + " | ";
                run(r, ctx, commands, cleanups);
                continue;
            }
            if (in instanceof Instruction.Env || in instanceof Instruction.Arg || in instanceof Instruction.User
                    || in instanceof Instruction.Workdir || in instanceof Instruction.Shell
                    || in instanceof Instruction.Onbuild) {
                env++;
            }
            others.addAll(canonical(in));
        }
        return new Stage2(base, others, commands, cleanups);
    }

    private static void run(Instruction.Run r, String ctx, List<String> commands, Map<String, Integer> cleanups) {
        CommandLine c = r.command();
        if (c == null) {
            commands.add(ctx + "(none)");
            return;
        }
        if (c.execForm()) {
            commands.add(ctx + "exec " + c.execArgs());
            return;
        }
        boolean complete = !c.scripts().isEmpty();
        for (ShellScript s : c.scripts()) {
            complete &= s.complete();
        }
        if (!complete) {
            commands.add(ctx + "text " + (c.shellText() == null ? "" : c.shellText().text().strip()));
            return;
        }
        for (Heredoc h : r.node().heredocs()) {
            boolean executed = false;
            for (ShellScript s : c.scripts()) {
                executed |= s.text().text().equals(h.body());
            }
            if (!executed) {
                // a here-document the command reads as data (cat <<EOF > file): its text matters as it is
                commands.add(ctx + "heredoc " + h.name() + " " + h.body());
            }
        }
        for (ShellScript s : c.scripts()) {
            for (SimpleCommand sc : s.commands()) {
                List<String> words = new ArrayList<>();
                sc.assignments().forEach(a -> words.add(a.name() + "=" + (a.value() == null ? "" : a.value().value())));
                Set<String> assumeYes = Set.of();
                for (Word w : sc.words()) {
                    String v = w.value();
                    String prog = v.substring(v.lastIndexOf('/') + 1);
                    if (assumeYes.isEmpty() && ASSUME_YES.containsKey(prog)) {
                        assumeYes = ASSUME_YES.get(prog);
                    } else if (assumeYes.contains(v)) {
                        continue;
                    }
                    if (!ADDED_OPTIONS.contains(v)) {
                        words.add(v);
                    }
                }
                sc.redirects().forEach(rd -> words.add(rd.operator() + (rd.target() == null ? ""
                        : rd.target().value())));
                String key = String.join(" ", words);
                if (isCleanup(sc)) {
                    cleanups.merge(key, 1, Integer::sum);
                } else {
                    commands.add(ctx + key);
                }
            }
        }
    }

    /** A command that only removes package-manager caches or downloaded archives. */
    public static boolean isCleanup(SimpleCommand sc) {
        if (sc.inSubstitution() || !sc.redirects().isEmpty() || !sc.assignments().isEmpty()) {
            return false;
        }
        List<String> a = sc.args();
        String p = sc.program();
        String sub = a.isEmpty() ? "" : a.get(0);
        switch (p) {
            case "apt-get", "apt" -> {
                return sub.equals("clean") || sub.equals("autoclean");
            }
            case "yum", "dnf", "microdnf", "tdnf", "zypper", "conda", "mamba", "micromamba" -> {
                return sub.equals("clean") || (p.equals("zypper") && sub.equals("cc"));
            }
            case "npm", "yarn" -> {
                return sub.equals("cache") && a.size() > 1 && a.get(1).equals("clean");
            }
            case "pnpm" -> {
                return sub.equals("store") && a.size() > 1 && a.get(1).equals("prune");
            }
            case "composer" -> {
                return sub.equals("clear-cache") || sub.equals("clearcache") || sub.equals("cc");
            }
            case "pip", "pip3", "uv" -> {
                return sub.equals("cache") && a.size() > 1 && (a.get(1).equals("purge") || a.get(1).equals("clean"));
            }
            case "rm" -> {
                int operands = 0;
                for (String s : a) {
                    if (s.startsWith("-")) {
                        if (!s.matches("-[rRfv]+|--recursive|--force|--verbose")) {
                            return false;
                        }
                        continue;
                    }
                    operands++;
                    if (!CACHE_PATH.matcher(s).matches() && !ARCHIVE.matcher(s).matches()) {
                        return false;
                    }
                }
                return operands > 0;
            }
            default -> {
                return false;
            }
        }
    }

    private static String flags(Instruction in) {
        TreeSet<String> out = new TreeSet<>();
        for (Flag f : in.flags()) {
            out.add(f.name().toLowerCase(Locale.ROOT) + "=" + f.value());
        }
        return String.join(" ", out);
    }

    private static List<String> canonical(Instruction in) {
        List<String> out = new ArrayList<>();
        String f = flags(in);
        if (in instanceof Instruction.Env e) {
            e.pairs().forEach(kv -> out.add("ENV " + kv.key() + "=" + kv.value()));
        } else if (in instanceof Instruction.Arg a) {
            a.pairs().forEach(kv -> out.add("ARG " + kv.key() + "=" + kv.value()));
        } else if (in instanceof Instruction.Label l) {
            l.pairs().forEach(kv -> out.add("LABEL " + kv.key() + "=" + kv.value()));
        } else if (in instanceof Instruction.Maintainer m) {
            out.add("LABEL org.opencontainers.image.authors=" + (m.maintainer() == null ? "" : m.maintainer().strip()));
        } else if (in instanceof Instruction.Cmd c) {
            out.add("CMD " + argv(c.command()));
        } else if (in instanceof Instruction.Entrypoint e) {
            out.add("ENTRYPOINT " + argv(e.command()));
        } else if (in instanceof Instruction.Healthcheck h) {
            out.add("HEALTHCHECK " + f + " " + (h.none() ? "NONE" : argv(h.command())));
        } else if (in instanceof Instruction.Copy c) {
            out.add(copyKind(c.flag("from").isPresent(), c.sources(), c.heredocs()) + f + " " + c.sources() + " " + c.destination() + " " + heredocs(c.heredocs()));
        } else if (in instanceof Instruction.Add a) {
            out.add((plainLocal(a) ? copyKind(a.flag("from").isPresent(), a.sources(), a.heredocs()) : "ADD ") + f + " " + a.sources() + " " + a.destination() + " "
                    + heredocs(a.heredocs()));
        } else if (in instanceof Instruction.Expose e) {
            e.ports().forEach(p -> out.add("EXPOSE " + p.toLowerCase(Locale.ROOT)));
        } else if (in instanceof Instruction.Volume v) {
            out.add("VOLUME " + v.paths());
        } else if (in instanceof Instruction.User u) {
            out.add("USER " + u.user());
        } else if (in instanceof Instruction.Workdir w) {
            out.add("WORKDIR " + w.path());
        } else if (in instanceof Instruction.Shell s) {
            out.add("SHELL " + s.shell());
        } else if (in instanceof Instruction.Stopsignal s) {
            out.add("STOPSIGNAL " + s.signal());
        } else if (in instanceof Instruction.Onbuild o) {
            out.add("ONBUILD " + (o.trigger() == null ? "" : o.trigger().kind() + " " + o.trigger().node().args()));
        } else {
            out.add(in.kind() + " " + in.node().args());
        }
        return out;
    }

    private static String copyKind(boolean from, List<String> sources, List<Heredoc> heredocs) {
        if (from || !heredocs.isEmpty()) {
            return "COPY ";
        }
        for (String src : sources) {
            if (src.equals(".") || src.equals("./") || src.equals("*")) {
                return WHOLE_CONTEXT_COPY;
            }
        }
        return CONTEXT_COPY;
    }

    private static String heredocs(List<Heredoc> hs) {
        StringBuilder sb = new StringBuilder();
        for (Heredoc h : hs) {
            sb.append(h.name()).append(h.quoted() ? "'" : "").append(h.chomp() ? "-" : "").append(':')
                    .append(h.body());
        }
        return sb.toString();
    }

    /** ADD of local files that are not archives: what COPY does. */
    private static boolean plainLocal(Instruction.Add a) {
        if (!a.heredocs().isEmpty() || a.flag("checksum").isPresent() || a.flag("keep-git-dir").isPresent()) {
            return false;
        }
        for (String s : a.sources()) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.contains("://") || l.startsWith("git@") || l.contains("$") || ARCHIVE.matcher(l).matches()
                    || l.endsWith(".tar") || l.contains(".tar.")) {
                return false;
            }
        }
        return !a.sources().isEmpty();
    }

    /** The argv a CMD/ENTRYPOINT/HEALTHCHECK command runs, as a comparable string. */
    static String argv(CommandLine c) {
        if (c == null) {
            return "(none)";
        }
        if (c.execForm()) {
            List<String> args = new ArrayList<>(c.execArgs());
            int script = ShellWrapper.scriptIndex(args);
            if (script >= 0) {
                args.set(script, ShellWrapper.withoutExec(args.get(script)));
            }
            return "exec " + args;
        }
        if (c.notQuiteJson() && c.shellText() != null) {
            List<String> items = JsonArrays.readQuoted(c.shellText().text());
            if (items != null) {
                return "exec " + items;
            }
        }
        Object argv = ExecFormConverter.argv(c);
        if (argv instanceof List<?> l) {
            return "exec " + l;
        }
        return "shell " + c.shell() + " " + (c.shellText() == null ? "" : c.shellText().text().strip());
    }
}
