package io.jlint.dockerfile.shell;

import static io.jlint.dockerfile.shell.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parser never throws, stops on what it does not understand with complete=false, does not recurse on flat
 * input, caps nesting, and stays linear on hostile input. The timeouts are hang guards, not speed targets.
 */
class ShellParserRobustnessTest {

    /** Runs {@code task} on a thread with a small stack, so that deep recursion would show. */
    private static <T> T withStack(long stackBytes, Callable<T> task) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", stackBytes);
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("failed on a " + stackBytes + "-byte stack", e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result.get();
        return value;
    }

    @Test
    void badInputGivesAnIncompleteScript() {
        String[] bad = {
            ")", "a )", "fi", "done", "esac", "then x", "}", ";;", "&&", "| a", "a |", "a &&", "a ||", "!",
            "'unterminated", "\"unterminated", "a $(unclosed", "a ${unclosed", "a `unclosed", "$'unclosed",
            "if a; then b", "if a; b; fi", "for", "for x in a b", "for ((;;", "while a; do b", "case x", "case x in a",
            "case x in a) b", "{ a", "( a", "f(", "f( x", "function", "[[ a", "a <", "a >", "cat <<", "a 2>",
            "arr=(a b", "a; ; b", "a & & b", "$((1+", "echo \"$(\"", "a) b", "{", "((", "x=$(a |)",
        };
        for (String text : bad) {
            ShellScript s = parse(text);
            assertFalse(s.complete(), "incomplete: " + text);
            assertNotNull(s.commands());
        }
    }

    @Test
    void strayTokensAreSkippedAndTheRestIsStillRead() {
        ShellScript s = parse("a; fi; b && c ) d");
        assertFalse(s.complete());
        assertEquals(List.of("a", "b", "c", "d"), s.commands().stream().map(SimpleCommand::program).toList());
    }

    @Test
    void whatWasReadBeforeAnErrorIsKept() {
        ShellScript s = parse("apt-get update && apt-get install -y 'curl");
        assertFalse(s.complete());
        assertEquals(List.of("apt-get", "apt-get"), s.commands().stream().map(SimpleCommand::program).toList());
        assertEquals("curl", s.commands().get(1).words().get(3).value());
    }

