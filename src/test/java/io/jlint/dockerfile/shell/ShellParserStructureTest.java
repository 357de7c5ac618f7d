package io.jlint.dockerfile.shell;

import static io.jlint.dockerfile.shell.ShellTesting.commands;
import static io.jlint.dockerfile.shell.ShellTesting.parse;
import static io.jlint.dockerfile.shell.ShellTesting.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden syntax trees: operators, compound commands, substitutions, here-documents, redirections. */
class ShellParserStructureTest {

    @Test
    void andOrChain() {
        assertEquals("(and [apt-get update] && [apt-get install -y --no-install-recommends curl]"
                        + " && [rm -rf /var/lib/apt/lists/*])",
                tree("apt-get update && apt-get install -y --no-install-recommends curl"
                        + " && rm -rf /var/lib/apt/lists/*"));
        assertEquals("(and [a] || [b] && [c])", tree("a || b && c"));
    }

    @Test
    void sequencesPipelinesAndBackground() {
        assertEquals("(seq [set -eux] ; (| [a] [b] [c]) ; [d] & [e])", tree("set -eux; a | b |& c; d & e"));
        assertEquals("(seq [a] NL [b] NL [c])", tree("a\n\nb\n c\n"));
        assertEquals("(seq [sleep 1] &)", tree("sleep 1 &"));
        assertEquals("[a]", tree("a;"));
        assertEquals("(and (!| [a] [b]) || [c])", tree("! a | b || c"));
        assertEquals("(!| [true])", tree("! true"));
    }

    @Test
    void operatorsMayBeFollowedByNewlines() {
        assertEquals("(and [a] && [b] || [c])", tree("a &&\n  b ||\n\n c"));
        assertEquals("(| [a] [b])", tree("a |\n b"));
    }

    @Test
    void operatorsNeedNoBlanks() {
        assertEquals("(seq (and [a] && [b]) ; (| [c] [d]))", tree("a&&b;c|d"));
    }

    @Test
    void subshellsAndGroups() {
        assertEquals("(seq (subshell (and [cd /x] && [make]) >log 2>&1) ; (| (group (seq [echo a] ; [echo b]))"
                + " [tee f]))", tree("(cd /x && make) > log 2>&1; { echo a; echo b; } | tee f"));
        assertEquals("(subshell (subshell [a]))", tree("( (a) )"));
        assertEquals("((()", tree("((a))"));
        assertEquals("(subshell (| (subshell [a]) [b]))", tree("((a) | b)"));
    }

    @Test
    void ifElifElse() {
        assertEquals("(if [[ -f x ]] [a] [b] [c] [d])", tree("if [ -f x ]; then a; elif b; then c; else d; fi"));
        assertEquals("(if (seq) [b])", tree("if\nthen b\nfi"));
        assertEquals("(if [a] (seq [b] NL [c]) >/dev/null)", tree("if a\nthen\n  b\n  c\nfi >/dev/null"));
    }

    @Test
    void loops() {
        assertEquals("(for [echo $i])", tree("for i in 1 2 $(seq 3); do echo $i; done"));
        assertEquals("(for [echo $i])", tree("for i\ndo echo $i\ndone"));
        assertEquals("(for [echo])", tree("for ((i=0;i<3;i++)); do echo; done"));
        assertEquals("(for (group [echo]))", tree("for i in a b; { echo; }"));
        assertEquals("(while [read l] [echo $l] <f)", tree("while read l; do echo \"$l\"; done < f"));
        assertEquals("(until [false] [:])", tree("until false; do :; done"));
        assertEquals("(select [break])", tree("select x in a b; do break; done"));
    }

    @Test
    void caseWithPatterns() {
        assertEquals("(case [x] [y] [z])", tree("case \"$1\" in a|b) x;; (c) y ;& *) z;; esac"));
        assertEquals("(case (seq [a] NL [b]) (seq))", tree("case $x in\n  1)\n    a\n    b\n    ;;\n  *) ;;\nesac"));
        assertEquals("(case [a])", tree("case $x in *) a\nesac"));
        assertEquals("(case)", tree("case $x in esac"));
        // reserved words are plain words in patterns and arguments
        assertEquals("(case [echo done fi])", tree("case $x in done|fi) echo done fi;; esac"));
    }

    @Test
    void functionDefinitions() {
        assertEquals("(seq (function (group [echo hi])) ; (function (group [x])) ; (function (subshell [y])))",
                tree("f() { echo hi; }; function g { x; }; function h() ( y )"));
        assertEquals("(function (group [a]))", tree("f ()\n{\n a\n}"));
    }

