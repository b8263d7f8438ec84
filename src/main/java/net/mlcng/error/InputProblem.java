package net.mlcng.error;

/**
 * One thing wrong in an input file, located for the user: {@code file:line:column: field: message}.
 * line and column are 1-based; 0 when unknown (e.g. the file could not be read at all).
 */
public record InputProblem(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) s.append(':').append(column);
        }
        s.append(": ");
        if (field != null && !field.isEmpty()) s.append(field).append(": ");
        return s.append(message).toString();
    }
}
