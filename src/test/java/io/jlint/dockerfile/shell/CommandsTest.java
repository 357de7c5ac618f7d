package io.jlint.dockerfile.shell;

import static io.jlint.dockerfile.shell.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private static SimpleCommand cmd(String text) {
        return parse(text).commands().get(0);
    }

    @Test
    void shortLongAndClusteredOptions() {
        assertTrue(Commands.hasOption(cmd("apt-get install -y x"), "-y", "--yes"));
        assertTrue(Commands.hasOption(cmd("apt-get -qy install x"), "-y"));
        assertTrue(Commands.hasOption(cmd("apt-get install --yes x"), "-y", "--yes"));
        assertTrue(Commands.hasOption(cmd("apt-get install --assume-yes=true x"), "--assume-yes"));
        assertTrue(Commands.hasOption(cmd("apt-get install '--no-install-recommends' x"), "--no-install-recommends"));
        assertFalse(Commands.hasOption(cmd("apt-get install x"), "-y", "--yes"));
        assertFalse(Commands.hasOption(cmd("apt-get install --yesterday x"), "--yes"));
        assertFalse(Commands.hasOption(cmd("apt-get install -- -y"), "-y"));
        assertFalse(Commands.hasOption(cmd("echo y"), "-y"));
        assertFalse(Commands.hasOption(cmd("rm - y"), "-y"));
    }

    @Test
    void singleDashLongForms() {
        assertTrue(Commands.hasOption(cmd("find . -name x -delete"), "-delete"));
        assertTrue(Commands.hasOption(cmd("java -Xmx=1g -jar a.jar"), "-Xmx"));
        assertFalse(Commands.hasOption(cmd("find . -name x"), "-delete"));
    }

    @Test
    void optionsTakingValuesEndAClusterAndHideTheirValue() {
        SimpleCommand c = cmd("apt-get -oDpkg::Options::=--force-confnew install x");
        assertTrue(Commands.hasOption(c, "-f"), "read as a cluster when nothing is known");
        assertFalse(Commands.hasOption(c, Set.of("-o"), "-f"));
        assertFalse(Commands.hasOption(cmd("apt-get -o -y install x"), Set.of("-o"), "-y"));
    }

    @Test
    void optionValues() {
        assertEquals("x", Commands.optionValue(cmd("tar -C x -xf a.tar"), "-C"));
        assertEquals("x", Commands.optionValue(cmd("tar -Cx"), "-C"));
        assertEquals("x", Commands.optionValue(cmd("tar --directory=x"), "-C", "--directory"));
        assertEquals("x", Commands.optionValue(cmd("tar --directory x"), "-C", "--directory"));
        assertEquals("pipefail", Commands.optionValue(cmd("set -euo pipefail"), "-o"));
        assertEquals("b", Commands.optionValue(cmd("curl -o a -o b"), "-o"), "the last one");
        assertNull(Commands.optionValue(cmd("tar -xf a.tar"), "-C"));
        assertNull(Commands.optionValue(cmd("tar -- -C x"), "-C"));
        assertEquals("out", Commands.optionValue(cmd("curl -L -o out u"), Set.of(), "-o"));
    }

    @Test
    void operandsSkipOptionsAndTheirValues() {
        Set<String> aptValues = Set.of("-o", "-t", "--target-release", "-c");
        assertEquals(List.of("install", "curl", "git"),
                Commands.operands(cmd("apt-get -o Acquire::Retries=3 install -y -t stable curl --no-install-recommends git"),
                        aptValues));
        assertEquals(List.of("a", "-b", "-"), Commands.operands(cmd("x a -- -b -"), Set.of()));
        assertEquals(List.of("-", "a"), Commands.operands(cmd("x -v - a"), Set.of()));
        assertEquals(List.of("a", "-b"), Commands.operands(cmd("x a -- -b"), Set.of()));
        Word w = Commands.operandWords(cmd("pip install --no-cache-dir flask"), Set.of()).get(1);
        assertEquals("flask", w.value());
        assertEquals(new Span(1, 28, 1, 33, 27, 32), w.span());
    }

    @Test
    void unwrapWrappers() {
        assertUnwrapped("sudo apt-get install x", "apt-get install x", List.of("sudo"));
        assertUnwrapped("sudo -E -u root -- apt-get update", "apt-get update", List.of("sudo"));
        assertUnwrapped("sudo -uroot VAR=1 make", "make", List.of("sudo"));
        assertUnwrapped("env -i PATH=/bin A=b sh -c x", "sh -c x", List.of("env"));
        assertUnwrapped("time -p make", "make", List.of("time"));
        assertUnwrapped("nice -n 10 nohup make all", "make all", List.of("nice", "nohup"));
        assertUnwrapped("exec -a name gunicorn app", "gunicorn app", List.of("exec"));
        assertUnwrapped("command apt-get update", "apt-get update", List.of("command"));
        assertUnwrapped("stdbuf -oL -e 0 make", "make", List.of("stdbuf"));
        assertUnwrapped("timeout -s KILL 10s curl u", "curl u", List.of("timeout"));
        assertUnwrapped("timeout --kill-after=5 10 curl u", "curl u", List.of("timeout"));
        assertUnwrapped("xargs -r -n 1 -I {} rm -rf {}", "rm -rf {}", List.of("xargs"));
        assertUnwrapped("sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y x", "apt-get install -y x",
                List.of("sudo", "env"));
        assertUnwrapped("eatmydata apt-get install x", "apt-get install x", List.of("eatmydata"));
        assertUnwrapped("gosu app node server.js", "node server.js", List.of("gosu"));
        assertUnwrapped("busybox wget -q u", "wget -q u", List.of("busybox"));
        assertUnwrapped("/usr/bin/sudo apt-get update", "apt-get update", List.of("sudo"));
    }

    @Test
    void wrappersThatRunNothingAreNotUnwrapped() {
        assertUnwrapped("command -v curl", "command -v curl", List.of());
        assertUnwrapped("sudo -l", "sudo -l", List.of());
        assertUnwrapped("xargs", "xargs", List.of());
        assertUnwrapped("env", "env", List.of());
        assertUnwrapped("time", "time", List.of());
        assertUnwrapped("$SUDO apt-get update", "$SUDO apt-get update", List.of());
        assertUnwrapped("apt-get update", "apt-get update", List.of());
    }

    private static void assertUnwrapped(String text, String inner, List<String> wrappers) {
        SimpleCommand c = cmd(text);
        SimpleCommand u = Commands.unwrap(c);
        assertEquals(inner, String.join(" ", u.words().stream().map(Word::value).toList()), text);
        assertEquals(wrappers, Commands.wrappers(c), text);
        for (String w : wrappers) {
            assertTrue(Commands.wrappedBy(c, w), text);
        }
        if (!wrappers.isEmpty()) {
            assertSame(u.words().get(0), c.words().get(c.words().size() - u.words().size()), "same word objects");
            assertEquals(u.words().get(0).span().startOffset(), u.span().startOffset());
            assertEquals(c.span().endOffset(), u.span().endOffset());
        }
    }

    @Test
    void unwrapKeepsAssignmentsAndRedirects() {
        SimpleCommand u = Commands.unwrap(cmd("A=1 env B=2 make >log"));
        assertEquals(List.of("A", "B"), u.assignments().stream().map(Assignment::name).toList());
        assertEquals(List.of(">"), u.redirects().stream().map(Redirect::operator).toList());
        assertFalse(Commands.wrappedBy(cmd("apt-get install sudo"), "sudo"));
    }

    @Test
    void nestedShellScripts() {
        ShellScript s = parse("bash -c 'apt-get update && apt-get install -y curl'");
        List<ShellScript> nested = Commands.nestedScripts(s, s.commands().get(0));
        assertEquals(1, nested.size());
        ShellScript inner = nested.get(0);
        assertTrue(inner.complete());
        assertEquals("(and [apt-get update] && [apt-get install -y curl])", ShellTesting.dump(inner.root()));
        SimpleCommand install = inner.commands().get(1);
        assertEquals(new Span(1, 28, 1, 51, 27, 50), install.span());
        assertEquals(install.span(), Commands.nestedScripts(s.commands().get(0)).get(0).commands().get(1).span(),
                "best effort is exact for a word written in one piece");
    }

    @Test
    void nestedScriptsBehindOptionsAndWrappers() {
        assertNested("sh -c 'a; b'", "(seq [a] ; [b])", true);
        assertNested("/bin/bash -ex -o pipefail -c \"set -x && make\"", "(and [set -x] && [make])", true);
        assertNested("bash -lc 'make'", "[make]", true);
        assertNested("sudo -u app sh -c 'whoami'", "[whoami]", true);
        assertNested("su app -c 'npm ci'", "[npm ci]", true);
        assertNested("find . -name '*.sh' -exec sh -c 'chmod +x \"$1\"' _ {} \\;", "[chmod +x $1]", true);
        assertNested("xargs -n1 sh -c 'rm -f $0'", "[rm -f $0]", true);
        assertNested("sh -c \"cd $HOME && make\"", "(and [cd $HOME] && [make])", false);
        assertEquals(0, Commands.nestedScripts(cmd("sh script.sh")).size());
        assertEquals(0, Commands.nestedScripts(cmd("sh -x")).size());
        assertEquals(0, Commands.nestedScripts(cmd("echo -c 'a'")).size());
    }

    private static void assertNested(String text, String tree, boolean complete) {
        ShellScript s = parse(text);
        List<ShellScript> nested = Commands.nestedScripts(s, s.commands().get(0));
        assertEquals(1, nested.size(), text);
        assertEquals(tree, ShellTesting.dump(nested.get(0).root()), text);
        assertEquals(complete, nested.get(0).complete(), text);
        for (SimpleCommand c : nested.get(0).commands()) {
            String slice = text.substring(c.span().startOffset(), c.span().endOffset());
            assertEquals(c.words().get(0).raw(), slice.substring(0, c.words().get(0).raw().length()), text);
        }
    }

    @Test
    void nestedScriptSpansAcrossContinuationsAndEscapes() {
        String src = "RUN sh -c \"echo \\\"a\\\" && \\\n  rm -rf /tmp/x\"";
        ShellScript s = ShellParser.parse(ShellParserPositionsTest.join(src, new int[][] {{1, 5}, {2, 1}}));
        Word script = s.commands().get(0).words().get(2);
        ShellScript inner = Commands.nestedScripts(s, s.commands().get(0)).get(0);
        assertEquals(List.of("echo", "rm"), inner.commands().stream().map(SimpleCommand::program).toList());
        assertEquals("2:3-2:16", inner.commands().get(1).span().toString());
        // the inner word "a" was written \"a\": it starts at the escaped quote
        assertEquals("1:18-1:22", inner.commands().get(0).words().get(1).span().toString());
        // without the outer text, a word split by a continuation maps inside its own span only
        ShellScript approx = Commands.nestedScripts(s.commands().get(0)).get(0);
        for (SimpleCommand c : approx.commands()) {
            assertTrue(c.span().startOffset() >= script.span().startOffset()
                    && c.span().endOffset() <= script.span().endOffset(), c.span().toString());
        }
    }

    @Test
    void nestedScriptLinesInAHeredocBody() {
        // in a heredoc body a quoted newline is real text: best effort is exact when the word is in one piece
        String body = "x\nsh -c 'a\n  b c'\n";
        String src = "RUN <<EOF\n" + body + "EOF\n";
        int at = src.indexOf(body);
        ShellScript s = ShellParser.parse(io.jlint.dockerfile.model.MappedText.contiguous(body, at,
                io.jlint.dockerfile.model.LineIndex.of(src)));
        SimpleCommand sh = s.commands().get(1);
        assertEquals("4:3-4:6", Commands.nestedScripts(sh).get(0).commands().get(1).span().toString());
        assertEquals("4:3-4:6", Commands.nestedScripts(s, sh).get(0).commands().get(1).span().toString());
    }

    @Test
    void allCommandsFollowsNestedShells() {
        ShellScript s = parse("apt-get update && sh -c 'apt-get install -y x && bash -c \"rm -rf /var/lib/apt/lists/*\"'");
        assertEquals(List.of("apt-get", "sh", "apt-get", "bash", "rm"),
                Commands.allCommands(s).stream().map(SimpleCommand::program).toList());
    }

    @Test
    void pipelines() {
        ShellScript s = parse("set -o pipefail; curl -fsSL u | sh; { a; b; } | c; d && e; if x; then f | g; fi");
        List<ShellNode.Pipeline> ps = Commands.pipelines(s);
        assertEquals(3, ps.size());
        assertEquals("(| [curl -fsSL u] [sh])", ShellTesting.dump(ps.get(0)));
        assertEquals("(| [f] [g])", ShellTesting.dump(ps.get(2)));
        List<SimpleCommand> cs = s.commands();
        assertEquals(List.of(false, true, true, true, true, true, false, false, false, true, true),
                cs.stream().map(c -> Commands.inPipeline(s, c)).toList());
        assertSame(ps.get(1), Commands.pipelineOf(s, cs.get(3)));
        assertFalse(Commands.inPipeline(s, cmd("curl u | sh")), "a command of another script");
        assertFalse(Commands.inPipeline(parse("! a"), parse("! a").commands().get(0)));
    }

    @Test
    void allArgsLiteral() {
        assertTrue(Commands.allArgsLiteral(cmd("apt-get install -y 'curl'")));
        assertFalse(Commands.allArgsLiteral(cmd("apt-get install $PKGS")));
    }
}
