package net.mlcng.error;

import java.util.List;
import java.util.stream.Collectors;

/** An input file (topology, scenario) has one or more located problems. Exit 2. */
public class InvalidInputException extends UsageException {
    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
