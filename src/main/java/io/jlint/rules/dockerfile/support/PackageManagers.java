package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.shell.Assignment;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What jlint knows about package managers, shared by every rule that asks "does this command install packages",
 * "which cache does it fill" or "does this command clean it".
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link #commands(CommandLine)}: the simple commands a RUN executes, in execution order, with the scripts of
 *       {@code sh -c '…'}, {@code bash -c "…"} and {@code su -c '…'} spliced in where they run.</li>
 *   <li>{@link #invocation(SimpleCommand)}: a command recognised as a package-manager call (apt-get, apt, aptitude,
 *       apk, yum, dnf, microdnf, tdnf, zypper, pip/pip3/{@code python -m pip}, uv, pipenv, poetry, conda/mamba,
 *       npm, yarn, pnpm, gem, bundle, composer, cargo, go), seen through wrappers such as {@code sudo}, {@code env},
 *       {@code xargs}, {@code nice}, {@code timeout}; with its {@link Action} and option helpers that know which
 *       options of that manager take a value.</li>
 *   <li>{@link #installs(SimpleCommand)}: true for a command that installs or fetches dependencies (for cache-busting
 *       rules: {@code apt-get install}, {@code pip install -r}, {@code npm ci}, {@code go mod download},
 *       {@code bundle install}, …).</li>
 *   <li>{@link Cache}: the caches package managers leave behind, with their paths and the cleanup users write.</li>
 *   <li>{@link #download(SimpleCommand)} and {@link #unpackedArchives(SimpleCommand)}: {@code curl}/{@code wget}
 *       writing a file, and {@code tar}/{@code unzip}/{@code dpkg -i}/… consuming one.</li>
 * </ul>
 * Cache bookkeeping over whole RUN instructions and stage chains lives in {@link RunFacts}.
 */
public final class PackageManagers {

    private PackageManagers() {
    }

    /** A package manager (or language dependency tool). */
    public enum Manager {
        APT_GET("apt-get", true), APT("apt", true), APTITUDE("aptitude", true), APK("apk", true),
        YUM("yum", true), DNF("dnf", true), MICRODNF("microdnf", true), TDNF("tdnf", true),
        ZYPPER("zypper", true), PIP("pip", false), UV("uv", false), PIPENV("pipenv", false),
        POETRY("poetry", false), CONDA("conda", false), NPM("npm", false), YARN("yarn", false),
        PNPM("pnpm", false), GEM("gem", false), BUNDLER("bundle", false), COMPOSER("composer", false),
        CARGO("cargo", false), GO("go", false);

        private final String command;
        private final boolean system;

        Manager(String command, boolean system) {
            this.command = command;
            this.system = system;
        }

        /** The usual command name ({@code apt-get}, {@code pip}, …). */
        public String command() {
            return command;
        }

        /** True for operating-system package managers (apt family, apk, rpm family, zypper). */
        public boolean system() {
            return system;
        }

        /** apt-get, apt or aptitude. */
        public boolean apt() {
            return this == APT_GET || this == APT || this == APTITUDE;
        }

        /** yum, dnf, microdnf or tdnf. */
        public boolean rpm() {
            return this == YUM || this == DNF || this == MICRODNF || this == TDNF;
        }
    }

    /** What an invocation does. */
    public enum Action {
        /** Adds packages or fetches dependencies (install, add, ci, sync, require, get, mod download, fetch). */
        INSTALL,
        /** Only refreshes the package index (apt-get update, apk update, dnf makecache, zypper refresh). */
        UPDATE_INDEX,
        /** Upgrades installed packages (apt-get upgrade/dist-upgrade, yum update, apk upgrade, npm update…). */
        UPGRADE,
        /** Removes packages. */
        REMOVE,
        /** Cleans the manager's own cache (apt-get clean, yum clean, npm cache clean, pip cache purge…). */
        CLEAN,
        /** Compiles (cargo build, go build): fetches dependencies on the way. */
        BUILD,
        /** Anything else (queries, configuration, running scripts). */
        OTHER
    }

    /**
     * A recognised package-manager call.
     *
     * @param manager    the manager
     * @param action     what it does
     * @param subcommand the subcommand as written, lower-case ({@code install}, {@code add}, {@code ci}, …;
     *                   two words for {@code uv pip install}, {@code yarn global add}, {@code go mod download},
     *                   {@code npm cache clean}, …), "" when there is none (bare {@code yarn}, {@code bundle})
     * @param command    the simple command as parsed
     * @param words      the words from the manager's program word on (wrappers such as {@code sudo} and the
     *                   {@code python -m} prefix removed)
     * @param inlineEnv  variables set for this call only ({@code VAR=x cmd}, {@code env VAR=x cmd})
     */
    public record Invocation(Manager manager, Action action, String subcommand, SimpleCommand command,
                             List<Word> words, Map<String, String> inlineEnv) {

        public Invocation {
            words = List.copyOf(words);
            inlineEnv = Collections.unmodifiableMap(new LinkedHashMap<>(inlineEnv));
        }

        /** The words after the program word. */
        public List<Word> args() {
            return words.subList(1, words.size());
        }

        /** Where the call is in the Dockerfile. */
        public Span span() {
            return command.span();
        }

        /**
         * True when any of the options is given. Names are written as on the command line: {@code "-y"} matches
         * {@code -y} and clusters such as {@code -qy}; {@code "--yes"} matches {@code --yes} and {@code --yes=…}.
         */
        public boolean hasOption(String... names) {
            for (Option o : options()) {
                for (String n : names) {
                    if (o.name.equals(n)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The value of the last occurrence of any of the options, or null. */
        public String optionValue(String... names) {
            String found = null;
            for (Option o : options()) {
                for (String n : names) {
                    if (o.name.equals(n) && o.value != null) {
                        found = o.value;
                    }
                }
            }
            return found;
        }

        /** Every option occurrence, in order: {@code name} as written ({@code -y}, {@code --yes}), value or null. */
        public List<Option> options() {
            return parse(manager, args()).options;
        }

        /** The non-option words after the subcommand (package names, files). */
        public List<Word> operands() {
            List<Word> ops = parse(manager, args()).operands;
            int skip = subcommand.isEmpty() ? 0 : subcommand.split(" ").length;
            return ops.subList(Math.min(skip, ops.size()), ops.size());
        }
    }

    /** One option occurrence. {@code word} is where it is written. */
    public record Option(String name, String value, Word word) {
    }

    private record Parsed(List<Option> options, List<Word> operands) {
    }

    private static final Set<String> VERSION_OR_HELP = Set.of("--version", "-v", "-V", "--help", "-h");

    // ------------------------------------------------------------------------------------------------------------
    // which options take a value, per manager (so that the value is not taken for an operand or a flag cluster)

    private static final Map<Manager, String> SHORT_WITH_VALUE = Map.ofEntries(
            Map.entry(Manager.APT_GET, "oct"), Map.entry(Manager.APT, "oct"), Map.entry(Manager.APTITUDE, "otcFw"),
            Map.entry(Manager.APK, "Xpt"), Map.entry(Manager.YUM, "cdexR"), Map.entry(Manager.DNF, "cdexR"),
            Map.entry(Manager.MICRODNF, "c"), Map.entry(Manager.TDNF, "cdex"), Map.entry(Manager.ZYPPER, "RDCctr"),
            Map.entry(Manager.PIP, "rceiftCb"), Map.entry(Manager.UV, "rcepP"), Map.entry(Manager.PIPENV, "r"),
            Map.entry(Manager.POETRY, "EC"), Map.entry(Manager.CONDA, "ncpf"), Map.entry(Manager.NPM, "w"),
            Map.entry(Manager.YARN, ""), Map.entry(Manager.PNPM, "wC"), Map.entry(Manager.GEM, "vinp"),
            Map.entry(Manager.BUNDLER, "j"), Map.entry(Manager.COMPOSER, "d"), Map.entry(Manager.CARGO, "jpF"),
            Map.entry(Manager.GO, "oC"));

    private static final Map<Manager, Set<String>> LONG_WITH_VALUE = Map.ofEntries(
            Map.entry(Manager.APT_GET, Set.of("--option", "--config-file", "--target-release", "--default-release",
                    "--host-architecture", "--build-profiles")),
            Map.entry(Manager.APT, Set.of("--option", "--config-file", "--target-release", "--default-release",
                    "--host-architecture")),
            Map.entry(Manager.APTITUDE, Set.of("--option", "--target-release", "--default-release", "--display-format",
                    "--width", "--sort")),
            Map.entry(Manager.APK, Set.of("--repository", "--root", "--arch", "--keys-dir", "--repositories-file",
                    "--cache-dir", "--cache-max-age", "--virtual", "--progress-fd", "--wait", "--timeout")),
            Map.entry(Manager.YUM, rpmLong()), Map.entry(Manager.DNF, rpmLong()),
            Map.entry(Manager.MICRODNF, rpmLong()), Map.entry(Manager.TDNF, rpmLong()),
            Map.entry(Manager.ZYPPER, Set.of("--root", "--reposd-dir", "--cache-dir", "--config", "--userdata", "--type",
                    "--repo", "--from", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir")),
            Map.entry(Manager.PIP, Set.of("--requirement", "--constraint", "--editable", "--index-url",
                    "--extra-index-url", "--find-links", "--target", "--prefix", "--root", "--trusted-host",
                    "--cache-dir", "--src", "--upgrade-strategy", "--platform", "--python-version",
                    "--implementation", "--abi", "--only-binary", "--no-binary", "--progress-bar", "--log", "--proxy",
                    "--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--global-option",
                    "--install-option", "--config-settings", "--report", "--python", "--root-user-action",
                    "--use-feature", "--use-deprecated", "--keyring-provider", "--build", "--no-build-isolation-package")),
            Map.entry(Manager.UV, Set.of("--requirement", "--constraint", "--editable", "--index-url",
                    "--extra-index-url", "--find-links", "--target", "--prefix", "--python", "--cache-dir", "--index",
                    "--default-index", "--group", "--extra", "--package", "--project", "--directory", "--with",
                    "--no-install-package", "--only-group", "--no-group", "--index-strategy", "--link-mode",
                    "--config-file", "--color", "--override", "--build-constraint")),
            Map.entry(Manager.PIPENV, Set.of("--python", "--requirements", "--categories", "--extra-pip-args")),
            Map.entry(Manager.POETRY, Set.of("--with", "--without", "--only", "--extras", "--directory",
                    "--project")),
            Map.entry(Manager.CONDA, Set.of("--name", "--channel", "--prefix", "--file", "--override-channels")),
            Map.entry(Manager.NPM, Set.of("--prefix", "--cache", "--registry", "--workspace", "--omit", "--include",
                    "--userconfig", "--loglevel", "--tag", "--only", "--install-strategy")),
            Map.entry(Manager.YARN, Set.of("--cache-folder", "--modules-folder", "--cwd", "--network-timeout",
                    "--mutex", "--registry", "--global-folder", "--link-folder", "--production")),
            Map.entry(Manager.PNPM, Set.of("--dir", "--filter", "--store-dir", "--registry", "--reporter",
                    "--virtual-store-dir", "--config.store-dir")),
            Map.entry(Manager.GEM, Set.of("--version", "--install-dir", "--bindir", "--source", "--platform",
                    "--clear-sources")),
            Map.entry(Manager.BUNDLER, Set.of("--jobs", "--path", "--without", "--with", "--gemfile", "--retry",
                    "--deployment-path", "--binstubs")),
            Map.entry(Manager.COMPOSER, Set.of("--working-dir", "--ignore-platform-req", "--prefer-install")),
            Map.entry(Manager.CARGO, Set.of("--root", "--version", "--git", "--branch", "--tag", "--rev", "--path",
                    "--features", "--target", "--jobs", "--profile", "--bin", "--package", "--manifest-path",
                    "--registry", "--index", "--target-dir", "--config")),
            Map.entry(Manager.GO, Set.of()));

    private static Set<String> rpmLong() {
        return Set.of("--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--exclude",
                "--setopt", "--repo", "--repoid", "--downloaddir", "--destdir", "--color", "--rpmverbosity",
                "--forcearch", "--disableplugin", "--enableplugin", "--excludepkgs", "--repofrompath", "--debuglevel",
                "--errorlevel", "--comment", "--advisory", "--bz", "--cve", "--sec-severity", "--secseverity");
    }

    private static Parsed parse(Manager m, List<Word> args) {
        List<Option> options = new ArrayList<>();
        List<Word> operands = new ArrayList<>();
        String shortWithValue = SHORT_WITH_VALUE.getOrDefault(m, "");
        Set<String> longWithValue = LONG_WITH_VALUE.getOrDefault(m, Set.of());
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            if (endOfOptions || v.length() < 2 || v.charAt(0) != '-') {
                operands.add(w);
                continue;
            }
            if (v.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (v.startsWith("--")) {
                int eq = v.indexOf('=');
                if (eq > 0) {
                    options.add(new Option(v.substring(0, eq), v.substring(eq + 1), w));
                } else if (longWithValue.contains(v) && i + 1 < args.size()) {
                    options.add(new Option(v, args.get(i + 1).value(), w));
                    i++;
                } else {
                    options.add(new Option(v, null, w));
                }
                continue;
            }
            if (m == Manager.GO) {
                // go's flags are single-dash words (-ldflags, -mod=mod); only -o and -C take the next word
                int eq = v.indexOf('=');
                String name = eq > 0 ? v.substring(0, eq) : v;
                if (eq > 0) {
                    options.add(new Option(name, v.substring(eq + 1), w));
                } else if ((name.equals("-o") || name.equals("-C") || name.equals("-ldflags") || name.equals("-tags")
                        || name.equals("-gcflags") || name.equals("-p")) && i + 1 < args.size()) {
                    options.add(new Option(name, args.get(i + 1).value(), w));
                    i++;
                } else {
                    options.add(new Option(name, null, w));
                }
                continue;
            }
            // a cluster of short options: -qqy, -fsSLo FILE, -oAPT::X=1, -q=2
            for (int k = 1; k < v.length(); k++) {
                char c = v.charAt(k);
                String name = "-" + c;
                if (k + 1 < v.length() && v.charAt(k + 1) == '=') {
                    options.add(new Option(name, v.substring(k + 2), w));
                    break;
                }
                if (shortWithValue.indexOf(c) >= 0) {
                    if (k + 1 < v.length()) {
                        options.add(new Option(name, v.substring(k + 1), w));
                    } else if (i + 1 < args.size()) {
                        options.add(new Option(name, args.get(i + 1).value(), w));
                        i++;
                    } else {
                        options.add(new Option(name, null, w));
                    }
                    break;
                }
                options.add(new Option(name, null, w));
            }
        }
        return new Parsed(options, operands);
    }

    // ------------------------------------------------------------------------------------------------------------
    // commands of a RUN, nested shells spliced in

    /**
     * The simple commands a RUN (or CMD…) runs, in execution order: the commands of each parsed script, with the
     * commands of a nested {@code sh -c 'script'} (also {@code bash -c}, {@code su -c}, {@code find -exec sh -c},
     * through sudo/env/xargs) spliced in after the command that runs them ({@link Commands#allCommands}). Empty for
     * exec form.
     */
    public static List<SimpleCommand> commands(CommandLine command) {
        List<SimpleCommand> out = new ArrayList<>();
        if (command == null) {
            return out;
        }
        for (ShellScript s : command.scripts()) {
            out.addAll(Commands.allCommands(s));
        }
        return out;
    }

    /** True when every script of the command was parsed completely (rules say less otherwise). */
    public static boolean complete(CommandLine command) {
        if (command == null) {
            return false;
        }
        for (ShellScript s : command.scripts()) {
            if (!s.complete()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------------------
    // wrappers

    /** A command with wrappers removed: {@code words.get(0)} is the real program. */
    public record Unwrapped(List<Word> words, Map<String, String> inlineEnv) {
    }

    /**
     * The command behind wrappers ({@link Commands#unwrap}: sudo, env, nice, nohup, time, timeout, stdbuf, ionice,
     * xargs, exec, command, busybox, gosu, su-exec, chroot…), with the variables set for it ({@code VAR=x cmd},
     * {@code env VAR=x cmd}). Null for an empty command and for {@code command -v x}.
     */
    public static Unwrapped unwrap(SimpleCommand c) {
        SimpleCommand u = Commands.unwrap(c);
        if (u.words().isEmpty()) {
            return null;
        }
        String p = base(u.words().get(0).value());
        if (p.equals("command") && u.words().size() > 1) {
            String a = u.words().get(1).value();
            if (a.equals("-v") || a.equals("-V")) {
                return null;
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Assignment a : u.assignments()) {
            env.put(a.name(), a.value() == null ? "" : a.value().value());
        }
        return new Unwrapped(u.words(), env);
    }

    /** The file name of a program word ({@code /usr/bin/apt-get} gives {@code apt-get}). */
    public static String base(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // classification

    /** The package-manager call this command is, if it is one. */
    public static Optional<Invocation> invocation(SimpleCommand c) {
        Unwrapped u = unwrap(c);
        if (u == null || u.words.isEmpty()) {
            return Optional.empty();
        }
        List<Word> ws = u.words;
        Word first = ws.get(0);
        if (!first.literal()) {
            return Optional.empty();
        }
        String prog = base(first.value()).toLowerCase(Locale.ROOT);
        Manager m = managerOf(prog);
        if (m == null && prog.matches("python[0-9.]*")) {
            // python [opts] -m pip …
            for (int i = 1; i + 1 < ws.size(); i++) {
                String v = ws.get(i).value();
                if (v.equals("-m")) {
                    String mod = ws.get(i + 1).value();
                    if (mod.equals("pip") || mod.equals("pip3")) {
                        m = Manager.PIP;
                        ws = ws.subList(i + 1, ws.size());
                    } else if (mod.equals("pipenv")) {
                        m = Manager.PIPENV;
                        ws = ws.subList(i + 1, ws.size());
                    } else if (mod.equals("poetry")) {
                        m = Manager.POETRY;
                        ws = ws.subList(i + 1, ws.size());
                    } else if (mod.equals("uv")) {
                        m = Manager.UV;
                        ws = ws.subList(i + 1, ws.size());
                    }
                    break;
                }
                if (!v.startsWith("-")) {
                    break;
                }
            }
        }
        if (m == null && prog.equals("php") && ws.size() > 1 && base(ws.get(1).value()).startsWith("composer")) {
            m = Manager.COMPOSER;
            ws = ws.subList(1, ws.size());
        }
        if (m == null) {
            return Optional.empty();
        }
        Parsed p = parse(m, ws.subList(1, ws.size()));
        List<String> ops = p.operands.stream().map(w -> w.value().toLowerCase(Locale.ROOT)).toList();
        String sub = ops.isEmpty() ? "" : ops.get(0);
        String sub2 = ops.size() > 1 ? ops.get(1) : "";
        Action a;
        String subcommand = sub;
        switch (m) {
            case APT_GET, APT, APTITUDE -> a = switch (sub) {
                case "install", "reinstall", "build-dep", "satisfy", "source" -> Action.INSTALL;
                case "update" -> Action.UPDATE_INDEX;
                case "upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade" -> Action.UPGRADE;
                case "remove", "purge", "autoremove", "autopurge" -> Action.REMOVE;
                case "clean", "autoclean", "distclean", "dist-clean" -> Action.CLEAN;
                default -> Action.OTHER;
            };
            case APK -> {
                a = switch (sub) {
                    case "add" -> Action.INSTALL;
                    case "update" -> Action.UPDATE_INDEX;
                    case "upgrade" -> Action.UPGRADE;
                    case "del" -> Action.REMOVE;
                    default -> Action.OTHER;
                };
                if (sub.equals("cache") && (sub2.equals("clean") || sub2.equals("purge"))) {
                    a = Action.CLEAN;
                    subcommand = "cache " + sub2;
                }
            }
            case YUM, DNF, MICRODNF, TDNF -> {
                a = switch (sub) {
                    case "install", "in", "groupinstall", "localinstall", "reinstall", "builddep", "swap" ->
                            Action.INSTALL;
                    case "update", "upgrade", "up", "update-minimal", "upgrade-minimal", "distro-sync", "dsync",
                         "distribution-synchronization", "downgrade", "groupupdate" -> Action.UPGRADE;
                    case "makecache", "check-update", "check-upgrade" -> Action.UPDATE_INDEX;
                    case "remove", "erase", "rm", "autoremove", "groupremove" -> Action.REMOVE;
                    case "clean" -> Action.CLEAN;
                    default -> Action.OTHER;
                };
                if ((sub.equals("group") || sub.equals("groups") || sub.equals("module")) && !sub2.isEmpty()) {
                    subcommand = sub + " " + sub2;
                    a = switch (sub2) {
                        case "install", "enable" -> sub2.equals("install") ? Action.INSTALL : Action.OTHER;
                        case "update", "upgrade" -> Action.UPGRADE;
                        case "remove" -> Action.REMOVE;
                        default -> Action.OTHER;
                    };
                }
            }
            case ZYPPER -> a = switch (sub) {
                case "install", "in", "source-install", "si", "install-new-recommends", "inr" -> Action.INSTALL;
                case "update", "up", "dist-upgrade", "dup", "patch" -> Action.UPGRADE;
                case "refresh", "ref" -> Action.UPDATE_INDEX;
                case "remove", "rm" -> Action.REMOVE;
                case "clean", "cc" -> Action.CLEAN;
                default -> Action.OTHER;
            };
            case PIP -> {
                a = switch (sub) {
                    case "install" -> Action.INSTALL;
                    case "uninstall" -> Action.REMOVE;
                    default -> Action.OTHER;
                };
                if (sub.equals("cache") && (sub2.equals("purge") || sub2.equals("remove"))) {
                    a = Action.CLEAN;
                    subcommand = "cache " + sub2;
                }
            }
            case UV -> {
                a = Action.OTHER;
                if (sub.equals("pip") && (sub2.equals("install") || sub2.equals("sync"))) {
                    a = Action.INSTALL;
                    subcommand = "pip " + sub2;
                } else if (sub.equals("pip") && sub2.equals("uninstall")) {
                    a = Action.REMOVE;
                    subcommand = "pip uninstall";
                } else if (sub.equals("sync") || sub.equals("add")) {
                    a = Action.INSTALL;
                } else if (sub.equals("tool") && sub2.equals("install")) {
                    a = Action.INSTALL;
                    subcommand = "tool install";
                } else if (sub.equals("clean") || (sub.equals("cache") && sub2.equals("clean"))) {
                    a = Action.CLEAN;
                    subcommand = sub.equals("clean") ? "clean" : "cache clean";
                }
            }
            case PIPENV -> a = switch (sub) {
                case "install", "sync" -> Action.INSTALL;
                case "update", "upgrade" -> Action.UPGRADE;
                case "uninstall" -> Action.REMOVE;
                default -> Action.OTHER;
            };
            case POETRY -> a = switch (sub) {
                case "install", "add" -> Action.INSTALL;
                case "update" -> Action.UPGRADE;
                case "remove" -> Action.REMOVE;
                default -> Action.OTHER;
            };
            case CONDA -> {
                a = switch (sub) {
                    case "install", "create" -> Action.INSTALL;
                    case "update", "upgrade" -> Action.UPGRADE;
                    case "remove", "uninstall" -> Action.REMOVE;
                    case "clean" -> Action.CLEAN;
                    default -> Action.OTHER;
                };
                if (sub.equals("env") && (sub2.equals("create") || sub2.equals("update"))) {
                    a = Action.INSTALL;
                    subcommand = "env " + sub2;
                }
            }
            case NPM -> {
                a = switch (sub) {
                    case "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal",
                         "isntall", "add", "ci", "clean-install", "ic", "install-clean", "isntall-clean" ->
                            Action.INSTALL;
                    case "update", "up", "upgrade", "udpate" -> Action.UPGRADE;
                    case "uninstall", "unlink", "remove", "rm", "r", "un" -> Action.REMOVE;
                    default -> Action.OTHER;
                };
                if (sub.equals("cache") && (sub2.equals("clean") || sub2.equals("clear") || sub2.equals("rm"))) {
                    a = Action.CLEAN;
                    subcommand = "cache " + sub2;
                }
            }
            case YARN -> {
                a = switch (sub) {
                    case "", "install", "add" -> Action.INSTALL;
                    case "upgrade", "up" -> Action.UPGRADE;
                    case "remove" -> Action.REMOVE;
                    default -> Action.OTHER;
                };
                if (sub.equals("global") && sub2.equals("add")) {
                    a = Action.INSTALL;
                    subcommand = "global add";
                } else if (sub.equals("cache") && sub2.equals("clean")) {
                    a = Action.CLEAN;
                    subcommand = "cache clean";
                } else if (sub.equals("workspaces") && sub2.equals("focus")) {
                    a = Action.INSTALL;
                    subcommand = "workspaces focus";
                }
            }
            case PNPM -> {
                a = switch (sub) {
                    case "install", "i", "add", "fetch", "ci" -> Action.INSTALL;
                    case "update", "up", "upgrade" -> Action.UPGRADE;
                    case "remove", "rm", "uninstall", "un" -> Action.REMOVE;
                    default -> Action.OTHER;
                };
                if (sub.equals("store") && sub2.equals("prune")) {
                    a = Action.CLEAN;
                    subcommand = "store prune";
                }
            }
            case GEM -> a = switch (sub) {
                case "install", "i" -> Action.INSTALL;
                case "update" -> Action.UPGRADE;
                case "uninstall" -> Action.REMOVE;
                default -> Action.OTHER;
            };
            case BUNDLER -> a = switch (sub) {
                case "", "install" -> Action.INSTALL;
                case "update" -> Action.UPGRADE;
                default -> Action.OTHER;
            };
            case COMPOSER -> {
                a = switch (sub) {
                    case "install", "i", "require", "r", "create-project" -> Action.INSTALL;
                    case "update", "u", "upgrade" -> Action.UPGRADE;
                    case "remove", "rm" -> Action.REMOVE;
                    case "clear-cache", "clearcache", "cc" -> Action.CLEAN;
                    default -> Action.OTHER;
                };
                if (sub.equals("global") && (sub2.equals("require") || sub2.equals("install"))) {
                    a = Action.INSTALL;
                    subcommand = "global " + sub2;
                }
            }
            case CARGO -> a = switch (sub) {
                case "install", "fetch", "vendor" -> Action.INSTALL;
                case "build", "b" -> Action.BUILD;
                case "update" -> Action.UPGRADE;
                default -> Action.OTHER;
            };
            case GO -> {
                a = switch (sub) {
                    case "get", "install" -> Action.INSTALL;
                    case "build" -> Action.BUILD;
                    default -> Action.OTHER;
                };
                if (sub.equals("mod") && (sub2.equals("download") || sub2.equals("vendor"))) {
                    a = Action.INSTALL;
                    subcommand = "mod " + sub2;
                } else if (sub.equals("clean")) {
                    a = Action.CLEAN;
                }
            }
            default -> a = Action.OTHER;
        }
        if (sub.isEmpty() && p.options.stream().anyMatch(o -> VERSION_OR_HELP.contains(o.name()))) {
            a = Action.OTHER; // `bundle --version`, `yarn -v`: a bare call that would install only asks
        }
        return Optional.of(new Invocation(m, a, subcommand, c, ws, u.inlineEnv));
    }

    private static Manager managerOf(String prog) {
        return switch (prog) {
            case "apt-get" -> Manager.APT_GET;
            case "apt" -> Manager.APT;
            case "aptitude" -> Manager.APTITUDE;
            case "apk" -> Manager.APK;
            case "yum" -> Manager.YUM;
            case "dnf", "dnf5", "dnf-3" -> Manager.DNF;
            case "microdnf" -> Manager.MICRODNF;
            case "tdnf" -> Manager.TDNF;
            case "zypper" -> Manager.ZYPPER;
            case "uv" -> Manager.UV;
            case "pipenv" -> Manager.PIPENV;
            case "poetry" -> Manager.POETRY;
            case "conda", "mamba", "micromamba" -> Manager.CONDA;
            case "npm" -> Manager.NPM;
            case "yarn", "yarnpkg" -> Manager.YARN;
            case "pnpm" -> Manager.PNPM;
            case "gem" -> Manager.GEM;
            case "bundle", "bundler" -> Manager.BUNDLER;
            case "composer", "composer.phar" -> Manager.COMPOSER;
            case "cargo" -> Manager.CARGO;
            case "go" -> Manager.GO;
            default -> prog.matches("pip[0-9.]*") ? Manager.PIP : null;
        };
    }

    /**
     * True when the command installs packages or fetches dependencies: {@link Action#INSTALL} of any manager, and
     * {@code cargo build}/{@code go build} (which fetch dependencies). Cache-busting rules use this to find the
     * dependency step.
     */
    public static boolean installs(SimpleCommand c) {
        Optional<Invocation> inv = invocation(c);
        return inv.isPresent() && (inv.get().action() == Action.INSTALL || inv.get().action() == Action.BUILD);
    }

    /** Every package-manager call of the RUN, in execution order (nested {@code sh -c} scripts included). */
    public static List<Invocation> invocations(CommandLine command) {
        List<Invocation> out = new ArrayList<>();
        for (SimpleCommand c : commands(command)) {
            invocation(c).ifPresent(out::add);
        }
        return out;
    }
}