    @Test
    void binaryGarbageNeverThrows() {
        Random r = new Random(42);
        for (int round = 0; round < 300; round++) {
            char[] cs = new char[r.nextInt(400)];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = (char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(128));
            }
            checkInvariants(new String(cs));
        }
    }

    @Test
    void aFiveThousandCommandChainNeedsNoDeepStack() throws Exception {
        StringBuilder b = new StringBuilder("true");
        for (int i = 1; i < 5000; i++) {
            b.append(i % 3 == 0 ? " || " : i % 3 == 1 ? " && " : " | ").append("cmd").append(i);
        }
        b.append("; ");
        for (int i = 0; i < 5000; i++) {
            b.append("x").append(i).append(i % 2 == 0 ? "; " : "\n");
        }
        String text = b.toString();
        ShellScript s = withStack(128 * 1024, () -> parse(text));
        assertTrue(s.complete());
        assertEquals(10_000, s.commands().size());
        int pipelines = withStack(128 * 1024, () -> Commands.pipelines(s).size());
        assertTrue(pipelines > 1000);
    }

    /** Openers and closers of every construct that nests. */
    private static final String[][] NESTERS = {
        {"$(", ")"}, {"( ", ")"}, {"{ ", "; }"}, {"if a; then ", "; fi"}, {"while a; do ", "; done"},
        {"\"${x:-", "}\""}, {"${x:-", "}"}, {"echo \"$(", ")\""}, {"case a in b) ", ";; esac"}, {"f() { ", "; }"},
        {"<(", ")"},
    };

    private static String nest(String[] n, int depth) {
        return n[0].repeat(depth) + "$(echo x)" + n[1].repeat(depth);
    }

    @Test
    void nestingUpToTheCapParsesOnAnOrdinaryStack() throws Exception {
        for (String[] n : NESTERS) {
            String text = nest(n, ShellParser.MAX_DEPTH / 2 - 1);
            ShellScript s = withStack(512 * 1024, () -> parse(text));
            assertTrue(s.complete(), "complete: " + n[0]);
            assertTrue(s.commands().stream().anyMatch(c -> c.program().equals("echo")), n[0]);
        }
    }

    @Test
    void nestingBeyondTheCapStopsWithoutOverflowingTheStack() throws Exception {
        for (String[] n : NESTERS) {
            String text = nest(n, 5000);
            ShellScript s = withStack(512 * 1024, () -> parse(text));
            assertFalse(s.complete(), "incomplete: " + n[0]);
            // even where the stack is too small for the cap, the parse stops instead of throwing
            assertFalse(withStack(64 * 1024, () -> parse(text)).complete());
        }
        // mixed openers too
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append(NESTERS[i % NESTERS.length][0]);
        }
        String text = b.toString();
        assertFalse(withStack(512 * 1024, () -> parse(text)).complete());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileInputsStayLinear() {
        int size = 1 << 17;
        String[] units = {
            "((", "$((", "(((a", "$(((a", "'", "\"", "`", "${", "<<E\n", "a <<E b <<F\n", "[[ ", "\\", "$'\\",
            "x=(", "((a) ", "case a in ", "if ", "for x in ", "{ ", "a && ", "a | ", ";", "$", "#\n", "<(", "{a,",
        };
        for (String u : units) {
            String text = u.repeat(size / u.length());
            checkInvariants(text);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneMegabyteOfRealShell() throws IOException {
        List<String> runs = corpusRuns();
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < (1 << 20); i++) {
            b.append(runs.get(i % runs.size())).append('\n');
        }
        ShellScript s = parse(b.toString());
        assertTrue(s.commands().size() > 10_000);
    }

    /** Corpus RUN texts, each parsed as is and after random mutations: never throws, spans stay in bounds. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void corpusAndMutationsNeverThrow() throws IOException {
        List<String> runs = corpusRuns();
        assertTrue(runs.size() > 500, "corpus found");
        Random r = new Random(7);
        String specials = "'\"`$(){}[];|&<>\\\n#!*=- \t";
        int completeOriginals = 0;
        for (String run : runs) {
            if (checkInvariants(run).complete()) {
                completeOriginals++;
            }
            for (int m = 0; m < 6; m++) {
                StringBuilder b = new StringBuilder(run);
                int edits = 1 + r.nextInt(4);
                for (int e = 0; e < edits && b.length() > 0; e++) {
                    int at = r.nextInt(b.length());
                    switch (r.nextInt(4)) {
                        case 0 -> b.deleteCharAt(at);
                        case 1 -> b.insert(at, specials.charAt(r.nextInt(specials.length())));
                        case 2 -> b.setLength(at);
                        default -> b.insert(at, b.substring(r.nextInt(b.length())));
                    }
                }
                checkInvariants(b.toString());
            }
        }
        // non-POSIX RUNs (PowerShell, templates) are in the corpus; nearly all others must parse completely
        assertTrue(completeOriginals > runs.size() * 0.9, completeOriginals + " of " + runs.size());
    }

    static List<String> corpusRuns() throws IOException {
        Path dir = Path.of(System.getProperty("jlint.shared", "../shared"), "corpus", "files");
        List<String> runs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                runs.addAll(CorpusRuns.runs(Files.readString(f)));
            }
        }
        return runs;
    }

    /** Parses {@code text} (placed at offset 3 of a larger source) and checks every span is inside it. */
    private static ShellScript checkInvariants(String text) {
        String source = "RUN" + text + "\n";
        ShellScript s = ShellParser.parse(MappedText.contiguous(text, 3, LineIndex.of(source)));
        int lastStart = -1;
        for (SimpleCommand c : s.commands()) {
            inBounds(c.span(), text);
            assertTrue(c.span().startOffset() >= lastStart, "commands in source order");
            lastStart = c.span().startOffset();
            for (Word w : c.words()) {
                inBounds(w.span(), text);
                assertNotNull(w.value());
            }
            c.assignments().forEach(a -> inBounds(a.span(), text));
            c.redirects().forEach(r -> inBounds(r.span(), text));
            Commands.unwrap(c);
            Commands.nestedScripts(s, c);
        }
        if (s.root() != null) {
            inBounds(s.root().span(), text);
        }
        Commands.pipelines(s);
        return s;
    }

    private static void inBounds(Span sp, String text) {
        assertTrue(sp.startOffset() >= 3 && sp.endOffset() <= 3 + text.length() && sp.startOffset() <= sp.endOffset(),
                () -> "span " + sp + " in text of length " + text.length());
    }
}
