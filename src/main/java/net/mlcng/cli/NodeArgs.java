package net.mlcng.cli;

import picocli.CommandLine.Parameters;

/** LAB NODE: the positionals of the verbs that act on one node of a running lab ({@code @Mixin}). */
public class NodeArgs extends LabArgs {
    @Parameters(index = "1", paramLabel = "NODE")
    String node;
}
