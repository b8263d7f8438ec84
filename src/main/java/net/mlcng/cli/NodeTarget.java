package net.mlcng.cli;

import picocli.CommandLine.Parameters;

/** LAB NODE: one node of a running lab, for the verbs that act on a single node ({@code @Mixin}). */
public class NodeTarget extends LabTarget {
    @Parameters(index = "1", paramLabel = "NODE")
    String node;
}
