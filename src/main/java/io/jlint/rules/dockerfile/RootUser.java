package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who the built image runs as, from its USER instructions and, when there is none, from what is known of the base
 * image. Package-private helper of JL401.
 */
final class RootUser {

    private RootUser() {
    }

    /**
     * Base images known to set a non-root USER in their image config (tags, registries and names as published).
     * Images that start as root and drop privileges in their entrypoint (postgres, redis, mysql, …) are NOT here:
     * their config user is root, which is what the container starts as.
     */
    private static final List<Pattern> NON_ROOT_IMAGES = List.of(
            // distroless :nonroot / :debug-nonroot tags, and anything tagged rootless/nonroot
            Pattern.compile(".*:([^/]*[-_.])?(nonroot|rootless)([-_.][^/]*)?(@.*)?"),
            // Chainguard images run as uid 65532 unless a -dev variant is used
            Pattern.compile("cgr\\.dev/chainguard/[^:@]+(:(?![^@]*dev)[^@]*)?(@.*)?"),
            // Bitnami application images run as uid 1001 (minideb is a plain root base)
            Pattern.compile("(docker\\.io/)?bitnami/(?!minideb)[^:@]+([:@].*)?"),
            Pattern.compile("(docker\\.io/)?nginxinc/nginx-unprivileged([:@].*)?"),
            Pattern.compile("(docker\\.io/)?jenkins/(jenkins|inbound-agent|agent|ssh-agent)([:@].*)?"),
            Pattern.compile("((docker\\.io|quay\\.io)/)?jupyter/[^:@]+([:@].*)?"),
            Pattern.compile("(docker\\.io/)?(library/)?sonarqube([:@].*)?"),
            Pattern.compile("(docker\\.io/)?grafana/grafana(-oss|-enterprise)?([:@].*)?"),
            Pattern.compile("((docker\\.io|quay\\.io)/)?prom/[^:@]+([:@].*)?"),
            Pattern.compile("quay\\.io/prometheus/[^:@]+([:@].*)?"),
            Pattern.compile("quay\\.io/keycloak/keycloak([:@].*)?"),
            Pattern.compile("(docker\\.io/)?(cimg|circleci)/[^:@]+([:@].*)?"),
            Pattern.compile("(docker\\.io/)?gitpod/workspace-[^:@]+([:@].*)?"),
            Pattern.compile("(docker\\.io/)?selenium/[^:@]+([:@].*)?"),
            Pattern.compile("(docker\\.io/)?sonatype/nexus3([:@].*)?"),
            Pattern.compile("(docker\\.io/)?confluentinc/cp-[^:@]+([:@].*)?"),
            Pattern.compile("(docker\\.io/)?apache/airflow([:@].*)?"),
            // .NET chiseled images run as the non-root app user
            Pattern.compile("mcr\\.microsoft\\.com/dotnet/[^:@]+:[^@]*chiseled[^@]*(@.*)?"),
            // Red Hat UBI language/runtime images (s2i) run as uid 1001
            Pattern.compile("registry\\.(access\\.)?redhat\\.(com|io)/ubi[0-9]+/(nodejs|python|php|ruby|perl|"
                    + "openjdk|nginx|httpd|go-toolset|dotnet)[^:@]*([:@].*)?"));

    /** True when {@code image} (lower-case, variables resolved) is known to run as a non-root user. */
    static boolean nonRootImage(String image) {
        for (Pattern p : NON_ROOT_IMAGES) {
            if (p.matcher(image).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The last USER of the chain with the variables in effect there, or null when there is none. */
    record LastUser(Instruction.User user, String resolved) {
    }

    static LastUser lastUser(Dockerfile df, List<Stage> chain) {
        Instruction.User last = null;
        for (Stage s : chain) {
            for (Instruction in : s.instructions()) {
                if (in instanceof Instruction.User u) {
                    last = u;
                }
            }
        }
        if (last == null) {
            return null;
        }
        Map<String, String> vars = BuildChain.vars(df, chain, last);
        String value = last.user() == null ? null : BuildChain.expand(last.user().trim(), vars);
        return new LastUser(last, value);
    }

    /** True when the chain sets a CMD or ENTRYPOINT (the image is meant to run something). */
    static boolean startsSomething(List<Stage> chain) {
        for (Stage s : chain) {
            for (Instruction in : s.instructions()) {
                if (in instanceof Instruction.Cmd || in instanceof Instruction.Entrypoint) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for {@code root}, {@code 0}, {@code root:group}, {@code 0:0}. */
    static boolean isRoot(String user) {
        if (user == null) {
            return false;
        }
        String name = user.trim();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.equals("root") || name.matches("0+");
    }
}
