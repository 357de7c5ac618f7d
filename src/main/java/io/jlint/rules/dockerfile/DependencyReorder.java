package io.jlint.rules.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.fix.Edit;
import io.jlint.fix.Edits;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import io.jlint.fix.ModelCheck;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fix of JL101: {@code COPY . .} directly followed by a RUN that only installs the dependencies becomes
 * {@code COPY <manifests> ./}, the RUN, then {@code COPY . .}. Offered only when the build context is known and
 * shows that the install reads nothing but the manifests it copies first:
 * <ul>
 * <li>npm ({@code npm ci}, {@code npm install}): package.json without install-time scripts (preinstall, install,
 *     postinstall, prepare), workspaces or local ({@code file:}, {@code link:}, …) dependencies; the lock file and
 *     an {@code .npmrc} are copied with it;</li>
 * <li>pip ({@code pip install -r FILE}): a requirements file of plain requirements (no {@code -r}, {@code -c},
 *     {@code -e}, {@code --find-links}, local paths);</li>
 * <li>Go ({@code go mod download}): go.mod without local {@code replace} targets, no go.work; go.sum copied with
 *     it;</li>
 * </ul>
 * and the {@code .dockerignore} excludes none of those files. Anything else is left alone, saying why.
 */
final class DependencyReorder {
    private DependencyReorder() {
    }

    private static final Set<String> INSTALL_SCRIPTS = Set.of("preinstall", "install", "postinstall", "prepare",
            "preprepare", "postprepare", "prepublish");
    private static final List<String> DEPENDENCY_FIELDS = List.of("dependencies", "devDependencies",
            "optionalDependencies", "peerDependencies", "overrides");

    static FixAttempt fix(Dockerfile df, CacheOrder.DepFinding f, Path context) {
        if (context == null) {
            return null;
        }
        if (f.hits().size() != 1) {
            return FixAttempt.refused("several installs follow the copy");
        }
        CacheOrder.Hit hit = f.hits().get(0);
        CacheOrder.Step step = hit.step();
        if (step.use() != CacheOrder.Use.INSTALL || hit.manifestCopied()
                || !(step.eco() == CacheOrder.Eco.NPM || step.eco() == CacheOrder.Eco.PIP
                || step.eco() == CacheOrder.Eco.GO)) {
            return FixAttempt.refused("only npm, pip -r and go mod download installs are moved");
        }
        if (!(f.copy().instruction() instanceof Instruction.Copy copy) || !f.copy().whole()
                || !(copy.sources().equals(List.of(".")) || copy.sources().equals(List.of("./")))
                || !(copy.destination().equals(".") || copy.destination().equals("./"))) {
            return FixAttempt.refused("only COPY . . (into WORKDIR) is reordered");
        }
        for (Flag fl : copy.flags()) {
            if (!fl.is("chown") && !fl.is("chmod")) {
                return FixAttempt.refused("the copy has " + fl.raw());
            }
        }
        Instruction.Run run = hit.run();
        Stage stage = stageOf(df, copy);
        int at = stage == null ? -1 : stage.position(copy);
        if (at < 0 || at + 1 >= stage.instructions().size() || stage.instructions().get(at + 1) != run) {
            return FixAttempt.refused("the install RUN does not directly follow the copy");
        }
        String why = onlyTheInstall(run, step);
        if (why != null) {
            return FixAttempt.refused(why);
        }
        Path ctx = context.toAbsolutePath().normalize();
        List<String> manifests = new ArrayList<>();
        why = switch (step.eco()) {
            case NPM -> npm(ctx, step, manifests);
            case PIP -> pip(ctx, step, manifests);
            default -> go(ctx, manifests);
        };
        if (why != null) {
            return FixAttempt.refused(why);
        }
        why = dockerignore(ctx, manifests);
        if (why != null) {
            return FixAttempt.refused(why);
        }
        String dest = "./";
        if (manifests.size() == 1 && manifests.get(0).contains("/")) {
            String m = manifests.get(0);
            dest = "./" + m.substring(0, m.lastIndexOf('/') + 1);
        }
        StringBuilder line = new StringBuilder(copy.node().keyword());
        for (Flag fl : copy.flags()) {
            line.append(' ').append(fl.raw());
        }
        line.append(' ').append(String.join(" ", manifests)).append(' ').append(dest);

        String src = df.source();
        String nl = Edits.newline(df, copy.span().startOffset());
        int copyStart = df.lines().lineStart(copy.span().startLine());
        int movedStart = nextLineStart(src, copy.span().endOffset());
        int runEnd = run.span().endOffset();
        int movedEnd = nextLineStart(src, runEnd);
        if (movedStart < 0 || movedStart > run.span().startOffset()) {
            return FixAttempt.refused("the copy and the install share a line");
        }
        String moved = src.substring(movedStart, runEnd);
        Edit insert = Edits.insert(copyStart, line + nl + moved + nl);
        Edit delete = Edits.delete(movedStart, movedEnd < 0 ? src.length() : movedEnd);
        return FixAttempt.of(new Fix("copy " + String.join(" ", manifests) + " first and run the install before"
                + " the copy of the whole context", List.of(insert, delete)));
    }

    private static int nextLineStart(String src, int offset) {
        int nl = src.indexOf('\n', offset);
        return nl < 0 ? -1 : nl + 1;
    }

    private static Stage stageOf(Dockerfile df, Instruction in) {
        for (Stage s : df.stages()) {
            if (s.instructions().contains(in)) {
                return s;
            }
        }
        return null;
    }

