package net.mlcng.daemon.bmx7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards "tested against every fixture": each recorded file goes through the parser for its kind
 * and yields real data (or the typed refusal); a new fixture without a parser fails here.
 */
class EveryFixtureTest {
    static List<String> fixtures() {
        return Bmx7Fixtures.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parsesIntoData(String file) {
        String text = Bmx7Fixtures.read(file);
        if (file.equals("version.txt")) {
            assertThat(Bmx7Version.parse(text).primaryIp()).startsWith("fd70:");
        } else if (file.startsWith("json/")) {
            assertThat(parseJson(file, text)).isNotNull();
        } else if (file.contains("timeseries")) {
            assertThat(Bmx7Sample.parseSeries(text)).isNotEmpty();
        } else if (file.startsWith("b3_show_") && text.contains("ERROR")) {
            assertThatThrownBy(() -> Bmx7Output.parse(text)).isInstanceOf(Bmx7ViewUnavailableException.class);
        } else if (file.startsWith("b3_plugins_")) {
            assertThat(text).as("recorded plugin views are empty").isEmpty();
            assertThat(Bmx7Output.parse(text).sections()).isEmpty();
        } else if (file.endsWith(".txt")) {
            Bmx7Output out = Bmx7Output.parse(text);
            assertThat(out.sections()).isNotEmpty();
            out.sections().forEach((section, rows) -> assertThat(typed(out, section)).as(section).hasSameSizeAs(rows).isNotEmpty());
        } else {
            fail("fixture " + file + " has no parser test");
        }
    }

    private static Object parseJson(String file, String text) {
        return switch (file) {
            case "json/status.json" -> Bmx7Json.status(text);
            case "json/links.json" -> Bmx7Json.links(text);
            case "json/interfaces.json" -> Bmx7Json.interfaces(text);
            case "json/originator-b3.json" -> Bmx7Json.originator(text);
            case "json/network-graph.json" -> Bmx7Json.networkGraph(text);
            case "json/network-routes.json" -> Bmx7Json.networkRoutes(text);
            default -> fail("json fixture " + file + " has no parser test");
        };
    }

    private static List<?> typed(Bmx7Output out, String section) {
        return switch (section) {
            case "STATUS" -> List.of(out.status());
            case "ORIGINATORS" -> out.originators();
            case "LINKS" -> out.links();
            case "INTERFACES" -> out.interfaces();
            case "KEYS" -> out.keys();
            case "PARAMETERS" -> out.parameters();
            default -> fail("section " + section + " has no typed parser");
        };
    }
}
