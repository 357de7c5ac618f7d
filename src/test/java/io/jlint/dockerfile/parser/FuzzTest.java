package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated real Dockerfiles (byte flips, truncation, splicing, inserted escapes, heredoc openers, quotes, brackets,
 * CRs) give a Dockerfile that keeps the model's invariants, or an InputException with a position: never another
 * exception, never a hang. Bounded in time; the seed is fixed (override with -Djlint.fuzz.seed=N,
 * -Djlint.fuzz.seconds=S).
 */
class FuzzTest {

    private static final String[] SNIPPETS = {"\\", "\\\n", "\\ \n", "`", "`\n", "<<EOF", "<<-EOF\n", "<<'X'",
        "\nEOF\n", "\"", "'", "[", "]", "[\"a\", \"b\"]", "\r", "\r\n", "\n", "#", "\n# escape=`\n",
        "# escape=\\\n", "ONBUILD ", "RUN ", "--mount=type=cache,target=/x ", "--", "${", "$(", "\t", " ",
        "\u00a0", "\uFEFF", "é", "😀", "=", "ENV ", "COPY <<A <<B /x\n", "\nA\n", "\nB\n", "HEALTHCHECK CMD ",
        "FROM x AS y\n", "\n\\\n"};

    @Test
    void mutatedInputsNeverCrash() throws Exception {
        long seed = Long.getLong("jlint.fuzz.seed", 20240501L);
        long budgetMs = Long.getLong("jlint.fuzz.seconds", 15L) * 1000;
        List<byte[]> seeds = seeds();
        assertTrue(seeds.size() > 100);
        Random rnd = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        long start = System.currentTimeMillis();
        int runs = 0;
        try {
            while (System.currentTimeMillis() - start < budgetMs) {
                byte[] input = mutate(rnd, seeds);
                Future<String> f = worker.submit(() -> check(input));
                String problem;
                try {
                    problem = f.get(5, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    problem = "no result within 5 s (hang?)";
                    f.cancel(true);
                } catch (ExecutionException e) {
                    problem = e.getCause().toString();
                }
                runs++;
                if (problem != null) {
                    Path out = Path.of("target", "fuzz-failure-" + seed + "-" + runs + ".Dockerfile");
                    Files.createDirectories(out.getParent());
                    Files.write(out, input);
                    fail("input " + runs + " (saved as " + out + "): " + problem);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("fuzz: " + runs + " inputs, seed " + seed);
        assertTrue(runs > 50, "only " + runs + " inputs in the time budget");
    }

    /** Null when the input behaves. */
    static String check(byte[] input) {
        for (boolean strict : new boolean[] {true, false}) {
            try {
                Dockerfile df = strict ? DockerfileParser.parse("fuzz", input) : DockerfileParser.parseSyntax("fuzz", input);
                String broken = Invariants.check(df, strict);
                if (broken != null) {
                    return broken;
                }
                BuildkitFormat.format(df);
                JsonFormat.format(df);
            } catch (InputException e) {
                if (e.line() <= 0 || e.column() <= 0) {
                    return "InputException without position: " + e.getMessage();
                }
            } catch (RuntimeException | StackOverflowError e) {
                java.io.StringWriter sw = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(sw));
                return sw.toString();
            }
        }
        return null;
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Shared.dir().resolve("corpus/files"))) {
            for (Path p : s.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        try (Stream<Path> s = Files.list(Path.of("testdata/parser"))) {
            for (Path p : s.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static byte[] mutate(Random rnd, List<byte[]> seeds) {
        byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            int op = rnd.nextInt(6);
            int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            switch (op) {
                case 0 -> { // byte flip
                    if (b.length > 0) {
                        int k = Math.min(at, b.length - 1);
                        b[k] = (byte) (b[k] ^ (1 << rnd.nextInt(8)));
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, at); // truncation
                case 2 -> { // splice with another file
                    byte[] o = seeds.get(rnd.nextInt(seeds.size()));
                    int from = o.length == 0 ? 0 : rnd.nextInt(o.length);
                    int len = Math.min(o.length - from, rnd.nextInt(400));
                    b = insert(b, at, java.util.Arrays.copyOfRange(o, from, from + len));
                }
                default -> { // snippet insertion
                    String snip = SNIPPETS[rnd.nextInt(SNIPPETS.length)];
                    b = insert(b, at, snip.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] r = new byte[b.length + what.length];
        System.arraycopy(b, 0, r, 0, at);
        System.arraycopy(what, 0, r, at, what.length);
        System.arraycopy(b, at, r, at + what.length, b.length - at);
        return r;
    }
}
