package net.mlcng.topology.export;

import java.util.function.Function;
import net.mlcng.topology.Topology;

/** The drawing and interchange formats a topology can be exported to. */
public enum GraphFormat {
    DOT(DotExporter::export),
    MERMAID(MermaidExporter::export),
    NETJSON(NetJsonExporter::export),
    SVG(SvgExporter::export);

    private final Function<Topology, String> exporter;

    GraphFormat(Function<Topology, String> exporter) {
        this.exporter = exporter;
    }

    public String export(Topology t) {
        return exporter.apply(t);
    }
}
