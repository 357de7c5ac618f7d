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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files and folders of the final filesystem that every user may write: regular files, hard links and folders
 * without the sticky bit ({@code /tmp}-like folders, mode 1777, are fine; symlinks always show 0777 and devices are
 * not judged). A world-writable folder and everything world-writable below it is one finding at the folder.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1705", name = "world-writable-path", category = Category.SECURITY, severity = Severity.WARNING,
        summary = "A file or folder (other than a sticky /tmp-like folder) is writable by every user",
        equivalents = {})
public final class Jl1705WorldWritable implements Rule<ImageModel> {

    static final int MAX_FINDINGS = 20;

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        Map<String, long[]> roots = new LinkedHashMap<>();   // root path -> [entries below, layer, mode]
        List<String> order = new ArrayList<>();
        String[] current = {null};
        m.tree().forEachEntry(e -> {
            if (!judged(e)) {
                return;
            }
            String root = current[0];
            if (root != null && e.path().startsWith(root + "/")) {
                roots.get(root)[0]++;
                return;
            }
            roots.put(e.path(), new long[] {0, e.layer(), e.mode(), e.type() == TarEntry.Type.DIRECTORY ? 1 : 0});
            order.add(e.path());
            current[0] = e.type() == TarEntry.Type.DIRECTORY ? e.path() : null;
        });
        for (int i = 0; i < Math.min(MAX_FINDINGS, order.size()); i++) {
            String p = order.get(i);
            long[] v = roots.get(p);
            String what = v[3] == 1 ? "folder" : "file";
            String below = v[0] == 0 ? "" : " (and " + v[0] + (v[0] == 1 ? " world-writable entry" : " world-writable"
                    + " entries") + " below it)";
            String more = i == MAX_FINDINGS - 1 && order.size() > MAX_FINDINGS
                    ? "; " + (order.size() - MAX_FINDINGS) + " more world-writable paths are not listed" : "";
            out.reportImage((int) v[1], p, "The " + what + " is writable by every user (mode "
                    + String.format("%04o", v[2]) + ")" + below + ": any process in the container can change "
                    + (v[3] == 1 ? "what is in it" : "it") + "; give it to the user that needs it (COPY --chown, chown)"
                    + " with mode 755/644 instead of 777/666" + (v[3] == 1 ? ", or add the sticky bit (1777) if it is a"
                    + " shared scratch folder" : "") + more);
        }
    }

    private static boolean judged(FileEntry e) {
        if ((e.mode() & 0002) == 0 || e.implicit()) {
            return false;
        }
        return switch (e.type()) {
            case FILE, HARDLINK -> true;
            case DIRECTORY -> (e.mode() & 01000) == 0;
            default -> false;
        };
    }
}
