package io.jlint.dockerfile.shell;

import static io.jlint.dockerfile.shell.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Words: quote removal, escapes, expansions kept as written, the literal flag, assignments. */
class ShellParserWordsTest {

    /** The single argument of {@code echo ARG}. */
    private static Word arg(String written) {
        ShellScript s = parse("echo " + written);
        assertTrue(s.complete(), "complete parse of " + written);
        List<Word> words = s.commands().get(0).words();
        assertEquals(2, words.size(), "one argument in " + written);
        return words.get(1);
    }

    private static void assertWord(String written, String value, boolean literal) {
        Word w = arg(written);
        assertEquals(written, w.raw(), "raw");
        assertEquals(value, w.value(), "value of " + written);
        assertEquals(literal, w.literal(), "literal of " + written);
    }

    @Test
    void plainAndQuotedWords() {
        assertWord("abc", "abc", true);
        assertWord("'a b'", "a b", true);
        assertWord("\"a b\"", "a b", true);
        assertWord("'it'\\''s'", "it's", true);
        assertWord("a'b'\"c\"d", "abcd", true);
        assertWord("''", "", true);
        assertWord("\"\"", "", true);
        assertWord("'$HOME *'", "$HOME *", true);
    }

    @Test
    void backslashOutsideQuotesQuotesTheNextCharacter() {
        assertWord("a\\ b", "a b", true);
        assertWord("\\*", "*", true);
        assertWord("\\$HOME", "$HOME", true);
        assertWord("\\\\", "\\", true);
        assertWord("a\\\nb", "ab", true);
    }

    @Test
    void backslashInsideDoubleQuotesFollowsPosix() {
        // only $ ` " \ and newline are escapable; any other backslash stays
        assertWord("\"a\\\"b\"", "a\"b", true);
        assertWord("\"a\\\\b\"", "a\\b", true);
        assertWord("\"\\$x\"", "$x", true);
        assertWord("\"\\`x\\`\"", "`x`", true);
        assertWord("\"a\\nb\"", "a\\nb", true);
        assertWord("\"a\\\nb\"", "ab", true);
    }

    @Test
    void ansiCQuotes() {
        assertWord("$'a\\tb'", "a\tb", true);
        assertWord("$'\\x41\\101\\u00e9\\n'", "AA\u00e9\n", true);
        assertWord("$'it\\'s'", "it's", true);
        assertWord("$'\\cA\\e\\q'", "\u0001\u001b\\q", true);
        assertWord("$\"hello\"", "hello", true);
        // inside double quotes $' is not special
        assertWord("\"$'x'\"", "$'x'", true);
    }

    @Test
    void expansionsAreKeptAsWritten() {
        assertWord("$HOME", "$HOME", false);
        assertWord("\"$HOME\"", "$HOME", false);
        assertWord("${HOME}/x", "${HOME}/x", false);
        assertWord("$1$@$#$?$$", "$1$@$#$?$$", false);
        assertWord("\"${A:-${B:-\"x}y\"}}\"", "${A:-${B:-\"x}y\"}}", false);
        assertWord("${x//\\}/y}", "${x//\\}/y}", false);
        assertWord("$(echo \"a b\" | tr a b)", "$(echo \"a b\" | tr a b)", false);
        assertWord("\"$(echo \")\")\"", "$(echo \")\")", false);
        assertWord("$((1 + (2 * 3)))", "$((1 + (2 * 3)))", false);
        assertWord("`uname -m`", "`uname -m`", false);
        assertWord("\"v=`uname -m`\"", "v=`uname -m`", false);
        assertWord("<(sort a)", "<(sort a)", false);
    }

    @Test
    void aDollarThatExpandsNothingIsLiteral() {
        assertWord("a$", "a$", true);
        assertWord("$%", "$%", true);
        assertWord("\"$\"", "$", true);
    }

    @Test
    void globsBracesAndTildesAreNotLiteral() {
        assertWord("*.txt", "*.txt", false);
        assertWord("a?b", "a?b", false);
        assertWord("[ab]", "[ab]", false);
        assertWord("{a,b}", "{a,b}", false);
        assertWord("{1..3}", "{1..3}", false);
        assertWord("~/x", "~/x", false);
        assertWord("\"*.txt\"", "*.txt", true);
        assertWord("'~/x'", "~/x", true);
        assertWord("{}", "{}", true);
        assertWord("{x}", "{x}", true);
        assertWord("[", "[", true);
        assertWord("a=b", "a=b", true);
    }

    @Test
    void hashStartsACommentOnlyAtTheStartOfAWord() {
        ShellScript s = parse("echo a#b # c d");
        assertEquals(List.of("a#b"), s.commands().get(0).args());
        assertEquals(List.of("#x"), parse("echo '#x'").commands().get(0).args());
        assertEquals(List.of(), parse("# only a comment").commands());
        assertEquals(null, parse("# only a comment").root());
    }

    @Test
    void assignmentsBeforeTheCommandName() {
        SimpleCommand c = parse("A=1 B=\"two words\" C+=x D=$(pwd) E=~/x cmd F=1").commands().get(0);
        assertEquals(List.of("A", "B", "C", "D", "E"), c.assignments().stream().map(Assignment::name).toList());
        assertEquals(List.of("1", "two words", "x", "$(pwd)", "~/x"),
                c.assignments().stream().map(a -> a.value().value()).toList());
        assertEquals(List.of(true, true, true, false, false),
                c.assignments().stream().map(a -> a.value().literal()).toList());
        assertEquals("\"two words\"", c.assignments().get(1).value().raw());
        assertEquals(List.of("cmd", "F=1"), c.words().stream().map(Word::value).toList());
        assertEquals("cmd", c.program());
    }

    @Test
    void globCharactersInAnAssignmentValueAreNotExpanded() {
        Assignment a = parse("A=*.txt").commands().get(0).assignments().get(0);
        assertEquals("*.txt", a.value().value());
        assertTrue(a.value().literal());
    }

    @Test
    void aBareAssignmentIsACommandWithoutWords() {
        SimpleCommand c = parse("DEBIAN_FRONTEND=noninteractive").commands().get(0);
        assertEquals(1, c.assignments().size());
        assertTrue(c.words().isEmpty());
        assertEquals("", c.program());
    }

    @Test
    void quotedOrInvalidNamesAreNotAssignments() {
        assertEquals("\"A\"=b", parse("\"A\"=b").commands().get(0).words().get(0).raw());
        assertEquals("1A=b", parse("1A=b").commands().get(0).words().get(0).value());
        assertEquals("=b", parse("=b").commands().get(0).words().get(0).value());
        assertFalse(parse("A\\=b").commands().get(0).words().isEmpty());
    }

    @Test
    void arrayAssignmentIsOneWord() {
        SimpleCommand c = parse("arr=(a 'b c' \"$d\") cmd").commands().get(0);
        assertEquals("arr", c.assignments().get(0).name());
        assertEquals("(a 'b c' \"$d\")", c.assignments().get(0).value().value());
        assertFalse(c.assignments().get(0).value().literal());
        assertEquals("cmd", c.program());
    }

    @Test
    void programIsTheBasename() {
        assertEquals("apt-get", parse("/usr/bin/apt-get install x").commands().get(0).program());
        assertEquals("apt-get", parse("'apt-get' install x").commands().get(0).program());
    }
}
