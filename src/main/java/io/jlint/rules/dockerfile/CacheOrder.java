package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.Redirect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The order analysis behind the cache-busting rules (JL101–JL103): which COPY/ADD instructions bring the source
 * tree in, which RUNs install dependencies, system packages or other steps that do not depend on the source, and
 * which of them come after a source copy in the same stage or a stage built FROM it.
 */
final class CacheOrder {

    private CacheOrder() {
    }

    /** Dependency ecosystems: what to copy first and what to run before the source copy. */
    enum Eco {
        NPM("package.json package-lock.json", "npm ci", false),
        YARN("package.json yarn.lock", "yarn install --frozen-lockfile", false),
        PNPM("package.json pnpm-lock.yaml", "pnpm install --frozen-lockfile", false),
        BUN("package.json bun.lockb", "bun install", false),
        PIP("requirements.txt", "pip install -r requirements.txt", false),
        POETRY("pyproject.toml poetry.lock", "poetry install --no-root", false),
        PIPENV("Pipfile Pipfile.lock", "pipenv install --deploy", false),
        UV("pyproject.toml uv.lock", "uv sync --no-install-project", false),
        PDM("pyproject.toml pdm.lock", "pdm install --no-self", false),
        CONDA("environment.yml", "conda env create -f environment.yml", false),
        GO("go.mod go.sum", "go mod download", true),
        MAVEN("pom.xml", "mvn dependency:go-offline", true),
        GRADLE("build.gradle settings.gradle", "gradle dependencies", true),
        BUNDLER("Gemfile Gemfile.lock", "bundle install", false),
        COMPOSER("composer.json composer.lock", "composer install --no-scripts --no-autoloader", false),
        CARGO("Cargo.toml Cargo.lock", "cargo build", true),
        DOTNET("*.csproj", "dotnet restore", true),
        MIX("mix.exs mix.lock", "mix deps.get", false);

        final String manifests;
        final String prefetch;
        /** Builds fetch dependencies implicitly (go build, mvn package, …): any earlier use counts as a prefetch. */
        final boolean buildFetches;

        Eco(String manifests, String prefetch, boolean buildFetches) {
            this.manifests = manifests;
            this.prefetch = prefetch;
            this.buildFetches = buildFetches;
        }
    }

    /** What a command does, as far as the build cache is concerned. */
    enum Use {
        /** installs dependencies from a manifest (npm ci, pip install -r, go mod download, …) */
        INSTALL,
        /** builds the project and fetches its dependencies on the way (go build, mvn package, cargo build, …) */
        BUILD,
        /** installs named tools that do not depend on the source (npm i -g x, pip install x, gem install x) */
        TOOL,
        /** installs system packages (apt-get install, apk add, …) */
        SYSTEM,
        /** removes system packages */
        SYSTEM_REMOVE,
        /** creates a user or group */
        USER
    }

    /** One classified command. {@code manifest} is the requirements/environment file for pip and conda. */
    record Step(Use use, Eco eco, String manifest, Argv argv) {
        String key() {
            if (eco == null) {
                return use.name();
            }
            return manifest == null ? eco.name() : eco.name() + ":" + BuildChain.baseName(manifest);
        }
    }

    /**
     * A COPY/ADD that brings the build context ({@code whole}) or source files/directories ({@code what}) in;
     * {@code dirs} when a source directory is among them; {@code target} the destination as an absolute path.
     */
    record SourceCopy(Instruction instruction, boolean whole, boolean dirs, String what, int pos, String target) {
    }

    /** A dependency install after a source copy. */
    record Hit(Step step, Instruction.Run run, boolean manifestCopied) {
    }

    /** A source copy and the dependency installs that follow it. */
    record DepFinding(SourceCopy copy, List<Hit> hits) {
    }

    /** A RUN that does not depend on the source but runs after a source copy. */
    record RunFinding(Instruction.Run run, Step step, SourceCopy copy) {
    }

    /**
     * An ENV whose values never change (no build argument in them) set after a source copy of its own stage;
     * {@code runsBetween} are the RUNs between that copy and the ENV, which would see it once it moves up.
     */
    record EnvFinding(Instruction.Env env, SourceCopy copy, List<Instruction.Run> runsBetween) {
    }

    record Result(List<DepFinding> deps, List<RunFinding> system, List<RunFinding> stable, List<EnvFinding> envs) {
    }

    /** Everything about one RUN. */
    private record RunInfo(List<Step> steps, boolean complete, boolean stable, List<String> paths) {
        boolean has(Use... uses) {
            for (Step s : steps) {
                for (Use u : uses) {
                    if (s.use() == u) {
                        return true;
                    }
                }
            }
            return false;
        }

        Step first(Use use) {
            for (Step s : steps) {
                if (s.use() == use) {
                    return s;
                }
            }
            return null;
        }
    }

    private static final class State {
        final List<SourceCopy> copies = new ArrayList<>();
        final Map<String, Integer> firstInstall = new HashMap<>();
        final Map<Eco, Integer> firstUse = new HashMap<>();
        /** basenames / glob patterns of files copied on their own, with the position of the copy */
        final List<String> narrow = new ArrayList<>();
        final List<Integer> narrowPos = new ArrayList<>();
        String workdir = "/";
        boolean gopath;
        /** the Go of the base image builds in module mode only (golang 1.16 and later, GO111MODULE not off/auto) */
        boolean modulesOnly;
        /** position of the first instruction of the stage being judged */
        int ownStart = Integer.MAX_VALUE;
        /** names whose value can change between builds: ARGs, and ENVs set from them */
        final Set<String> variable = new java.util.HashSet<>();
        /** the RUNs of the stage being judged, with their positions */
        final List<Instruction.Run> ownRuns = new ArrayList<>();
        final List<Integer> ownRunPos = new ArrayList<>();
    }

    // ------------------------------------------------------------------------------------------------------------

