package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.Assignment;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command a RUN executes, as the program sees it: wrappers such as {@code sudo}, {@code env}, {@code time} or
 * {@code nice} removed, {@code python -m pip} turned into {@code pip}. Package-private helper of the cache-busting
 * and root-user rules.
 *
 * @param program     the program's name without directories
 * @param args        the argument values after the program
 * @param literal     for each argument, true when its value is exactly what the program receives
 * @param assignments {@code NAME=value} prefixes (of the command and of an {@code env} wrapper)
 * @param wrappers    the wrapper programs removed, outermost first (e.g. {@code sudo})
 * @param command     the simple command it came from (null for an exec-form RUN)
 */
record Argv(String program, List<String> args, List<Boolean> literal, Map<String, String> assignments,
            List<String> wrappers, SimpleCommand command) {

    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "time", "nice", "nohup", "stdbuf", "ionice",
            "command", "exec", "eatmydata", "timeout", "doas");

    /** Options of the wrappers that take a separate value. */
    private static final Map<String, Set<String>> VALUE_OPTIONS = Map.of(
            "sudo", Set.of("-u", "-g", "-C", "-h", "-p", "-U", "-r", "-t", "-D", "-R"),
            "doas", Set.of("-u", "-C"),
            "env", Set.of("-u", "-C", "--unset", "--chdir"),
            "nice", Set.of("-n", "--adjustment"),
            "ionice", Set.of("-c", "-n", "-p", "--class", "--classdata"),
            "stdbuf", Set.of("-i", "-o", "-e"),
            "timeout", Set.of("-s", "-k", "--signal", "--kill-after"));

    /** The commands a RUN executes, in order (shell form and executed heredocs, or the exec-form array). */
    static List<Argv> of(Instruction.Run run) {
        List<Argv> out = new ArrayList<>();
        CommandLine cl = run.command();
        if (cl == null) {
            return out;
        }
        if (cl.execForm()) {
            Argv a = unwrap(cl.execArgs(), null, Map.of(), null);
            if (a != null) {
                out.add(a);
            }
            return out;
        }
        for (ShellScript script : cl.scripts()) {
            for (SimpleCommand c : script.commands()) {
                Argv a = of(c);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** True when every shell script of the RUN was fully understood (exec form always is). */
    static boolean complete(Instruction.Run run) {
        CommandLine cl = run.command();
        if (cl == null) {
            return false;
        }
        if (cl.execForm()) {
            return true;
        }
        if (!cl.posixShell()) {
            return false;
        }
        for (ShellScript s : cl.scripts()) {
            if (!s.complete()) {
                return false;
            }
        }
        return true;
    }

    /** The command with wrappers removed, or null when nothing is executed (a bare assignment). */
    static Argv of(SimpleCommand c) {
        List<String> values = new ArrayList<>();
        List<Boolean> literal = new ArrayList<>();
        for (Word w : c.words()) {
            values.add(w.value());
            literal.add(w.literal());
        }
        Map<String, String> assigns = new HashMap<>();
        for (Assignment a : c.assignments()) {
            assigns.put(a.name(), a.value() == null ? "" : a.value().value());
        }
        return unwrap(values, literal, assigns, c);
    }

    private static Argv unwrap(List<String> values, List<Boolean> literal, Map<String, String> assigns,
                               SimpleCommand c) {
        Map<String, String> env = new HashMap<>(assigns);
        List<String> wrappers = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            String prog = BuildChain.baseName(values.get(i));
            if (!WRAPPERS.contains(prog)) {
                break;
            }
            Set<String> valued = VALUE_OPTIONS.getOrDefault(prog, Set.of());
            wrappers.add(prog);
            i++;
            if (prog.equals("command") && i < values.size()
                    && (values.get(i).equals("-v") || values.get(i).equals("-V"))) {
                return null; // `command -v x` looks x up, it does not run it
            }
            while (i < values.size()) {
                String v = values.get(i);
                if (v.equals("--")) {
                    i++;
                    break;
                }
                if (prog.equals("env") && v.indexOf('=') > 0 && !v.startsWith("-")) {
                    env.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                    i++;
                    continue;
                }
                if (v.startsWith("-") && v.length() > 1) {
                    i += valued.contains(v) ? 2 : 1;
                    continue;
                }
                break;
            }
            if (prog.equals("timeout") && i < values.size()) {
                i++; // the duration
            }
        }
        if (i >= values.size()) {
            return wrappers.isEmpty() ? null
                    : new Argv("", List.of(), List.of(), Map.copyOf(env), List.copyOf(wrappers), c);
        }
        String program = BuildChain.baseName(values.get(i));
        List<String> args = new ArrayList<>(values.subList(i + 1, values.size()));
        List<Boolean> lit = new ArrayList<>();
        for (int k = i + 1; k < values.size(); k++) {
            lit.add(literal == null || literal.get(k));
        }
        // python -m pip … / python3 -m pip …
        if (program.matches("python[0-9.]*") && args.size() >= 2 && args.get(0).equals("-m")
                && args.get(1).matches("pip[0-9.]*")) {
            program = "pip";
            args = new ArrayList<>(args.subList(2, args.size()));
            lit = new ArrayList<>(lit.subList(2, lit.size()));
        }
        return new Argv(program, List.copyOf(args), List.copyOf(lit), Map.copyOf(env), List.copyOf(wrappers),
                c);
    }

    /** The first argument that is not an option, or "" when there is none. */
    String subcommand() {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    boolean has(String... options) {
        for (String a : args) {
            for (String o : options) {
                if (a.equals(o) || o.startsWith("--") && a.startsWith(o + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Arguments after {@code after} (the subcommand) that are not options, skipping values of valued options. */
    List<Integer> operands(String after, Set<String> valuedOptions) {
        List<Integer> out = new ArrayList<>();
        boolean seen = after == null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!seen) {
                if (a.equals(after)) {
                    seen = true;
                } else if (valuedOptions.contains(a)) {
                    i++;
                }
                continue;
            }
            if (a.equals("--")) {
                for (int k = i + 1; k < args.size(); k++) {
                    out.add(k);
                }
                break;
            }
            if (a.startsWith("-") && a.length() > 1) {
                if (valuedOptions.contains(a)) {
                    i++;
                }
                continue;
            }
            out.add(i);
        }
        return out;
    }

    /** The command as a short text for messages, e.g. {@code npm ci}. */
    String text() {
        StringBuilder sb = new StringBuilder(program);
        for (String a : args) {
            if (sb.length() + a.length() > 70) {
                sb.append(" …");
                break;
            }
            sb.append(' ').append(a);
        }
        return sb.toString();
    }
}
