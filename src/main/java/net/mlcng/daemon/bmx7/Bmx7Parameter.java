package net.mlcng.daemon.bmx7;

import java.util.Map;

/**
 * One line of {@code bmx7 -c parameters}: a configured option, its value, bmx7's default for it
 * ({@code 0} when none) and, for a sub-parameter such as {@code /rateMax}, the option it refines.
 */
public record Bmx7Parameter(String name, String value, String defaultValue, String parent) {
    static Bmx7Parameter from(Map<String, String> row) {
        return new Bmx7Parameter(row.get("name"), row.get("value"), row.get("default"), row.get("parent"));
    }
}
