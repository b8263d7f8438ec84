package net.mlcng.daemon.bmx7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;

class Bmx7JsonTest {
    @Test
    void status() {
        Bmx7Status s = Bmx7Json.status(Bmx7Fixtures.read("json/status.json"));
        assertThat(s.name()).isEqualTo("b3");
        assertThat(s.nodeId()).isEqualTo("4BECD331ADC678000F86E981B34D028F0CB6F90453C7696B153862BC");
        assertThat(s.primaryIp()).isEqualTo("fd70:4bec:d331:adc6:7800:f86:e981:b34d");
        assertThat(s.uptime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.cpuPercent()).isEqualTo(0.2);
        assertThat(s.nodes()).isEqualTo(new NodeCount(5, 5));
        assertThat(s.neighbours()).isEqualTo(2);
        assertThat(s.routes()).isEqualTo(2);
        assertThat(s.txQueue()).isEqualTo("35/50");
    }

    @Test
    void links() {
        var links = Bmx7Json.links(Bmx7Fixtures.read("json/links.json"));
        assertThat(links).extracting(Bmx7Link::name).containsExactly("b2", "b4");
        assertThat(links.get(0).rxRate()).isEqualTo(19_607_000L);
        assertThat(links.get(0).txRate()).isNull();
        assertThat(links.get(1).linkKey()).as("'---' is none").isNull();
        assertThat(links.get(1).rxQuality()).isZero();
    }

    @Test
    void interfaces() {
        var ifs = Bmx7Json.interfaces(Bmx7Fixtures.read("json/interfaces.json"));
        assertThat(ifs).extracting(Bmx7Interface::dev).containsExactly("e4", "w2");
        assertThat(ifs.get(0).localIp()).isEqualTo("fe80::1874:80ff:feac:8067/64");
        assertThat(ifs.get(1).helloSqn()).isEqualTo(12732);
    }

    @Test
    void originator() {
        Bmx7Originator o = Bmx7Json.originator(Bmx7Fixtures.read("json/originator-b3.json"));
        assertThat(o.name()).isEqualTo("b3");
        assertThat(o.assessedState()).isEqualTo("neighboringQualifying");
        assertThat(o.self()).isTrue();
        assertThat(o.hops()).isZero();
        assertThat(o.metricBitsPerSecond()).as("-1 is not measured").isNull();
    }

    @Test
    void netJsonGraph() {
        NetJsonGraph g = Bmx7Json.networkGraph(Bmx7Fixtures.read("json/network-graph.json"));
        assertThat(g.type()).isEqualTo("NetworkGraph");
        assertThat(g.protocol()).isEqualTo("BMX7");
        assertThat(g.routerId()).isEqualTo("4BECD331ADC678000F86E981B34D028F0CB6F90453C7696B153862BC");
        assertThat(g.nodes()).extracting(NetJsonGraph.Node::hostname).containsExactlyInAnyOrder("b1", "b2", "b3", "b4", "b5");
        assertThat(g.nodes().get(0).localAddresses()).containsExactly("fd70:3ccb:b769:bf3e:3b3:1371:a79d:fc");
        assertThat(g.links()).isEmpty();
    }

    @Test
    void netJsonRoutes() {
        NetJsonRoutes r = Bmx7Json.networkRoutes(Bmx7Fixtures.read("json/network-routes.json"));
        assertThat(r.type()).isEqualTo("NetworkRoutes");
        assertThat(r.routes()).hasSize(4);
        NetJsonRoutes.Route toB1 = r.routes().get(1);
        assertThat(toB1.destination()).isEqualTo("fd70:6a83:a20b:c1a8:235f:9375:204b:28d5");
        assertThat(toB1.destinationLabel()).isEqualTo("b1.6A83A20B");
        assertThat(toB1.next()).isEqualTo("fe80::98ed:83ff:febd:3678");
        assertThat(toB1.nextLabel()).isEqualTo("b2.A4CB1695");
        assertThat(toB1.device()).isEqualTo("w2");
        assertThat(toB1.costText()).isEqualTo("1/14668Kb/s");
    }

    @Test
    void brokenJsonIsAnOperationError() {
        assertThatThrownBy(() -> Bmx7Json.status("{\"status\": ")).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Bmx7Json.links("{}")).hasMessageContaining("no 'links' member");
    }
}
