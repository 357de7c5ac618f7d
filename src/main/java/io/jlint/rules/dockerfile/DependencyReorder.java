package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.Redirect;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.fix.Edit;
import io.jlint.fix.Edits;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import io.jlint.fix.ModelCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fix of JL101: {@code COPY . .} directly followed by a RUN that only installs the dependencies becomes
 * {@code COPY <manifests> ./}, the RUN, then {@code COPY . .}. Offered only when the build context is known and
 * shows that the install reads nothing from it but the files copied first, and that the later {@code COPY . .}
 * overwrites nothing the install made or changed. This class checks the Dockerfile side (the copy, the RUN, what the
 * RUN runs, the .dockerignore) and writes the edit; one class per ecosystem checks the context:
 * {@link NodeReorder} (npm, yarn, pnpm), {@link PipReorder}, {@link GoReorder}, {@link BundlerReorder},
 * {@link ComposerReorder}, {@link MavenReorder}. Anything else is left alone, saying why.
 */
final class DependencyReorder {
    private DependencyReorder() {
    }

    /** What one ecosystem must prove before its install may move above the copy of the whole context. */
    interface Ecosystem {
        /**
         * True when {@code a}, another command of the install's RUN, reads nothing from the context and may move
         * with it (corepack enable, bundle config …); {@link #check} sees it among the companions.
         */
        default boolean companion(Argv a) {
            return false;
        }

        /**
         * Adds the files the install reads to {@code ctx} ({@link ReorderContext#copy}) after proving that it reads
         * nothing else and writes nothing the context would overwrite; throws {@link ReorderContext.Refused}.
         */
        void check(ReorderContext ctx, Argv install, List<Argv> companions);
    }

    /** The refusal without {@code --context}: nothing can be proven about the files the install reads. */
    static final String NEEDS_CONTEXT = "moving the install needs the build context (jlint fix --context DIR) to"
            + " prove that it reads nothing but the manifests copied first";

    /** Why jlint does not move the installs of the ecosystems it has no proof for. */
    private static final Map<CacheOrder.Eco, String> UNSUPPORTED = Map.of(
            CacheOrder.Eco.POETRY, "poetry install also installs the project itself from the source tree unless"
                    + " --no-root, and jlint does not prove what else poetry reads",
            CacheOrder.Eco.PIPENV, "pipenv loads a .env file from the project and may install local paths the Pipfile"
                    + " names; jlint does not prove what it reads",
            CacheOrder.Eco.UV, "uv sync installs the project itself from the source tree unless"
                    + " --no-install-project, and reads its workspace from pyproject.toml; jlint does not move it",
            CacheOrder.Eco.PDM, "pdm install installs the project itself from the source tree unless --no-self;"
                    + " jlint does not move it",
            CacheOrder.Eco.CONDA, "an environment file may install local paths (pip: -e .); jlint does not move conda"
                    + " installs",
            CacheOrder.Eco.BUN, "jlint does not prove what bun install reads (bunfig.toml, workspaces, lifecycle"
                    + " scripts); it leaves it alone",
            CacheOrder.Eco.CARGO, "cargo reads the source tree to find the package's targets (src/main.rs, src/lib.rs,"
                    + " src/bin/), and with only Cargo.toml and Cargo.lock it fails (no targets specified); build the"
                    + " dependencies with cargo-chef or a placeholder src/main.rs instead",
            CacheOrder.Eco.DOTNET, "dotnet restore reads every project the project or solution references, across the"
                    + " source tree; jlint does not move it",
            CacheOrder.Eco.MIX, "mix deps.get runs mix.exs, an Elixir program that may read any file; jlint does not"
                    + " move it",
            CacheOrder.Eco.GRADLE, "Gradle runs its build scripts and settings (programs that may read any file);"
                    + " jlint does not move it");

    static FixAttempt fix(Dockerfile df, CacheOrder.DepFinding f, Path context) {
        try {
            return FixAttempt.of(reorder(df, f, context));
        } catch (ReorderContext.Refused r) {
            return FixAttempt.refused(r.getMessage());
        }
    }

    /** A refusal; made here, not through ReorderContext, so that a lint run without a context never loads it. */
    private static ReorderContext.Refused refused(String why) {
        return new ReorderContext.Refused(why);
    }

    private static Ecosystem ecosystem(CacheOrder.Step step) {
        return switch (step.eco()) {
            case NPM -> new NodeReorder(NodeReorder.Manager.NPM);
            case YARN -> new NodeReorder(NodeReorder.Manager.YARN);
            case PNPM -> new NodeReorder(NodeReorder.Manager.PNPM);
            case PIP -> new PipReorder();
            case GO -> new GoReorder();
            case BUNDLER -> new BundlerReorder();
            case COMPOSER -> new ComposerReorder();
            case MAVEN -> new MavenReorder();
            default -> throw refused(UNSUPPORTED.getOrDefault(step.eco(), "jlint does not move "
                    + step.eco().name().toLowerCase(java.util.Locale.ROOT) + " installs"));
        };
    }

