package net.mlcng.doctor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One finding of doctor. fix is a one-line remedy (null when ok). A required check that is
 * missing makes doctor exit 3; optional ones only narrow what labs can do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(String name, Status status, boolean required, String detail, String fix) {
    public enum Status {
        OK, MISSING, DEGRADED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Check ok(String name, boolean required, String detail) {
        return new Check(name, Status.OK, required, detail, null);
    }

    public boolean blocking() {
        return required && status == Status.MISSING;
    }
}
