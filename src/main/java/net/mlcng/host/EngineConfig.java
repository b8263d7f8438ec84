package net.mlcng.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.InputProblem;
import net.mlcng.error.OperationFailedException;

/**
 * dockerd's configuration file ({@code /etc/docker/daemon.json}), edited only to register an OCI
 * runtime; every other setting stays as the administrator wrote it.
 */
public record EngineConfig(Path file) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static EngineConfig host() {
        return new EngineConfig(Path.of("/etc/docker/daemon.json"));
    }

    /** Adds {@code "runtimes": {name: {"path": path}}} unless a runtime of that name is there; true when the file changed. */
    public boolean registerRuntime(String name, String path) {
        ObjectNode config = read();
        ObjectNode runtimes = config.has("runtimes") && config.get("runtimes").isObject()
                ? (ObjectNode) config.get("runtimes") : config.putObject("runtimes");
        if (runtimes.has(name)) return false;
        runtimes.putObject(name).put("path", path);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".mlc-ng.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(config) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OperationFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** dockerd would not start with this file either: the admin's to mend, not ours to overwrite. */
    private static EnvironmentException broken(InputProblem problem) {
        return new EnvironmentException(problem.toString(), "mend the file (dockerd reads it too), then run ./mlc-ng host setup again");
    }

    private ObjectNode read() {
        if (!Files.exists(file)) return JSON.createObjectNode();
        try {
            var tree = JSON.readTree(file.toFile());
            if (tree == null) return JSON.createObjectNode();
            if (!tree.isObject()) throw broken(new InputProblem(file.toString(), 1, 1, null, "dockerd's configuration must be a JSON object"));
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw broken(new InputProblem(file.toString(), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