    private static Fix reorder(Dockerfile df, CacheOrder.DepFinding f, Path context) {
        if (f.hits().size() != 1) {
            throw refused("several installs follow the copy");
        }
        CacheOrder.Hit hit = f.hits().get(0);
        CacheOrder.Step step = hit.step();
        if (step.use() != CacheOrder.Use.INSTALL) {
            throw refused("`" + step.argv().text() + "` builds the project, which needs the source; only a dependency"
                    + " install is moved");
        }
        if (hit.manifestCopied()) {
            throw refused("the manifest is copied before this COPY already, and jlint moves only an install whose"
                    + " manifests the copy of the whole context brings in");
        }
        Ecosystem eco = ecosystem(step);
        if (!(f.copy().instruction() instanceof Instruction.Copy copy) || !f.copy().whole()
                || !(copy.sources().equals(List.of(".")) || copy.sources().equals(List.of("./")))
                || !(copy.destination().equals(".") || copy.destination().equals("./"))) {
            throw refused("only COPY . . (into WORKDIR) is reordered");
        }
        for (Flag fl : copy.flags()) {
            if (!fl.is("chown") && !fl.is("chmod")) {
                throw refused("the copy has " + fl.raw());
            }
        }
        Instruction.Run run = hit.run();
        Stage stage = stageOf(df, copy);
        int at = stage == null ? -1 : stage.position(copy);
        if (at < 0 || at + 1 >= stage.instructions().size() || stage.instructions().get(at + 1) != run) {
            throw refused("the install RUN does not directly follow the copy");
        }
        List<Argv> commands = new ArrayList<>();
        List<Argv> companions = onlyTheInstall(run, step, eco, commands);
        if (context == null) {
            throw refused(NEEDS_CONTEXT);
        }

        List<Stage> chain = BuildChain.of(df, stage);
        Map<String, String> env = new HashMap<>(BuildChain.vars(df, chain, run));
        env.putAll(step.argv().assignments());
        Path root = context.toAbsolutePath().normalize();
        ReorderContext ctx = new ReorderContext(root, dockerIgnore(df, root), f.copy().target(), env);
        eco.check(ctx, step.argv(), companions);
        programs(ctx, commands, rawPath(chain, run));
        if (ctx.copies().isEmpty()) {
            throw refused("the install reads no manifest jlint could copy first");
        }
        return edit(df, copy, run, ctx.copies());
    }

    private static Stage stageOf(Dockerfile df, Instruction in) {
        for (Stage s : df.stages()) {
            if (s.position(in) >= 0) {
                return s;
            }
        }
        return null;
    }

    /**
     * Checks that the RUN's commands are the install, cache cleanup and the ecosystem's companions (and named tool
     * installs: {@code pip install --upgrade pip}); fills {@code commands} with all of them and returns the
     * companions.
     */
    private static List<Argv> onlyTheInstall(Instruction.Run run, CacheOrder.Step step, Ecosystem eco,
                                             List<Argv> commands) {
        if (run.command() == null || run.command().execForm() || !run.command().posixShell()
                || !run.node().heredocs().isEmpty() || !run.flags().isEmpty()) {
            throw refused("the install RUN is not a plain shell-form RUN");
        }
        List<Argv> companions = new ArrayList<>();
        int installs = 0;
        for (ShellScript s : run.command().scripts()) {
            if (!s.complete()) {
                throw refused("jlint does not fully understand the install RUN");
            }
            for (SimpleCommand c : s.commands()) {
                if (c.words().isEmpty()) {
                    if (!c.assignments().isEmpty()) {
                        throw refused("the install RUN sets " + c.assignments().get(0).name());
                    }
                    continue;
                }
                Argv a = Argv.of(c);
                if (a == null || c.inSubstitution()) {
                    throw refused("the install RUN runs a command jlint does not follow");
                }
                commands.add(a);
                if (c == step.argv().command() || c.span().equals(step.argv().command().span())) {
                    installs++;
                } else if (ModelCheck.isCleanup(c)) {
                    if (c.program().equals("rm")) {
                        for (String arg : c.args()) {
                            if (!arg.startsWith("-") && !arg.startsWith("/") && !arg.startsWith("~")) {
                                throw refused("the install RUN removes " + arg + ", which may be a file of the"
                                        + " context");
                            }
                        }
                    }
                } else if (a.program().equals("set") && a.args().stream().allMatch(x -> x.matches("[-+][a-zA-Z]+"
                        + "|pipefail|errexit|nounset|xtrace"))) {
                    continue;
                } else if (eco.companion(a) || CacheOrder.toolInstall(a)) {
                    companions.add(a);
                } else {
                    throw refused("the install RUN also runs " + c.program() + ", which may read the source");
                }
            }
        }
        if (installs != 1) {
            throw refused("the install command is not one of the RUN's own commands");
        }
        return companions;
    }

