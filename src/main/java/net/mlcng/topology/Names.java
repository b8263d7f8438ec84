package net.mlcng.topology;

/**
 * The naming rules every node and medium name must follow, so that the container name and the
 * interface facing a peer ({@code e<name>}, {@code m<name>}) fit Linux's 15-character limit.
 */
public final class Names {
    public static final int MAX_NODE_NAME = 14;
    public static final int MAX_TOPOLOGY_NAME = 20;
    public static final String NODE_RULE = "^[a-z0-9][a-z0-9-]{0,13}$";
    public static final String TOPOLOGY_RULE = "^[a-z0-9][a-z0-9-]{0,19}$";

    private Names() {}

    /** Why {@code name} is not a valid node or medium name, or null when it is. */
    public static String nodeNameProblem(String name) {
        return problem(name, MAX_NODE_NAME, NODE_RULE);
    }

    /** Why {@code name} is not a valid topology (lab) name, or null when it is. */
    public static String topologyNameProblem(String name) {
        return problem(name, MAX_TOPOLOGY_NAME, TOPOLOGY_RULE);
    }

    private static String problem(String name, int maxLength, String rule) {
        if (name.isEmpty()) return "must not be empty (rule " + rule + ")";
        if (name.length() > maxLength) {
            return "'" + name + "' is " + name.length() + " characters long, at most " + maxLength
                    + " allowed (rule " + rule + ")";
        }
        char first = name.charAt(0);
        if (!isLowerAlnum(first)) {
            return "'" + name + "' must start with a lowercase letter or digit, not '" + first + "' (rule " + rule + ")";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowerAlnum(c) && c != '-') {
                return "'" + name + "' contains '" + c + "'; only lowercase letters, digits and '-' are allowed (rule "
                        + rule + ")";
            }
        }
        return null;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
