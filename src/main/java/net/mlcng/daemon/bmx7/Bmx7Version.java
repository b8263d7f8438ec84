package net.mlcng.daemon.bmx7;

/** {@code bmx7 -c version}: the daemon's release, protocol compatibility, node identity and primary address. */
public record Bmx7Version(
        String version, int compatibility, String revision, String nodeId, String nodeKey, String primaryIp, String hostname) {

    public static Bmx7Version parse(String text) {
        Fields f = new Fields("version", Bmx7Output.parseKeyValueLine(text));
        return new Bmx7Version(
                f.required("version"),
                f.requiredInt("compatibility"),
                f.text("revision"),
                f.required("id"),
                f.text("nodeKey"),
                f.required("ip"),
                f.text("hostname"));
    }
}
