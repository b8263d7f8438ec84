package net.mlcng.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into nodes that remember their line and column, so validation can point
 * at the exact field. MERGE NOTE: the topology loader (branch topology) brings its own located
 * YAML reading; once merged, scenario loading should switch to it and this class goes away.
 */
sealed interface YamlTree {
    int line();

    int column();

    /** A mapping; keys keep the file's order and their own positions. */
    record Mapping(Map<String, YamlTree> entries, Map<String, int[]> keyPositions, int line, int column)
            implements YamlTree {}

    record Sequence(List<YamlTree> items, int line, int column) implements YamlTree {}

    /** Any scalar as its text (null for YAML null); typing is the loader's job so it can say what it expected. */
    record Scalar(String text, int line, int column) implements YamlTree {}

    /** Thrown for malformed YAML, located where the parser stopped. */
    final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    static YamlTree parse(String text) throws SyntaxError {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new Scalar(null, 1, 1);
            return read(p);
        } catch (SyntaxErrorWrapper w) {
            throw w.error;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "malformed YAML" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new SyntaxError("malformed YAML: " + msg, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new SyntaxError("cannot read YAML: " + e.getMessage(), 0, 0);
        }
    }

    private static YamlTree read(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlTree> entries = new LinkedHashMap<>();
            Map<String, int[]> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation k = p.currentTokenLocation();
                if (entries.containsKey(key)) {
                    throw new SyntaxErrorWrapper(new SyntaxError("duplicate key '" + key + "'", k.getLineNr(), k.getColumnNr()));
                }
                keys.put(key, new int[] {k.getLineNr(), k.getColumnNr()});
                p.nextToken();
                entries.put(key, read(p));
            }
            return new Mapping(entries, keys, line, col);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlTree> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p));
            return new Sequence(items, line, col);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), line, col);
    }

    /** Carries a located duplicate-key error out of the recursive reader. */
    final class SyntaxErrorWrapper extends IOException {
        final SyntaxError error;

        SyntaxErrorWrapper(SyntaxError error) {
            super(error.getMessage());
            this.error = error;
        }
    }
}
