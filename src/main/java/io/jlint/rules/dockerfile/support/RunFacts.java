package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one RUN does with package caches and downloaded files, in execution order, and the same for every RUN of a
 * stage chain ({@link #chain}), so that rules can ask "does this RUN leave a cache behind", "does a later RUN clean
 * what an earlier one left".
 */
public final class RunFacts {

    /** A cache fill at command {@code index}; {@code cleaned}: a later command of the same RUN cleans it. */
    public record FillAt(PackageCache.Fill fill, int index, boolean cleaned, boolean mounted) {
        /** Left in this RUN's layer. */
        public boolean left() {
            return !cleaned && !mounted;
        }
    }

    /**
     * A downloaded file at command {@code index}: {@code unpacked} when a later command of the same RUN extracts or
     * installs it, {@code removed} when a later command removes it.
     */
    public record DownloadAt(Downloads.Download download, int index, boolean unpacked, boolean removed,
                             boolean mounted) {
        /** Downloaded, consumed and left in this RUN's layer. */
        public boolean leftUnpacked() {
            return unpacked && !removed && !mounted;
        }

        /** Downloaded and left in this RUN's layer (consumed or not). */
        public boolean left() {
            return !removed && !mounted;
        }
    }

    /** A removal of a gem cache wherever it is: a cache directory below something named gem/bundle/ruby. */
    private static final java.util.regex.Pattern GEM_CACHE = java.util.regex.Pattern.compile(
            "(?i).*(gem|bundle|ruby).*/cache(/.*)?|~/\\.gem(/.*)?");

    /** A cleanup command: the caches its manager subcommand cleans and the paths it removes (normalised). */
    public record CleanupAt(SimpleCommand command, int index, Set<PackageCache> caches, List<String> removed) {
        public CleanupAt {
            caches = Collections.unmodifiableSet(caches.isEmpty() ? EnumSet.noneOf(PackageCache.class)
                    : EnumSet.copyOf(caches));
            removed = List.copyOf(removed);
        }

        /** True when this cleanup removes (some of) the fill's cache. */
        public boolean cleans(PackageCache.Fill f) {
            if (caches.contains(f.cache())) {
                return true;
            }
            if (f.cache() == PackageCache.GEM && removed.stream().anyMatch(r -> GEM_CACHE.matcher(r).matches())) {
                return true; // the gem directory is often only known at run time: "$(gem env gemdir)"/cache
            }
            for (String r : removed) {
                for (String p : f.paths()) {
                    if (ShellPaths.removes(r, p)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** True when this cleanup belongs to the fill's family: cleans it or a sibling cache (apt-get clean). */
        public boolean cleansFamily(PackageCache.Fill f) {
            if (cleans(f)) {
                return true;
            }
            for (PackageCache c : caches) {
                if (c.sameFamily(f.cache())) {
                    return true;
                }
            }
            for (String r : removed) {
                for (PackageCache c : PackageCache.values()) {
                    if (c.sameFamily(f.cache())) {
                        for (String p : c.paths()) {
                            if (ShellPaths.removes(r, p)) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        /** True when this cleanup removes the file. */
        public boolean removes(String path) {
            for (String r : removed) {
                if (ShellPaths.removes(r, path)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Instruction.Run run;
    private final Stage stage;
    private final RunEnv env;
    private final boolean analysable;
    private final List<SimpleCommand> commands;
    private final List<FillAt> fills = new ArrayList<>();
    private final List<DownloadAt> downloads = new ArrayList<>();
    private final List<CleanupAt> cleanups = new ArrayList<>();
    private final boolean disablesDockerClean;

    private RunFacts(Instruction.Run run, Stage stage, RunEnv env, boolean aptArchivesKept, boolean windows) {
        this.run = run;
        this.stage = stage;
        this.env = env;
        this.analysable = !windows && !run.command().execForm() && run.command().posixShell()
                && PackageManagers.complete(run.command());
        this.commands = analysable ? PackageManagers.commands(run.command()) : List.of();
        boolean keep = aptArchivesKept;
        boolean disables = false;
        RunEnv e = env;
        String cwd = env.workdir() != null ? env.workdir() : "?0";
        int unknownDirs = 0;
        List<Downloads.Download> dls = new ArrayList<>();
        List<Integer> dlIndex = new ArrayList<>();
        List<List<Integer>> unpackedAt = new ArrayList<>();
        List<List<Integer>> removedAt = new ArrayList<>();
        List<PackageCache.Fill> fl = new ArrayList<>();
        List<Integer> flIndex = new ArrayList<>();
        int lastOpaque = -1;
        Set<SimpleCommand> inFunction = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (analysable) {
            for (io.jlint.dockerfile.shell.ShellScript s : run.command().scripts()) {
                collectFunctionBodies(s.root(), false, inFunction);
            }
        }
        for (int i = 0; i < commands.size(); i++) {
            SimpleCommand c = commands.get(i);
            if (disablesDockerClean(c)) {
                keep = true;
                disables = true;
            }
            Map<String, String> exported = exports(c);
            if (!exported.isEmpty()) {
                e = e.with(exported);
            }
            Optional<String> cd = ShellPaths.cdTarget(c, e, cwd);
            if (cd.isPresent()) {
                String t = cd.get();
                if (t.isEmpty() || c.inSubstitution()) {
                    t = "?" + (++unknownDirs);
                }
                cwd = t;
                continue;
            }
            if (runsScriptFile(c)) {
                lastOpaque = i;
            }
            Optional<PackageManagers.Invocation> inv = PackageManagers.invocation(c);
            if (inv.isPresent()) {
                for (PackageCache.Fill f : PackageCache.fills(inv.get(), e, keep)) {
                    fl.add(f);
                    flIndex.add(i);
                }
            }
            for (Downloads.Download d : Downloads.downloads(c, e, cwd)) {
                dls.add(d);
                dlIndex.add(i);
                unpackedAt.add(new ArrayList<>());
                removedAt.add(new ArrayList<>());
            }
            for (String p : Downloads.unpacked(c, e, cwd)) {
                for (int k = 0; k < dls.size(); k++) {
                    if (dls.get(k).path().equals(p)) {
                        unpackedAt.get(k).add(i);
                    }
                }
            }
            Set<PackageCache> cleaned = PackageCache.cleanedBy(c);
            List<String> removed = ShellPaths.removedPaths(c, e, cwd);
            if (!cleaned.isEmpty() || !removed.isEmpty()) {
                // a cleanup in a function body runs when the function is called, usually at the end: say less
                cleanups.add(new CleanupAt(c, inFunction.contains(c) ? commands.size() : i, cleaned, removed));
            }
            Word first = c.words().isEmpty() ? null : c.words().get(0);
            if (first != null && first.value().equals("mv") && c.words().size() >= 3) {
                // moving a downloaded file away counts as removing it from where it was
                List<String> moved = new ArrayList<>();
                for (int k = 1; k < c.words().size() - 1; k++) {
                    if (!c.words().get(k).value().startsWith("-")) {
                        moved.add(ShellPaths.normalize(c.words().get(k).value(), e, cwd));
                    }
                }
                for (int k = 0; k < dls.size(); k++) {
                    if (moved.contains(dls.get(k).path())) {
                        removedAt.get(k).add(i);
                    }
                }
            }
        }
        for (int k = 0; k < fl.size(); k++) {
            PackageCache.Fill f = fl.get(k);
            int idx = flIndex.get(k);
            // a script file run after the fill may clean up where we cannot see: say nothing then
            boolean cleaned = lastOpaque > idx;
            for (CleanupAt cl : cleanups) {
                if (cl.index() > idx && cl.cleans(f)) {
                    cleaned = true;
                    break;
                }
            }
            boolean mounted = false;
            for (String p : f.paths()) {
                mounted |= ShellPaths.mounted(run.mounts(), p, env);
            }
            fills.add(new FillAt(f, idx, cleaned, mounted));
        }
        for (int k = 0; k < dls.size(); k++) {
            Downloads.Download d = dls.get(k);
            int idx = dlIndex.get(k);
            boolean unpacked = unpackedAt.get(k).stream().anyMatch(j -> j > idx);
            boolean removed = !removedAt.get(k).isEmpty();
            for (CleanupAt cl : cleanups) {
                if (cl.index() > idx && cl.removes(d.path())) {
                    removed = true;
                    break;
                }
            }
            boolean mounted = ShellPaths.mounted(run.mounts(), d.path(), env);
            downloads.add(new DownloadAt(d, idx, unpacked, removed, mounted));
        }
        this.disablesDockerClean = disables;
    }

    private static void collectFunctionBodies(io.jlint.dockerfile.shell.ShellNode node, boolean inside,
                                              Set<SimpleCommand> out) {
        if (node == null) {
            return;
        }
        if (node instanceof SimpleCommand c) {
            if (inside) {
                out.add(c);
            }
        } else if (node instanceof io.jlint.dockerfile.shell.ShellNode.Compound k) {
            boolean fn = inside || "function".equals(k.keyword());
            k.parts().forEach(p -> collectFunctionBodies(p, fn, out));
        } else if (node instanceof io.jlint.dockerfile.shell.ShellNode.Pipeline p) {
            p.elements().forEach(x -> collectFunctionBodies(x, inside, out));
        } else if (node instanceof io.jlint.dockerfile.shell.ShellNode.AndOrList a) {
            a.elements().forEach(x -> collectFunctionBodies(x, inside, out));
        } else if (node instanceof io.jlint.dockerfile.shell.ShellNode.Sequence q) {
            q.elements().forEach(x -> collectFunctionBodies(x, inside, out));
        } else if (node instanceof io.jlint.dockerfile.shell.ShellNode.Group g) {
            collectFunctionBodies(g.body(), inside, out);
        }
    }

    private static final java.util.Set<String> SHELL_PROGRAMS = java.util.Set.of("sh", "bash", "dash", "ash",
            "zsh", "ksh");

    /** True for {@code ./x.sh}, {@code /tmp/setup.sh}, {@code bash /tmp/x.sh args}, {@code sh install}. */
    static boolean runsScriptFile(SimpleCommand c) {
        PackageManagers.Unwrapped u = PackageManagers.unwrap(c);
        if (u == null || u.words().isEmpty()) {
            return false;
        }
        String prog = u.words().get(0).value();
        if (prog.endsWith(".sh") || prog.endsWith(".bash")) {
            return true;
        }
        if (SHELL_PROGRAMS.contains(PackageManagers.base(prog))) {
            for (int i = 1; i < u.words().size(); i++) {
                String v = u.words().get(i).value();
                if (v.equals("-c") || (v.startsWith("-") && !v.startsWith("--") && v.indexOf('c') > 0)) {
                    return false;
                }
                if (v.equals("-o") || v.equals("+o")) {
                    i++;
                    continue;
                }
                if (!v.startsWith("-") && !v.startsWith("+")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean disablesDockerClean(SimpleCommand c) {
        for (Word w : c.words()) {
            String v = w.value();
            if (v.endsWith("apt.conf.d/docker-clean") && !c.words().isEmpty()
                    && PackageManagers.base(c.words().get(0).value()).equals("rm")) {
                return true;
            }
            if (v.contains("Keep-Downloaded-Packages") && v.contains("true")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> exports(SimpleCommand c) {
        Map<String, String> out = new LinkedHashMap<>();
        if (c.words().isEmpty() || !c.words().get(0).value().equals("export")) {
            return out;
        }
        for (int i = 1; i < c.words().size(); i++) {
            String v = c.words().get(i).value();
            int eq = v.indexOf('=');
            if (eq > 0) {
                out.put(v.substring(0, eq), v.substring(eq + 1));
            }
        }
        return out;
    }

    /** Analyses one RUN on its own (no stage context: no ENV, no WORKDIR). */
    public static RunFacts of(Instruction.Run run) {
        return new RunFacts(run, null, new RunEnv(Map.of(), null, null, run.mounts()), false, false);
    }

    public Instruction.Run run() {
        return run;
    }

    /** The stage the RUN is in (null when analysed on its own). */
    public Stage stage() {
        return stage;
    }

    public RunEnv env() {
        return env;
    }

    /** False for exec form, non-POSIX shells and scripts the parser could not finish: nothing is reported then. */
    public boolean analysable() {
        return analysable;
    }

    /** The commands in execution order (nested shells spliced in). */
    public List<SimpleCommand> commands() {
        return commands;
    }

    public List<FillAt> fills() {
        return fills;
    }

    public List<DownloadAt> downloads() {
        return downloads;
    }

    public List<CleanupAt> cleanups() {
        return cleanups;
    }

    /** True when this RUN switches off the docker-clean apt configuration (removes it, or keeps downloads). */
    public boolean disablesDockerClean() {
        return disablesDockerClean;
    }

    // ------------------------------------------------------------------------------------------------------------
    // stage chains

    /**
     * The stages whose layers end up in the image built for {@code target} (null: the last stage), root first:
     * the target and the stages it is built FROM.
     */
    public static List<Stage> layerChain(Dockerfile df, String target) {
        List<Stage> out = new ArrayList<>();
        if (df.stages().isEmpty()) {
            return out;
        }
        Stage t = df.targetStage(target);
        BitSet layers = df.layerStages(t);
        for (Stage s : df.stages()) {
            if (layers.get(s.index())) {
                out.add(s);
            }
        }
        // FROM can only name earlier stages, so file order is chain order
        return out;
    }

    /** The facts of every RUN in the given stages (a layer chain, root first), with ENV/ARG/USER/WORKDIR known. */
    public static List<RunFacts> chain(Dockerfile df, List<Stage> stages) {
        List<RunFacts> out = new ArrayList<>();
        Map<String, String> globals = new HashMap<>();
        for (Instruction.Arg a : df.globalArgs()) {
            for (KeyValue kv : a.pairs()) {
                if (kv.value() != null) {
                    globals.put(kv.key(), kv.value());
                }
            }
        }
        Map<Integer, State> endStates = new HashMap<>();
        boolean keepArchives = false;
        for (Stage s : stages) {
            State st = s.baseStage() >= 0 && endStates.containsKey(s.baseStage())
                    ? endStates.get(s.baseStage()).forChild() : new State();
            for (Instruction in : s.instructions()) {
                if (in instanceof Instruction.Env env) {
                    for (KeyValue kv : env.pairs()) {
                        st.env.put(kv.key(), st.view().expand(kv.value() == null ? "" : kv.value()));
                    }
                } else if (in instanceof Instruction.Arg arg) {
                    for (KeyValue kv : arg.pairs()) {
                        String v = kv.value() != null ? st.view().expand(kv.value()) : globals.get(kv.key());
                        if (v != null && !st.env.containsKey(kv.key())) {
                            st.args.put(kv.key(), v);
                        }
                    }
                } else if (in instanceof Instruction.User u) {
                    st.user = st.view().expand(u.user());
                } else if (in instanceof Instruction.Workdir w) {
                    String p = st.view().expand(w.path());
                    if (p != null && !p.startsWith("/") && st.workdir != null) {
                        p = st.workdir + "/" + p;
                    }
                    st.workdir = p == null || !p.startsWith("/") ? null : ShellPaths.normalize(p, null, null);
                } else if (in instanceof Instruction.Run r) {
                    RunEnv re = new RunEnv(st.view().vars(), st.user, st.workdir, r.mounts());
                    RunFacts f = new RunFacts(r, s, re, keepArchives, windows(df, s));
                    keepArchives |= f.disablesDockerClean();
                    out.add(f);
                }
            }
            endStates.put(s.index(), st);
        }
        return out;
    }

    private static final java.util.regex.Pattern WINDOWS = java.util.regex.Pattern.compile(
            "(?i).*(windows|nanoserver|servercore|ltsc20\\d\\d).*");

    /** True when the stage's chain starts from a Windows base image (RUN then goes to cmd, not sh). */
    public static boolean windows(Dockerfile df, Stage stage) {
        Stage s = stage;
        for (int guard = 0; s != null && guard <= df.stages().size(); guard++) {
            if (s.baseStage() < 0) {
                String image = s.from() == null ? null : s.from().image();
                return image != null && WINDOWS.matcher(image).matches();
            }
            s = df.stages().get(s.baseStage());
        }
        return false;
    }

    private static final class State {
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, String> args = new LinkedHashMap<>();
        String user;
        String workdir;

        RunEnv view() {
            Map<String, String> v = new LinkedHashMap<>(args);
            v.putAll(env);
            return new RunEnv(v, user, workdir, List.of());
        }

        State forChild() {
            State s = new State();
            s.env.putAll(env);
            s.user = user;
            s.workdir = workdir;
            return s;
        }
    }
}