    /**
     * Each command must not run a program from the context (a path into it, or a PATH entry below WORKDIR that the
     * context fills), nor redirect from or into a context file; {@code python -m} must not find a context module
     * first.
     */
    private static void programs(ReorderContext ctx, List<Argv> commands, List<String> path) {
        for (Argv a : commands) {
            if (a.command() == null || a.command().words().isEmpty()) {
                continue;
            }
            String word = a.command().words().get(0).value();
            if (word.contains("/")) {
                if (ctx.namesContext(word) != null) {
                    throw refused("the install RUN runs " + word + " from the build context");
                }
            } else {
                for (String dir : path) {
                    if (ctx.namesContext(dir + "/" + word) != null) {
                        throw refused("PATH finds " + word + " in " + dir + ", where the build context has one");
                    }
                }
            }
            List<String> words = a.command().args();
            if (BuildChain.baseName(word).matches("python[0-9.]*") && !words.isEmpty() && words.get(0).equals("-m")) {
                PipReorder.noShadowedModules(ctx);
            }
            for (Redirect r : a.command().redirects()) {
                if (r.target() != null) {
                    ctx.checkValue(r.target().value(), "the redirection " + r.symbol() + r.target().value());
                }
            }
        }
    }

    /** The PATH entries an ENV of the build sets (without the inherited ones: entries holding a variable). */
    private static List<String> rawPath(List<Stage> chain, Instruction upTo) {
        String value = null;
        for (Stage s : chain) {
            for (Instruction in : s.instructions()) {
                if (in == upTo) {
                    break;
                }
                if (in instanceof Instruction.Env e) {
                    for (KeyValue kv : e.pairs()) {
                        if (kv.key().equals("PATH")) {
                            value = kv.value();
                        }
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String d : value.split(":")) {
                if (!d.isEmpty() && !d.contains("$")) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /**
     * The .dockerignore BuildKit applies: {@code <Dockerfile>.dockerignore} next to the Dockerfile when there is one,
     * else the context's.
     */
    private static DockerIgnore dockerIgnore(Dockerfile df, Path root) {
        Path file = root.resolve(".dockerignore");
        if (df.path() != null && !df.path().equals("-")) {
            try {
                Path own = Path.of(df.path() + ".dockerignore");
                if (Files.isRegularFile(own)) {
                    file = own;
                }
            } catch (RuntimeException e) {
                // not a path: the context's .dockerignore applies
            }
        }
        if (!Files.isRegularFile(file)) {
            return DockerIgnore.NONE;
        }
        try {
            return DockerIgnore.parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw refused(file.getFileName() + " cannot be read");
        } catch (IllegalArgumentException e) {
            throw refused(file.getFileName() + " has a pattern jlint cannot evaluate (" + e.getMessage() + ")");
        }
    }

    /** {@code COPY <flags> manifests… ./dir/} lines (one per folder) before the copy, and the RUN moved up. */
    private static Fix edit(Dockerfile df, Instruction.Copy copy, Instruction.Run run, List<String> copies) {
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        byFolder.put("", new ArrayList<>()); // the files of WORKDIR itself first
        List<String> lines = new ArrayList<>();
        StringBuilder flags = new StringBuilder(copy.node().keyword());
        for (Flag fl : copy.flags()) {
            flags.append(' ').append(fl.raw());
        }
        for (String c : copies) {
            if (c.endsWith("/")) {
                String dir = c.substring(0, c.length() - 1);
                lines.add(flags + " " + dir + " ./" + dir + "/");
                continue;
            }
            String folder = c.contains("/") ? c.substring(0, c.lastIndexOf('/') + 1) : "";
            byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(c);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            out.add(flags + " " + String.join(" ", e.getValue()) + " ./" + e.getKey());
        }
        out.addAll(lines);

        String src = df.source();
        String nl = Edits.newline(df, copy.span().startOffset());
        int copyStart = df.lines().lineStart(copy.span().startLine());
        int movedStart = nextLineStart(src, copy.span().endOffset());
        int runEnd = run.span().endOffset();
        int movedEnd = nextLineStart(src, runEnd);
        if (movedStart < 0 || movedStart > run.span().startOffset()) {
            throw refused("the copy and the install share a line");
        }
        String moved = src.substring(movedStart, runEnd);
        Edit insert = Edits.insert(copyStart, String.join(nl, out) + nl + moved + nl);
        Edit delete = Edits.delete(movedStart, movedEnd < 0 ? src.length() : movedEnd);
        return new Fix("copy " + String.join(" ", copies) + " first and run the install before the copy of the whole"
                + " context", List.of(insert, delete));
    }

    private static int nextLineStart(String src, int offset) {
        int nl = src.indexOf('\n', offset);
        return nl < 0 ? -1 : nl + 1;
    }
}
