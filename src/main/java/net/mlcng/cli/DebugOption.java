package net.mlcng.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** --debug, accepted on the root and on every verb: show stack traces of errors. */
public class DebugOption {
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;
}
