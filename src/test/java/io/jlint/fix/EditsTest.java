package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.parser.DockerfileParser;
import org.junit.jupiter.api.Test;

/** {@link Edits#appendCommand}: where {@code && command} goes, and when it would change what the RUN does. */
class EditsTest {

    private static FixAttempt append(String dockerfile) {
        return append(dockerfile, "rm -rf /tmp/cache");
    }

    private static FixAttempt append(String dockerfile, String command) {
        Dockerfile df = DockerfileParser.parse("Dockerfile", dockerfile);
        Instruction.Run run = null;
        for (Instruction in : df.instructions()) {
            if (in instanceof Instruction.Run r) {
                run = r;
            }
        }
        assertNotNull(run, "no RUN in " + dockerfile);
        return Edits.appendCommand(df, run, command, "clean up");
    }

    private static String applied(String dockerfile) {
        return applied(dockerfile, "rm -rf /tmp/cache");
    }

    private static String applied(String dockerfile, String command) {
        FixAttempt a = append(dockerfile, command);
        assertTrue(a.fixed(), "refused: " + a.refusal());
        return FixApplier.apply(dockerfile, a.fix().edits());
    }

    private static void refusedForErrexit(String dockerfile) {
        FixAttempt a = append(dockerfile);
        assertNull(a.fix(), "fixed: " + dockerfile);
        assertTrue(a.refusal().contains("set -e may be in effect"), a.refusal());
    }

    @Test
    void underSetEAnEndingCompoundCommandWouldStopHonouringIt() {
        // `{ false; echo x; } && rm` runs echo: the shell ignores -e inside the left side of &&
        refusedForErrexit("FROM a\nRUN set -e; fetch; { build; test; }\n");
        refusedForErrexit("FROM a\nRUN set -eux; fetch; if [ -f x ]; then build; test; fi\n");
        refusedForErrexit("FROM a\nRUN set -o errexit; for p in a b; do build \"$p\"; done\n");
        refusedForErrexit("FROM a\nRUN set -e; fetch && (cd /src && make)\n");
        refusedForErrexit("FROM a\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN while read -r p; do get \"$p\";"
                + " done < list\n");
        refusedForErrexit("FROM a\nRUN <<EOF\n#!/bin/sh -ex\nif true; then build; test; fi\nEOF\n");
        refusedForErrexit("FROM a\nRUN bash -e <<EOF\nfetch\n{ build; test; }\nEOF\n");
        refusedForErrexit("FROM a\nRUN set $OPTS; { build; test; }\n");
        // a function called last runs its body with -e ignored too
        refusedForErrexit("FROM a\nRUN set -e; b() { build; test; }; b\n");
    }

    @Test
    void underSetESimpleCommandsPipelinesAndListsTakeTheCommand() {
        assertEquals("FROM a\nRUN set -e; fetch; build | tee log && rm -rf /tmp/cache\n",
                applied("FROM a\nRUN set -e; fetch; build | tee log\n"));
        assertEquals("FROM a\nRUN set -eux; fetch && build && rm -rf /tmp/cache\n",
                applied("FROM a\nRUN set -eux; fetch && build\n"));
        // an if before an && was not the last command already: only the last command changes context
        assertEquals("FROM a\nRUN set -e; fetch && if [ -f x ]; then a; b; fi && build && rm -rf /tmp/cache\n",
                applied("FROM a\nRUN set -e; fetch && if [ -f x ]; then a; b; fi && build\n"));
        refusedForErrexit("FROM a\nRUN set -e; fetch && if [ -f x ]; then a; b; fi\n");
        assertEquals("FROM a\nRUN <<EOF\nset -e\nif x; then a; b; fi\nbuild && rm -rf /tmp/cache\nEOF\n",
                applied("FROM a\nRUN <<EOF\nset -e\nif x; then a; b; fi\nbuild\nEOF\n"));
    }

    @Test
    void withoutSetEAnEndingCompoundCommandTakesTheCommand() {
        // without -e the compound's status is its last command's, and && keeps it
        assertEquals("FROM a\nRUN fetch; if [ -f x ]; then build; test; fi && rm -rf /tmp/cache\n",
                applied("FROM a\nRUN fetch; if [ -f x ]; then build; test; fi\n"));
        assertEquals("FROM a\nRUN set -x; { build; test; } && rm -rf /tmp/cache\n",
                applied("FROM a\nRUN set -x; { build; test; }\n"));
    }

    @Test
    void aNewCommandLineIsIndentedLikeTheOtherCommandsNotLikeArguments() {
        assertEquals("FROM a\nRUN dnf install -y \\\n        git \\\n        make && \\\n    dnf clean all\n",
                applied("FROM a\nRUN dnf install -y \\\n        git \\\n        make\n", "dnf clean all"));
        assertEquals("FROM a\nRUN fetch && \\\n  install \\\n      --quiet && \\\n  rm -rf /tmp/cache\n",
                applied("FROM a\nRUN fetch && \\\n  install \\\n      --quiet\n"));
        assertEquals("FROM a\nRUN install \\\n\t\t--quiet && \\\n\trm -rf /tmp/cache\n",
                applied("FROM a\nRUN install \\\n\t\t--quiet\n"));
    }
}
