package net.mlcng.daemon.bmx7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Bmx7OutputTest {
    private static final String B3_IP = "fd70:4bec:d331:adc6:7800:f86:e981:b34d";

    @ParameterizedTest
    @ValueSource(strings = {"b3_show_status.txt", "b3_list_status.txt", "b3_show_status_r_1.txt"})
    void statusInEveryLayout(String file) {
        Bmx7Status s = Bmx7Output.parse(Bmx7Fixtures.read(file)).status();
        assertThat(s.shortId()).isEqualTo("4BECD331");
        assertThat(s.name()).isEqualTo("b3");
        assertThat(s.nodeKey()).isEqualTo("RSA2048");
        assertThat(s.primaryIp()).isEqualTo(B3_IP);
        assertThat(s.tun6Address()).isNull();
        assertThat(s.tun4Address()).isNull();
        assertThat(s.uptime()).isEqualTo(Duration.ofSeconds(61));
        assertThat(s.cpuPercent()).isEqualTo(0.1);
        assertThat(s.neighbours()).isEqualTo(2);
        assertThat(s.routes()).isEqualTo(4);
        assertThat(s.nodes()).isEqualTo(new NodeCount(5, 5));
        assertThat(s.nodes().complete()).isTrue();
    }

    @Test
    void allColumnsStatusCarriesTheNodeId() {
        Bmx7Status s = Bmx7Output.parse(Bmx7Fixtures.read("b3_show_status_r_1.txt")).status();
        assertThat(s.nodeId()).isEqualTo("4BECD331ADC678000F86E981B34D028F0CB6F90453C7696B153862BC");
        assertThat(s.txQueue()).isEqualTo("14/50");
        assertThat(Bmx7Output.parse(Bmx7Fixtures.read("b3_show_status.txt")).status().nodeId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3_show_originators.txt", "b3_list_originators.txt", "b3_show_originators_r_1.txt"})
    void originatorsInEveryLayout(String file) {
        List<Bmx7Originator> o = Bmx7Output.parse(Bmx7Fixtures.read(file)).originators();
        assertThat(o).extracting(Bmx7Originator::name).containsExactly("b1", "b2", "b3", "b4", "b5");
        assertThat(o).extracting(Bmx7Originator::hops).containsExactly(2, 1, 0, 1, 2);
        Bmx7Originator b1 = o.get(0);
        assertThat(b1.primaryIp()).isEqualTo("fd70:6a83:a20b:c1a8:235f:9375:204b:28d5");
        assertThat(b1.dev()).isEqualTo("w2");
        assertThat(b1.nextHopName()).isEqualTo("b2");
        assertThat(b1.nextHopShortId()).isEqualTo("A4CB1695");
        assertThat(b1.metricBitsPerSecond()).isEqualTo(706_000_000L);
        Bmx7Originator self = o.get(2);
        assertThat(self.self()).isTrue();
        assertThat(self.nextHopName()).isNull();
        assertThat(self.metricBitsPerSecond()).isEqualTo(257_000_000_000L);
        assertThat(o.stream().filter(Bmx7Originator::self)).containsExactly(self);
    }

    @Test
    void allColumnsOriginatorsCarryNodeIdAndTrustState() {
        Bmx7Originator b2 = Bmx7Output.parse(Bmx7Fixtures.read("b3_show_originators_r_1.txt")).originators().get(1);
        assertThat(b2.nodeId()).isEqualTo("A4CB16957BC1EC7D6020FFB678EE36C7E9BD7D47205C149CCE5FC1A9");
        assertThat(b2.assessedState()).isEqualTo("neighboringAlien");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3_show_links.txt", "b3_list_links.txt"})
    void links(String file) {
        List<Bmx7Link> links = Bmx7Output.parse(Bmx7Fixtures.read(file)).links();
        assertThat(links).containsExactly(
                new Bmx7Link("A4CB1695", "b2", "DH2048M112", "fe80::98ed:83ff:febd:3678", "w2", 2, 100, 100, null, 1_000_000_000L),
                new Bmx7Link("3CCBB769", "b4", "DH2048M112", "fe80::380b:8fff:feb4:82", "e4", 2, 100, 100, null, 1_000_000_000L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3_show_interfaces.txt", "b3_list_interfaces.txt"})
    void interfaces(String file) {
        List<Bmx7Interface> ifs = Bmx7Output.parse(Bmx7Fixtures.read(file)).interfaces();
        assertThat(ifs).extracting(Bmx7Interface::dev).containsExactly("e4", "w2");
        assertThat(ifs).allMatch(Bmx7Interface::up);
        assertThat(ifs.get(0).localIp()).isEqualTo("fe80::1874:80ff:feac:8067/64");
        assertThat(ifs.get(0).rateMax()).isEqualTo(1_000_000_000L);
        assertThat(ifs.get(1).helloSqn()).isEqualTo(27994);
    }

    @Test
    void keys() {
        List<Bmx7Key> keys = Bmx7Output.parse(Bmx7Fixtures.read("b3_show_keys.txt")).keys();
        assertThat(keys).hasSize(5);
        assertThat(keys.get(2)).isEqualTo(new Bmx7Key("4BECD331", "4BECD331ADC678000F86E981B34D028F0CB6F90453C7696B153862BC",
                "b3", "neighboringQualifying", 9999, "RSA2048", B3_IP, 0));
        assertThat(keys).extracting(Bmx7Key::assessedState)
                .containsExactly("promotedAlien", "neighboringAlien", "neighboringQualifying", "neighboringAlien", "promotedAlien");
    }

    @Test
    void parameters() {
        assertThat(Bmx7Output.parse(Bmx7Fixtures.read("b3_parameters.txt")).parameters()).containsExactly(
                new Bmx7Parameter("dev", "e4", "0", null), new Bmx7Parameter("dev", "w2", "0", null));
    }

    @Test
    void subParametersNameTheOptionTheyRefine() {
        String text = "PARAMETERS:\n dev                    eth2                 (0)\n    /rateMax            100000               (0)\n";
        assertThat(Bmx7Output.parse(text).parameters())
                .containsExactly(new Bmx7Parameter("dev", "eth2", "0", null), new Bmx7Parameter("/rateMax", "100000", "0", "dev"));
    }

    @Test
    void oneOutputWithSeveralSections() {
        Bmx7Output out = Bmx7Output.parse(Bmx7Fixtures.read("b1_after_link_b2b3_down_show.txt"));
        assertThat(out.originators()).extracting(Bmx7Originator::name).containsExactly("b1", "b2");
        Bmx7Status status = out.status();
        assertThat(status.name()).isEqualTo("b1");
        assertThat(status.nodes()).isEqualTo(new NodeCount(2, 5));
        assertThat(status.nodes().complete()).isFalse();
        assertThat(status.uptime()).isEqualTo(Duration.ofMinutes(3).plusSeconds(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3_show_topology.txt", "b3_show_tunnels.txt", "b3_show_descriptions.txt"})
    void refusedViewsAreATypedError(String file) {
        String view = file.replace("b3_show_", "").replace(".txt", "");
        assertThatThrownBy(() -> Bmx7Output.parse(Bmx7Fixtures.read(file)))
                .isInstanceOfSatisfying(Bmx7ViewUnavailableException.class, e -> {
                    assertThat(e.view()).isEqualTo(view);
                    assertThat(e.availableViews()).containsExactly(
                            "contents", "cpu", "credits", "interfaces", "keys", "links", "originators", "references", "status", "trusted");
                    assertThat(e.getMessage()).contains("'" + view + "'");
                });
    }

    @Test
    void refusedViewNamesItsPluginWhenKnown() {
        var e = (Bmx7ViewUnavailableException) catchRefusal("b3_show_topology.txt");
        assertThat(e.plugin()).isEqualTo("bmx7_topology.so");
        assertThat(e.getMessage()).contains("plugin=bmx7_topology.so");
        assertThat(((Bmx7ViewUnavailableException) catchRefusal("b3_show_tunnels.txt")).plugin()).isEqualTo("bmx7_tun.so");
        assertThat(((Bmx7ViewUnavailableException) catchRefusal("b3_show_descriptions.txt")).plugin()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3_plugins_show_topology.txt", "b3_plugins_list_topology.txt", "b3_plugins_show_tunnels.txt"})
    void pluginViewsWithNothingToShowAreEmptyNotErrors(String file) {
        Bmx7Output out = Bmx7Output.parse(Bmx7Fixtures.read(file));
        assertThat(out.sections()).isEmpty();
        assertThat(out.originators()).isEmpty();
        assertThatThrownBy(out::status).isInstanceOf(OperationFailedException.class).hasMessageContaining("0 STATUS rows");
    }

    @Test
    void version() {
        Bmx7Version v = Bmx7Version.parse(Bmx7Fixtures.read("version.txt"));
        assertThat(v).isEqualTo(new Bmx7Version("BMX7-0.2", 21, "0000000",
                "6A83A20BC1A8235F9375204B28D51983FC5B5175103791C382D3F686", "RSA2048",
                "fd70:6a83:a20b:c1a8:235f:9375:204b:28d5", "b1"));
    }

    @Test
    void garbageIsRejectedWithTheLine() {
        assertThatThrownBy(() -> Bmx7Output.parse("bmx7: command not found\n"))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("line 1").hasMessageContaining("command not found");
        assertThatThrownBy(() -> Bmx7Output.parse("LINKS:\nshortId name dev\nA4CB1695 b2\n"))
                .hasMessageContaining("expected 3 columns, got 2");
        assertThatThrownBy(() -> Bmx7Output.parse("STATUS:\nshortId=1 name=b uptime=x cpu=0.1 primaryIp=fd70::1 nbs=1 rts=1 nodes=1/1\n").status())
                .hasMessageContaining("'uptime' is 'x'");
        assertThatThrownBy(() -> Bmx7Version.parse("")).isInstanceOf(OperationFailedException.class);
    }

    private static Exception catchRefusal(String file) {
        try {
            Bmx7Output.parse(Bmx7Fixtures.read(file));
        } catch (Bmx7ViewUnavailableException e) {
            return e;
        }
        throw new AssertionError(file + " was not refused");
    }
}
