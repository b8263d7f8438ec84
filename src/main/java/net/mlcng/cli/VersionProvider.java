package net.mlcng.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into version.properties at build time. */
public class VersionProvider implements IVersionProvider {
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/net/mlcng/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // Fall through to "unknown": a missing version must not stop the CLI.
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mlc-ng " + version()};
    }
}
