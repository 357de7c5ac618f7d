package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The class-file reading of {@code @RuleInfo} agrees with reflection for every rule. */
class RuleInfosTest {

    @Test
    void everyRuleReadsAsReflectionSeesIt() {
        int withEquivalents = 0;
        for (Rule<?> rule : RuleCatalogue.standard().rules()) {
            Class<?> type = rule.getClass();
            RuleInfo read = RuleInfos.fromClassFile(type);
            RuleInfo reflected = type.getAnnotation(RuleInfo.class);
            assertNotNull(read, type.getName());
            assertEquals(reflected, read, type.getName());
            assertEquals(read, reflected, type.getName());
            assertEquals(reflected.hashCode(), read.hashCode(), type.getName());
            assertEquals(RuleInfo.class, read.annotationType());
            assertSame(rule.info(), rule.info(), "read once per class");
            withEquivalents += read.equivalents().length > 0 ? 1 : 0;
        }
        assertTrue(withEquivalents > 0, "the rules cover equivalents");
    }

    /** Every member set, with other annotations around it (no rule is fixable yet). */
    @Deprecated(since = "test", forRemoval = false)
    @RuleInfo(id = "T900", name = "every-member", category = Category.ROOT_USER, severity = Severity.ERROR,
            summary = "a summary with \u00e9 and \u4e2d and \uD83D\uDE00", fixable = true,
            equivalents = {"hadolint:DL1", "buildkit:X"})
    @FunctionalInterface
    interface EveryMember {
        void m();
    }

    @Test
    void everyMemberReadsAsReflectionSeesIt() {
        RuleInfo read = RuleInfos.fromClassFile(EveryMember.class);
        assertNotNull(read);
        assertTrue(read.fixable());
        assertEquals(EveryMember.class.getAnnotation(RuleInfo.class), read);
        assertEquals(read, EveryMember.class.getAnnotation(RuleInfo.class));
        assertEquals(EveryMember.class.getAnnotation(RuleInfo.class).hashCode(), read.hashCode());
    }

    @Test
    void arraysAreCopiesAndAbsentAnnotationsAreNull() {
        Rule<?> any = RuleCatalogue.standard().rules().get(0);
        assertNotSame(any.info().equivalents(), any.info().equivalents());
        assertNull(RuleInfos.fromClassFile(RuleInfosTest.class));
        assertNull(RuleInfos.of(RuleInfosTest.class));
        assertNull(RuleInfos.fromClassFile(String.class));
    }
}
