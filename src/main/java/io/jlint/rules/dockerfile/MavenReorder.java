package io.jlint.rules.dockerfile;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JL101 reorder for {@code mvn dependency:go-offline} (and {@code dependency:resolve},
 * {@code dependency:resolve-plugins}; also through {@code ./mvnw}): pom.xml is copied first, with the project's
 * {@code .mvn/} folder (maven.config, jvm.config, extensions, the wrapper) and {@code mvnw}. Refused for a
 * multi-module build ({@code <modules>}), a parent POM found inside the project ({@code <relativePath>}), profiles
 * activated by files, system-scoped dependencies and {@code file:} repositories: each reads other files of the
 * project. A goal invoked directly runs no lifecycle phase, so no plugin bound to the build sees the source tree.
 */
final class MavenReorder implements DependencyReorder.Ecosystem {

    private static final Pattern GOAL = Pattern.compile(
            "(dependency|org\\.apache\\.maven\\.plugins:maven-dependency-plugin(:[\\w.-]+)?):"
                    + "(go-offline|resolve|resolve-plugins)");
    private static final Set<String> FLAGS = Set.of("-B", "--batch-mode", "-q", "--quiet", "-ntp",
            "--no-transfer-progress", "-U", "--update-snapshots", "-e", "--errors", "-X", "--debug", "-V",
            "--show-version", "-C", "--strict-checksums", "-c", "--lax-checksums", "-fae", "--fail-at-end", "-ff",
            "--fail-fast", "-fn", "--fail-never", "-nsu", "--no-snapshot-updates");
    private static final Set<String> VALUED = Set.of("-T", "--threads", "-P", "--activate-profiles", "--color");

    @Override
    public void check(ReorderContext ctx, Argv a, List<Argv> companions) {
        ctx.checkEnv(Set.of("MAVEN_PROJECTBASEDIR"), List.of("MAVEN_OPTS", "MAVEN_ARGS", "MAVEN_CONFIG",
                "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "MVNW_", "MAVEN_USER_HOME"));
        List<String> args = a.args();
        boolean goal = false;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (GOAL.matcher(s).matches()) {
                goal = true;
            } else if (FLAGS.contains(s)) {
                continue;
            } else if (VALUED.contains(s)) {
                i++;
            } else if (s.startsWith("--color=") || s.matches("-T\\d.*")) {
                continue;
            } else if (s.startsWith("-D")) {
                String prop = s.length() > 2 ? s.substring(2) : i + 1 < args.size() ? args.get(++i) : "";
                int eq = prop.indexOf('=');
                ctx.checkValue(eq < 0 ? "" : prop.substring(eq + 1), "the property " + prop);
            } else if ((s.equals("-f") || s.equals("--file")) && i + 1 < args.size()
                    && ReorderContext.clean(args.get(i + 1)) != null
                    && ReorderContext.clean(args.get(i + 1)).equals("pom.xml")) {
                i++;
            } else if (s.startsWith("-")) {
                throw ReorderContext.refused("jlint does not know what `mvn " + s + "` reads");
            } else {
                throw ReorderContext.refused("mvn " + s + " is not a dependency download: it may build the source tree");
            }
        }
        if (!goal) {
            throw ReorderContext.refused("only mvn dependency:go-offline, dependency:resolve and"
                    + " dependency:resolve-plugins are moved");
        }
        if (a.program().equals("mvnw")) {
            ctx.copy("mvnw"); // the wrapper script runs from the context
        }
        ctx.copy("pom.xml");
        pom(ctx.read("pom.xml"));
        if (ctx.has(".mvn")) {
            ctx.copyDirectory(".mvn");
            for (String f : List.of(".mvn/maven.config", ".mvn/jvm.config")) {
                if (ctx.hasFile(f)) {
                    ctx.checkValue(ctx.read(f), f);
                }
            }
        }
    }

    private static void pom(String text) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // fatal errors throw, nothing is printed
            doc = b.parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw ReorderContext.refused("pom.xml is not XML jlint can read");
        }
        if (doc.getElementsByTagName("module").getLength() > 0) {
            throw ReorderContext.refused("pom.xml is a multi-module build (<modules>), whose modules are read from the"
                    + " context");
        }
        NodeList rel = doc.getElementsByTagName("relativePath");
        for (int i = 0; i < rel.getLength(); i++) {
            String p = rel.item(i).getTextContent().strip();
            if (!p.isEmpty() && !p.startsWith("..")) {
                throw ReorderContext.refused("pom.xml takes its parent from " + p + " in the context");
            }
        }
        NodeList activations = doc.getElementsByTagName("activation");
        for (int i = 0; i < activations.getLength(); i++) {
            if (((Element) activations.item(i)).getElementsByTagName("file").getLength() > 0) {
                throw ReorderContext.refused("pom.xml activates a profile by a file's presence");
            }
        }
        if (doc.getElementsByTagName("systemPath").getLength() > 0) {
            throw ReorderContext.refused("pom.xml has a system-scoped dependency read from a path");
        }
        NodeList urls = doc.getElementsByTagName("url");
        for (int i = 0; i < urls.getLength(); i++) {
            String parent = urls.item(i).getParentNode().getNodeName();
            String u = urls.item(i).getTextContent().strip();
            if ((parent.equals("repository") || parent.equals("pluginRepository")) && !u.matches("https?://.+")) {
                throw ReorderContext.refused("pom.xml has a repository at " + u + ", which may be in the context");
            }
        }
    }
}