    @Test
    void arithmeticAndConditionalCommands() {
        assertEquals("(and ((() && ((())", tree("((x++)) && ((y = (1+2)*3))"));
        assertEquals("(and [[[ -f x && $y == z ]]] && [echo ok])", tree("[[ -f x && $y == z ]] && echo ok"));
        assertEquals("(and [[[ $x =~ ^(a|b)$ ]]] || [b])", tree("[[ $x =~ ^(a|b)$ ]]||b"));
        assertEquals("[[[ a b ]]]", tree("[[ a\n b ]]"));
    }

    @Test
    void reservedWordsOnlyInCommandPosition() {
        assertEquals("[echo if then fi done]", tree("echo if then fi done"));
        assertEquals("[if x]", tree("\"if\" x"));
        assertEquals("[A=1 if]", tree("A=1 if"));
        assertEquals("[{echo]", tree("{echo"));
        assertEquals("[echo } ]]]", tree("echo } ]]"));
    }

    @Test
    void commandsInsideSubstitutionsAreListedInSourceOrder() {
        assertEquals("[echo $(echo \"$(date)\" | tr a b) `uname -a` $((1+2))] $[echo $(date)] $[date] $[tr a b]"
                + " $[uname -a]", commands("echo $(echo \"$(date)\" | tr a b) `uname -a` $((1+2))"));
        assertEquals("[x=$(case $y in a) echo 1;; esac)] $[echo 1] [z]",
                commands("x=$(case $y in a) echo 1;; esac) && z"));
        assertEquals("[diff <(sort a) >(cat)] $[sort a] $[cat]", commands("diff <(sort a) >(cat)"));
        assertEquals("[echo ${V:-$(cat v)}] $[cat v]", commands("echo ${V:-$(cat v)}"));
        assertEquals("$[seq 3] [echo]", commands("for i in $(seq 3); do echo; done"));
        assertEquals("[a `b \\`c\\``] $[b `c`] $[c]", commands("a `b \\`c\\``"));
    }

    @Test
    void substitutionParsingHonoursQuotesCommentsAndHeredocs() {
        assertEquals("[echo $(echo ')' \")\")] $[echo ) )]", commands("echo $(echo ')' \")\")"));
        assertEquals("[x $(a # )\n)] $[a]", commands("x $(a # )\n)"));
        assertEquals("[x $(cat <<E\n)\nE\n)] $[cat <<E]", commands("x $(cat <<E\n)\nE\n)"));
        assertTrue(parse("x $(cat <<E\n)\nE\n)").complete());
    }

    @Test
    void arithmeticSubstitutionVersusNestedSubshell() {
        assertEquals("[echo $((1+2))]", commands("echo $((1+2))"));
        assertEquals("[echo $((a) | b)] $[a] $[b]", commands("echo $((a) | b)"));
        assertEquals("[make -j$(( $(nproc) + 1 ))] $[nproc]", commands("make -j$(( $(nproc) + 1 ))"));
        assertEquals("[x $(($(a)*$(b)))] $[a] $[b]", commands("x $(($(a)*$(b)))"));
        assertTrue(parse("make -j$(( $(nproc) + 1 )) && y").complete());
        assertEquals("$[nproc] [y]", commands("(( $(nproc) > 4 )) && y"));
    }

    @Test
    void redirections() {
        SimpleCommand c = parse("a <<<\"str\" 3>&- >| f &>> g 2>/dev/null 0<in 2>&1 >&2 <> rw >>app").commands()
                .get(0);
        assertEquals(List.of("<<<", "3>&", ">|", "&>>", "2>", "0<", "2>&", ">&", "<>", ">>"),
                c.redirects().stream().map(Redirect::operator).toList());
        assertEquals(List.of("str", "-", "f", "g", "/dev/null", "in", "1", "2", "rw", "app"),
                c.redirects().stream().map(r -> r.target().value()).toList());
        assertEquals(List.of("a"), c.words().stream().map(Word::value).toList());
        assertEquals("[>/dev/null]", tree(">/dev/null"));
        assertEquals("[echo x y >f]", tree("echo x>f y"));
        assertEquals("[echo 2x >f]", tree("echo 2x>f"));
    }

    @Test
    void redirectHelpers() {
        List<Redirect> rs = parse("a 2>&1 >f 10<x <<'E' <<<s\nbody\nE").commands().get(0).redirects();
        assertEquals(List.of(">&", ">", "<", "<<", "<<<"), rs.stream().map(Redirect::symbol).toList());
        assertEquals(List.of(2, -1, 10, -1, -1), rs.stream().map(Redirect::fd).toList());
        assertEquals(List.of(false, false, false, true, false), rs.stream().map(Redirect::isHereDoc).toList());
        assertEquals("'E'", rs.get(3).target().raw());
        assertEquals("E", rs.get(3).target().value());
    }

