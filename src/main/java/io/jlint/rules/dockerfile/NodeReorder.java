package io.jlint.rules.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JL101 reorder for npm ({@code npm ci}, {@code npm install}), yarn (v1 and berry: {@code yarn install}) and
 * pnpm ({@code pnpm install}): package.json, its lock file and the package manager's own configuration are copied
 * first. Refused when package.json runs install-time scripts, declares workspaces or local dependencies, when the
 * lock file names local packages, when the install may rewrite the lock file (the later {@code COPY . .} would put
 * the context's copy back), or when the context holds what the install makes (node_modules, yarn's PnP files).
 */
final class NodeReorder implements DependencyReorder.Ecosystem {

    enum Manager { NPM, YARN, PNPM }

    private final Manager manager;

    NodeReorder(Manager manager) {
        this.manager = manager;
    }

    /** Lifecycle scripts of the root package that npm, yarn or pnpm run on install. */
    private static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall", "prepublish",
            "preprepare", "prepare", "postprepare", "dependencies", "pnpm:devPreinstall");
    private static final List<String> DEPENDENCY_FIELDS = List.of("dependencies", "devDependencies",
            "optionalDependencies", "peerDependencies", "overrides", "resolutions");
    /** Version specifiers that point into the project instead of a registry or a remote repository. */
    private static final Pattern LOCAL_SPEC = Pattern.compile(
            "(file|link|workspace|portal|patch|exec):.*|git\\+file:.*|\\.{1,2}(/.*)?|/.*|~/.*");
    /**
     * A local reference in a lock file: file:, link:, portal:, exec:, a workspace other than the root one
     * ({@code workspace:.}), a patch from a file (yarn's built-in patches, {@code #~builtin<…>}, are not), or npm's
     * {@code "link": true}.
     */
    private static final Pattern LOCAL_IN_LOCK = Pattern.compile("(?m)(?:^|[\\s\"'@(])(?:(?:file|link|portal|exec):"
            + "|workspace:(?!\\.(?:[\"':\\s]|$))|patch:[^#\\s\"]*#(?!(?:optional!)?~?builtin<))|\"link\"\\s*:\\s*true");

    private static final Set<String> NPM_FLAGS = Set.of("--production", "--no-audit", "--audit=false", "--no-fund",
            "--fund=false", "--ignore-scripts", "--no-optional", "--legacy-peer-deps", "--strict-peer-deps",
            "--silent", "-s", "--quiet", "-q", "--verbose", "-d", "--no-progress", "--progress=false",
            "--prefer-offline", "--prefer-online", "--offline", "--no-update-notifier", "--update-notifier=false",
            "--unsafe-perm", "--foreground-scripts", "--engine-strict", "--no-bin-links", "--global-style",
            "--no-save", "--no-package-lock", "--package-lock=false", "--color=false", "--no-color");
    private static final Set<String> NPM_VALUED = Set.of("--omit", "--include", "--only", "--loglevel", "--registry",
            "--cache", "--install-strategy", "--fetch-retries", "--fetch-timeout", "--network-timeout");
    private static final Set<String> YARN1_FLAGS = Set.of("--frozen-lockfile", "--pure-lockfile", "--production",
            "--prod", "--production=true", "--production=false", "--non-interactive", "--silent", "-s",
            "--no-progress", "--ignore-optional", "--ignore-engines", "--ignore-platform", "--ignore-scripts",
            "--prefer-offline", "--offline", "--check-files", "--force", "--verbose", "--no-bin-links",
            "--link-duplicates", "--audit", "--no-lockfile", "--no-default-rc");
    private static final Set<String> YARN1_VALUED = Set.of("--network-timeout", "--network-concurrency",
            "--registry", "--cache-folder", "--mutex");
    private static final Set<String> BERRY_FLAGS = Set.of("--immutable", "--immutable-cache", "--check-cache",
            "--frozen-lockfile", "--inline-builds", "--json", "--mode=skip-build");
    private static final Set<String> PNPM_FLAGS = Set.of("--frozen-lockfile", "--prod", "-P", "--production",
            "--dev", "-D", "--no-optional", "--ignore-scripts", "--prefer-offline", "--offline", "--silent", "-s",
            "--shamefully-hoist", "--strict-peer-dependencies", "--no-strict-peer-dependencies");
    private static final Set<String> PNPM_VALUED = Set.of("--reporter", "--loglevel", "--registry", "--store-dir",
            "--node-linker", "--network-concurrency", "--child-concurrency");

    @Override
    public boolean companion(Argv a) {
        // corepack puts the package manager package.json names (packageManager) on PATH; it reads nothing else
        if (!a.program().equals("corepack")) {
            return false;
        }
        String sub = a.subcommand();
        return sub.equals("enable") || sub.equals("install") || sub.equals("prepare");
    }

    @Override
    public void check(ReorderContext ctx, Argv install, List<Argv> companions) {
        ctx.checkEnv(Set.of(), List.of("npm_config_", "YARN_", "PNPM_", "NODE_OPTIONS", "COREPACK_"));
        for (Argv c : companions) {
            if (c.program().equals("corepack")) {
                for (int i = 0; i < c.args().size(); i++) {
                    ctx.checkValue(c.args().get(i), "corepack");
                }
            }
        }
        switch (manager) {
            case NPM -> npm(ctx, install);
            case YARN -> yarn(ctx, install);
            default -> pnpm(ctx, install);
        }
    }

    // --- npm ---------------------------------------------------------------------------------------------------

    private static void npm(ReorderContext ctx, Argv a) {
        boolean ci = Set.of("ci", "clean-install", "install-clean", "ic").contains(a.subcommand());
        options(ctx, a, NPM_FLAGS, NPM_VALUED, Set.of("--cache"), "npm");
        packageJson(ctx, a.has("--ignore-scripts"));
        boolean lock = false;
        for (String f : List.of("package-lock.json", "npm-shrinkwrap.json")) {
            if (ctx.copyIfPresent(f)) {
                lockHasNoLocalPackages(ctx, f);
                lock = true;
            }
        }
        if (!lock && ci) {
            throw ReorderContext.refused("npm ci needs a lock file and the context has none");
        }
        if (lock && !ci && !a.has("--no-save", "--no-package-lock", "--package-lock=false")) {
            throw ReorderContext.refused("npm install may rewrite package-lock.json, which the later COPY . . would"
                    + " replace with the context's copy (npm ci never writes it)");
        }
        npmrc(ctx);
        ctx.outputs("node_modules");
    }

    // --- yarn --------------------------------------------------------------------------------------------------

    private static void yarn(ReorderContext ctx, Argv a) {
        if (!ctx.hasFile("yarn.lock")) {
            throw ReorderContext.refused("the context has no yarn.lock, so the install would write one that the later"
                    + " COPY . . cannot be shown to keep");
        }
        String lock = ctx.read("yarn.lock");
        boolean berry = lock.lines().anyMatch(l -> l.startsWith("__metadata:"));
        boolean classic = lock.lines().limit(5).anyMatch(l -> l.contains("yarn lockfile v1"));
        if (berry == classic) {
            throw ReorderContext.refused("jlint cannot tell from yarn.lock whether yarn 1 or yarn 2+ installs it");
        }
        if (classic) {
            yarnClassic(ctx, a);
        } else {
            yarnBerry(ctx, a);
        }
        if (LOCAL_IN_LOCK.matcher(lock).find()) {
            throw ReorderContext.refused("yarn.lock has local packages (file:, link:, portal:, patch:, …) from the"
                    + " context");
        }
    }

    private static void yarnClassic(ReorderContext ctx, Argv a) {
        options(ctx, a, YARN1_FLAGS, YARN1_VALUED, Set.of("--cache-folder", "--mutex"), "yarn");
        if (!a.has("--frozen-lockfile", "--pure-lockfile")) {
            throw ReorderContext.refused("yarn install may rewrite yarn.lock, which the later COPY . . would replace"
                    + " with the context's copy (add --frozen-lockfile)");
        }
        packageJson(ctx, a.has("--ignore-scripts"));
        ctx.copy("yarn.lock");
        if (ctx.hasFile(".yarnrc")) {
            ctx.copy(".yarnrc");
            for (String line : ctx.lines(".yarnrc")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] kv = l.split("\\s+", 2);
                String value = kv.length > 1 ? kv[1].strip().replaceAll("^\"|\"$", "") : "";
                if (kv[0].equals("yarn-path") || kv[0].equals("\"yarn-path\"")) {
                    ctx.copy(value); // yarn 1 hands the install to this script
                } else {
                    ctx.checkValue(value, ".yarnrc (" + kv[0] + ")");
                }
            }
        }
        npmrc(ctx);
        ctx.copyIfPresent(".yarnclean"); // yarn 1 cleans node_modules with these patterns after installing
        ctx.outputs("node_modules");
    }

    private static void yarnBerry(ReorderContext ctx, Argv a) {
        String sub = a.subcommand();
        for (int i = 0; i < a.args().size(); i++) {
            String s = a.args().get(i);
            if (s.equals(sub)) {
                continue;
            }
            if (s.equals("--mode") && i + 1 < a.args().size() && a.args().get(i + 1).equals("skip-build")) {
                i++;
                continue;
            }
            if (!BERRY_FLAGS.contains(s)) {
                throw ReorderContext.refused("jlint does not know what `yarn " + s + "` reads or changes");
            }
        }
        packageJson(ctx, false);
        ctx.copy("yarn.lock");
        JsonNode rc = ctx.hasFile(".yarnrc.yml") ? ctx.yaml(".yarnrc.yml") : null;
        boolean immutable = a.has("--immutable", "--frozen-lockfile") || ctx.envTrue("YARN_ENABLE_IMMUTABLE_INSTALLS")
                || rc != null && rc.path("enableImmutableInstalls").asBoolean(false);
        if (!immutable) {
            throw ReorderContext.refused("yarn install may rewrite yarn.lock, which the later COPY . . would replace"
                    + " with the context's copy (add --immutable)");
        }
        if (rc != null) {
            ctx.copy(".yarnrc.yml");
            if (rc.path("enableConstraintsChecks").asBoolean(false)) {
                throw ReorderContext.refused(".yarnrc.yml runs the constraints (yarn.config.cjs) on install");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rc.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                switch (e.getKey()) {
                    case "yarnPath" -> ctx.copy(e.getValue().asText()); // the yarn release that runs the install
                    case "plugins" -> {
                        for (JsonNode p : e.getValue()) {
                            ctx.copy(p.isTextual() ? p.asText() : p.path("path").asText());
                        }
                    }
                    case "injectEnvironmentFiles" -> {
                        for (JsonNode p : e.getValue()) {
                            String f = p.asText();
                            boolean optional = f.endsWith("?");
                            f = optional ? f.substring(0, f.length() - 1) : f;
                            if (!ctx.copyIfPresent(f) && !optional) {
                                throw ReorderContext.refused("the context has no " + f + ", which .yarnrc.yml loads");
                            }
                        }
                    }
                    default -> ctx.checkValues(e.getValue(), ".yarnrc.yml (" + e.getKey() + ")");
                }
            }
        }
        if (rc == null || !rc.has("injectEnvironmentFiles")) {
            ctx.copyIfPresent(".env.yarn"); // yarn 4 loads it by default
        }
        ctx.outputs("node_modules", ".pnp.cjs", ".pnp.js", ".pnp.loader.mjs", ".pnp.data.json", ".yarn/cache",
                ".yarn/unplugged", ".yarn/install-state.gz", ".yarn/build-state.yml", ".yarn/__virtual__");
    }

    // --- pnpm --------------------------------------------------------------------------------------------------

    private static void pnpm(ReorderContext ctx, Argv a) {
        String sub = a.subcommand();
        if (!sub.equals("install") && !sub.equals("i")) {
            throw ReorderContext.refused("only pnpm install is moved, not pnpm " + sub);
        }
        options(ctx, a, PNPM_FLAGS, PNPM_VALUED, Set.of("--store-dir"), "pnpm");
        if (!a.has("--frozen-lockfile")) {
            throw ReorderContext.refused("pnpm install may rewrite pnpm-lock.yaml, which the later COPY . . would"
                    + " replace with the context's copy (add --frozen-lockfile)");
        }
        ctx.absent("pnpm-workspace.yaml", "whose workspace packages and settings pnpm reads from the context");
        ctx.absent(".pnpmfile.cjs", "whose hooks pnpm runs during the install");
        ctx.absent(".pnpmfile.mjs", "whose hooks pnpm runs during the install");
        JsonNode pkg = packageJson(ctx, a.has("--ignore-scripts"));
        JsonNode pnpm = pkg.path("pnpm");
        if (pnpm.has("patchedDependencies")) {
            throw ReorderContext.refused("package.json patches dependencies with patch files from the context");
        }
        if (pnpm.has("overrides")) {
            localSpecs(pnpm.path("overrides"), "pnpm.overrides");
        }
        ctx.copy("pnpm-lock.yaml");
        if (LOCAL_IN_LOCK.matcher(ctx.read("pnpm-lock.yaml")).find()) {
            throw ReorderContext.refused("pnpm-lock.yaml has local packages (file:, link:, …) from the context");
        }
        npmrc(ctx);
        ctx.outputs("node_modules");
    }

    // --- shared ------------------------------------------------------------------------------------------------

    /**
     * The command's options must all be known: {@code flags} take no value, {@code valued} take one (the ones in
     * {@code pathValued} may name a file, which must not be in the context); no operands after the subcommand.
     */
    private static void options(ReorderContext ctx, Argv a, Set<String> flags, Set<String> valued,
                                Set<String> pathValued, String tool) {
        String sub = a.subcommand();
        boolean seenSub = sub.isEmpty();
        List<String> args = a.args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!seenSub && s.equals(sub)) {
                seenSub = true;
                continue;
            }
            if (!s.startsWith("-")) {
                throw ReorderContext.refused("`" + tool + " " + sub + "` also names " + s);
            }
            int eq = s.indexOf('=');
            String name = eq > 0 ? s.substring(0, eq) : s;
            if (flags.contains(s)) {
                continue;
            }
            if (valued.contains(name)) {
                String value = eq > 0 ? s.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : "";
                if (pathValued.contains(name)) {
                    ctx.checkValue(value, tool + " " + name);
                }
                continue;
            }
            throw ReorderContext.refused("jlint does not know what `" + tool + " " + s + "` reads or changes");
        }
    }

    /** Copies package.json after checking it; returns it. */
    private static JsonNode packageJson(ReorderContext ctx, boolean ignoreScripts) {
        ctx.copy("package.json");
        JsonNode root = ctx.json("package.json");
        if (root.has("workspaces")) {
            throw ReorderContext.refused("package.json declares workspaces, which the install reads from the context");
        }
        if (!ignoreScripts) {
            JsonNode scripts = root.path("scripts");
            for (String s : INSTALL_SCRIPTS) {
                if (scripts.has(s)) {
                    throw ReorderContext.refused("package.json runs a " + s + " script at install time, which may read"
                            + " other files");
                }
            }
        }
        for (String field : DEPENDENCY_FIELDS) {
            localSpecs(root.path(field), field);
        }
        return root;
    }

    /** Refused when a dependency map (nested for overrides) has a version that points into the project. */
    private static void localSpecs(JsonNode deps, String field) {
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                localSpecs(v, field);
                continue;
            }
            String spec = v.asText("").strip();
            if (LOCAL_SPEC.matcher(spec).matches() || spec.contains("@file:") || spec.contains("@link:")) {
                throw ReorderContext.refused("the " + field + " entry " + e.getKey() + " is a local path (" + spec + ")");
            }
        }
    }

    private static void lockHasNoLocalPackages(ReorderContext ctx, String lock) {
        if (LOCAL_IN_LOCK.matcher(ctx.read(lock)).find()) {
            throw ReorderContext.refused(lock + " has local packages (file:, link:) from the context");
        }
    }

    /** Copies .npmrc (when the context sends it) after checking that none of its values names a context file. */
    private static void npmrc(ReorderContext ctx) {
        if (!ctx.copyIfPresent(".npmrc")) {
            return;
        }
        for (String line : ctx.lines(".npmrc")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            int eq = l.indexOf('=');
            ctx.checkValue(eq < 0 ? l : l.substring(eq + 1).strip(), ".npmrc (" + (eq < 0 ? l : l.substring(0, eq)
                    .strip()) + ")");
        }
    }
}
