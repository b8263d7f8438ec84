package net.mlcng.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import net.mlcng.error.UsageException;
import picocli.CommandLine.Option;

/** -o FILE: where a verb writes what it produces (standard output when absent). */
public class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    void write(String text, PrintWriter stdout) {
        if (output == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Files.writeString(output, text);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
    }
}
