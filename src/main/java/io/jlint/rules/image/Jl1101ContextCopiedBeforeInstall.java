package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.BuildHistory;
import io.jlint.image.ImageModel;
import io.jlint.image.LayerEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A COPY/ADD layer that brings a dependency manifest together with the sources (the whole build context, or a
 * folder of it) before a later RUN installs the dependencies from that manifest: every source change then
 * invalidates the cached install. Judged from what the layers hold, so {@code COPY dir:… in /app} (the classic
 * builder's record) is read as well as BuildKit's {@code COPY . .}. A COPY that brings only manifests, lock files
 * and install-time configuration is what it should be. Copies from other stages ({@code --from}) are not judged.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1101", name = "context-copied-before-install", category = Category.CACHE_BUSTING,
        severity = Severity.WARNING,
        summary = "A layer copies sources together with a dependency manifest before the install that uses it",
        equivalents = {})
public final class Jl1101ContextCopiedBeforeInstall implements Rule<ImageModel> {

    /** One dependency installer: the manifests it reads and how to name the fix. */
    enum Ecosystem {
        NPM("npm", Set.of("package.json"), "package.json and the lock file"),
        PIP("pip", Set.of(), "the requirements file"),
        POETRY("poetry", Set.of("pyproject.toml", "poetry.lock"), "pyproject.toml and poetry.lock"),
        PIPENV("pipenv", Set.of("Pipfile", "Pipfile.lock"), "Pipfile and Pipfile.lock"),
        GO("go", Set.of("go.mod"), "go.mod and go.sum"),
        BUNDLER("bundler", Set.of("Gemfile"), "Gemfile and Gemfile.lock"),
        COMPOSER("composer", Set.of("composer.json"), "composer.json and composer.lock"),
        MAVEN("maven", Set.of("pom.xml"), "pom.xml"),
        CARGO("cargo", Set.of("Cargo.toml"), "Cargo.toml and Cargo.lock");

        final String name;
        final Set<String> manifests;
        final String copyFirst;

        Ecosystem(String name, Set<String> manifests, String copyFirst) {
            this.name = name;
            this.manifests = manifests;
            this.copyFirst = copyFirst;
        }
    }

    /** An install found in a RUN: the ecosystem, the command (for messages), extra manifest names (pip -r). */
    record Install(Ecosystem eco, String command, Set<String> manifests) {
    }

