package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules ask about shell commands: options and operands (getopt conventions), the command behind wrappers
 * such as {@code sudo} or {@code xargs}, scripts run by {@code sh -c}, and pipelines.
 *
 * <p>Options are read from the words of the command as given: for {@code sudo apt-get install -y x}, call
 * {@link #unwrap(SimpleCommand)} first. Options are read from word values (after quote removal). A word that is
 * not {@link Word#literal()} may
 * expand to anything, options included: rules that conclude from an option's absence should check
 * {@link #allArgsLiteral(SimpleCommand)} first.
 */
public final class Commands {

    private Commands() {
    }

    /** Programs that run a shell when given {@code -c SCRIPT}. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");

    /** How deep {@link #allCommands} follows {@code sh -c} inside {@code sh -c}. */
    private static final int MAX_NESTING = 4;

    // ------------------------------------------------------------------ options

    /** One option or operand of a command line, as getopt would split it. */
    private record Arg(String name, String value, int wordIndex, boolean operand) {
    }

    /**
     * Splits the arguments (words after the program): {@code --long[=v]}, short clusters ({@code -qy}), values of
     * the options in {@code takesValue} ({@code -o x}, {@code -ox}, {@code --opt x}, {@code --opt=x}); everything
     * after {@code --} is an operand, and so is {@code -}.
     */
    private static List<Arg> split(List<Word> words, int from, Set<String> takesValue) {
        List<Arg> out = new ArrayList<>();
        boolean operandsOnly = false;
        for (int i = from; i < words.size(); i++) {
            String a = words.get(i).value();
            if (operandsOnly || a.length() < 2 || a.charAt(0) != '-') {
                out.add(new Arg(a, null, i, true));
            } else if (a.equals("--")) {
                operandsOnly = true;
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                String value = eq < 0 ? null : a.substring(eq + 1);
                if (value == null && takesValue.contains(name) && i + 1 < words.size()) {
                    value = words.get(++i).value();
                }
                out.add(new Arg(name, value, i, false));
            } else {
                for (int j = 1; j < a.length(); j++) {
                    String name = "-" + a.charAt(j);
                    if (takesValue.contains(name)) {
                        String value = a.substring(j + 1);
                        if (value.isEmpty() && i + 1 < words.size()) {
                            value = words.get(++i).value();
                        }
                        out.add(new Arg(name, value, i, false));
                        break;
                    }
                    out.add(new Arg(name, null, i, false));
                }
            }
        }
        return out;
    }

    /**
     * True when the command has one of the options {@code forms}: a short form {@code -y} also matches inside a
     * cluster ({@code -qy}); a long form {@code --yes} matches with or without {@code =value}; a single-dash
     * long form ({@code -exec}) matches the whole argument. Arguments after {@code --} are not options.
     * Not knowing which options take a value, a cluster such as {@code -ofoo} is read as {@code -o -f -o};
     * use {@link #hasOption(SimpleCommand, Set, String...)} when that matters.
     */
    public static boolean hasOption(SimpleCommand c, String... forms) {
        return hasOption(c, Set.of(), forms);
    }

    /** {@link #hasOption(SimpleCommand, String...)}, knowing which options take a value (they end a cluster). */
    public static boolean hasOption(SimpleCommand c, Set<String> optionsTakingValue, String... forms) {
        List<Word> words = c.words();
        for (Arg a : split(words, 1, optionsTakingValue)) {
            if (a.operand()) {
                continue;
            }
            for (String f : forms) {
                if (a.name().equals(f)) {
                    return true;
                }
            }
        }
        for (String f : forms) {
            if (f.length() > 2 && f.charAt(0) == '-' && f.charAt(1) != '-') {
                for (int i = 1; i < words.size(); i++) {
                    String v = words.get(i).value();
                    if (v.equals("--")) {
                        break;
                    }
                    if (v.equals(f) || v.startsWith(f + "=")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The value of the last of the options {@code forms} ({@code -o x}, {@code -ox}, {@code --opt=x},
     * {@code --opt x}), or null when absent or given without a value.
     */
    public static String optionValue(SimpleCommand c, String... forms) {
        return optionValue(c, Set.of(forms), forms);
    }

    /** {@link #optionValue(SimpleCommand, String...)}, knowing which other options take a value. */
    public static String optionValue(SimpleCommand c, Set<String> optionsTakingValue, String... forms) {
        Set<String> takes = union(optionsTakingValue, forms);
        String found = null;
        for (Arg a : split(c.words(), 1, takes)) {
            if (!a.operand() && a.value() != null && Arrays.asList(forms).contains(a.name())) {
                found = a.value();
            }
        }
        return found;
    }

    /** The values of the arguments that are not options nor option values. */
    public static List<String> operands(SimpleCommand c, Set<String> optionsTakingValue) {
        return operandWords(c, optionsTakingValue).stream().map(Word::value).toList();
    }

    /** {@link #operands}, as words (with their spans). */
    public static List<Word> operandWords(SimpleCommand c, Set<String> optionsTakingValue) {
        List<Word> out = new ArrayList<>();
        for (Arg a : split(c.words(), 1, optionsTakingValue)) {
            if (a.operand()) {
                out.add(c.words().get(a.wordIndex()));
            }
        }
        return out;
    }

    /** True when every argument word is literal (no expansion could add or hide an option). */
    public static boolean allArgsLiteral(SimpleCommand c) {
        for (int i = 1; i < c.words().size(); i++) {
            if (!c.words().get(i).literal()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> a, String... b) {
        if (b.length == 0) {
            return a;
        }
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(Arrays.asList(b));
        return u;
    }

    // ------------------------------------------------------------------ wrappers

    /** How a wrapper's own arguments are laid out. */
    private record Wrapper(Set<String> takesValue, boolean assignments, int operandsBefore, Set<String> refuse) {
    }

    private static final Map<String, Wrapper> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", new Wrapper(Set.of("-u", "-g", "-p", "-C", "-r", "-t", "-U", "-D", "-R", "-T",
                    "--user", "--group", "--prompt", "--close-from", "--role", "--type", "--other-user",
                    "--chdir", "--chroot", "--command-timeout", "--host"), true, 0,
                    Set.of("-l", "--list", "-v", "--validate", "-k", "-K", "--reset-timestamp",
                            "--remove-timestamp", "-e", "--edit", "-V", "--version", "--help"))),
            Map.entry("doas", new Wrapper(Set.of("-u", "-C"), false, 0, Set.of("-C"))),
            Map.entry("env", new Wrapper(Set.of("-u", "--unset", "-C", "--chdir", "-S", "--split-string"),
                    true, 0, Set.of("-S", "--split-string", "--help", "--version"))),
            Map.entry("time", new Wrapper(Set.of("-f", "-o", "--format", "--output"), false, 0, Set.of())),
            Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), false, 0, Set.of())),
            Map.entry("nohup", new Wrapper(Set.of(), false, 0, Set.of())),
            Map.entry("exec", new Wrapper(Set.of("-a"), false, 0, Set.of())),
            Map.entry("command", new Wrapper(Set.of(), false, 0, Set.of("-v", "-V"))),
            Map.entry("stdbuf", new Wrapper(Set.of("-i", "-o", "-e", "--input", "--output", "--error"), false, 0,
                    Set.of())),
            Map.entry("timeout", new Wrapper(Set.of("-s", "-k", "--signal", "--kill-after"), false, 1, Set.of())),
            Map.entry("xargs", new Wrapper(Set.of("-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file",
                    "--delimiter", "--eof", "--replace", "--max-lines", "--max-args", "--max-procs", "--max-chars",
                    "--process-slot-var"), false, 0, Set.of())),
            Map.entry("eatmydata", new Wrapper(Set.of(), false, 0, Set.of())),
            Map.entry("setsid", new Wrapper(Set.of(), false, 0, Set.of())),
            Map.entry("gosu", new Wrapper(Set.of(), false, 1, Set.of())),
            Map.entry("su-exec", new Wrapper(Set.of(), false, 1, Set.of())),
            Map.entry("chroot", new Wrapper(Set.of("--userspec", "--groups"), false, 1, Set.of())),
            Map.entry("ionice", new Wrapper(Set.of("-c", "-n", "-p", "-P", "-u", "--class", "--classdata", "--pid",
                    "--pgid", "--uid"), false, 0, Set.of("-p", "--pid", "-P", "--pgid", "-u", "--uid"))),
            Map.entry("busybox", new Wrapper(Set.of(), false, 0, Set.of())));

    /**
     * The command actually run behind wrappers ({@code sudo [opts]}, {@code env [opts] [VAR=x…]}, {@code time},
     * {@code nice}, {@code nohup}, {@code exec}, {@code command}, {@code stdbuf}, {@code timeout DUR},
     * {@code xargs [opts]}, {@code doas}, {@code eatmydata}, {@code setsid}, {@code gosu USER},
     * {@code su-exec USER}, {@code chroot DIR}, {@code ionice}, {@code busybox APPLET}), repeatedly; the words are
     * the original ones (same spans). {@code c} itself when it is not wrapped, or when the wrapper runs nothing
     * ({@code command -v x}, {@code sudo -l}, {@code xargs} alone).
     */
    public static SimpleCommand unwrap(SimpleCommand c) {
        SimpleCommand cur = c;
        for (int guard = 0; guard < 32; guard++) {
            SimpleCommand inner = unwrapOnce(cur);
            if (inner == null) {
                break;
            }
            cur = inner;
        }
        return cur;
    }

    /** The wrapper programs around the command actually run, outermost first (empty when not wrapped). */
    public static List<String> wrappers(SimpleCommand c) {
        List<String> out = new ArrayList<>();
        SimpleCommand cur = c;
        for (int guard = 0; guard < 32; guard++) {
            SimpleCommand inner = unwrapOnce(cur);
            if (inner == null) {
                break;
            }
            out.add(cur.program());
            cur = inner;
        }
        return out;
    }

    /** True when {@code wrapper} (a program name such as {@code sudo}) is one of the wrappers of the command. */
    public static boolean wrappedBy(SimpleCommand c, String wrapper) {
        return wrappers(c).contains(wrapper);
    }

    private static SimpleCommand unwrapOnce(SimpleCommand c) {
        List<Word> words = c.words();
        if (words.isEmpty() || !words.get(0).literal()) {
            return null;
        }
        Wrapper w = WRAPPERS.get(c.program());
        if (w == null) {
            return null;
        }
        List<Assignment> assignments = new ArrayList<>(c.assignments());
        int i = 1;
        while (i < words.size()) {
            String a = words.get(i).value();
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.length() > 1 && a.charAt(0) == '-') {
                if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    String name = eq < 0 ? a : a.substring(0, eq);
                    if (w.refuse().contains(name)) {
                        return null;
                    }
                    i += eq < 0 && w.takesValue().contains(name) ? 2 : 1;
                } else {
                    int skip = 1;
                    for (int j = 1; j < a.length(); j++) {
                        String name = "-" + a.charAt(j);
                        if (w.refuse().contains(name)) {
                            return null;
                        }
                        if (w.takesValue().contains(name)) {
                            skip = j + 1 == a.length() ? 2 : 1;
                            break;
                        }
                    }
                    i += skip;
                }
                continue;
            }
            if (w.assignments() && isAssignment(a)) {
                assignments.add(toAssignment(words.get(i)));
                i++;
                continue;
            }
            break;
        }
        i += w.operandsBefore();
        if (i >= words.size()) {
            return null;
        }
        Span first = words.get(i).span();
        Span end = c.span();
        Span span = new Span(first.startLine(), first.startColumn(), end.endLine(), end.endColumn(),
                first.startOffset(), Math.max(first.startOffset(), end.endOffset()));
        return new SimpleCommand(assignments, words.subList(i, words.size()), c.redirects(), span,
                c.inSubstitution());
    }

    private static boolean isAssignment(String a) {
        int eq = a.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char ch = a.charAt(i);
            boolean ok = ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                    || (i > 0 && ch >= '0' && ch <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Assignment toAssignment(Word w) {
        int eq = w.value().indexOf('=');
        int rawEq = w.raw().indexOf('=');
        String raw = rawEq < 0 ? w.value().substring(eq + 1) : w.raw().substring(rawEq + 1);
        return new Assignment(w.value().substring(0, eq), new Word(raw, w.value().substring(eq + 1), w.literal(),
                w.span()), w.span());
    }

    // ------------------------------------------------------------------ nested scripts

    /**
     * The scripts a command runs through a shell: {@code sh -c '…'} (any of sh, bash, dash, ash, zsh, ksh,
     * mksh, also behind wrappers such as {@code sudo} or {@code xargs}), {@code su [user] -c '…'}, and the same
     * inside {@code find … -exec sh -c '…' \;}. The script word is parsed after quote removal; spans point into
     * the word when it is written in one piece (best effort when a line continuation splits it: use
     * {@link #nestedScripts(ShellScript, SimpleCommand)} for exact positions). A script whose word is not
     * literal (it contains expansions the outer shell performs first) is parsed as written and marked
     * {@code complete=false}.
     */
    public static List<ShellScript> nestedScripts(SimpleCommand c) {
        return nestedScripts(null, c);
    }

    /** {@link #nestedScripts(SimpleCommand)} with exact spans: {@code c} is one of {@code script.commands()}. */
    public static List<ShellScript> nestedScripts(ShellScript script, SimpleCommand c) {
        List<ShellScript> out = new ArrayList<>();
        for (Word w : scriptWords(c, 0)) {
            out.add(parseWord(script, w));
        }
        return out;
    }

    /**
     * Every simple command of the script in source order, each followed by the commands of the scripts it runs
     * through a shell ({@link #nestedScripts(ShellScript, SimpleCommand)}), up to four levels deep.
     */
    public static List<SimpleCommand> allCommands(ShellScript script) {
        List<SimpleCommand> out = new ArrayList<>();
        addAll(script, out, 0);
        return out;
    }

    private static void addAll(ShellScript script, List<SimpleCommand> out, int depth) {
        for (SimpleCommand c : script.commands()) {
            out.add(c);
            if (depth < MAX_NESTING) {
                for (ShellScript nested : nestedScripts(script, c)) {
                    addAll(nested, out, depth + 1);
                }
            }
        }
    }

    private static List<Word> scriptWords(SimpleCommand c, int depth) {
        SimpleCommand u = unwrap(c);
        List<Word> words = u.words();
        String prog = u.program();
        if (words.isEmpty() || !words.get(0).literal()) {
            return List.of();
        }
        if (SHELLS.contains(prog)) {
            Word w = shellScriptWord(words);
            return w == null ? List.of() : List.of(w);
        }
        if (prog.equals("su") || prog.equals("runuser")) {
            Word w = null;
            Set<String> takes = Set.of("-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supp-group",
                    "-w", "--whitelist-environment", "-u", "--user", "-P");
            for (int i = 1; i < words.size(); i++) {
                String a = words.get(i).value();
                if (a.equals("--")) {
                    break;
                }
                if (a.equals("-c") || a.equals("--command")) {
                    w = i + 1 < words.size() ? words.get(i + 1) : null;
                    i++;
                } else if (takes.contains(a)) {
                    i++;
                }
            }
            return w == null ? List.of() : List.of(w);
        }
        if (prog.equals("find") && depth == 0) {
            List<Word> out = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                String a = words.get(i).value();
                if (a.equals("-exec") || a.equals("-execdir") || a.equals("-ok") || a.equals("-okdir")) {
                    int j = i + 1;
                    while (j < words.size() && !words.get(j).value().equals(";")
                            && !words.get(j).value().equals("+")) {
                        j++;
                    }
                    if (j > i + 1) {
                        List<Word> sub = words.subList(i + 1, j);
                        Span sp = sub.get(0).span().union(sub.get(sub.size() - 1).span());
                        out.addAll(scriptWords(new SimpleCommand(List.of(), sub, List.of(), sp, u.inSubstitution()),
                                depth + 1));
                    }
                    i = j;
                }
            }
            return out;
        }
        return List.of();
    }

    /** For {@code sh [options] -c SCRIPT …}: the SCRIPT word, else null. */
    private static Word shellScriptWord(List<Word> words) {
        boolean command = false;
        int i = 1;
        while (i < words.size()) {
            String a = words.get(i).value();
            if (a.equals("--") || a.equals("-")) {
                i++;
                break;
            }
            if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+')) {
                break;
            }
            if (a.startsWith("--")) {
                i += a.equals("--rcfile") || a.equals("--init-file") ? 2 : 1;
                continue;
            }
            int skip = 1;
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                if (ch == 'c' && a.charAt(0) == '-') {
                    command = true;
                } else if (ch == 'o' || ch == 'O') {
                    skip++;
                }
            }
            i += skip;
        }
        return command && i < words.size() ? words.get(i) : null;
    }

    private static ShellScript parseWord(ShellScript outer, Word w) {
        ShellParser.Unquoted u = ShellParser.unquote(w.raw());
        String value = u.value();
        int[] rawIndex = u.rawIndex();
        MappedText mapped = outer == null ? null : exactMapping(outer.text(), w, value, rawIndex);
        if (mapped == null) {
            mapped = approximateMapping(w, value, rawIndex);
        }
        ShellScript s = ShellParser.parse(mapped);
        if (!w.literal() || !value.equals(w.value())) {
            return new ShellScript(s.text(), s.root(), s.commands(), false);
        }
        return s;
    }

    /** Maps the word's characters through the outer text when the word is found there as written. */
    private static MappedText exactMapping(MappedText outer, Word w, String value, int[] rawIndex) {
        int[] offs = outer.offsets();
        String text = outer.text();
        int target = w.span().startOffset();
        int lo = 0;
        int hi = text.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offs[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo >= text.length() || offs[lo] != target || !text.startsWith(w.raw(), lo)) {
            return null;
        }
        int[] mapped = new int[value.length() + 1];
        for (int i = 0; i < value.length(); i++) {
            mapped[i] = offs[lo + rawIndex[i]];
        }
        mapped[value.length()] = value.isEmpty() ? target : mapped[value.length() - 1] + 1;
        return new MappedText(value, mapped, outer.lines());
    }

    /** Best effort without the outer text: exact when the word is written in one piece. */
    private static MappedText approximateMapping(Word w, String value, int[] rawIndex) {
        Span sp = w.span();
        int start = sp.startOffset();
        int end = Math.max(start + 1, sp.endOffset());
        boolean contiguous = sp.endOffset() - sp.startOffset() == w.raw().length();
        int[] mapped = new int[value.length() + 1];
        for (int i = 0; i < value.length(); i++) {
            mapped[i] = contiguous ? start + rawIndex[i] : Math.min(start + rawIndex[i], end - 1);
        }
        mapped[value.length()] = value.isEmpty() ? start : mapped[value.length() - 1] + 1;
        return new MappedText(value, mapped, LineIndex.of(new SyntheticSource(sp, w.raw(), contiguous)));
    }

    /**
     * A stand-in for the source text, as long as needed, whose line breaks put the word's span at its line and
     * column (and, when the word is contiguous, reproduce the line breaks inside it).
     */
    private static final class SyntheticSource implements CharSequence {
        private final int length;
        private final int firstBreak;
        private final int lineStart;
        private final int wordStart;
        private final String raw;

        SyntheticSource(Span sp, String raw, boolean contiguous) {
            this.wordStart = sp.startOffset();
            this.raw = contiguous ? raw : "";
            this.length = Math.max(sp.endOffset(), wordStart + this.raw.length()) + 1;
            this.lineStart = Math.max(0, wordStart - Math.max(0, sp.startColumn() - 1));
            this.firstBreak = lineStart - Math.max(0, sp.startLine() - 1);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int p) {
            if (p < lineStart) {
                return p >= firstBreak ? '\n' : ' ';
            }
            int k = p - wordStart;
            return k >= 0 && k < raw.length() && raw.charAt(k) == '\n' ? '\n' : ' ';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder b = new StringBuilder();
            for (int i = start; i < end; i++) {
                b.append(charAt(i));
            }
            return b;
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }

    // ------------------------------------------------------------------ pipelines

    /** Every pipeline of the script's syntax tree (commands of substitutions are not in it), in source order. */
    public static List<ShellNode.Pipeline> pipelines(ShellScript s) {
        List<ShellNode.Pipeline> out = new ArrayList<>();
        if (s.root() == null) {
            return out;
        }
        Deque<ShellNode> stack = new ArrayDeque<>();
        stack.push(s.root());
        while (!stack.isEmpty()) {
            ShellNode node = stack.pop();
            if (node instanceof ShellNode.Pipeline p) {
                out.add(p);
            }
            List<ShellNode> kids = children(node);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    /**
     * True when {@code c} (one of {@code s.commands()}, compared by identity) reads from or writes to a pipe:
     * it is in a pipeline of two or more elements, directly or inside a group or compound element.
     */
    public static boolean inPipeline(ShellScript s, SimpleCommand c) {
        return pipelineOf(s, c) != null;
    }

    /** The innermost pipeline of two or more elements that contains {@code c}, or null. */
    public static ShellNode.Pipeline pipelineOf(ShellScript s, SimpleCommand c) {
        if (s.root() == null) {
            return null;
        }
        Map<ShellNode, ShellNode> parent = new IdentityHashMap<>();
        Deque<ShellNode> stack = new ArrayDeque<>();
        stack.push(s.root());
        boolean found = false;
        while (!stack.isEmpty()) {
            ShellNode node = stack.pop();
            if (node == c) {
                found = true;
                break;
            }
            for (ShellNode kid : children(node)) {
                parent.put(kid, node);
                stack.push(kid);
            }
        }
        if (!found) {
            return null;
        }
        for (ShellNode p = parent.get(c); p != null; p = parent.get(p)) {
            if (p instanceof ShellNode.Pipeline pl && pl.elements().size() > 1) {
                return pl;
            }
        }
        return null;
    }

    private static List<ShellNode> children(ShellNode node) {
        if (node instanceof ShellNode.Pipeline p) {
            return p.elements();
        }
        if (node instanceof ShellNode.AndOrList a) {
            return a.elements();
        }
        if (node instanceof ShellNode.Sequence q) {
            return q.elements();
        }
        if (node instanceof ShellNode.Group g) {
            return g.body() == null ? List.of() : List.of(g.body());
        }
        if (node instanceof ShellNode.Compound k) {
            return k.parts();
        }
        return Collections.emptyList();
    }
}