    @Test
    void hereDocumentBodiesAreSkipped() {
        assertEquals("(seq [cat <<EOF >/etc/x] NL [echo after])", tree("cat <<EOF > /etc/x\nrm -rf /\nEOF\necho after"));
        assertEquals("(seq (| [cat <<-E] [sh]) NL [next])", tree("cat <<-'E' | sh\n\tbody $(x)\n\tE\nnext"));
        assertEquals("(seq [a <<A <<B] NL [c])", tree("a <<A <<B\n1\nA\n2\nB\nc"));
        assertEquals("(seq (and [cat <<X >f] && [y]) NL [z])", tree("cat <<\"X\" >f && y\nfi\nX\nz"));
        // the delimiter must be the whole line; an indented one does not end a plain <<
        assertEquals("(seq [cat <<E] NL [ok])", tree("cat <<E\n  E\nE\nok"));
        // CRLF line ends
        assertEquals("(seq [cat <<E] NL [ok])", tree("cat <<E\r\nx\r\nE\r\nok\r\n"));
    }

    @Test
    void hereDocumentWithoutBodyIsFine() {
        // the Dockerfile parser hands the command line of `RUN cat <<EOF > /x` without the body
        ShellScript s = parse("cat <<EOF > /etc/x");
        assertTrue(s.complete());
        assertEquals("[cat <<EOF >/etc/x]", ShellTesting.dump(s.root()));
        Redirect r = s.commands().get(0).redirects().get(0);
        assertEquals("<<", r.operator());
        assertEquals("EOF", r.target().value());
    }

    @Test
    void unterminatedHereDocumentRunsToTheEnd() {
        ShellScript s = parse("cat <<EOF\nrm -rf /\n");
        assertEquals("[cat <<EOF]", ShellTesting.dump(s.root()));
    }

    @Test
    void commentsAndBlankLines() {
        assertEquals("(seq [echo a] NL [b])", tree("echo a # comment && rm\nb"));
        assertEquals("(seq [a] ; [b])", tree("a;# c\n\n\n# d\nb"));
        assertNull(parse("").root());
        assertNull(parse("  \n\t\n").root());
        assertTrue(parse("").complete());
    }

    @Test
    void backslashNewlineBetweenWords() {
        assertEquals("[echo next]", tree("echo \\\nnext"));
        assertEquals("(and [a] && [b])", tree("a \\\n && b"));
    }

    @Test
    void crlfIsWhitespace() {
        assertEquals("(seq [a b] NL [c])", tree("a b\r\nc\r\n"));
        assertEquals("[apt-get update]", tree("apt-get update\r"));
        assertEquals("(seq [[[ -f x ]]] NL [y])", tree("[[ -f x ]]\r\ny"));
    }

    @Test
    void inSubstitutionFlag() {
        List<SimpleCommand> cs = parse("a $(b) `c` <(d)").commands();
        assertEquals(List.of(false, true, true, true), cs.stream().map(SimpleCommand::inSubstitution).toList());
        assertFalse(parse("(a)").commands().get(0).inSubstitution());
    }

    @Test
    void spansOfNodesCoverTheirText() {
        String text = "x=1; (a && b) | c > f";
        ShellScript s = parse(text);
        ShellNode.Sequence seq = (ShellNode.Sequence) s.root();
        assertEquals("x=1", slice(text, seq.elements().get(0)));
        assertEquals("(a && b) | c > f", slice(text, seq.elements().get(1)));
        assertEquals(text, slice(text, seq));
        ShellNode.Pipeline p = (ShellNode.Pipeline) seq.elements().get(1);
        assertEquals("(a && b)", slice(text, p.elements().get(0)));
        assertEquals("c > f", slice(text, p.elements().get(1)));
        assertEquals("> f", text.substring(((SimpleCommand) p.elements().get(1)).redirects().get(0).span()
                .startOffset(), ((SimpleCommand) p.elements().get(1)).redirects().get(0).span().endOffset()));
        assertEquals("if a; then b; fi >x", slice("if a; then b; fi >x", parse("if a; then b; fi >x").root()));
        assertEquals("! a | b", slice("! a | b", parse("! a | b").root()));
    }

    private static String slice(String text, ShellNode node) {
        return text.substring(node.span().startOffset(), node.span().endOffset());
    }
}