    /** Null when the RUN's commands are the install and cleanup only, else why not. */
    private static String onlyTheInstall(Instruction.Run run, CacheOrder.Step step) {
        if (run.command() == null || run.command().execForm() || !run.command().posixShell()
                || !run.node().heredocs().isEmpty() || !run.flags().isEmpty()) {
            return "the install RUN is not a plain shell-form RUN";
        }
        int installs = 0;
        for (ShellScript s : run.command().scripts()) {
            if (!s.complete()) {
                return "jlint does not fully understand the install RUN";
            }
            for (SimpleCommand c : s.commands()) {
                if (c.words().isEmpty() || ModelCheck.isCleanup(c)) {
                    continue;
                }
                if (c == step.argv().command() || c.span().equals(step.argv().command().span())) {
                    installs++;
                    continue;
                }
                return "the install RUN also runs " + c.program() + ", which may read the source";
            }
        }
        return installs == 1 ? null : "the install command is not one of the RUN's own commands";
    }

    private static String npm(Path ctx, CacheOrder.Step step, List<String> manifests) {
        Path pkg = ctx.resolve("package.json");
        if (!Files.isRegularFile(pkg)) {
            return "the context has no package.json";
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(pkg.toFile());
        } catch (IOException e) {
            return "package.json cannot be read: " + e.getMessage();
        }
        if (root == null || !root.isObject()) {
            return "package.json is not a JSON object";
        }
        if (root.has("workspaces")) {
            return "package.json declares workspaces, which the install reads from the context";
        }
        JsonNode scripts = root.path("scripts");
        for (String s : INSTALL_SCRIPTS) {
            if (scripts.has(s)) {
                return "package.json runs a " + s + " script at install time, which may read other files";
            }
        }
        for (String field : DEPENDENCY_FIELDS) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path(field).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = e.getValue().isTextual() ? e.getValue().asText() : "";
                if (v.startsWith("file:") || v.startsWith("link:") || v.startsWith("workspace:")
                        || v.startsWith("portal:") || v.startsWith(".") || v.startsWith("/") || v.startsWith("~")) {
                    return "the dependency " + e.getKey() + " is a local path (" + v + ")";
                }
            }
        }
        manifests.add("package.json");
        boolean lock = false;
        for (String f : List.of("package-lock.json", "npm-shrinkwrap.json")) {
            if (Files.isRegularFile(ctx.resolve(f))) {
                manifests.add(f);
                lock = true;
            }
        }
        if (!lock && step.argv().args().contains("ci")) {
            return "npm ci needs a lock file and the context has none";
        }
        if (Files.isRegularFile(ctx.resolve(".npmrc"))) {
            manifests.add(".npmrc");
        }
        return null;
    }

    private static String pip(Path ctx, CacheOrder.Step step, List<String> manifests) {
        String m = step.manifest();
        if (m == null || m.contains("$") || m.startsWith("/") || m.contains("..") || m.contains("*")) {
            return "the requirements file is not a plain relative path";
        }
        while (m.startsWith("./")) {
            m = m.substring(2);
        }
        Path file = ctx.resolve(m).normalize();
        if (!file.startsWith(ctx) || !Files.isRegularFile(file)) {
            return "the context has no " + m;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return m + " cannot be read: " + e.getMessage();
        }
        for (String raw : lines) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("-r") || l.startsWith("-c") || l.startsWith("-e") || l.startsWith("-f")
                    || l.startsWith("--requirement") || l.startsWith("--constraint") || l.startsWith("--editable")
                    || l.startsWith("--find-links") || l.startsWith(".") || l.startsWith("/") || l.startsWith("~")
                    || l.contains("file:") || l.matches("(?i)[\\w.-]+\\s*@\\s*(\\.|/).*")) {
                return m + " reads other files from the context (" + l + ")";
            }
        }
        manifests.add(m);
        return null;
    }

    private static String go(Path ctx, List<String> manifests) {
        Path mod = ctx.resolve("go.mod");
        if (!Files.isRegularFile(mod)) {
            return "the context has no go.mod";
        }
        if (Files.exists(ctx.resolve("go.work"))) {
            return "the context has a go.work, whose modules go mod download reads";
        }
        try {
            for (String l : Files.readAllLines(mod)) {
                int arrow = l.indexOf("=>");
                if (arrow >= 0) {
                    String target = l.substring(arrow + 2).strip();
                    if (target.startsWith(".") || target.startsWith("/")) {
                        return "go.mod replaces a module with a local directory (" + target + ")";
                    }
                }
            }
        } catch (IOException e) {
            return "go.mod cannot be read: " + e.getMessage();
        }
        manifests.add("go.mod");
        if (Files.isRegularFile(ctx.resolve("go.sum"))) {
            manifests.add("go.sum");
        }
        return null;
    }

    /** Why the .dockerignore may keep a manifest out of the context (then an explicit COPY would fail), or null. */
    private static String dockerignore(Path ctx, List<String> manifests) {
        Path ignore = ctx.resolve(".dockerignore");
        if (!Files.isRegularFile(ignore)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(ignore);
        } catch (IOException e) {
            return ".dockerignore cannot be read";
        }
        for (String raw : lines) {
            String p = raw.strip();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            if (p.startsWith("!")) {
                return ".dockerignore has exceptions (" + p + "), which jlint does not evaluate";
            }
            while (p.startsWith("/") || p.startsWith("./")) {
                p = p.startsWith("/") ? p.substring(1) : p.substring(2);
            }
            PathMatcher pm;
            try {
                pm = FileSystems.getDefault().getPathMatcher("glob:" + p);
            } catch (RuntimeException e) {
                return ".dockerignore has a pattern jlint cannot read (" + p + ")";
            }
            for (String m : manifests) {
                if (pm.matches(Path.of(m)) || m.startsWith(p.endsWith("/") ? p : p + "/")) {
                    return ".dockerignore excludes " + m;
                }
            }
        }
        return null;
    }
}
