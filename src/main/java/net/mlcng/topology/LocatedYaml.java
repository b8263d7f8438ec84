package net.mlcng.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.mlcng.error.InputProblem;
import net.mlcng.error.InvalidInputException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document read into a small tree that remembers where every key and value stood, so that
 * validation can point the user at the exact line and column. Jackson's own tree drops locations,
 * hence this streaming reader. Size, nesting depth and duplicate keys are checked here, before any
 * interpretation, so hostile or broken files fail fast with a located message. Topology and
 * scenario files are both read through here, so both get the same limits.
 */
public final class LocatedYaml {
    /** Larger files are refused before parsing: no topology or scenario needs more, and parsing them costs memory. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Our files nest a handful of levels; anything deeper is a broken or hostile file. */
    static final int MAX_DEPTH = 32;

    public record Loc(int line, int column) {}

    public sealed interface YNode permits YMap, YList, YScalar {
        Loc loc();

        /** What kind of YAML value this is, for "expected X, found Y" messages. */
        String describe();
    }

    public record YEntry(String key, Loc keyLoc, YNode value) {}

    public record YMap(Loc loc, Map<String, YEntry> entries) implements YNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    public record YList(Loc loc, List<YNode> items) implements YNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar with its YAML-resolved type (string, int, float, boolean or null token). */
    public record YScalar(Loc loc, String text, JsonToken token) implements YNode {
        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        public boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        public String describe() {
            return switch (token) {
                case VALUE_NULL -> "nothing (null)";
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
                default -> "the text '" + text + "'";
            };
        }
    }

    private final String file;
    private final JsonParser parser;
    private final List<InputProblem> problems;

    private LocatedYaml(String file, JsonParser parser, List<InputProblem> problems) {
        this.file = file;
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * Reads the single YAML document in {@code path}. Duplicate keys are added to {@code problems}
     * (the first occurrence wins); anything that stops reading altogether throws.
     */
    public static YNode read(Path path, List<InputProblem> problems) {
        String file = path.toString();
        return parse(readText(path, file), file, problems);
    }

    /** As {@link #read(Path, List)}, for text already in memory (e.g. a bundled resource); {@code file} names it in messages. */
    public static YNode parse(String text, String file, List<InputProblem> problems) {
        LoaderOptions loader = new LoaderOptions();
        loader.setNestingDepthLimit(MAX_DEPTH + 2);
        loader.setCodePointLimit((int) MAX_FILE_BYTES);
        loader.setMaxAliasesForCollections(20);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                // "n3:" with nothing after it means "no settings", not the empty string.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 2)
                        .maxStringLength((int) MAX_FILE_BYTES)
                        .maxNumberLength(100)
                        .build())
                .build();
        try (JsonParser p = factory.createParser(text)) {
            LocatedYaml reader = new LocatedYaml(file, p, problems);
            if (p.nextToken() == null) {
                throw new InvalidInputException(new InputProblem(file, 1, 1, "", "the file holds no YAML document"));
            }
            YNode root = reader.value(0);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InvalidInputException(new InputProblem(
                        file, l.getLineNr(), l.getColumnNr(), "", "expected one YAML document, found a second one"));
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation l = e.getLocation();
            int line = l == null ? 0 : Math.max(0, l.getLineNr());
            int column = l == null ? 0 : Math.max(0, l.getColumnNr());
            throw new InvalidInputException(
                    new InputProblem(file, line, column, "", "not valid YAML: " + summary(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) throw invalid;
            // SnakeYAML can throw its own unchecked errors on garbage input; report, never crash.
            throw new InvalidInputException(new InputProblem(file, 0, 0, "", "not valid YAML: " + summary(e.getMessage())));
        }
    }

    private static String readText(Path path, String file) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(new InputProblem(file, 0, 0, "",
                        "file is " + size + " bytes; input files are limited to " + MAX_FILE_BYTES + " bytes"));
            }
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(new InputProblem(file, 0, 0, "", "not UTF-8 text (binary file?)"));
        } catch (IOException e) {
            throw new InvalidInputException(new InputProblem(file, 0, 0, "", "cannot read file: " + e.getMessage()));
        }
    }

    /** SnakeYAML messages repeat the source snippet over several lines; keep the sentences only. */
    private static String summary(String message) {
        if (message == null || message.isBlank()) return "unreadable input";
        String kept = message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
        return kept.isEmpty() ? message.strip() : kept;
    }

    private Loc here() {
        JsonLocation l = parser.currentTokenLocation();
        return new Loc(l.getLineNr(), l.getColumnNr());
    }

    /** Reads the value starting at the current token. */
    private YNode value(int depth) throws IOException {
        Loc loc = here();
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(new InputProblem(
                    file, loc.line(), loc.column(), "", "nested deeper than " + MAX_DEPTH + " levels"));
        }
        // Anchors/aliases and tags have no meaning in our files; Jackson would silently read
        // an alias as its name and drop a tag, so reject both rather than misread the file.
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new InvalidInputException(new InputProblem(file, loc.line(), loc.column(), "",
                    "YAML aliases (*" + yaml.getText() + ") are not supported; write the value out"));
        }
        if (parser.getTypeId() != null) {
            throw new InvalidInputException(new InputProblem(file, loc.line(), loc.column(), "",
                    "YAML tags (" + parser.getTypeId() + ") are not supported; remove the tag"));
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YEntry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Loc keyLoc = here();
                    parser.nextToken();
                    YNode v = value(depth + 1);
                    YEntry previous = entries.get(key);
                    if (previous != null) {
                        problems.add(new InputProblem(file, keyLoc.line(), keyLoc.column(), key,
                                "duplicate key (first given at line " + previous.keyLoc().line() + ")"));
                    } else {
                        entries.put(key, new YEntry(key, keyLoc, v));
                    }
                }
                return new YMap(loc, entries);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(depth + 1));
                }
                return new YList(loc, items);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                return new YScalar(loc, parser.getText(), token);
            }
            default -> throw new InvalidInputException(new InputProblem(
                    file, loc.line(), loc.column(), "", "unsupported YAML content (" + token + ")"));
        }
    }
}
