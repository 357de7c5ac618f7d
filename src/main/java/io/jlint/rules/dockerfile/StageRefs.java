package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.model.Stage;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stage references of {@code COPY --from} / {@code ADD --from} / {@code RUN --mount=from=}: helper of JL802–JL804. */
final class StageRefs {

    /** One reference: the instruction, the value as written and resolved (null when unknown). */
    record Ref(Stage stage, Instruction instruction, String written, String resolved, String what) {
    }

    private StageRefs() {
    }

    static List<Ref> all(Dockerfile df, Variables vars) {
        List<Ref> out = new ArrayList<>();
        for (Stage stage : df.stages()) {
            for (Instruction in : stage.instructions()) {
                if (in instanceof Instruction.Copy || in instanceof Instruction.Add) {
                    Flag from = in.flag("from").orElse(null);
                    if (from != null && from.value() != null && !from.value().isBlank()) {
                        out.add(new Ref(stage, in, from.value(), vars.at(in).resolve(from.value()),
                                in.node().keyword().toUpperCase(Locale.ROOT) + " --from=" + from.value()));
                    }
                } else if (in instanceof Instruction.Run run) {
                    for (Mount m : run.mounts()) {
                        String f = m.option("from");
                        if (f != null && !f.isBlank()) {
                            out.add(new Ref(stage, in, f, vars.at(in).resolve(f), "RUN --mount from=" + f));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The stage a name or index designates anywhere in the file (first match by name), or null. */
    static Stage anyStage(Dockerfile df, String ref) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        for (Stage s : df.stages()) {
            if (s.name() != null && s.name().equalsIgnoreCase(ref)) {
                return s;
            }
        }
        if (ref.length() < 6 && ref.chars().allMatch(Character::isDigit)) {
            int idx = Integer.parseInt(ref);
            return idx < df.stages().size() ? df.stages().get(idx) : null;
        }
        return null;
    }

    /** A name that can only be a stage name, not an image reference (no registry, path, tag or digest). */
    static boolean plainName(String ref) {
        return ref.matches("[A-Za-z0-9][A-Za-z0-9_-]*");
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one edit each
     * (optimal string alignment), case-insensitive, '_' and '-' equal.
     */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replace('_', '-');
        String y = b.toLowerCase(Locale.ROOT).replace('_', '-');
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }

    static String describe(Stage s) {
        return s.name() != null ? "'" + s.name() + "' (line " + s.from().line() + ")"
                : s.index() + " (line " + s.from().line() + ")";
    }
}
