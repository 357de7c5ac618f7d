package io.jlint.fix;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import io.jlint.engine.Location;
import io.jlint.engine.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the fixes that findings carry, until no fixable finding remains. Each round lints the current text,
 * takes the fixable findings in source order, applies the largest set whose edits do not overlap, then parses
 * and lints the result again; overlapping fixes wait for the next round (their edits are rebuilt from the new
 * text). At most {@link #MAX_ROUNDS} rounds.
 *
 * <p>Every round's result must pass the safety net against the ORIGINAL file: it parses, {@link ModelCheck} finds
 * no difference in what the build does, and no rule reports more findings than it did on the original. A round
 * that fails is retried one fix at a time; a fix that fails alone is refused (and reported with the reason), the
 * others go ahead. Because refused fixes change nothing and the loop ends only when no applicable fix is left,
 * fixing the result again changes nothing.
 */
public final class FixApplier {

    /** Enough for chains of overlapping fixes (a merge, then cleanup on the merged RUN, then …). */
    public static final int MAX_ROUNDS = 24;

    private final Engine engine;

    public FixApplier(Engine engine) {
        this.engine = engine;
    }

    /** A fix that was applied; {@code line} is the finding's line in the original file. */
    public record Applied(String rule, int line, String description, String message) {
    }

    /**
     * A finding left as it was: {@code reason} says why (the safety net refused its fix), or is null when the
     * rule had no behaviour-preserving fix to offer (its message says why).
     */
    public record Unfixed(String rule, int line, String message, String reason) {
    }

    /** What fixing a file did. */
    public record Result(String path, String original, String fixed, List<Applied> applied, List<Unfixed> unfixed,
                         int rounds) {
        public boolean changed() {
            return !original.equals(fixed);
        }
    }

    /**
     * Fixes {@code source}.
     *
     * @param only rule ids whose fixes to apply, or null for every rule
     * @throws InputException when the source itself does not parse
     */
    public Result fix(String path, String source, Config config, Set<String> only) {
        return fix(path, source, config, only, null);
    }

    /**
     * Fixes {@code source} whose build context is {@code context} (null: unknown; fixes that must see the
     * context, such as moving a dependency install before the source copy, are then not offered).
     */
    public Result fix(String path, String source, Config config, Set<String> only, java.nio.file.Path context) {
        Dockerfile original = DockerfileParser.parse(path, source);
        List<Finding> baseline = lint(original, config, context);
        Map<String, Integer> baseCounts = counts(baseline);
        LineIndex originalLines = original.lines();

        String text = source;
        Dockerfile df = original;
        List<Finding> findings = baseline;
        List<List<Edit>> history = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        Map<String, Unfixed> refused = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        seen.add(text);
        int rounds = 0;
        while (rounds < MAX_ROUNDS) {
            List<Finding> candidates = new ArrayList<>();
            for (Finding f : findings) {
                if (f.fix() != null && !f.fix().edits().isEmpty() && (only == null || only.contains(f.rule()))
                        && !refused.containsKey(key(text, f)) && valid(f.fix(), text.length())) {
                    candidates.add(f);
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            rounds++;
            candidates.sort(Comparator.comparingInt(FixApplier::firstOffset).thenComparing(Finding::rule));
            List<Finding> chosen = nonOverlapping(candidates);
            Step step = tryApply(text, chosen, original, baseCounts, path, config, context);
            if (step.problem() != null) {
                // find the culprits one at a time; apply the first that passes
                step = null;
                for (Finding f : chosen) {
                    Step one = tryApply(text, List.of(f), original, baseCounts, path, config, context);
                    if (one.problem() == null) {
                        step = one;
                        chosen = List.of(f);
                        break;
                    }
                    refused.put(key(text, f), new Unfixed(f.rule(), originalLine(f, history, originalLines,
                            text), f.message(), one.problem()));
                }
                if (step == null) {
                    continue;
                }
            }
            if (!seen.add(step.text())) {
                break;
            }
            for (Finding f : chosen) {
                applied.add(new Applied(f.rule(), originalLine(f, history, originalLines, text),
                        f.fix().description(), f.message()));
            }
            history.add(edits(chosen));
            text = step.text();
            df = step.df();
            findings = step.findings();
        }
        List<Unfixed> unfixed = new ArrayList<>(refused.values());
        Set<String> fixable = new HashSet<>();
        for (RuleInfo info : engine.catalogue().infos()) {
            if (info.fixable()) {
                fixable.add(info.id());
            }
        }
        for (Finding f : findings) {
            if (f.fix() == null && fixable.contains(f.rule()) && (only == null || only.contains(f.rule()))) {
                unfixed.add(new Unfixed(f.rule(), originalLine(f, history, originalLines, text), f.message(), null));
            }
        }
        unfixed = new ArrayList<>(new java.util.LinkedHashSet<>(unfixed));
        unfixed.sort(Comparator.comparingInt(Unfixed::line).thenComparing(Unfixed::rule));
        return new Result(path, source, text, applied, unfixed, rounds);
    }

    private record Step(String text, Dockerfile df, List<Finding> findings, String problem) {
    }

    private Step tryApply(String text, List<Finding> fixes, Dockerfile original, Map<String, Integer> baseCounts,
                          String path, Config config, java.nio.file.Path context) {
        String next = apply(text, edits(fixes));
        Dockerfile df;
        try {
            df = DockerfileParser.parse(path, next);
        } catch (InputException e) {
            return new Step(next, null, null, "the result would not parse: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Step(next, null, null, "the result would not parse: " + e);
        }
        List<String> diffs = ModelCheck.differences(original, df);
        if (!diffs.isEmpty()) {
            return new Step(next, df, null, "the result would build differently: " + diffs.get(0));
        }
        List<Finding> findings = lint(df, config, context);
        Map<String, Integer> counts = counts(findings);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > baseCounts.getOrDefault(e.getKey(), 0)) {
                String msg = "";
                for (Finding f : findings) {
                    if (f.rule().equals(e.getKey())) {
                        msg = f.message();
                    }
                }
                return new Step(next, df, findings, "the result would have a new " + e.getKey() + " finding: " + msg);
            }
        }
        return new Step(next, df, findings, null);
    }

    private List<Finding> lint(Dockerfile df, Config config, java.nio.file.Path context) {
        return context == null ? engine.lint(df, config) : engine.lint(df, config, context);
    }

    private static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> out = new HashMap<>();
        for (Finding f : findings) {
            out.merge(f.rule(), 1, Integer::sum);
        }
        return out;
    }

    private static boolean valid(Fix fix, int length) {
        for (Edit e : fix.edits()) {
            if (e.startOffset() < 0 || e.endOffset() < e.startOffset() || e.endOffset() > length
                    || e.replacement() == null) {
                return false;
            }
        }
        return !overlapping(fix.edits(), List.of());
    }

    private static int firstOffset(Finding f) {
        int min = Integer.MAX_VALUE;
        for (Edit e : f.fix().edits()) {
            min = Math.min(min, e.startOffset());
        }
        return min;
    }

    /** Greedy in source order: a fix is taken when none of its edits touches an edit already taken. */
    private static List<Finding> nonOverlapping(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>();
        List<Edit> taken = new ArrayList<>();
        for (Finding f : sorted) {
            if (!overlapping(f.fix().edits(), taken)) {
                out.add(f);
                taken.addAll(f.fix().edits());
            }
        }
        return out;
    }

    /** Edits conflict when their ranges overlap or when they start at the same offset (order unclear). */
    private static boolean overlapping(List<Edit> edits, List<Edit> taken) {
        List<Edit> all = new ArrayList<>(taken);
        for (Edit e : edits) {
            for (Edit t : all) {
                if (e.startOffset() == t.startOffset()
                        || e.startOffset() < t.endOffset() && t.startOffset() < e.endOffset()) {
                    return true;
                }
            }
            all.add(e);
        }
        return false;
    }

    private static List<Edit> edits(List<Finding> fixes) {
        List<Edit> out = new ArrayList<>();
        for (Finding f : fixes) {
            out.addAll(f.fix().edits());
        }
        out.sort(Comparator.comparingInt(Edit::startOffset));
        return out;
    }

    /** Applies non-overlapping edits (sorted by start) to a text. */
    public static String apply(String text, List<Edit> sortedEdits) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Edit e : sortedEdits) {
            sb.append(text, at, e.startOffset()).append(e.replacement());
            at = e.endOffset();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /** Identifies a fix across rounds: the rule, what it does, and the text it replaces with its line. */
    private static String key(String text, Finding f) {
        StringBuilder sb = new StringBuilder(f.rule()).append('|').append(f.fix().description());
        for (Edit e : f.fix().edits()) {
            int ls = text.lastIndexOf('\n', Math.max(0, e.startOffset() - 1)) + 1;
            int le = text.indexOf('\n', e.endOffset());
            sb.append('|').append(text, ls, le < 0 ? text.length() : le).append('>').append(e.replacement());
        }
        return sb.toString();
    }

    /** The line in the original file of a finding made on the text of a later round. */
    private static int originalLine(Finding f, List<List<Edit>> history, LineIndex originalLines, String text) {
        if (!(f.location() instanceof Location.Source s)) {
            return 0;
        }
        int offset = s.span().startOffset();
        for (int i = history.size() - 1; i >= 0; i--) {
            offset = back(offset, history.get(i));
        }
        return originalLines.line(offset);
    }

    private static int back(int p, List<Edit> sortedEdits) {
        int delta = 0;
        for (Edit e : sortedEdits) {
            int newStart = e.startOffset() + delta;
            int newEnd = newStart + e.replacement().length();
            if (p < newStart) {
                return p - delta;
            }
            if (p < newEnd) {
                return e.startOffset();
            }
            delta += e.replacement().length() - (e.endOffset() - e.startOffset());
        }
        return p - delta;
    }
}
