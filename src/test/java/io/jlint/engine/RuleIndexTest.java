package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The rule index generated at build time ({@link RuleIndexWriter} writes its source in Maven's compile phase, the
 * process-classes phase compiles it) against what it replaces at run time: the rules the service loader finds and
 * their {@link RuleInfo} annotations.
 */
class RuleIndexTest {

    @Test
    @SuppressWarnings("rawtypes")
    void theIndexHoldsEveryRegisteredRuleWithItsAnnotationValues() {
        List<RuleIndex.Entry> index = RuleIndex.entries();
        assertNotNull(index, RuleIndex.GENERATED + " is compiled (process-classes ran)");
        List<String> registered = new ArrayList<>();
        for (Rule r : ServiceLoader.load(Rule.class, RuleIndexTest.class.getClassLoader())) {
            registered.add(r.getClass().getName());
        }
        assertEquals(registered.stream().sorted().toList(),
                index.stream().map(e -> e.rule().getClass().getName()).sorted().toList(),
                "a stale index: rebuild with mvn process-classes");
        List<String> ids = index.stream().map(e -> e.info().id()).toList();
        assertEquals(ids.stream().sorted(RuleCatalogue.ID_ORDER).toList(), ids, "in rule id order");
        for (RuleIndex.Entry e : index) {
            RuleInfo annotation = e.rule().getClass().getAnnotation(RuleInfo.class);
            assertNotNull(annotation, e.rule().getClass().getName());
            RuleInfo indexed = e.info();
            assertNotSame(annotation, indexed);
            assertEquals(annotation.id(), indexed.id());
            assertEquals(annotation.name(), indexed.name());
            assertEquals(annotation.category(), indexed.category());
            assertEquals(annotation.severity(), indexed.severity());
            assertEquals(annotation.summary(), indexed.summary());
            assertEquals(annotation.fixable(), indexed.fixable());
            assertArrayEquals(annotation.equivalents(), indexed.equivalents());
            // the Annotation contract, both ways
            assertEquals(annotation, indexed);
            assertEquals(indexed, annotation);
            assertEquals(annotation.hashCode(), indexed.hashCode(), e.rule().getClass().getName());
            assertEquals(RuleInfo.class, indexed.annotationType());
            assertSame(indexed, e.rule().info(), "info() answers from the index");
        }
    }

    @Test
    void theStandardCatalogueIsTheIndex() {
        List<Rule<?>> rules = RuleCatalogue.standard().rules();
        assertEquals(RuleIndex.entries().size(), rules.size());
        for (RuleIndex.Entry e : RuleIndex.entries()) {
            assertTrue(rules.contains(e.rule()), e.info().id());
        }
    }

    @Test
    void aRuleWhoseClassInitializerAsksForInfosGetsTheAnnotationsWhileTheIndexIsBuilt() {
        // JL203 builds a catalogue of JL201 in its class initializer, which runs inside the generated initializer
        List<String> ids = RuleIndex.entries().stream().map(e -> e.info().id()).toList();
        assertTrue(ids.contains("JL203") && ids.contains("JL201"), ids.toString());
        assertEquals(ids.size(), RuleCatalogue.standard().rules().size());
    }

    @Test
    void literalsEscapeWhatJavaSourceCannotHoldAsIs() {
        assertEquals("\"a \\\"b\\\" \\\\ \\n\\t é\\u2028\"", RuleIndexWriter.literal("a \"b\" \\ \n\t é\u2028"));
    }
}
