package io.jlint.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rough extraction of the shell text of RUN instructions from a Dockerfile, good enough to feed the shell
 * parser real-world text in tests: continuation lines are joined, comment lines inside them dropped, heredoc
 * RUNs contribute their bodies. (The real Dockerfile parser lives in dockerfile/parser.)
 */
final class CorpusRuns {
    private CorpusRuns() {
    }

    static List<String> runs(String dockerfile) {
        List<String> out = new ArrayList<>();
        String[] lines = dockerfile.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.toUpperCase(Locale.ROOT).startsWith("RUN ")) {
                continue;
            }
            StringBuilder b = new StringBuilder(line.substring(4));
            while (b.length() > 0 && b.charAt(b.length() - 1) == '\\' && i + 1 < lines.length) {
                b.setLength(b.length() - 1);
                i++;
                while (i < lines.length && lines[i].strip().startsWith("#")) {
                    i++;
                }
                if (i < lines.length) {
                    b.append(lines[i]);
                }
            }
            String cmd = b.toString().strip();
            while (cmd.startsWith("--")) {
                int sp = cmd.indexOf(' ');
                cmd = sp < 0 ? "" : cmd.substring(sp + 1).strip();
            }
            if (cmd.startsWith("[")) {
                continue;
            }
            int h = cmd.indexOf("<<");
            if (h >= 0 && cmd.startsWith("<<")) {
                String name = cmd.substring(cmd.startsWith("<<-") ? 3 : 2).replace("\"", "").replace("'", "").strip();
                StringBuilder body = new StringBuilder();
                while (++i < lines.length && !lines[i].strip().equals(name)) {
                    body.append(lines[i]).append('\n');
                }
                out.add(body.toString());
                continue;
            }
            out.add(cmd);
        }
        return out;
    }
}
