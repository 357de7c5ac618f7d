package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.Assignment;
import io.jlint.dockerfile.shell.Commands;
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

    /** The commands a RUN executes, in order (shell form and executed heredocs, or the exec-form array). */
    static List<Argv> of(Instruction.Run run) {
        List<Argv> out = new ArrayList<>();
        CommandLine cl = run.command();
        if (cl == null) {
            return out;
        }
        if (cl.execForm()) {
            if (!cl.execArgs().isEmpty()) {
                List<Boolean> literal = new ArrayList<>();
                cl.execArgs().forEach(x -> literal.add(true));
                out.add(build(cl.execArgs(), literal, Map.of(), List.of(), null));
            }
            return out;
        }
        for (ShellScript script : cl.scripts()) {
            for (SimpleCommand c : Commands.allCommands(script)) {
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
        if (c.words().isEmpty()) {
            return null;
        }
        SimpleCommand u = Commands.unwrap(c);
        List<String> wrappers = Commands.wrappers(c);
        List<String> values = new ArrayList<>();
        List<Boolean> literal = new ArrayList<>();
        for (Word w : u.words()) {
            values.add(w.value());
            literal.add(w.literal());
        }
        Map<String, String> assigns = new HashMap<>();
        for (Assignment a : u.assignments()) {
            assigns.put(a.name(), a.value() == null ? "" : a.value().value());
        }
        return build(values, literal, assigns, wrappers, u);
    }

    private static Argv build(List<String> values, List<Boolean> literal, Map<String, String> assigns,
                              List<String> wrappers, SimpleCommand c) {
        String program = BuildChain.baseName(values.get(0));
        List<String> args = new ArrayList<>(values.subList(1, values.size()));
        List<Boolean> lit = new ArrayList<>(literal.subList(1, literal.size()));
        // python -m pip … / python3 -m pip …
        if (program.matches("python[0-9.]*") && args.size() >= 2 && args.get(0).equals("-m")
                && args.get(1).matches("pip[0-9.]*")) {
            program = "pip";
            args = new ArrayList<>(args.subList(2, args.size()));
            lit = new ArrayList<>(lit.subList(2, lit.size()));
        }
        return new Argv(program, List.copyOf(args), List.copyOf(lit), Map.copyOf(assigns), List.copyOf(wrappers),
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