    /** Files that belong with manifests: lock files and install-time configuration. */
    private static final Set<String> MANIFEST_FILES = Set.of("package.json", "package-lock.json",
            "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", ".yarnrc",
            ".yarnrc.yml", ".pnpmfile.cjs", ".nvmrc", ".node-version", "requirements.txt", "constraints.txt",
            "pyproject.toml", "poetry.lock", "Pipfile", "Pipfile.lock", "setup.py", "setup.cfg", "uv.lock",
            "go.mod", "go.sum", "go.work", "go.work.sum", "Gemfile", "Gemfile.lock", ".ruby-version",
            "composer.json", "composer.lock", "auth.json", "pom.xml", ".mvn", "Cargo.toml", "Cargo.lock",
            "rust-toolchain", "rust-toolchain.toml", ".python-version", "pip.conf");
    /** Folders install steps commonly need next to the manifest. */
    private static final List<String> MANIFEST_DIRS = List.of("/patches/", "/.yarn/", "/.mvn/", "/requirements/",
            "/prisma/");

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        BuildHistory h = m.history();
        for (int c = h.firstUserLayer(); c < h.layers(); c++) {
            BuildHistory.Step copy = h.layer(c);
            if ((copy.kind() != BuildHistory.Kind.COPY && copy.kind() != BuildHistory.Kind.ADD)
                    || copy.body().startsWith("--from")) {
                continue;
            }
            List<String> manifests = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (LayerEntry e : m.entries(c)) {
                if (!e.isRegularFile() || e.path() == null) {
                    continue;
                }
                if (isManifest(e.path())) {
                    manifests.add(e.path());
                } else {
                    others.add(e.path());
                }
            }
            if (manifests.isEmpty() || others.isEmpty()) {
                continue;
            }
            for (int r = c + 1; r < h.layers(); r++) {
                Install in = Layers.isShellRun(m, r) ? install(h.layer(r).script(), manifests) : null;
                if (in != null) {
                    out.reportImage(c, null, Layers.step(m, c) + " copies " + names(in, manifests) + " together with "
                            + others.size() + (others.size() == 1 ? " other file" : " other files") + " (e.g. "
                            + others.get(0) + ") before " + Layers.layer(m, r) + " installs the dependencies: any"
                            + " change to those files re-runs the install; copy " + in.eco().copyFirst + " first, run "
                            + in.command() + ", then copy the rest");
                    break;
                }
            }
        }
    }

    private static boolean isManifest(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (MANIFEST_FILES.contains(base) || (base.startsWith("requirements") && base.endsWith(".txt"))) {
            return true;
        }
        for (String d : MANIFEST_DIRS) {
            if (path.contains(d)) {
                return true;
            }
        }
        return false;
    }

    private static String names(Install in, List<String> manifests) {
        Set<String> wanted = new LinkedHashSet<>(in.eco().manifests);
        wanted.addAll(in.manifests());
        List<String> l = new ArrayList<>();
        for (String p : manifests) {
            if (wanted.contains(p.substring(p.lastIndexOf('/') + 1)) && l.size() < 3) {
                l.add(p);
            }
        }
        return String.join(", ", l);
    }

    /** The first dependency install in the script whose manifest is among {@code manifests}, or null. */
    static Install install(String script, List<String> manifests) {
        ShellScript s = Scripts.parse(script);
        Set<String> have = new LinkedHashSet<>();
        for (String p : manifests) {
            have.add(p.substring(p.lastIndexOf('/') + 1));
        }
        for (SimpleCommand c : Scripts.commands(s)) {
            Install in = install(c);
            if (in == null) {
                continue;
            }
            Set<String> need = new LinkedHashSet<>(in.eco().manifests);
            need.addAll(in.manifests());
            for (String n : need) {
                if (have.contains(n)) {
                    return in;
                }
            }
        }
        return null;
    }

    /** A dependency install from a manifest (not the install of named packages), or null. */
    static Install install(SimpleCommand c) {
        String prog = c.program();
        List<String> ops = Commands.operands(c, Set.of("-r", "--requirement", "-c", "--constraint", "-w",
                "--workspace", "--prefix", "-C", "--cwd", "--modules-folder", "--registry", "--cache",
                "--cache-folder", "--target", "-t", "--index-url", "-i", "--extra-index-url", "-f", "--find-links"));
        String sub = ops.isEmpty() ? "" : ops.get(0);
        String text = String.join(" ", c.words().stream().map(w -> w.value()).toList());
        switch (prog) {
            case "npm" -> {
                if ((sub.equals("ci") || ((sub.equals("install") || sub.equals("i")) && ops.size() == 1))
                        && !Commands.hasOption(c, "-g", "--global")) {
                    return new Install(Ecosystem.NPM, text, Set.of());
                }
            }
            case "yarn" -> {
                if ((ops.isEmpty() || (sub.equals("install") && ops.size() == 1))
                        && !Commands.hasOption(c, "--version", "-v", "--help", "-h")) {
                    return new Install(Ecosystem.NPM, text, Set.of());
                }
            }
            case "pnpm" -> {
                if (((sub.equals("install") || sub.equals("i")) && ops.size() == 1) || sub.equals("fetch")) {
                    return new Install(Ecosystem.NPM, text, Set.of());
                }
            }
            case "pip", "pip3" -> {
                return pip(c, ops, text);
            }
            case "python", "python3" -> {
                List<String> a = c.args();
                if (a.size() >= 3 && a.get(0).equals("-m") && (a.get(1).equals("pip") || a.get(1).equals("pip3"))) {
                    return pip(c, ops.size() > 1 ? ops.subList(1, ops.size()) : List.of(), text);
                }
            }
            case "poetry" -> {
                if (sub.equals("install")) {
                    return new Install(Ecosystem.POETRY, text, Set.of());
                }
            }
            case "pipenv" -> {
                if ((sub.equals("install") && ops.size() == 1) || sub.equals("sync")) {
                    return new Install(Ecosystem.PIPENV, text, Set.of());
                }
            }
            case "go" -> {
                if (sub.equals("mod") && ops.size() >= 2 && ops.get(1).equals("download")) {
                    return new Install(Ecosystem.GO, text, Set.of());
                }
            }
            case "bundle", "bundler" -> {
                if (sub.equals("install") || ops.isEmpty()) {
                    return new Install(Ecosystem.BUNDLER, text, Set.of());
                }
            }
            case "composer" -> {
                if (sub.equals("install")) {
                    return new Install(Ecosystem.COMPOSER, text, Set.of());
                }
            }
            case "mvn", "mvnw" -> {
                for (String o : ops) {
                    if (o.startsWith("dependency:go-offline") || o.startsWith("dependency:resolve")) {
                        return new Install(Ecosystem.MAVEN, text, Set.of());
                    }
                }
            }
            case "cargo" -> {
                if (sub.equals("fetch")) {
                    return new Install(Ecosystem.CARGO, text, Set.of());
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static Install pip(SimpleCommand c, List<String> ops, String text) {
        if (ops.isEmpty() || !ops.get(0).equals("install")) {
            return null;
        }
        String req = Commands.optionValue(c, Set.of("-r", "--requirement", "-c", "--constraint"), "-r",
                "--requirement");
        if (req == null || req.startsWith("$")) {
            return null;
        }
        return new Install(Ecosystem.PIP, text, Set.of(req.substring(req.lastIndexOf('/') + 1)));
    }
}
