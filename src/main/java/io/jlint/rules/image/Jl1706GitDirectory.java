package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.FileEntry;
import io.jlint.image.ImageModel;
import io.jlint.image.TarEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .git} folder in the final filesystem: the repository's whole history (and whatever was ever committed,
 * secrets included) ships with the image, usually because the build context was copied without a
 * {@code .dockerignore}. Checkouts that version managers make of themselves ({@code .pyenv}, {@code .nvm},
 * {@code .rbenv}, {@code .asdf}, …) and folders inside third-party packages are not reported.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1706", name = "git-directory", category = Category.SECURITY, severity = Severity.INFO,
        summary = "The image contains a .git folder: the repository history ships with it",
        equivalents = {"dockle:DKL-DI-0006"})
public final class Jl1706GitDirectory implements Rule<ImageModel> {

    /** Tools installed as Git checkouts of themselves. */
    static final Set<String> TOOL_CHECKOUTS = Set.of(".pyenv", "pyenv", ".nvm", "nvm", ".rbenv", "rbenv",
            "ruby-build", ".asdf", "asdf", ".nodenv", "nodenv", ".goenv", "goenv", ".tfenv", "tfenv", ".sdkman",
            ".oh-my-zsh", "oh-my-zsh", ".jenv", "jenv", ".plenv", "plenv", "phpenv", ".phpenv", ".fzf", "fzf",
            "vcpkg", "emsdk", "depot_tools", "flutter", ".flutter", "homebrew", "Homebrew", ".linuxbrew");

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        Map<String, long[]> found = new LinkedHashMap<>();   // .git path -> files, bytes, layer
        String[] current = {null};
        m.tree().forEachEntry(e -> {
            String cur = current[0];
            if (cur != null && e.path().startsWith(cur + "/")) {
                long[] v = found.get(cur);
                if (e.type() == TarEntry.Type.FILE || e.type() == TarEntry.Type.HARDLINK) {
                    v[0]++;
                    v[1] += e.size();
                }
                return;
            }
            current[0] = null;
            if (e.type() == TarEntry.Type.DIRECTORY && e.path().endsWith("/.git") && reported(e)) {
                found.put(e.path(), new long[] {0, 0, e.layer()});
                current[0] = e.path();
            }
        });
        for (Map.Entry<String, long[]> f : found.entrySet()) {
            long[] v = f.getValue();
            String repo = f.getKey().substring(0, f.getKey().length() - "/.git".length());
            out.reportImage((int) v[2], f.getKey(), "The Git repository of " + (repo.isEmpty() ? "/" : repo)
                    + " ships with the image (" + v[0] + " files, " + Layers.human(v[1]) + "): its history may hold"
                    + " secrets and files that were meant to be deleted; add .git to .dockerignore (or remove it in"
                    + " the step that clones)");
        }
    }

    private static boolean reported(FileEntry e) {
        String p = e.path();
        String parent = p.substring(0, p.length() - "/.git".length());
        String parentName = parent.substring(parent.lastIndexOf('/') + 1);
        return !TOOL_CHECKOUTS.contains(parentName) && !Layers.foreignOrSample(parent + "/");
    }
}
