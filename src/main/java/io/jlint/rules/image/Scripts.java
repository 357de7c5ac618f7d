package io.jlint.rules.image;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellParser;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import java.util.List;

/** RUN scripts recorded in an image's history, read with jlint's shell parser. */
final class Scripts {
    private Scripts() {
    }

    static ShellScript parse(String script) {
        return ShellParser.parse(MappedText.contiguous(script, 0, LineIndex.of(script)));
    }

    /** Every command the script runs (also inside {@code sh -c '…'}), wrappers such as sudo removed. */
    static List<SimpleCommand> commands(ShellScript s) {
        return Commands.allCommands(s).stream().map(Commands::unwrap).toList();
    }

    /** How big a script is: its simple commands (not counting those in substitutions) plus its compound commands. */
    static int size(ShellScript s) {
        int n = 0;
        for (SimpleCommand c : s.commands()) {
            if (!c.inSubstitution()) {
                n++;
            }
        }
        return n + compounds(s.root());
    }

    private static int compounds(ShellNode n) {
        if (n == null) {
            return 0;
        }
        if (n instanceof ShellNode.Pipeline p) {
            return p.elements().stream().mapToInt(Scripts::compounds).sum();
        }
        if (n instanceof ShellNode.AndOrList l) {
            return l.elements().stream().mapToInt(Scripts::compounds).sum();
        }
        if (n instanceof ShellNode.Sequence q) {
            return q.elements().stream().mapToInt(Scripts::compounds).sum();
        }
        if (n instanceof ShellNode.Group g) {
            return 1 + compounds(g.body());
        }
        if (n instanceof ShellNode.Compound c) {
            return 1 + c.parts().stream().mapToInt(Scripts::compounds).sum();
        }
        return 0;
    }

    /** True when every command only refreshes a package index (apt-get update, apk update, dnf makecache, …). */
    static boolean onlyIndexUpdate(ShellScript s) {
        if (!s.complete() || s.commands().isEmpty()) {
            return false;
        }
        for (SimpleCommand c : commands(s)) {
            if (!isIndexUpdate(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIndexUpdate(SimpleCommand c) {
        List<String> ops = c.args().stream().filter(a -> !a.startsWith("-")).toList();
        String first = ops.isEmpty() ? "" : ops.get(0);
        return switch (c.program()) {
            case "apt-get", "apt", "aptitude", "apk" -> first.equals("update") && ops.size() == 1;
            case "dnf", "yum", "microdnf", "tdnf" -> first.equals("makecache") && ops.size() <= 2;
            case "zypper" -> (first.equals("refresh") || first.equals("ref")) && ops.size() == 1;
            default -> false;
        };
    }
}
