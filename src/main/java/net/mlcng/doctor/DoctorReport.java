package net.mlcng.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** Renders doctor's findings as an aligned table for people or JSON for scripts. */
public final class DoctorReport {
    private DoctorReport() {}

    /** The JSON document: ok is false when a required check is missing. */
    record Json(boolean ok, List<Check> checks) {}

    public static boolean blocked(List<Check> checks) {
        return checks.stream().anyMatch(Check::blocking);
    }

    public static String json(List<Check> checks) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new Json(!blocked(checks), checks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("doctor's report is plain data and always serialises", e);
        }
    }

    public static String table(List<Check> checks) {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(5) + 2;
        String indent = " ".repeat(width + 10);
        StringBuilder s = new StringBuilder(String.format("%-" + width + "s%-10s%s%n", "CHECK", "STATUS", "DETAIL"));
        for (Check c : checks) {
            String status = c.status().label() + (c.blocking() ? "!" : "");
            s.append(String.format("%-" + width + "s%-10s%s%n", c.name(), status, c.detail()));
            if (c.fix() != null) s.append(indent).append("fix: ").append(c.fix()).append('\n');
        }
        s.append(blocked(checks)
                ? "Something required is missing (marked !): labs cannot run until it is fixed.\n"
                : "Everything labs require is there.\n");
        return s.toString();
    }
}
