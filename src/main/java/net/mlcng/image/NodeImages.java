package net.mlcng.image;

/** Names shared by the image build, the lab engine and doctor. */
public final class NodeImages {
    /** The node image labs use unless a topology names another. */
    public static final String DEFAULT_TAG = "mlc-ng/node:latest";
    /** Image label: "true" when a user-supplied bmx7 is in the image, else "false". */
    public static final String BMX7_LABEL = "net.mlcng.bmx7";

    private NodeImages() {}
}
