package io.jlint.rules.dockerfile.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.parser.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VariablesTest {

    private static Dockerfile parse(String text) {
        return DockerfileParser.parse("test.Dockerfile", text);
    }

    /** The scope of the instruction that starts on {@code line}. */
    private static Variables.Scope at(Dockerfile df, int line) {
        for (Instruction in : df.instructions()) {
            if (in.line() == line) {
                return Variables.of(df).at(in);
            }
        }
        throw new AssertionError("no instruction on line " + line);
    }

    /** Expands in the scope of the last instruction of a one-stage file whose last line is a LABEL. */
    private static Variables.Expansion expandAtEnd(String dockerfile, String raw) {
        Dockerfile df = parse(dockerfile + "\nLABEL probe=1\n");
        Instruction last = df.instructions().get(df.instructions().size() - 1);
        return Variables.of(df).at(last).expand(raw);
    }

    @Nested
    class Operators {
        private static final String SET = "FROM scratch\nENV FULL=value EMPTY=\n";

        @Test
        void plainReferences() {
            assertEquals("value/value", expandAtEnd(SET, "$FULL/${FULL}").value());
            assertEquals("a-value-b", expandAtEnd(SET, "a-${FULL}-b").value());
            assertEquals("", expandAtEnd(SET, "$EMPTY").value());
        }

        @Test
        void colonMinusUsesTheWordWhenUnsetOrEmpty() {
            assertEquals("value", expandAtEnd(SET, "${FULL:-x}").value());
            assertEquals("x", expandAtEnd(SET, "${EMPTY:-x}").value());
            assertEquals("x", expandAtEnd(SET, "${UNSET:-x}").value());
        }

        @Test
        void minusUsesTheWordOnlyWhenUnset() {
            assertEquals("value", expandAtEnd(SET, "${FULL-x}").value());
            assertEquals("", expandAtEnd(SET, "${EMPTY-x}").value());
            assertEquals("x", expandAtEnd(SET, "${UNSET-x}").value());
        }

        @Test
        void plusForms() {
            assertEquals("x", expandAtEnd(SET, "${FULL:+x}").value());
            assertEquals("", expandAtEnd(SET, "${EMPTY:+x}").value());
            assertEquals("x", expandAtEnd(SET, "${EMPTY+x}").value());
            assertEquals("", expandAtEnd(SET, "${UNSET+x}").value());
            assertEquals("", expandAtEnd(SET, "${UNSET:+x}").value());
        }

        @Test
        void questionFormsResolveOnlyWhenSet() {
            assertEquals("value", expandAtEnd(SET, "${FULL:?missing}").value());
            assertNull(expandAtEnd(SET, "${EMPTY:?missing}").value());
            assertEquals("", expandAtEnd(SET, "${EMPTY?missing}").value());
            assertNull(expandAtEnd(SET, "${UNSET?missing}").value());
        }

        @Test
        void patternAndUnknownFormsStayUnresolved() {
            assertNull(expandAtEnd(SET, "${FULL#val}").value());
            assertNull(expandAtEnd(SET, "${FULL%%ue}").value());
            assertNull(expandAtEnd(SET, "${FULL/a/b}").value());
            assertNull(expandAtEnd(SET, "${FULL^^}").value());
            assertNull(expandAtEnd(SET, "${#FULL}").value());
            assertNull(expandAtEnd(SET, "${FULL").value(), "unterminated");
        }

        @Test
        void nestedWordsAreExpanded() {
            assertEquals("value", expandAtEnd(SET, "${UNSET:-${FULL}}").value());
            assertEquals("value", expandAtEnd(SET, "${FULL:-${UNKNOWN_ARG}}").value(),
                    "an unused word does not make the result unknown");
        }

        @Test
        void anUnusedWordMayBeUnknown() {
            Variables.Expansion x = expandAtEnd("FROM scratch\nARG NODEFAULT\nENV FULL=v", "${FULL:-$NODEFAULT}");
            assertEquals("v", x.value());
        }
    }

    @Nested
    class Quoting {
        private static final String SET = "FROM scratch\nENV V=value\n";

        @Test
        void singleQuotesAreLiteral() {
            assertEquals("$V", expandAtEnd(SET, "'$V'").value());
            assertTrue(expandAtEnd(SET, "'$V'").refs().isEmpty());
        }

        @Test
        void doubleQuotesExpand() {
            assertEquals("a value b", expandAtEnd(SET, "\"a $V b\"").value());
            assertEquals("say \"hi\"", expandAtEnd(SET, "\"say \\\"hi\\\"\"").value());
        }

        @Test
        void escapedDollarIsLiteral() {
            assertEquals("$V", expandAtEnd(SET, "\\$V").value());
            assertEquals("$V", expandAtEnd(SET, "\"\\$V\"").value());
            assertTrue(expandAtEnd(SET, "\\$V").refs().isEmpty());
        }

        @Test
        void backslashBeforeOtherCharactersInDoubleQuotesStays() {
            assertEquals("C:\\dir", expandAtEnd(SET, "\"C:\\dir\"").value());
        }

        @Test
        void backtickEscapeDirective() {
            Dockerfile df = parse("# escape=`\nFROM scratch\nENV V=value\nLABEL probe=1\n");
            Variables.Scope s = Variables.of(df).at(df.instructions().get(2));
            assertEquals("C:\\value", s.expand("C:\\$V").value(), "backslash is an ordinary character");
            assertEquals("$V", s.expand("`$V").value());
        }

        @Test
        void aLoneDollarStays() {
            assertEquals("cost: $ 5 $", expandAtEnd(SET, "cost: $ 5 $").value());
            assertTrue(expandAtEnd(SET, "cost: $ 5 $").refs().isEmpty());
        }

        @Test
        void unterminatedQuotesAreUnresolved() {
            assertNull(expandAtEnd(SET, "'abc").value());
            assertNull(expandAtEnd(SET, "\"abc").value());
        }
    }

    @Nested
    class Scoping {
        @Test
        void globalArgsAreVisibleInFromOnly() {
            Dockerfile df = parse("ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG} AS build\n"
                    + "LABEL x=$TAG\n");
            Variables vars = Variables.of(df);
            assertEquals("alpine:3.20", vars.fromImage(df.stages().get(0)).value());
            assertTrue(vars.fromImage(df.stages().get(0)).overridable(), "ARG defaults can be overridden");
            assertNull(at(df, 4).lookup("TAG"), "not redeclared in the stage");
            assertNull(at(df, 4).expand("$TAG").value());
        }

        @Test
        void redeclaringAGlobalArgTakesItsDefault() {
            Dockerfile df = parse("ARG TAG=3.20\nFROM alpine\nARG TAG\nLABEL x=$TAG\n");
            Variables.Binding b = at(df, 4).lookup("TAG");
            assertNotNull(b);
            assertEquals("3.20", b.value());
            assertEquals(Variables.Origin.ARG, b.origin());
            assertTrue(b.overridable());
        }

        @Test
        void aStageArgDefaultBeatsTheGlobalOne() {
            Dockerfile df = parse("ARG TAG=3.20\nFROM alpine\nARG TAG=edge\nLABEL x=$TAG\n");
            assertEquals("edge", at(df, 4).expand("$TAG").value());
        }

        @Test
        void globalArgsSeeEarlierGlobalArgs() {
            Dockerfile df = parse("ARG V=1\nARG IMAGE=app:$V\nFROM $IMAGE\n");
            assertEquals("app:1", Variables.of(df).fromImage(df.stages().get(0)).value());
        }

        @Test
        void valuesAccumulateInOrder() {
            Dockerfile df = parse("FROM scratch\nENV A=1\nLABEL x=1\nENV A=2 B=$A\nLABEL y=1\nARG C=$B-$A\n"
                    + "LABEL z=1\n");
            assertEquals("1", at(df, 3).expand("$A").value());
            assertEquals("2", at(df, 5).expand("$A").value());
            assertEquals("1", at(df, 5).expand("$B").value(), "pairs of one ENV see the scope before it");
            assertEquals("1-2", at(df, 7).expand("$C").value());
        }

        @Test
        void argPairsSeeEarlierPairsOfTheSameInstruction() {
            Dockerfile df = parse("FROM scratch\nARG A=1 B=${A}0\nLABEL x=1\n");
            assertEquals("10", at(df, 3).expand("$B").value());
        }

        @Test
        void envWinsOverArgOfTheSameName() {
            Dockerfile df = parse("FROM scratch\nENV V=env\nARG V=arg\nLABEL x=1\n");
            assertEquals("env", at(df, 4).expand("$V").value());
        }

        @Test
        void aStageFromAStageInheritsEnvButNotArgs() {
            Dockerfile df = parse("FROM scratch AS base\nARG A=1\nENV E=2\nFROM base\nLABEL x=1\n");
            Variables.Scope s = at(df, 5);
            assertNull(s.lookup("A"));
            assertEquals("2", s.expand("$E").value());
            assertEquals(Variables.Origin.INHERITED_ENV, s.lookup("E").origin());
            assertFalse(s.baseEnvUnknown(), "the chain starts from scratch");
        }

        @Test
        void theScopeIsTheOneBeforeTheInstruction() {
            Dockerfile df = parse("FROM scratch\nENV A=1\n");
            assertNull(at(df, 2).lookup("A"));
            assertEquals("1", Variables.of(df).end(df.stages().get(0)).expand("$A").value());
        }

        @Test
        void fromUsesTheGlobalScope() {
            Dockerfile df = parse("ARG G=1\nFROM scratch\nENV G=2\nFROM scratch\n");
            Variables vars = Variables.of(df);
            assertSame(vars.global(), vars.at(df.stages().get(1).from()));
            assertTrue(vars.global().isGlobal());
        }
    }

    @Nested
    class Unknowns {
        @Test
        void anArgWithoutDefaultIsDeclaredButUnknown() {
            Dockerfile df = parse("FROM scratch\nARG VERSION\nLABEL x=1\n");
            Variables.Scope s = at(df, 3);
            assertTrue(s.isDeclared("VERSION"));
            assertNull(s.expand("v$VERSION").value());
            assertNull(s.expand("${VERSION:-1}").value(), "--build-arg may set it");
        }

        @Test
        void platformArgsAreDefinedGloballyWithUnknownValues() {
            Dockerfile df = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETARCH\n"
                    + "LABEL x=1\nFROM scratch\nLABEL y=1\n");
            Variables vars = Variables.of(df);
            assertTrue(vars.global().isDeclared("BUILDPLATFORM"));
            assertNull(vars.global().expand("$BUILDPLATFORM").value());
            assertTrue(at(df, 3).isDeclared("TARGETARCH"));
            assertFalse(at(df, 5).isDeclared("TARGETARCH"), "not redeclared in the second stage");
        }

        @Test
        void undeclaredNamesMayComeFromTheBaseImage() {
            Dockerfile df = parse("FROM alpine:3.20\nLABEL x=1\nFROM scratch\nLABEL y=1\n");
            Variables.Scope image = at(df, 2);
            Variables.Scope scratch = at(df, 4);
            assertTrue(image.baseEnvUnknown());
            assertFalse(scratch.baseEnvUnknown());
            assertNull(image.expand("${GOPATH:-/go}").value(), "the image may set GOPATH");
            assertEquals("/go", scratch.expand("${GOPATH:-/go}").value());
            assertNull(scratch.expand("$GOPATH").value(), "plain references to unset names stay unresolved");
        }

        @Test
        void pathIsAlwaysDefined() {
            Dockerfile df = parse("FROM scratch\nLABEL x=1\n");
            assertTrue(at(df, 2).isDeclared("PATH"));
            assertNull(at(df, 2).expand("$PATH").value());
        }

        @Test
        void unknownValuesPropagateThroughEnv() {
            Dockerfile df = parse("FROM scratch\nARG V\nENV HOME_DIR=/opt/$V\nLABEL x=1\n");
            Variables.Binding b = at(df, 4).lookup("HOME_DIR");
            assertNotNull(b);
            assertNull(b.value());
        }

        @Test
        void envFromAnArgDefaultIsOverridable() {
            Dockerfile df = parse("FROM scratch\nARG V=1\nENV W=$V\nENV X=2\nLABEL x=1\n");
            Variables.Scope s = at(df, 5);
            assertTrue(s.lookup("W").overridable());
            assertFalse(s.lookup("X").overridable());
            assertTrue(s.expand("$X-$W").overridable());
            assertFalse(s.expand("$X").overridable());
        }

        @Test
        void unresolvedFromImage() {
            Dockerfile df = parse("ARG BASE\nFROM $BASE\n");
            assertNull(Variables.of(df).fromImage(df.stages().get(0)).value());
        }

        @Test
        void instructionsOfAnotherFileGetTheGlobalScope() {
            Dockerfile df = parse("ARG G=1\nFROM scratch\n");
            Dockerfile other = parse("FROM scratch\nLABEL a=b\n");
            Variables vars = Variables.of(df);
            assertSame(vars.global(), vars.at(other.instructions().get(1)));
        }
    }

    @Nested
    class References {
        @Test
        void positionsOperatorsAndGuards() {
            List<Variables.Ref> refs = Variables.references("a$B-${C:-x}${D}", '\\');
            assertEquals(3, refs.size());
            assertEquals(new Variables.Ref("B", null, 1, 3, false, false), refs.get(0));
            assertEquals(new Variables.Ref("C", ":-", 4, 11, true, false), refs.get(1));
            assertEquals(new Variables.Ref("D", null, 11, 15, false, false), refs.get(2));
        }

        @Test
        void nestedReferencesAreListedToo() {
            List<Variables.Ref> refs = Variables.references("${A:-$B}", '\\');
            assertEquals(List.of("A", "B"), refs.stream().map(Variables.Ref::name).toList());
        }

        @Test
        void specialParameters() {
            List<Variables.Ref> refs = Variables.references("$1 $@ ${10} $$", '\\');
            assertEquals(4, refs.size());
            assertTrue(refs.stream().allMatch(Variables.Ref::special));
        }

        @Test
        void patternOperatorsAreNotGuards() {
            Variables.Ref r = Variables.references("${V%%.*}", '\\').get(0);
            assertEquals("%%", r.operator());
            assertFalse(r.guarded());
        }

        @Test
        void predefinedArgs() {
            assertTrue(Variables.isPredefinedArg("HTTP_PROXY"));
            assertTrue(Variables.isPredefinedArg("no_proxy"));
            assertTrue(Variables.isPredefinedArg("BUILDKIT_INLINE_CACHE"));
            assertTrue(Variables.isPredefinedArg("SOURCE_DATE_EPOCH"));
            assertFalse(Variables.isPredefinedArg("TARGETARCH"), "platform ARGs are declared in the global scope");
            assertFalse(Variables.isPredefinedArg("VERSION"));
        }
    }

    @Test
    void everyStageHasAnEndScope() {
        Dockerfile df = parse("FROM scratch AS a\nENV X=1\nFROM a AS b\nENV Y=$X\n");
        Variables vars = Variables.of(df);
        for (Stage s : df.stages()) {
            assertNotNull(vars.end(s));
            assertSame(s, vars.end(s).stage());
        }
        assertEquals("1", vars.end(df.stages().get(1)).expand("$Y").value());
    }
}
