package io.jlint.report;

import io.jlint.engine.Finding;
import io.jlint.engine.RuleInfo;
import java.io.IOException;
import java.io.Writer;

/**
 * JUnit XML (what CI test tabs show): one {@code <testsuite>} per input; one failing {@code <testcase>} per
 * finding, or one passing test case named {@code jlint} when the input has none, so clean inputs are counted too.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        int tests = 0;
        for (Result r : report.results()) {
            tests += Math.max(1, r.findings().size());
        }
        int failures = report.findingCount();
        out.write(Xml.HEADER);
        out.write("<testsuites name=\"jlint\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\">\n");
        TtyReporter plain = new TtyReporter(false);
        for (Result r : report.results()) {
            String path = Xml.esc(r.path());
            int n = r.findings().size();
            out.write("  <testsuite name=\"" + path + "\" tests=\"" + Math.max(1, n) + "\" failures=\"" + n
                    + "\" errors=\"0\" skipped=\"0\">\n");
            if (n == 0) {
                out.write("    <testcase classname=\"" + path + "\" name=\"jlint\"/>\n");
            }
            for (Finding f : r.findings()) {
                RuleInfo info = report.rule(f.rule());
                String name = f.rule() + (info != null ? " " + info.name() : "") + " at " + Where.position(f);
                out.write("    <testcase classname=\"" + path + "\" name=\"" + Xml.esc(name) + "\">\n");
                out.write("      <failure message=\"" + Xml.esc(f.message()) + "\" type=\"" + f.severity().id()
                        + "\">" + Xml.esc(plain.line(r.path(), f)) + "</failure>\n");
                out.write("    </testcase>\n");
            }
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
        out.flush();
    }
}
