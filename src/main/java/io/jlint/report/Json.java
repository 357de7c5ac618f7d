package io.jlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;

/** JSON output for the JSON-based formats: pretty-printed, LF line ends, objects (e.g. the image) via Jackson. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonGenerator generator(Writer out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentArraysWith(indenter);
        pp.indentObjectsWith(indenter);
        JsonGenerator g = MAPPER.createGenerator(out);
        g.setPrettyPrinter(pp);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Ends the document with a newline and flushes, leaving {@code out} open. */
    static void finish(JsonGenerator g, Writer out) throws IOException {
        g.flush();
        out.write('\n');
        out.flush();
    }
}
