package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.RuleContext;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cache facts of the RUNs whose layers reach the built image (the target stage and the stages it is built
 * FROM), and the relations the missing-cleanup and unmerged-run rules share: which RUN cleans what an earlier RUN
 * left, which RUN only refreshes a package index.
 */
final class CacheChain {

    /** A cleanup in RUN {@code later} of what RUN {@code earlier} left in its own layer. */
    record LateCleanup(RunFacts later, SimpleCommand cleanup, RunFacts earlier, PackageCache cache,
                       String downloadedFile, boolean exact) {
    }

    final Dockerfile df;
    final List<RunFacts> runs;
    final List<LateCleanup> lateCleanups;

    private CacheChain(Dockerfile df, List<RunFacts> runs) {
        this.df = df;
        this.runs = runs;
        this.lateCleanups = findLateCleanups(runs);
    }

    /** The analysis of the last Dockerfile asked for: the engine runs every rule on one file in turn. */
    private record Memo(Dockerfile df, String target, CacheChain chain) {
    }

    private static volatile Memo last;

    static CacheChain of(Dockerfile df, RuleContext ctx) {
        String target = ctx == null || ctx.config() == null ? null : ctx.config().target();
        Memo m = last;
        if (m != null && m.df() == df && java.util.Objects.equals(m.target(), target)) {
            return m.chain();
        }
        CacheChain c = df.stages().isEmpty() ? new CacheChain(df, List.of())
                : new CacheChain(df, RunFacts.chain(df, RunFacts.layerChain(df, target)));
        last = new Memo(df, target, c);
        return c;
    }

