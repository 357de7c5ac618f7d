package io.jlint.engine;

/** What a rule may know besides its subject: the effective configuration. */
public interface RuleContext {

    Config config();
}
