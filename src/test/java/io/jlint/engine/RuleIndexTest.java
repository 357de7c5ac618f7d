package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The build-time rule index (written by {@link RuleIndexWriter} in Maven's process-classes phase) against what it
 * replaces at run time: the rules the service loader finds and their {@link RuleInfo} annotations.
 */
class RuleIndexTest {

    @Test
    @SuppressWarnings("rawtypes")
    void theIndexListsEveryRegisteredRuleWithItsAnnotationValues() {
        List<RuleIndex.Entry> index = RuleIndex.entries();
        assertNotNull(index, RuleIndex.RESOURCE + " is on the class path (process-classes ran)");
        List<String> registered = new ArrayList<>();
        for (Rule r : ServiceLoader.load(Rule.class, RuleIndexTest.class.getClassLoader())) {
            registered.add(r.getClass().getName());
        }
        assertEquals(registered.stream().sorted().toList(),
                index.stream().map(RuleIndex.Entry::className).sorted().toList(),
                "a stale index: rebuild with mvn process-classes");
        for (RuleIndex.Entry e : index) {
            RuleInfo annotation = annotation(e.className());
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
            assertEquals(annotation.hashCode(), indexed.hashCode(), e.className());
            assertEquals(RuleInfo.class, indexed.annotationType());
        }
    }

    @Test
    void theStandardCatalogueIsBuiltFromTheIndex() {
        RuleCatalogue c = RuleCatalogue.standard();
        assertEquals(RuleIndex.entries().size(), c.rules().size());
        for (Rule<?> r : c.rules()) {
            // info() answers from the index, not from the annotation proxy
            assertTrue(r.info().getClass().getName().startsWith(RuleIndex.class.getName()), r.info().toString());
        }
    }

    @Test
    void linesRoundTripAndBadLinesAreRefused() {
        RuleInfo info = annotation(RuleIndex.entries().get(0).className());
        String line = RuleIndex.line("x.Y", info);
        RuleIndex.Entry back = RuleIndex.parse(line, 1);
        assertEquals("x.Y", back.className());
        assertEquals(info, back.info());

        IllegalStateException short1 = assertThrows(IllegalStateException.class,
                () -> RuleIndex.parse("x.Y\tJL1", 7));
        assertTrue(short1.getMessage().contains(":7:"), short1.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleIndex.parse(line.replace("\tWARNING\t", "\tLOUD\t")
                .replace("\tINFO\t", "\tLOUD\t").replace("\tERROR\t", "\tLOUD\t").replace("\tSTYLE\t", "\tLOUD\t"), 1));
    }

    private static RuleInfo annotation(String className) {
        try {
            RuleInfo a = Class.forName(className).getAnnotation(RuleInfo.class);
            assertNotNull(a, className);
            return a;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
