package io.jlint.engine;

/**
 * A rule threw while checking a file: a bug in jlint, never the user's fault. The CLI reports it as an internal
 * error (exit status 3) naming the rule and the file, and goes on with the other files.
 */
public class RuleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String path;

    public RuleFailure(String rule, String path, Throwable cause) {
        super("rule " + rule + " failed on " + path + ": " + cause, cause);
        this.rule = rule;
        this.path = path;
    }

    public String rule() {
        return rule;
    }

    public String path() {
        return path;
    }
}
