package net.mlcng.daemon.bmx7;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.mlcng.error.OperationFailedException;

/**
 * The text {@code bmx7 -c ...} prints, split into its sections ({@code STATUS:}, {@code LINKS:}, ...).
 * Each row is a map from column name to value. Both of bmx7's layouts are read: {@code show=X}
 * (a header line of column names, then aligned rows) and {@code list=X} (one {@code key=value} row
 * per line). The {@code PARAMETERS:} section has no header; its rows are {@code name}, {@code value},
 * {@code default} and, for sub-parameters such as {@code /rateMax}, {@code parent}.
 * Empty output (a plugin view with nothing to show) gives no sections.
 */
public record Bmx7Output(Map<String, List<Map<String, String>>> sections) {
    private static final Pattern SECTION = Pattern.compile("^([A-Z][A-Z_]*):\\s*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String PARAMETERS = "PARAMETERS";

    public Bmx7Output {
        sections = Map.copyOf(sections);
    }

    /** The rows of one section; empty when bmx7 printed no such section. */
    public List<Map<String, String>> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** The single {@code STATUS} row; fails when bmx7 printed none. */
    public Bmx7Status status() {
        List<Map<String, String>> rows = section("STATUS");
        if (rows.size() != 1) {
            throw new OperationFailedException("bmx7 printed " + rows.size() + " STATUS rows, expected 1");
        }
        return Bmx7Status.from(rows.get(0));
    }

    public List<Bmx7Originator> originators() {
        return section("ORIGINATORS").stream().map(Bmx7Originator::from).toList();
    }

    public List<Bmx7Link> links() {
        return section("LINKS").stream().map(Bmx7Link::from).toList();
    }

    public List<Bmx7Interface> interfaces() {
        return section("INTERFACES").stream().map(Bmx7Interface::from).toList();
    }

    public List<Bmx7Key> keys() {
        return section("KEYS").stream().map(Bmx7Key::from).toList();
    }

    public List<Bmx7Parameter> parameters() {
        return section(PARAMETERS).stream().map(Bmx7Parameter::from).toList();
    }

    /**
     * Parses bmx7's output. Throws {@link Bmx7ViewUnavailableException} when bmx7 refused the view
     * (it needs a plugin that is not loaded) and {@link OperationFailedException} on text that is not
     * bmx7 table output, so garbage never becomes data.
     */
    public static Bmx7Output parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.stream().anyMatch(l -> l.startsWith("ERROR"))) {
            throw Bmx7ViewUnavailableException.fromErrorOutput(text);
        }
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        String section = null;
        List<String> header = null;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            var sectionStart = SECTION.matcher(line);
            if (sectionStart.matches()) {
                section = sectionStart.group(1);
                header = null;
                sections.put(section, new ArrayList<>());
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (section == null) {
                throw malformed(lineNo, "text before the first section header", line);
            }
            List<Map<String, String>> rows = sections.get(section);
            String[] tokens = WHITESPACE.split(trimmed);
            if (section.equals(PARAMETERS)) {
                rows.add(parameterRow(tokens, rows, lineNo, line));
            } else if (isKeyValueRow(tokens)) {
                rows.add(keyValueRow(tokens));
            } else if (header == null) {
                header = List.of(tokens);
            } else if (tokens.length != header.size()) {
                throw malformed(lineNo, "expected " + header.size() + " columns, got " + tokens.length, line);
            } else {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < tokens.length; i++) {
                    row.put(header.get(i), tokens[i]);
                }
                rows.add(row);
            }
        }
        Map<String, List<Map<String, String>>> frozen = new LinkedHashMap<>();
        sections.forEach((name, rows) -> frozen.put(name, List.copyOf(rows)));
        return new Bmx7Output(frozen);
    }

    /** {@code bmx7 -c version} prints one line of {@code key=value} pairs and no section header. */
    static Map<String, String> parseKeyValueLine(String text) {
        String trimmed = text.strip();
        String[] tokens = WHITESPACE.split(trimmed);
        if (trimmed.isEmpty() || !isKeyValueRow(tokens)) {
            throw malformed(1, "expected key=value pairs", text);
        }
        return keyValueRow(tokens);
    }

    private static boolean isKeyValueRow(String[] tokens) {
        for (String t : tokens) {
            if (t.indexOf('=') <= 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> keyValueRow(String[] tokens) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String t : tokens) {
            int eq = t.indexOf('=');
            row.put(t.substring(0, eq), t.substring(eq + 1));
        }
        return row;
    }

    private static Map<String, String> parameterRow(String[] tokens, List<Map<String, String>> rows, int lineNo, String line) {
        if (tokens.length != 3 || !tokens[2].startsWith("(") || !tokens[2].endsWith(")")) {
            throw malformed(lineNo, "expected 'name value (default)'", line);
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", tokens[0]);
        row.put("value", tokens[1]);
        row.put("default", tokens[2].substring(1, tokens[2].length() - 1));
        if (tokens[0].startsWith("/")) {
            // A sub-parameter (e.g. "/rateMax") refines the last top-level parameter above it.
            String parent = rows.stream()
                    .filter(r -> !r.containsKey("parent"))
                    .reduce((a, b) -> b)
                    .map(r -> r.get("name"))
                    .orElseThrow(() -> malformed(lineNo, "sub-parameter without a parameter above it", line));
            row.put("parent", parent);
        }
        return row;
    }

    private static OperationFailedException malformed(int lineNo, String problem, String line) {
        return new OperationFailedException("unexpected bmx7 output, line " + lineNo + ": " + problem + ": '" + line.strip() + "'");
    }
}