    private static List<LateCleanup> findLateCleanups(List<RunFacts> runs) {
        List<LateCleanup> out = new ArrayList<>();
        // what an earlier RUN left is hidden by the first later RUN that removes it; later removals find nothing
        java.util.Set<Object> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int r = 0; r < runs.size(); r++) {
            RunFacts later = runs.get(r);
            if (!later.analysable()) {
                continue;
            }
            List<Object> takenHere = new ArrayList<>();
            for (RunFacts.CleanupAt c : later.cleanups()) {
                for (int p = r - 1; p >= 0; p--) {
                    RunFacts earlier = runs.get(p);
                    for (RunFacts.FillAt f : earlier.fills()) {
                        if (!f.left() || taken.contains(f) || !c.cleansFamily(f.fill())
                                || ownFillBefore(later, f.fill().cache(), c)) {
                            continue;
                        }
                        out.add(new LateCleanup(later, c.command(), earlier, f.fill().cache(), null,
                                c.cleans(f.fill())));
                        if (c.cleans(f.fill())) {
                            takenHere.add(f);
                        }
                    }
                    for (RunFacts.DownloadAt d : earlier.downloads()) {
                        if (d.left() && !taken.contains(d) && removesExplicitly(c, d.download().path())
                                && !ownDownloadBefore(later, d, c)) {
                            out.add(new LateCleanup(later, c.command(), earlier, null, d.download().written(), true));
                            takenHere.add(d);
                        }
                    }
                }
            }
            taken.addAll(takenHere);
        }
        return out;
    }

    private static final Set<String> SCRATCH_DIRS = Set.of("/", "/tmp", "/var/tmp", "~", "/usr/src", "/opt",
            "/usr/local", "/usr/local/src", "/var/cache", "/var/lib");

    /**
     * True when the cleanup names the downloaded file, or a directory holding it other than a general scratch
     * directory: {@code rm -rf /tmp/*} in a later RUN is general housekeeping, not a cleanup of that file.
     */
    private static boolean removesExplicitly(RunFacts.CleanupAt c, String path) {
        for (String r : c.removed()) {
            if (r.equals(path)) {
                return true;
            }
            if (r.indexOf('*') < 0 && r.indexOf('?') < 0 && r.indexOf('{') < 0 && !SCRATCH_DIRS.contains(r)
                    && path.startsWith(r + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownFillBefore(RunFacts run, PackageCache cache, RunFacts.CleanupAt c) {
        for (RunFacts.FillAt f : run.fills()) {
            if (f.index() < c.index() && f.fill().cache().sameFamily(cache)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownDownloadBefore(RunFacts run, RunFacts.DownloadAt d, RunFacts.CleanupAt c) {
        for (RunFacts.DownloadAt own : run.downloads()) {
            if (own.index() < c.index() && own.download().path().equals(d.download().path())) {
                return true;
            }
        }
        return false;
    }

    /** True when a later RUN removes exactly this fill (so the unmerged-run rule reports it, not missing-cleanup). */
    boolean cleanedLater(RunFacts run, RunFacts.FillAt fill) {
        for (LateCleanup lc : lateCleanups) {
            if (lc.earlier() == run && lc.exact() && lc.cache() == fill.fill().cache()) {
                return true;
            }
        }
        return false;
    }

    /** True when a later RUN removes this downloaded file. */
    boolean removedLater(RunFacts run, RunFacts.DownloadAt d) {
        for (LateCleanup lc : lateCleanups) {
            if (lc.earlier() == run && d.download().written().equals(lc.downloadedFile())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Late cleanups in this RUN, except the cleanup of an index that an earlier RUN only refreshed for this RUN's
     * own install ({@code RUN apt-get update} … {@code RUN apt-get install x && rm -rf /var/lib/apt/lists/*}): JL201
     * or JL203 report that pair as one mistake.
     */
    List<LateCleanup> lateCleanupsIn(RunFacts later) {
        List<LateCleanup> out = new ArrayList<>();
        for (LateCleanup lc : lateCleanups) {
            if (lc.later() != later) {
                continue;
            }
            if (lc.cache() != null && indexUpdateOnly(lc.earlier())) {
                boolean installsHere = false;
                for (String fam : indexFamilies(lc.earlier())) {
                    installsHere |= installOf(later, fam) != null;
                }
                if (installsHere) {
                    continue;
                }
            }
            out.add(lc);
        }
        return out;
    }

    /** The facts of a RUN of the chain, or null when it is not in the chain. */
    RunFacts factsOf(Instruction.Run run) {
        for (RunFacts f : runs) {
            if (f.run() == run) {
                return f;
            }
        }
        return null;
    }

    private static final Set<String> TRIVIAL = Set.of("set", "true", ":", "echo", "printf", "export");

    /**
     * True when the RUN does nothing but refresh a package index ({@code apt-get update}, {@code apk update},
     * {@code dnf makecache}, {@code zypper refresh}), maybe with {@code set -e}/{@code echo} around it.
     */
    static boolean indexUpdateOnly(RunFacts run) {
        if (!run.analysable() || run.commands().isEmpty()) {
            return false;
        }
        boolean update = false;
        for (SimpleCommand c : run.commands()) {
            var inv = PackageManagers.invocation(c);
            if (inv.isPresent() && inv.get().action() == PackageManagers.Action.UPDATE_INDEX
                    && inv.get().manager().system()) {
                update = true;
                continue;
            }
            if (c.words().isEmpty() || TRIVIAL.contains(c.program())) {
                continue;
            }
            return false;
        }
        return update;
    }

    /** The managers ("apt", "apk", "rpm", "zypper") whose index the RUN refreshes. */
    static Set<String> indexFamilies(RunFacts run) {
        Set<String> out = new java.util.TreeSet<>();
        for (SimpleCommand c : run.commands()) {
            var inv = PackageManagers.invocation(c);
            if (inv.isPresent() && inv.get().action() == PackageManagers.Action.UPDATE_INDEX) {
                out.add(family(inv.get().manager()));
            }
        }
        return out;
    }

    /** The first install in the RUN by a manager of the family, or null. */
    static PackageManagers.Invocation installOf(RunFacts run, String family) {
        for (SimpleCommand c : run.commands()) {
            var inv = PackageManagers.invocation(c);
            if (inv.isPresent() && (inv.get().action() == PackageManagers.Action.INSTALL
                    || inv.get().action() == PackageManagers.Action.UPGRADE)
                    && family(inv.get().manager()).equals(family)) {
                return inv.get();
            }
        }
        return null;
    }

    /** The index-update command of a family, for messages. */
    static String updateCommand(String family) {
        return switch (family) {
            case "apt" -> "apt-get update";
            case "apk" -> "apk update";
            case "zypper" -> "zypper refresh";
            default -> "dnf makecache";
        };
    }

    /**
     * What to do with a RUN that only refreshes an index, given the RUN that installs: apt needs the update in the
     * installing RUN; apk, zypper and the rpm family refresh their index themselves when they install.
     */
    static String updateAloneAdvice(String family, String installText, String installWhere) {
        if (family.equals("apt")) {
            return "run `apt-get update && " + installText + " … && rm -rf /var/lib/apt/lists/*` in " + installWhere;
        }
        if (family.equals("apk")) {
            return "`apk add --no-cache` in " + installWhere + " fetches a fresh index by itself";
        }
        return "`" + installText + "` in " + installWhere + " refreshes the metadata by itself";
    }

    static String family(PackageManagers.Manager m) {
        if (m.apt()) {
            return "apt";
        }
        if (m.rpm()) {
            return "rpm";
        }
        return m.command().toLowerCase(Locale.ROOT);
    }

    /** "line 7" or "lines 7 and 9". */
    static String lines(List<Integer> lines) {
        List<Integer> l = lines.stream().distinct().sorted().toList();
        if (l.size() == 1) {
            return "line " + l.get(0);
        }
        StringBuilder sb = new StringBuilder("lines ");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                sb.append(i == l.size() - 1 ? " and " : ", ");
            }
            sb.append(l.get(i));
        }
        return sb.toString();
    }

    /** " (line N)" when the command is not on the RUN's first line, else "". */
    static String at(RunFacts run, SimpleCommand c) {
        return atLine(run.run(), c);
    }

    /** " (line N)" when the command is not on the RUN's first line, else "". */
    static String atLine(Instruction.Run run, SimpleCommand c) {
        int line = c.span().startLine();
        return line != run.line() && line > 0 ? " (line " + line + ")" : "";
    }

    /** The command as written, shortened for messages: program and subcommand. */
    static String shortText(PackageManagers.Invocation inv) {
        String prog = inv.words().get(0).value();
        prog = PackageManagers.base(prog);
        if (inv.manager() == PackageManagers.Manager.PIP && !prog.startsWith("pip")) {
            prog = "pip";
        }
        return inv.subcommand().isEmpty() ? prog : prog + " " + inv.subcommand();
    }
}