    static Result analyze(Dockerfile df) {
        Map<Integer, DepFinding> deps = new LinkedHashMap<>();
        List<RunFinding> system = new ArrayList<>();
        List<RunFinding> stable = new ArrayList<>();
        List<EnvFinding> envs = new ArrayList<>();
        if (df == null || df.stages().isEmpty()) {
            return new Result(List.of(), List.of(), List.of(), List.of());
        }
        for (Stage s : df.stages()) {
            List<Stage> chain = BuildChain.of(df, s);
            if (BuildChain.windows(df, chain)) {
                continue;
            }
            State st = new State();
            st.modulesOnly = goModulesOnly(df, chain);
            int pos = 0;
            for (Stage cs : chain) {
                boolean own = cs == s;
                if (own) {
                    st.ownStart = pos + 1;
                }
                for (Instruction in : cs.instructions()) {
                    pos++;
                    if (in instanceof Instruction.Workdir w) {
                        st.workdir = join(st.workdir, w.path());
                    } else if (in instanceof Instruction.Copy || in instanceof Instruction.Add) {
                        copied(in, pos, st);
                    } else if (in instanceof Instruction.Run run) {
                        Map<String, String> vars = BuildChain.vars(df, chain, run);
                        RunInfo ri = classify(run, vars);
                        if (own && ri.complete() && !st.copies.isEmpty()) {
                            evaluate(run, pos, ri, vars, st, deps, system, stable);
                        }
                        record(ri, pos, st);
                        if (own) {
                            st.ownRuns.add(run);
                            st.ownRunPos.add(pos);
                        }
                    } else if (in instanceof Instruction.Arg arg) {
                        arg.pairs().forEach(kv -> st.variable.add(kv.key()));
                    } else if (in instanceof Instruction.Env env) {
                        envAfterCopy(env, own, st, envs);
                    }
                }
            }
        }
        return new Result(List.copyOf(deps.values()), system, stable, envs);
    }

    /**
     * Whether a copy of source directories or files (not the whole context) is a cache problem for {@code step}.
     * Directories copied before the manifest may be local packages the install needs (Go replace directives,
     * npm file: dependencies, pip -e paths), so they count only when the manifest was copied first or in the same
     * COPY; source files count when the manifest was copied at all (else there is no manifest: a lone main.go has
     * no modules to download).
     */
    private static boolean sourceCopyCounts(Step step, SourceCopy c, int runPos, State st) {
        if (c.dirs() && c.target() != null && c.target().equals(clean(st.workdir))) {
            return true; // the directory becomes the folder the install runs in: it is the project itself
        }
        if (c.dirs() && projectSourceOnly(c)) {
            return true; // src/ or app/ is the project's own code, not a local package the install needs
        }
        return c.dirs() ? manifestCopiedBefore(step, c.pos(), st) : manifestCopiedBefore(step, runPos - 1, st);
    }

    /** Directory names that hold the project's own code, never a local package that a dependency install reads. */
    private static final Set<String> PROJECT_SOURCE_DIRS = Set.of("src", "source", "sources", "app");

