package net.mlcng.cli;

import net.mlcng.lab.Progress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The running lab a verb acts on, shared with {@code @Mixin}: the LAB positional and the engine
 * options to reach it. LAB's index is explicit because picocli keeps a mixin's explicit indexes as
 * they are, so LAB stays the first argument and the verb's own positionals go on from index 1.
 */
public class LabTarget {
    @Mixin
    LabOptions options;

    @Parameters(index = "0", paramLabel = "LAB")
    String lab;

    LabOptions.Session open(Progress progress) {
        return options.open(progress);
    }
}
