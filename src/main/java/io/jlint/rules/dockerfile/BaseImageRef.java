package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.Locale;

/**
 * The image a stage's FROM names, resolved through the global ARGs, split into registry, repository, tag and
 * digest. Helper of the base-image rules (JL600–JL603); not a rule.
 *
 * @param written     the image as written in the FROM line
 * @param resolved    the image after variable expansion
 * @param registry    the registry host ({@code docker.io} for Docker Hub names)
 * @param repository  the repository path without registry, tag and digest
 * @param tag         the tag, or null
 * @param digest      the digest ({@code sha256:…}), or null
 * @param overridable the name came (partly) from an ARG default that {@code --build-arg} can change
 * @param argNote     for an ARG-driven FROM, where the value came from (e.g. " (the default of ARG BASE on line 1)"),
 *                    else ""
 */
record BaseImageRef(String written, String resolved, String registry, String repository, String tag, String digest,
                    boolean overridable, String argNote) {

    /**
     * The image of a stage that starts from an image, or null when the stage starts from another stage or from
     * {@code scratch}, or when its name cannot be resolved or parsed.
     */
    static BaseImageRef of(Dockerfile df, Variables vars, Stage stage) {
        if (stage.baseStage() >= 0 || stage.from() == null || stage.from().image() == null) {
            return null;
        }
        String written = stage.from().image();
        Variables.Expansion x = vars.fromImage(stage);
        if (!x.resolved()) {
            return null;
        }
        String image = x.value().trim();
        if (image.isEmpty() || image.equalsIgnoreCase("scratch") || df.stageByRef(image, stage.index()) != null) {
            return null;
        }
        if (!image.matches("[A-Za-z0-9._/:@+-]+")) {
            return null;
        }
        String digest = null;
        int at = image.indexOf('@');
        String name = image;
        if (at >= 0) {
            digest = image.substring(at + 1);
            name = image.substring(0, at);
        }
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (name.isEmpty() || tag != null && tag.isEmpty()) {
            return null;
        }
        String registry = "docker.io";
        String repository = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.toLowerCase(Locale.ROOT);
                repository = name.substring(slash + 1);
            }
        }
        String note = "";
        if (!written.equals(image)) {
            java.util.Set<String> used = new java.util.LinkedHashSet<>();
            for (Variables.Ref r : x.refs()) {
                Variables.Binding b = vars.global().lookup(r.name());
                if (b != null && b.declaredBy() instanceof Instruction.Arg arg) {
                    used.add("ARG " + r.name() + " on line " + arg.line());
                }
            }
            note = " (" + image + " through the default of "
                    + (used.isEmpty() ? "its ARGs" : String.join(", ", used)) + ")";
        }
        return new BaseImageRef(written, image, registry, repository, tag, digest, x.overridable(), note);
    }

    /** The repository as users write it: {@code ubuntu}, {@code ghcr.io/org/app}. */
    String displayName() {
        return registry.equals("docker.io") ? repository : registry + "/" + repository;
    }
}
