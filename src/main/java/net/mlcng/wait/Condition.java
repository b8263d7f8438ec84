package net.mlcng.wait;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Something to wait for. {@link #check()} looks once and says whether it holds and, if not, what
 * is still missing (that text ends up in the timeout error, so make it specific).
 */
@FunctionalInterface
public interface Condition {
    Status check();

    /** One look at a condition: satisfied, or not yet and why. */
    record Status(boolean satisfied, String detail) {
        public static final Status OK = new Status(true, "");

        public static Status notYet(String detail) {
            return new Status(false, detail);
        }
    }

    /** A condition from a plain test and a fixed description of what it waits for. */
    static Condition of(String description, BooleanSupplier test) {
        return () -> test.getAsBoolean() ? Status.OK : Status.notYet(description);
    }

    /** Holds when every one of {@code conditions} holds; reports all that do not yet. */
    static Condition allOf(List<Condition> conditions) {
        return () -> {
            List<String> missing = new ArrayList<>();
            for (Condition c : conditions) {
                Status s = c.check();
                if (!s.satisfied()) missing.add(s.detail());
            }
            return missing.isEmpty() ? Status.OK : Status.notYet(String.join("; ", missing));
        };
    }

    default Condition and(Condition other) {
        return allOf(List.of(this, other));
    }
}
