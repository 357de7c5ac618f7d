package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.rules.dockerfile.support.PackageManagers.Action;
import io.jlint.rules.dockerfile.support.PackageManagers.Invocation;
import io.jlint.rules.dockerfile.support.PackageManagers.Manager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The caches package managers leave in a layer, where they are, what fills them and what removes them.
 *
 * <p>Decisions (documented in the rules that use them):
 * <ul>
 *   <li>apt: Debian and Ubuntu images ship {@code /etc/apt/apt.conf.d/docker-clean}, which deletes downloaded
 *       {@code .deb} files and the {@code *.bin} caches after every install, so only the package lists
 *       ({@code /var/lib/apt/lists}, written by {@code apt-get update}) stay. {@code apt-get clean} does not remove
 *       them; {@code rm -rf /var/lib/apt/lists/*} and {@code apt-get dist-clean} do. When a Dockerfile removes
 *       docker-clean or sets {@code Keep-Downloaded-Packages}, installs also fill {@link #APT_ARCHIVES}.</li>
 *   <li>apk: {@code apk add}/{@code upgrade} without {@code --no-cache}, and {@code apk update}, store the index in
 *       {@code /var/cache/apk}; {@code --no-network} fetches nothing.</li>
 *   <li>rpm family: install/upgrade/makecache fill {@code /var/cache/yum} (yum, microdnf), {@code /var/cache/dnf},
 *       {@code /var/cache/libdnf5} (dnf5) or {@code /var/cache/tdnf}; {@code clean all} (or {@code clean metadata})
 *       or removing one of these directories cleans.</li>
 *   <li>pip: {@code ~/.cache/pip} unless {@code --no-cache-dir} (or a unique abbreviation such as
 *       {@code --no-cache}), {@code PIP_NO_CACHE_DIR} truthy, or {@code PIP_CACHE_DIR} elsewhere.</li>
 *   <li>gem/bundler: {@code gem install}/{@code update} and {@code bundle install}/{@code update} keep the
 *       {@code .gem} archives in the gem cache of the directory they install to ({@code $GEM_HOME/cache},
 *       {@code $BUNDLE_PATH/ruby/<abi>/cache}); no subcommand empties it ({@code gem cleanup} and
 *       {@code bundle clean} remove old or unused gems), only removing the directory does.</li>
 * </ul>
 */
public enum PackageCache {
    // the order is the order of the rules that report them; do not rely on ordinals
    APT_LISTS("the apt package lists", List.of("/var/lib/apt/lists"), "rm -rf /var/lib/apt/lists/*"),
    APT_ARCHIVES("the downloaded .deb archives", List.of("/var/cache/apt"), "apt-get clean"),
    APK("the apk index cache", List.of("/var/cache/apk"), "rm -rf /var/cache/apk/*"),
    RPM("the package manager's metadata cache",
            List.of("/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/tdnf"), "clean all"),
    ZYPPER("the zypper cache", List.of("/var/cache/zypp"), "zypper clean --all"),
    PIP("pip's download cache", List.of("~/.cache/pip"), "pip cache purge"),
    UV("uv's cache", List.of("~/.cache/uv"), "uv cache clean"),
    NPM("npm's cache", List.of("~/.npm"), "npm cache clean --force"),
    YARN("yarn's cache", List.of("/usr/local/share/.cache/yarn", "~/.cache/yarn"), "yarn cache clean"),
    COMPOSER("composer's cache", List.of("~/.composer/cache", "~/.cache/composer"), "composer clear-cache"),
    CONDA("conda's package cache", List.of("/opt/conda/pkgs", "~/.conda/pkgs", "~/micromamba/pkgs",
            "~/.local/share/mamba/pkgs"), "conda clean --all --yes"),
    // RubyGems keeps every .gem it installs in $GEM_HOME/cache (Bundler too, under $BUNDLE_PATH/ruby/<abi>/cache
    // when a path is configured); "x" stands for the Ruby ABI version, which a glob such as ruby/*/cache matches
    GEM("the downloaded .gem files", List.of("/usr/local/bundle/cache", "/usr/local/bundle/ruby/x/cache",
            "$GEM_HOME/cache", "$BUNDLE_PATH/ruby/x/cache", "/var/lib/gems/x/cache", "/usr/lib/ruby/gems/x/cache",
            "/usr/local/lib/ruby/gems/x/cache", "~/.gem/ruby/x/cache", "~/.local/share/gem/ruby/x/cache"),
            "rm -rf \"$GEM_HOME\"/cache");

    private final String description;
    private final List<String> paths;
    private final String cleanup;

    PackageCache(String description, List<String> paths, String cleanup) {
        this.description = description;
        this.paths = paths;
        this.cleanup = cleanup;
    }

    /** Words for messages ("the apt package lists"). */
    public String description() {
        return description;
    }

    /** Default locations; {@code ~} is the user's home. */
    public List<String> paths() {
        return paths;
    }

    /** The usual cleanup command. */
    public String cleanup() {
        return cleanup;
    }

    /** Caches of one manager family are cleaned by the same people in the same place (apt lists and archives). */
    public boolean sameFamily(PackageCache other) {
        return this == other || (isApt() && other.isApt());
    }

    boolean isApt() {
        return this == APT_LISTS || this == APT_ARCHIVES;
    }

    /**
     * A cache an invocation fills.
     *
     * @param cache      which
     * @param paths      where, normalised (configured locations such as {@code PIP_CACHE_DIR} or {@code --cache}
     *                   replace the defaults)
     * @param invocation the call
     */
    public record Fill(PackageCache cache, List<String> paths, Invocation invocation) {
        public Fill {
            paths = List.copyOf(paths);
        }
    }

    /**
     * The caches this call fills in the layer, given its environment; empty when its flags or variables keep it
     * from caching. {@code aptArchivesKept} says whether docker-clean was switched off earlier.
     */
    public static List<Fill> fills(Invocation inv, RunEnv env, boolean aptArchivesKept) {
        List<Fill> out = new ArrayList<>();
        Manager m = inv.manager();
        Action a = inv.action();
        RunEnv e = env.with(inv.inlineEnv());
        switch (m) {
            case APT_GET, APT, APTITUDE -> {
                if (a == Action.UPDATE_INDEX) {
                    out.add(new Fill(APT_LISTS, APT_LISTS.paths, inv));
                }
                if (aptArchivesKept && (a == Action.INSTALL || a == Action.UPGRADE) && !inv.hasOption("-s",
                        "--simulate", "--dry-run", "--just-print", "--no-act", "--recon")) {
                    out.add(new Fill(APT_ARCHIVES, APT_ARCHIVES.paths, inv));
                }
            }
            case APK -> {
                boolean fetches = (a == Action.UPDATE_INDEX || a == Action.INSTALL || a == Action.UPGRADE)
                        && !inv.hasOption("--no-cache") && !inv.hasOption("--no-network");
                if (fetches) {
                    String dir = inv.optionValue("--cache-dir");
                    out.add(new Fill(APK, dir != null ? List.of(ShellPaths.normalize(dir, e, null)) : APK.paths, inv));
                }
            }
            case YUM, DNF, MICRODNF, TDNF -> {
                boolean fetches = a == Action.INSTALL || a == Action.UPGRADE || a == Action.UPDATE_INDEX;
                String disable = inv.optionValue("--disablerepo");
                boolean offline = inv.hasOption("-C", "--cacheonly") || "*".equals(disable);
                if (fetches && !offline) {
                    out.add(new Fill(RPM, RPM.paths, inv));
                }
            }
            case ZYPPER -> {
                if (a == Action.INSTALL || a == Action.UPGRADE || a == Action.UPDATE_INDEX) {
                    out.add(new Fill(ZYPPER, ZYPPER.paths, inv));
                }
            }
            case PIP -> {
                if (a == Action.INSTALL && !pipNoCache(inv, e)) {
                    out.add(new Fill(PIP, pipCachePaths(inv, e), inv));
                }
            }
            case UV -> {
                if (a == Action.INSTALL && !inv.hasOption("--no-cache", "-n") && !e.truthy("UV_NO_CACHE")) {
                    String dir = inv.optionValue("--cache-dir");
                    if (dir == null) {
                        dir = e.vars().get("UV_CACHE_DIR");
                    }
                    out.add(new Fill(UV, dir != null ? List.of(ShellPaths.normalize(dir, e, null))
                            : xdg(e, "uv", UV.paths), inv));
                }
            }
            case NPM -> {
                if (a == Action.INSTALL || a == Action.UPGRADE) {
                    String dir = inv.optionValue("--cache");
                    if (dir == null) {
                        dir = firstVar(e, "npm_config_cache", "NPM_CONFIG_CACHE");
                    }
                    out.add(new Fill(NPM, dir != null ? List.of(ShellPaths.normalize(dir, e, null)) : NPM.paths,
                            inv));
                }
            }
            case YARN -> {
                if (a == Action.INSTALL || a == Action.UPGRADE) {
                    String dir = inv.optionValue("--cache-folder");
                    if (dir == null) {
                        dir = firstVar(e, "YARN_CACHE_FOLDER");
                    }
                    out.add(new Fill(YARN, dir != null ? List.of(ShellPaths.normalize(dir, e, null))
                            : YARN.paths, inv));
                }
            }
            case COMPOSER -> {
                if ((a == Action.INSTALL || a == Action.UPGRADE) && !inv.hasOption("--no-cache")) {
                    String dir = firstVar(e, "COMPOSER_CACHE_DIR");
                    String home = firstVar(e, "COMPOSER_HOME");
                    List<String> paths;
                    if (dir != null) {
                        paths = List.of(ShellPaths.normalize(dir, e, null));
                    } else if (home != null) {
                        paths = List.of(ShellPaths.normalize(home, e, null) + "/cache");
                    } else {
                        paths = COMPOSER.paths;
                    }
                    if (!paths.contains("/dev/null")) {
                        out.add(new Fill(COMPOSER, paths, inv));
                    }
                }
            }
            case GEM, BUNDLER -> {
                if ((a == Action.INSTALL || a == Action.UPGRADE) && !inv.hasOption("--local", "-l")) {
                    out.add(new Fill(GEM, gemCachePaths(inv, e), inv));
                }
            }
            case CONDA -> {
                if (a == Action.INSTALL || a == Action.UPGRADE) {
                    List<String> paths = new ArrayList<>(CONDA.paths);
                    for (String v : List.of("CONDA_DIR", "MAMBA_ROOT_PREFIX", "CONDA_PREFIX")) {
                        String dir = firstVar(e, v);
                        if (dir != null) {
                            paths.add(0, ShellPaths.normalize(dir, e, null) + "/pkgs");
                        }
                    }
                    String pkgs = firstVar(e, "CONDA_PKGS_DIRS");
                    if (pkgs != null) {
                        paths.add(0, ShellPaths.normalize(pkgs.split(",")[0], e, null));
                    }
                    out.add(new Fill(CONDA, paths, inv));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Where a gem or bundle call keeps .gem files: its install directory's cache first, then the usual places. */
    private static List<String> gemCachePaths(Invocation inv, RunEnv e) {
        List<String> paths = new ArrayList<>();
        String dir = inv.manager() == Manager.GEM ? inv.optionValue("--install-dir", "-i")
                : inv.optionValue("--path");
        if (dir == null && inv.manager() == Manager.BUNDLER) {
            dir = firstVar(e, "BUNDLE_PATH");
            if (dir == null && (inv.hasOption("--deployment") || e.truthy("BUNDLE_DEPLOYMENT"))) {
                dir = "vendor/bundle";
            }
        }
        if (dir != null) {
            String d = ShellPaths.normalize(dir, e, e.workdir());
            paths.add(inv.manager() == Manager.GEM ? d + "/cache" : d + "/ruby/x/cache");
        }
        String home = firstVar(e, "GEM_HOME");
        if (home != null) {
            paths.add(ShellPaths.normalize(home, e, null) + "/cache");
        }
        for (String p : GEM.paths) {
            if (!paths.contains(p)) {
                paths.add(p);
            }
        }
        return paths;
    }

    private static List<String> xdg(RunEnv e, String sub, List<String> defaults) {
        String xdg = e.vars().get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return List.of(ShellPaths.normalize(xdg, e, null) + "/" + sub);
        }
        return defaults;
    }

    private static String firstVar(RunEnv e, String... names) {
        for (String n : names) {
            String v = e.vars().get(n);
            if (v != null && !v.isBlank()) {
                return e.expand(v);
            }
        }
        return null;
    }

    /** True when this pip install does not write pip's cache. */
    public static boolean pipNoCache(Invocation inv, RunEnv env) {
        for (PackageManagers.Option o : inv.options()) {
            // pip accepts unique abbreviations of long options: --no-cache, --no-cache-d …
            if (o.name().length() >= "--no-cache".length() && "--no-cache-dir".startsWith(o.name())) {
                return true;
            }
        }
        RunEnv e = env.with(inv.inlineEnv());
        if (e.truthy("PIP_NO_CACHE_DIR")) {
            return true;
        }
        String dir = inv.optionValue("--cache-dir");
        if (dir == null) {
            dir = e.vars().get("PIP_CACHE_DIR");
        }
        return dir != null && e.expand(dir).equals("/dev/null");
    }

    private static List<String> pipCachePaths(Invocation inv, RunEnv e) {
        String dir = inv.optionValue("--cache-dir");
        if (dir == null) {
            dir = e.vars().get("PIP_CACHE_DIR");
        }
        if (dir != null && !dir.isBlank()) {
            return List.of(ShellPaths.normalize(dir, e, null));
        }
        return xdg(e, "pip", PIP.paths);
    }

    /**
     * The caches a command cleans by a package manager's own cleanup subcommand ({@code apt-get clean},
     * {@code yum clean all}, {@code pip cache purge}, {@code npm cache clean --force}, …). Path removals are
     * matched separately ({@link ShellPaths#removedPaths}).
     */
    public static Set<PackageCache> cleanedBy(SimpleCommand c) {
        Set<PackageCache> out = EnumSet.noneOf(PackageCache.class);
        Optional<Invocation> o = PackageManagers.invocation(c);
        if (o.isEmpty() || o.get().action() != Action.CLEAN) {
            return out;
        }
        Invocation inv = o.get();
        List<String> ops = inv.operands().stream().map(w -> w.value().toLowerCase(Locale.ROOT)).toList();
        switch (inv.manager()) {
            case APT_GET, APT, APTITUDE -> {
                out.add(APT_ARCHIVES);
                if (inv.subcommand().equals("distclean") || inv.subcommand().equals("dist-clean")) {
                    out.add(APT_LISTS);
                }
            }
            case APK -> out.add(APK);
            case YUM, DNF, MICRODNF, TDNF -> {
                if (ops.contains("all") || ops.contains("metadata")) {
                    out.add(RPM);
                }
            }
            case ZYPPER -> out.add(ZYPPER);
            case PIP -> out.add(PIP);
            case UV -> out.add(UV);
            case NPM -> out.add(NPM);
            case YARN -> out.add(YARN);
            case COMPOSER -> out.add(COMPOSER);
            case CONDA -> out.add(CONDA);
            default -> {
            }
        }
        return out;
    }
}
