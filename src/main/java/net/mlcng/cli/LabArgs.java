package net.mlcng.cli;

import picocli.CommandLine.Parameters;

/**
 * The LAB positional of the verbs that act on one running lab, shared with {@code @Mixin}. Its
 * index is explicit: picocli keeps a mixin's explicit indexes as they are, so LAB stays the first
 * argument and the verb's own positionals go on from index 1.
 */
public class LabArgs {
    @Parameters(index = "0", paramLabel = "LAB")
    String lab;
}
