package net.mlcng.image;

/** Names shared by the image build, the lab engine and doctor. */
public final class NodeImages {
    /** The node image labs use unless a topology names another. */
    public static final String DEFAULT_TAG = "mlc-ng/node:latest";
    /** Image label: "true" when a user-supplied bmx7 is in the image, else "false". */
    public static final String BMX7_LABEL = "net.mlcng.bmx7";
    /** Image label: the version bmx7 reports of itself (absent when the image has no bmx7). */
    public static final String BMX7_VERSION_LABEL = "net.mlcng.bmx7.version";
    /** In a node: the directory daemons are started in, so relative core_pattern cores land there. */
    public static final String CORE_DIR = "/var/lib/mlc-ng/cores";

    private NodeImages() {}
}