    /** True when every source the copy names is such a directory ({@code COPY src ./src}). */
    private static boolean projectSourceOnly(SourceCopy c) {
        if (c.what().isBlank()) {
            return false;
        }
        for (String s : c.what().trim().split("\\s+")) {
            if (!PROJECT_SOURCE_DIRS.contains(BuildChain.baseName(normalize(s)).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String path) {
        String p = path;
        while (p.endsWith("/.")) {
            p = p.substring(0, p.length() - 2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "/" : p;
    }

    private static void evaluate(Instruction.Run run, int runPos, RunInfo ri, Map<String, String> vars, State st,
                                 Map<Integer, DepFinding> deps, List<RunFinding> system,
                                 List<RunFinding> stable) {
        boolean anyDep = false;
        for (Step step : ri.steps()) {
            if (step.use() != Use.INSTALL && step.use() != Use.BUILD) {
                continue;
            }
            anyDep = true;
            if (step.use() == Use.BUILD && (cached(run, step.eco(), vars) || step.eco() == Eco.GO && st.gopath)) {
                continue;
            }
            for (SourceCopy c : st.copies) {
                if (!c.whole() && !sourceCopyCounts(step, c, runPos, st)) {
                    continue;
                }
                Integer first = step.eco().buildFetches ? st.firstUse.get(step.eco())
                        : st.firstInstall.get(step.key());
                if (first != null && first < c.pos()) {
                    continue;
                }
                boolean manifestCopied = manifestCopiedBefore(step, c.pos() - 1, st);
                DepFinding f = deps.computeIfAbsent(c.instruction().span().startOffset(),
                        k -> new DepFinding(c, new ArrayList<>()));
                boolean dup = false;
                for (Hit h : f.hits()) {
                    if (h.step().key().equals(step.key())) {
                        dup = true;
                        break;
                    }
                }
                if (!dup) {
                    f.hits().add(new Hit(step, run, manifestCopied));
                }
            }
        }
        if (anyDep || !ri.stable()) {
            return;
        }
        for (String path : ri.paths()) {
            for (SourceCopy c : st.copies) {
                String t = c.target();
                if (t == null || path.equals(t) || path.startsWith(t.endsWith("/") ? t : t + "/")) {
                    return; // the RUN touches the copied files
                }
            }
        }
        // only a source copy of this very stage: when it happened in the stage this one is built FROM, the step
        // cannot simply move above it (it would land in the other stage)
        SourceCopy first = null;
        for (SourceCopy c : st.copies) {
            if (c.pos() >= st.ownStart) {
                first = c;
                break;
            }
        }
        if (first == null) {
            return;
        }
        if (ri.has(Use.SYSTEM)) {
            if (!ri.has(Use.SYSTEM_REMOVE)) {
                system.add(new RunFinding(run, ri.first(Use.SYSTEM), first));
            }
            return;
        }
        Step s = ri.first(Use.USER);
        if (s == null) {
            s = ri.first(Use.TOOL);
        }
        if (s != null) {
            stable.add(new RunFinding(run, s, first));
        }
    }

    private static final Pattern VAR_REF = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    /** Records an ENV whose values never change when it comes after a source copy of the stage being judged. */
    private static void envAfterCopy(Instruction.Env env, boolean own, State st, List<EnvFinding> envs) {
        boolean constant = true;
        for (KeyValue kv : env.pairs()) {
            java.util.regex.Matcher m = VAR_REF.matcher(kv.rawValue() == null ? "" : kv.rawValue());
            while (m.find()) {
                constant &= !st.variable.contains(m.group(1));
            }
        }
        if (!constant) {
            env.pairs().forEach(kv -> st.variable.add(kv.key()));
            return;
        }
        SourceCopy first = null;
        for (SourceCopy c : st.copies) {
            if (c.pos() >= st.ownStart) {
                first = c;
                break;
            }
        }
        if (!own || first == null) {
            return;
        }
        List<Instruction.Run> between = new ArrayList<>();
        for (int i = 0; i < st.ownRuns.size(); i++) {
            if (st.ownRunPos.get(i) > first.pos()) {
                between.add(st.ownRuns.get(i));
            }
        }
        envs.add(new EnvFinding(env, first, between));
    }

    private static void record(RunInfo ri, int pos, State st) {
        for (Step step : ri.steps()) {
            if (step.use() == Use.INSTALL) {
                st.firstInstall.putIfAbsent(step.key(), pos);
                st.firstUse.putIfAbsent(step.eco(), pos);
            } else if (step.use() == Use.BUILD) {
                st.firstUse.putIfAbsent(step.eco(), pos);
            }
        }
    }

    // --- COPY / ADD ------------------------------------------------------------------------------------------------

    /** Directories that hold the project's source (not lib/libs: those are often local packages an install needs). */
    private static final Set<String> SOURCE_DIRS = Set.of("src", "source", "sources", "app", "apps", "cmd", "pkg", "internal", "api", "server", "client", "frontend", "backend", "web", "webapp", "www",
            "components", "pages", "routes", "controllers", "models", "views", "templates", "static", "public",
            "assets", "test", "tests", "spec");

    private static final Set<String> SOURCE_EXT = Set.of("py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "go", "rb",
            "php", "java", "kt", "scala", "rs", "cs", "fs", "vb", "c", "cc", "cpp", "cxx", "h", "hpp", "swift", "ex",
            "exs", "erl", "clj", "lua", "pl", "pm", "r", "dart", "vue", "svelte");

    /**
     * Files with a source extension that are build configuration, or that manifests read (a gemspec reads
     * lib/x/version.rb, setup.py reads the package's __init__.py or _version.py): not source for this rule.
     */
    private static final Set<String> NOT_SOURCE = Set.of("setup.py", "conftest.py", "noxfile.py", "fabfile.py",
            "build.rs", "gulpfile.js", "gruntfile.js", "version.rb", "version.py", "_version.py", "__version__.py",
            "__init__.py", "version.go", "version.js", "version.ts");

    private static void copied(Instruction in, int pos, State st) {
        List<String> sources;
        String dest;
        if (in instanceof Instruction.Copy c) {
            sources = c.sources();
            dest = c.destination();
            if (!c.heredocs().isEmpty()) {
                return;
            }
        } else if (in instanceof Instruction.Add a) {
            sources = a.sources();
            dest = a.destination();
            if (!a.heredocs().isEmpty()) {
                return;
            }
        } else {
            return;
        }
        boolean fromStage = in.flag("from").isPresent();
        boolean whole = false;
        boolean dirs = false;
        List<String> what = new ArrayList<>();
        for (String src : sources) {
            if (src == null) {
                continue;
            }
            String s = src.trim();
            if (!fromStage) {
                st.narrow.add(s);
                st.narrowPos.add(pos);
            }
            if (fromStage || s.contains("$") || s.contains("://") || s.startsWith("git@")) {
                continue;
            }
            String n = normalize(s);
            if (n.isEmpty() || n.equals(".") || n.equals("*")) {
                whole = true;
                continue;
            }
            if (n.startsWith(".")) {
                continue; // a hidden folder holds tool files (.yarn/releases, .mvn/wrapper), not the project's source
            }
            String base = BuildChain.baseName(n);
            String lower = base.toLowerCase(Locale.ROOT);
            if (SOURCE_DIRS.contains(lower)) {
                what.add(s);
                dirs = true;
                continue;
            }
            int dot = lower.lastIndexOf('.');
            if (dot > 0 && SOURCE_EXT.contains(lower.substring(dot + 1)) && !NOT_SOURCE.contains(lower)
                    && !lower.contains(".config.") && !lower.startsWith(".")) {
                what.add(s);
            } else if (dot == 0 && lower.startsWith("*.") && SOURCE_EXT.contains(lower.substring(2))) {
                what.add(s);
            }
        }
        if (fromStage) {
            return;
        }
        if (whole || !what.isEmpty()) {
            String target = dest == null ? "" : dest.startsWith("/") ? dest : join(st.workdir, dest);
            st.copies.add(new SourceCopy(in, whole, dirs, String.join(" ", what), pos,
                    target.contains("$") || dest == null ? null : clean(target)));
            if ((target.startsWith("/go/src/") || target.contains("GOPATH")) && !st.modulesOnly) {
                st.gopath = true;
            }
        }
    }

    /** golang, golang:1.22-alpine, golang:bookworm (a distribution name alone is the latest Go), with a digest. */
    private static final Pattern GOLANG = Pattern.compile(
            "(?:.*/)?golang(?::(\\d+)\\.(\\d+)[^@]*|:(?!stretch|jessie|wheezy)[a-z]+)?(?:@.*)?");

    /**
     * True when the chain starts from a golang image whose Go (1.16 and later: the tag's version, or a current
     * distribution name alone such as {@code alpine}, which is the latest; {@code alpine3.12} is not known) builds in
     * module mode, unless the Dockerfile sets GO111MODULE to off or auto: then a copy below /go/src is still a
     * module with dependencies to download.
     */
    private static boolean goModulesOnly(Dockerfile df, List<Stage> chain) {
        String image = BuildChain.baseImage(df, chain);
        java.util.regex.Matcher m = image == null ? null : GOLANG.matcher(image);
        if (m == null || !m.matches()) {
            return false;
        }
        if (m.group(1) != null && (Integer.parseInt(m.group(1)) < 1
                || Integer.parseInt(m.group(1)) == 1 && Integer.parseInt(m.group(2)) < 16)) {
            return false;
        }
        for (Stage s : chain) {
            for (Instruction in : s.instructions()) {
                List<KeyValue> pairs = in instanceof Instruction.Env e ? e.pairs()
                        : in instanceof Instruction.Arg a ? a.pairs() : List.of();
                for (KeyValue kv : pairs) {
                    if (kv.key().equals("GO111MODULE") && !"on".equals(kv.value())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static String normalize(String s) {
        String n = s;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.endsWith("/") && n.length() > 1) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.equals("./") || n.equals("/")) {
            return "";
        }
        return n;
    }

    private static String join(String dir, String path) {
        if (path == null || path.isEmpty()) {
            return dir;
        }
        if (path.startsWith("/")) {
            return path;
        }
        return dir.endsWith("/") ? dir + path : dir + "/" + path;
    }

    /** True when a COPY at or before position {@code pos} brought the step's manifest in. */
    private static boolean manifestCopiedBefore(Step step, int pos, State st) {
        List<String> wanted = new ArrayList<>();
        switch (step.eco()) {
            case NPM, YARN, PNPM, BUN -> wanted.add("package.json");
            case PIP, CONDA -> wanted.add(step.manifest() == null ? "requirements.txt"
                    : BuildChain.baseName(step.manifest()));
            case POETRY, UV, PDM -> wanted.add("pyproject.toml");
            case PIPENV -> wanted.add("Pipfile");
            case GO -> wanted.add("go.mod");
            case MAVEN -> wanted.add("pom.xml");
            case GRADLE -> {
                wanted.add("build.gradle");
                wanted.add("build.gradle.kts");
            }
            case BUNDLER -> wanted.add("Gemfile");
            case COMPOSER -> wanted.add("composer.json");
            case CARGO -> wanted.add("Cargo.toml");
            case MIX -> wanted.add("mix.exs");
            case DOTNET -> {
                wanted.add("x.csproj");
                wanted.add("x.fsproj");
                wanted.add("x.vbproj");
                wanted.add("x.sln");
            }
            default -> {
                return false;
            }
        }
        for (int i = 0; i < st.narrow.size(); i++) {
            if (st.narrowPos.get(i) > pos) {
                break;
            }
            String pattern = BuildChain.baseName(normalize(st.narrow.get(i)));
            Pattern p = glob(pattern);
            for (String w : wanted) {
                if (p.matcher(w).matches()) {
                    return true;
                }
            }
            if (step.manifest() != null && !pattern.isEmpty()
                    && ("/" + step.manifest() + "/").contains("/" + pattern + "/")) {
                return true; // a directory holding the requirements file
            }
        }
        return false;
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (g.toLowerCase(Locale.ROOT).endsWith(".csproj") || g.toLowerCase(Locale.ROOT).endsWith(".sln")
                || g.toLowerCase(Locale.ROOT).endsWith(".fsproj") || g.toLowerCase(Locale.ROOT).endsWith(".vbproj")) {
            return Pattern.compile("x\\." + Pattern.quote(g.substring(g.lastIndexOf('.') + 1)));
        }
        return Pattern.compile(re.toString());
    }

    // --- RUN -------------------------------------------------------------------------------------------------------

    private static boolean cached(Instruction.Run run, Eco eco, Map<String, String> vars) {
        if (run.flag("network").map(f -> "none".equals(f.value())).orElse(false)) {
            return true;
        }
        for (Mount m : run.mounts()) {
            if (!"cache".equalsIgnoreCase(m.type())) {
                continue;
            }
            String t = m.target() == null ? "" : m.target().toLowerCase(Locale.ROOT);
            boolean hit = switch (eco) {
                case GO -> t.contains("pkg/mod") || t.matches("(/root)?/go/?") || t.contains("gomod")
                        || t.equals(String.valueOf(vars.get("GOMODCACHE")).toLowerCase(Locale.ROOT))
                        || t.equals(String.valueOf(vars.get("GOPATH")).toLowerCase(Locale.ROOT));
                case MAVEN -> t.contains(".m2") || t.contains("maven");
                case GRADLE -> t.contains("gradle");
                case CARGO -> t.contains("cargo");
                case DOTNET -> t.contains("nuget");
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static RunInfo classify(Instruction.Run run, Map<String, String> vars) {
        List<Step> steps = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        boolean stable = true;
        boolean chown = false;
        List<Argv> cmds = Argv.of(run);
        for (Argv a : cmds) {
            if (PATH_SAFE.contains(a.program()) || a.program().equals("rpm")) {
                for (String arg : a.args()) {
                    if (arg.startsWith("/")) {
                        paths.add(arg);
                    }
                }
            }
            Classified c = classify(a, vars);
            if (a.wrappers().contains("xargs")) {
                c = new Classified(null, false); // its arguments come from standard input, maybe a context file
            }
            if (c.step() != null) {
                steps.add(c.step());
            }
            if (!c.stable() && (a.program().equals("chown") || a.program().equals("chgrp"))
                    && !a.wrappers().contains("xargs")) {
                chown = true; // handing the copied files to a user created here: COPY --chown does that
            } else if (!c.stable()) {
                stable = false;
            }
            if (a.command() != null) {
                for (Redirect r : a.command().redirects()) {
                    String sym = r.symbol();
                    if ((sym.equals("<") || sym.equals("<>")) && r.target() != null
                            && !r.target().value().startsWith("/")) {
                        stable = false; // reads a file that may come from the context
                    }
                }
            }
        }
        if (chown && (steps.isEmpty() || steps.stream().anyMatch(s -> s.use() != Use.USER))) {
            stable = false;
        }
        return new RunInfo(steps, Argv.complete(run) && !cmds.isEmpty(), stable && !cmds.isEmpty(), paths);
    }

    private record Classified(Step step, boolean stable) {
    }

    /** True when {@code a} installs named tools from a registry (npm i -g x, pip install x, gem install x, …). */
    static boolean toolInstall(Argv a) {
        Classified c = classify(a, Map.of());
        return c.step() != null && c.step().use() == Use.TOOL;
    }

    private static final Set<String> SAFE = Set.of("apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf",
            "tdnf", "zypper", "pacman", "apt-key", "apt-cache", "apt-mark", "add-apt-repository",
            "debconf-set-selections", "dpkg-reconfigure", "update-ca-certificates", "ldconfig", "locale-gen",
            "localedef", "update-locale", "update-alternatives", "echo", "printf", "true", "false", ":", "set",
            "export", "test", "[", "sleep", "usermod", "groupmod", "passwd", "chpasswd", "curl", "wget", "gpg",
            "gpgconf", "lsb_release", "uname", "arch", "nproc", "id", "getent", "yum-config-manager",
            "docker-php-ext-install", "docker-php-ext-configure", "docker-php-ext-enable", "pecl", "a2enmod",
            "a2enconf", "a2dismod", "phpenmod", "corepack", "update-rc.d");

    /** Commands whose operands must be absolute paths for the command not to touch the copied source. */
    private static final Set<String> PATH_SAFE = Set.of("cd", "mkdir", "ln", "touch", "rm", ".", "source", "tee");

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9@_][A-Za-z0-9@._+:=~<>*^,!\\[\\]-]*");
    private static final Pattern SCOPED = Pattern.compile("@[A-Za-z0-9._-]+/[A-Za-z0-9._-]+(@[A-Za-z0-9._^~<>=*-]+)?");
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    private static final Set<String> NPM_VALUED = Set.of("--prefix", "--omit", "--include", "--registry", "--cache",
            "--loglevel", "-w", "--workspace", "--userconfig", "--tag");
    private static final Set<String> PIP_VALUED = Set.of("-i", "--index-url", "--extra-index-url", "--trusted-host",
            "-t", "--target", "--prefix", "--root", "--platform", "--python-version", "--implementation", "--abi",
            "--progress-bar", "--cache-dir", "--src", "--upgrade-strategy", "--timeout", "--retries", "--proxy",
            "--log", "--cert", "--client-cert", "--only-binary", "--no-binary", "--global-option",
            "--install-option", "--config-settings", "-C", "--python");
    private static final Set<String> APT_VALUED = Set.of("-o", "-t", "-c", "--target-release", "--option",
            "--config-file");
    private static final Set<String> APK_VALUED = Set.of("-t", "--virtual", "-X", "--repository", "-p", "--root",
            "--arch", "--repositories-file", "--keys-dir", "--cache-dir");
    private static final Set<String> YUM_VALUED = Set.of("-c", "--config", "--installroot", "--releasever",
            "--setopt", "--enablerepo", "--disablerepo", "-x", "--exclude", "--repo", "--repoid", "--nodocs-x");
    private static final Set<String> GEM_VALUED = Set.of("-v", "--version", "-i", "--install-dir", "-n",
            "--bindir", "-s", "--source", "-p", "--http-proxy", "--platform");

    private static final Set<String> MAVEN_PHASES = Set.of("compile", "test-compile", "test", "package", "verify",
            "install", "deploy", "integration-test", "process-resources", "generate-sources");

    private static Classified classify(Argv a, Map<String, String> vars) {
        String p = a.program();
        if (p.isEmpty()) {
            return new Classified(null, true);
        }
        String sub = a.subcommand();
        if (sub.equals("cache") && Set.of("npm", "yarn", "pnpm", "pip", "pip3", "uv", "bun").contains(p)
                || p.equals("composer") && sub.equals("clear-cache") || p.equals("gem") && sub.equals("cleanup")) {
            return new Classified(null, true); // cache cleanup does not depend on the source
        }
        switch (p) {
            case "npm" -> {
                if (Set.of("ci", "clean-install", "install-clean", "ic").contains(sub)) {
                    return dep(Use.INSTALL, Eco.NPM, null, a);
                }
                if (Set.of("install", "i", "add", "isntall", "in").contains(sub)) {
                    List<Integer> ops = a.operands(sub, NPM_VALUED);
                    boolean global = a.has("-g", "--global");
                    if (ops.isEmpty()) {
                        return global ? unstable() : dep(Use.INSTALL, Eco.NPM, null, a);
                    }
                    return global && named(a, ops, vars, true) ? tool(Eco.NPM, a) : unstable();
                }
                return unstable();
            }
            case "yarn" -> {
                if (sub.isEmpty() || sub.equals("install")) {
                    return dep(Use.INSTALL, Eco.YARN, null, a);
                }
                if (sub.equals("global")) {
                    List<Integer> ops = a.operands("global", Set.of());
                    if (!ops.isEmpty() && a.args().get(ops.get(0)).equals("add")) {
                        List<Integer> names = ops.subList(1, ops.size());
                        return !names.isEmpty() && named(a, names, vars, true) ? tool(Eco.YARN, a) : unstable();
                    }
                }
                return unstable();
            }
            case "pnpm" -> {
                if (sub.equals("fetch")) {
                    return dep(Use.INSTALL, Eco.PNPM, null, a);
                }
                if (sub.equals("install") || sub.equals("i")) {
                    return a.operands(sub, NPM_VALUED).isEmpty() ? dep(Use.INSTALL, Eco.PNPM, null, a) : unstable();
                }
                if (sub.equals("add") && a.has("-g", "--global")) {
                    List<Integer> ops = a.operands(sub, NPM_VALUED);
                    return !ops.isEmpty() && named(a, ops, vars, true) ? tool(Eco.PNPM, a) : unstable();
                }
                return unstable();
            }
            case "bun" -> {
                if (sub.equals("install") || sub.equals("i")) {
                    return a.operands(sub, NPM_VALUED).isEmpty() ? dep(Use.INSTALL, Eco.BUN, null, a) : unstable();
                }
                return unstable();
            }
            case "poetry" -> {
                return sub.equals("install") ? dep(Use.INSTALL, Eco.POETRY, null, a) : unstable();
            }
            case "pipenv" -> {
                if (sub.equals("sync") || sub.equals("install") && a.operands("install", Set.of()).isEmpty()) {
                    return dep(Use.INSTALL, Eco.PIPENV, null, a);
                }
                return unstable();
            }
            case "pdm" -> {
                return sub.equals("install") || sub.equals("sync") ? dep(Use.INSTALL, Eco.PDM, null, a) : unstable();
            }
            case "uv" -> {
                return uv(a, vars);
            }
            case "conda", "mamba", "micromamba" -> {
                String file = value(a, "-f", "--file");
                if (file != null && (sub.equals("env") || sub.equals("create") || sub.equals("install")
                        || sub.equals("update"))) {
                    return dep(Use.INSTALL, Eco.CONDA, file, a);
                }
                return unstable();
            }
            case "go" -> {
                return go(a, vars);
            }
            case "mvn", "mvnw" -> {
                if (a.has("-o", "--offline")) {
                    return unstable();
                }
                for (String arg : a.args()) {
                    if (arg.startsWith("dependency:")) {
                        return dep(Use.INSTALL, Eco.MAVEN, null, a);
                    }
                }
                for (String arg : a.args()) {
                    if (!arg.startsWith("-") && (MAVEN_PHASES.contains(arg) || arg.matches("[\\w.-]+:[\\w.-]+"))) {
                        return dep(Use.BUILD, Eco.MAVEN, null, a);
                    }
                }
                return unstable();
            }
            case "gradle", "gradlew" -> {
                if (a.has("--offline")) {
                    return unstable();
                }
                for (String arg : a.args()) {
                    if (!arg.startsWith("-") && arg.matches("[:\\w.-]+")) {
                        return dep(Use.BUILD, Eco.GRADLE, null, a);
                    }
                }
                return unstable();
            }
            case "bundle", "bundler" -> {
                return sub.isEmpty() || sub.equals("install") ? dep(Use.INSTALL, Eco.BUNDLER, null, a) : unstable();
            }
            case "gem" -> {
                if (sub.equals("install") && !a.has("-g", "--file", "--local", "-l")) {
                    List<Integer> ops = a.operands("install", GEM_VALUED);
                    return !ops.isEmpty() && named(a, ops, vars, false) ? tool(null, a) : unstable();
                }
                return unstable();
            }
            case "composer", "composer.phar" -> {
                return composer(a, sub, vars);
            }
            case "php" -> {
                if (!a.args().isEmpty() && BuildChain.baseName(a.args().get(0)).startsWith("composer")) {
                    Argv inner = new Argv("composer", a.args().subList(1, a.args().size()),
                            a.literal().subList(1, a.literal().size()), a.assignments(), a.wrappers(), a.command());
                    return composer(inner, inner.subcommand(), vars);
                }
                return unstable();
            }
            case "cargo" -> {
                return cargo(a, sub, vars);
            }
            case "dotnet" -> {
                if (sub.equals("restore")) {
                    return dep(Use.INSTALL, Eco.DOTNET, null, a);
                }
                if (Set.of("build", "publish", "test", "run", "pack").contains(sub)) {
                    return a.has("--no-restore") ? unstable() : dep(Use.BUILD, Eco.DOTNET, null, a);
                }
                return unstable();
            }
            case "mix" -> {
                return sub.equals("deps.get") ? dep(Use.INSTALL, Eco.MIX, null, a) : unstable();
            }
            case "pipx" -> {
                List<Integer> ops = a.operands("install", Set.of("--python", "--index-url", "--pip-args"));
                return sub.equals("install") && !ops.isEmpty() && named(a, ops, vars, false) ? tool(null, a)
                        : unstable();
            }
            case "useradd", "adduser", "groupadd", "addgroup" -> {
                for (int i = 0; i < a.args().size(); i++) {
                    if (!a.literal().get(i) && !declaredVar(a.args().get(i), vars)) {
                        return unstable();
                    }
                }
                return new Classified(new Step(Use.USER, null, null, a), true);
            }
            default -> {
                if (p.matches("pip[0-9.]*")) {
                    return pip(a, sub, vars);
                }
                Classified sys = system(a, sub, vars);
                if (sys != null) {
                    return sys;
                }
                if (PATH_SAFE.contains(p) || p.equals("rpm")) {
                    for (String arg : a.args()) {
                        if (!arg.startsWith("-") && !arg.startsWith("/") && !arg.startsWith("https://")
                                && !arg.startsWith("http://")) {
                            return unstable();
                        }
                    }
                    return new Classified(null, true);
                }
                if (p.equals("sh") || p.equals("bash")) {
                    // `curl … | sh -` reads the script from the pipe; a script file would be an operand
                    for (String arg : a.args()) {
                        if (!arg.startsWith("-")) {
                            return unstable();
                        }
                    }
                    return new Classified(null, true);
                }
                if (p.matches("python[0-9.]*") && a.args().size() >= 3 && a.args().get(0).equals("-m")
                        && a.args().get(1).equals("venv")) {
                    return new Classified(null, a.args().get(a.args().size() - 1).startsWith("/"));
                }
                if (p.equals("dpkg")) {
                    return new Classified(null, a.has("--print-architecture", "--add-architecture",
                            "--print-foreign-architectures"));
                }
                return new Classified(null, SAFE.contains(p));
            }
        }
    }

    private static Classified pip(Argv a, String sub, Map<String, String> vars) {
        if (!sub.equals("install") && !sub.equals("wheel") && !sub.equals("download")) {
            return unstable();
        }
        String req = requirement(a);
        if (req != null) {
            return dep(Use.INSTALL, Eco.PIP, req, a);
        }
        if (!sub.equals("install") || a.has("-e", "--editable", "-c", "--constraint", "--no-index", "-f",
                "--find-links")) {
            return unstable();
        }
        List<Integer> ops = a.operands("install", PIP_VALUED);
        return !ops.isEmpty() && named(a, ops, vars, false) ? tool(Eco.PIP, a) : unstable();
    }

    /** The {@code -r FILE}, {@code -rFILE}, {@code --requirement FILE} or {@code --requirement=FILE} value. */
    private static String requirement(Argv a) {
        List<String> args = a.args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if ((s.equals("-r") || s.equals("--requirement") || s.equals("--requirements")) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (s.startsWith("--requirement=")) {
                return s.substring("--requirement=".length());
            }
            if (s.startsWith("-r") && s.length() > 2 && !s.startsWith("--")) {
                return s.substring(2);
            }
        }
        return null;
    }

    private static String value(Argv a, String shortOpt, String longOpt) {
        List<String> args = a.args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if ((s.equals(shortOpt) || s.equals(longOpt)) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (s.startsWith(longOpt + "=")) {
                return s.substring(longOpt.length() + 1);
            }
        }
        return null;
    }

    private static Classified uv(Argv a, Map<String, String> vars) {
        List<String> args = a.args();
        String sub = a.subcommand();
        if (sub.equals("sync")) {
            return dep(Use.INSTALL, Eco.UV, null, a);
        }
        if (sub.equals("pip")) {
            int at = args.indexOf("pip");
            String next = at + 1 < args.size() ? args.get(at + 1) : "";
            Argv inner = new Argv("pip", args.subList(at + 1, args.size()),
                    a.literal().subList(at + 1, a.literal().size()), a.assignments(), a.wrappers(), a.command());
            if (next.equals("sync") && at + 2 < args.size()) {
                List<Integer> ops = inner.operands("sync", Set.of());
                return ops.isEmpty() ? unstable() : dep(Use.INSTALL, Eco.PIP, inner.args().get(ops.get(0)), a);
            }
            if (next.equals("install")) {
                Classified c = pip(inner, "install", vars);
                if (c.step() != null) {
                    return new Classified(new Step(c.step().use(), c.step().eco(), c.step().manifest(), a), c.stable());
                }
                return c;
            }
            return unstable();
        }
        if (sub.equals("tool") && args.contains("install")) {
            return tool(null, a);
        }
        return unstable();
    }

    private static Classified go(Argv a, Map<String, String> vars) {
        String sub = a.subcommand();
        List<String> args = a.args();
        if (sub.equals("mod")) {
            int at = args.indexOf("mod");
            if (at + 1 < args.size() && args.get(at + 1).equals("download")) {
                return dep(Use.INSTALL, Eco.GO, null, a);
            }
            return unstable();
        }
        if (!Set.of("build", "install", "test", "run", "vet").contains(sub)) {
            return unstable();
        }
        if (sub.equals("install")) {
            List<Integer> ops = a.operands("install", Set.of("-o", "-ldflags", "-tags", "-gcflags", "-mod"));
            boolean versioned = !ops.isEmpty();
            for (int i : ops) {
                if (!args.get(i).contains("@")) {
                    versioned = false;
                }
            }
            if (versioned) {
                return tool(Eco.GO, a);
            }
        }
        String goflags = a.assignments().getOrDefault("GOFLAGS", String.valueOf(vars.get("GOFLAGS")));
        String module = a.assignments().getOrDefault("GO111MODULE", String.valueOf(vars.get("GO111MODULE")));
        String proxy = a.assignments().getOrDefault("GOPROXY", String.valueOf(vars.get("GOPROXY")));
        int modAt = args.indexOf("-mod");
        if (args.contains("-mod=vendor") || modAt >= 0 && modAt + 1 < args.size()
                && args.get(modAt + 1).equals("vendor") || goflags.contains("-mod=vendor")
                || module.equals("off") || proxy.equals("off")) {
            return unstable();
        }
        return dep(Use.BUILD, Eco.GO, null, a);
    }

    private static Classified composer(Argv a, String sub, Map<String, String> vars) {
        if (Set.of("install", "i", "update", "u").contains(sub)) {
            return dep(Use.INSTALL, Eco.COMPOSER, null, a);
        }
        if (sub.equals("global")) {
            List<Integer> ops = a.operands("global", Set.of());
            if (!ops.isEmpty() && a.args().get(ops.get(0)).equals("require")) {
                List<Integer> names = ops.subList(1, ops.size());
                return !names.isEmpty() && named(a, names, vars, true) ? tool(Eco.COMPOSER, a) : unstable();
            }
        }
        return unstable();
    }

    private static Classified cargo(Argv a, String sub, Map<String, String> vars) {
        if (sub.equals("fetch")) {
            return dep(Use.INSTALL, Eco.CARGO, null, a);
        }
        if (sub.equals("chef")) {
            return a.args().contains("cook") ? dep(Use.INSTALL, Eco.CARGO, null, a) : unstable();
        }
        if (sub.equals("install") && !a.has("--path")) {
            List<Integer> ops = a.operands("install", Set.of("--version", "--git", "--branch", "--tag", "--rev",
                    "--root", "--features", "-F", "--target", "-j", "--jobs", "--profile", "--registry", "--index"));
            return !ops.isEmpty() && !a.has("--git") && named(a, ops, vars, false) ? tool(Eco.CARGO, a) : unstable();
        }
        if (Set.of("build", "test", "run", "check", "doc", "bench", "rustc", "install").contains(sub)) {
            return a.has("--offline", "--frozen") ? unstable() : dep(Use.BUILD, Eco.CARGO, null, a);
        }
        return unstable();
    }

    private static Classified system(Argv a, String sub, Map<String, String> vars) {
        String p = a.program();
        Set<String> valued;
        boolean install;
        boolean remove;
        switch (p) {
            case "apt-get", "apt", "aptitude" -> {
                valued = APT_VALUED;
                install = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade").contains(sub);
                remove = Set.of("remove", "purge", "autoremove").contains(sub);
            }
            case "apk" -> {
                valued = APK_VALUED;
                install = sub.equals("add") || sub.equals("upgrade");
                remove = sub.equals("del");
            }
            case "yum", "dnf", "microdnf", "tdnf" -> {
                valued = YUM_VALUED;
                if (sub.equals("localinstall")) {
                    return unstable();
                }
                install = Set.of("install", "groupinstall", "update", "upgrade").contains(sub);
                remove = Set.of("remove", "erase", "autoremove").contains(sub);
            }
            case "zypper" -> {
                valued = Set.of("-r", "--repo", "--from");
                install = Set.of("install", "in", "update", "up", "dist-upgrade", "dup").contains(sub);
                remove = sub.equals("remove") || sub.equals("rm");
            }
            case "pacman" -> {
                boolean s = false;
                boolean r = false;
                for (String arg : a.args()) {
                    if (arg.matches("-S[a-z]*") && !arg.contains("c")) {
                        s = true;
                    }
                    if (arg.matches("-R[a-z]*")) {
                        r = true;
                    }
                }
                if (r) {
                    return new Classified(new Step(Use.SYSTEM_REMOVE, null, null, a), true);
                }
                if (s) {
                    List<Integer> ops = a.operands(null, Set.of());
                    return !ops.isEmpty() && named(a, ops, vars, false)
                            ? new Classified(new Step(Use.SYSTEM, null, null, a), true) : unstable();
                }
                return new Classified(null, true);
            }
            default -> {
                return null;
            }
        }
        if (remove) {
            return new Classified(new Step(Use.SYSTEM_REMOVE, null, null, a), true);
        }
        if (!install) {
            return new Classified(null, true); // update, upgrade, clean, …
        }
        List<Integer> ops = a.operands(sub, valued);
        boolean upgrade = !sub.equals("install") && !sub.equals("add") && !sub.equals("in")
                && !sub.equals("groupinstall");
        if (upgrade && ops.isEmpty()) {
            return new Classified(new Step(Use.SYSTEM, null, null, a), true); // upgrades every installed package
        }
        if (ops.isEmpty() || !named(a, ops, vars, false)) {
            return unstable();
        }
        return new Classified(new Step(Use.SYSTEM, null, null, a), true);
    }

    /** True when every operand names a package from a registry, not a file from the context. */
    private static boolean named(Argv a, List<Integer> ops, Map<String, String> vars, boolean npmScoped) {
        for (int i : ops) {
            String v = a.args().get(i);
            if (!a.literal().get(i)) {
                if (!declaredVar(v, vars)) {
                    return false;
                }
                continue;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".deb") || lower.endsWith(".rpm") || lower.endsWith(".apk") || lower.endsWith(".whl")
                    || lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".zip")
                    || lower.endsWith(".gem") || lower.endsWith(".jar") || lower.equals(".") || lower.equals("..")) {
                return false;
            }
            if (npmScoped && SCOPED.matcher(v).matches()) {
                continue;
            }
            if (!PACKAGE.matcher(v).matches() && !v.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._/-]+@[\\w.+-]+")) {
                return false;
            }
        }
        return true;
    }

    /** A word that is only a reference to an ARG or ENV variable declared in the Dockerfile. */
    private static boolean declaredVar(String v, Map<String, String> vars) {
        var m = VAR.matcher(v);
        return m.matches() && vars.containsKey(m.group(1));
    }

    private static Classified dep(Use use, Eco eco, String manifest, Argv a) {
        return new Classified(new Step(use, eco, manifest, a), false);
    }

    private static Classified tool(Eco eco, Argv a) {
        return new Classified(new Step(Use.TOOL, eco, null, a), true);
    }

    private static Classified unstable() {
        return new Classified(null, false);
    }

    // --- messages --------------------------------------------------------------------------------------------------

    /** What to do before the source copy so that {@code hit}'s dependencies are cached, e.g. "COPY … and RUN …". */
    static String advice(Hit hit) {
        Step s = hit.step();
        Eco eco = s.eco();
        String run;
        if (s.use() == Use.BUILD || eco == Eco.POETRY || eco == Eco.UV || eco == Eco.PDM) {
            run = eco.prefetch;
            String prog = s.argv().program();
            if (prog.equals("mvnw")) {
                run = "./mvnw dependency:go-offline";
            } else if (prog.equals("gradlew")) {
                run = "./gradlew dependencies";
            }
        } else {
            run = s.argv().text();
        }
        if (eco == Eco.CARGO && s.use() == Use.BUILD) {
            return hit.manifestCopied() ? "build the dependencies first (cargo build with a placeholder src/main.rs,"
                    + " or cargo-chef)"
                    : "COPY Cargo.toml Cargo.lock ./ and build the dependencies first (cargo build with a placeholder"
                    + " src/main.rs, or cargo-chef)";
        }
        if (hit.manifestCopied()) {
            return "RUN " + run;
        }
        String manifests = eco.manifests;
        if (eco == Eco.PIP || eco == Eco.CONDA) {
            String m = s.manifest() == null ? eco.manifests : s.manifest();
            while (m.startsWith("./")) {
                m = m.substring(2);
            }
            if (m.startsWith("/") || m.contains("$") || !m.contains("/")) {
                manifests = BuildChain.baseName(m);
            } else {
                return "COPY " + m + " ./" + m.substring(0, m.lastIndexOf('/') + 1) + " and RUN " + run;
            }
        } else if (eco == Eco.DOTNET) {
            return "COPY the project files (*.csproj) and RUN dotnet restore";
        } else if (eco == Eco.MAVEN && s.argv().program().equals("mvnw")) {
            manifests = "mvnw pom.xml ./ and .mvn/";
            return "COPY " + manifests + " and RUN " + run;
        } else if (eco == Eco.GRADLE && s.argv().program().equals("gradlew")) {
            return "COPY the Gradle wrapper, build.gradle and settings.gradle and RUN " + run;
        }
        return "COPY " + manifests + " ./ and RUN " + run;
    }
}
