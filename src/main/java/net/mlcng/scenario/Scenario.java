package net.mlcng.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario: which topology, which daemon, how many repetitions, and the ordered steps
 * run in each repetition. {@code file} is where it was read from (for messages and results).
 */
public record Scenario(String name, Path file, TopologySource topology, String daemon, int repetitions, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }

    /** Steps that run inside a repetition (asserts are evaluated once, over all repetitions). */
    public List<Step> repetitionSteps() {
        return steps.stream().filter(s -> !(s instanceof Step.Assert)).toList();
    }

    public List<Step.Assert> asserts() {
        return steps.stream().filter(Step.Assert.class::isInstance).map(Step.Assert.class::cast).toList();
    }

    /** This scenario with another repetition count (the CLI's --repeat). */
    public Scenario withRepetitions(int n) {
        return new Scenario(name, file, topology, daemon, n, steps);
    }
}
