package net.mlcng.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Layout of the generated charts, checked on the SVG itself: nothing of the legend or the marker
 * labels is drawn over the plot area or over each other, and long texts stay inside the image.
 * Text extents are measured in DejaVu Sans, the sans-serif Chromium draws with on Debian (fontconfig
 * brings it along with Java), independently of the estimate the charts are laid out with.
 */
class SvgPlotsTest {
    private static final Font SANS = new Font("DejaVu Sans", Font.PLAIN, 100);
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    @BeforeAll
    static void sansIsInstalled() {
        assumeTrue(SANS.getFamily().equals("DejaVu Sans"), "DejaVu Sans is not installed (fonts-dejavu-core): no metrics to check against");
    }

    static double width(String text, double size, boolean bold) {
        return SANS.deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size).getStringBounds(text, CONTEXT).getWidth();
    }

    record Box(double x0, double y0, double x1, double y1) {
        boolean intersects(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }

        boolean inside(Box o) {
            return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1;
        }
    }

    /** One text element: what it shows (without its tooltip), its tooltip, and its estimated box. */
    record Text(String shown, String tooltip, Box box) {}

    @Test
    void stepChartLegendForManySeriesWithLongNamesStaysOutsideThePlotAreaAndInsideTheImage() {
        List<SvgPlots.Series> series = IntStream.rangeClosed(1, 14)
                .mapToObj(i -> new SvgPlots.Series("repetition " + i + " of sample-grid-with-a-rather-long-name (failed)",
                        List.of(new double[] {0, 0}, new double[] {1.5, 9})))
                .toList();
        Svg svg = Svg.parse(SvgPlots.steps("Nodes with a full routing table", "seconds", "nodes", series, 2, 9));

        List<Text> legend = svg.texts().stream().filter(t -> t.shown().startsWith("repetition") || t.shown().endsWith("more")).toList();
        assertThat(legend).as("ten entries and the rest counted").hasSize(11).last().extracting(Text::shown).isEqualTo("+4 more");
        for (Text t : legend) {
            assertThat(t.box().intersects(svg.plotArea())).as("legend text %s over the plot area %s", t, svg.plotArea()).isFalse();
            assertThat(t.box().inside(svg.bounds())).as("legend text %s inside the image %s", t, svg.bounds()).isTrue();
        }
        for (Box swatch : svg.boxes("rect")) assertThat(swatch.intersects(svg.plotArea())).as("legend swatch %s", swatch).isFalse();
        for (int i = 0; i < 10; i++) {
            Text t = legend.get(i);
            assertThat(t.shown()).as("cut with an ellipsis").endsWith("\u2026");
            assertThat(t.tooltip()).as("full name as tooltip").isEqualTo(series.get(i).label());
        }
    }

    @Test
    void histogramMarkerLabelsOfEqualOrCloseValuesDoNotOverprintEachOtherOrTheBars() {
        for (double p95 : new double[] {1.3, 1.32, 1.45}) {
            Svg svg = Svg.parse(SvgPlots.histogram("Tunnel setup", "seconds", List.of(1.0, 1.2, 1.3, 1.3, 1.3, p95), 1.3, p95));
            Text median = svg.text("median");
            Text high = svg.text("p95");
            assertThat(median.box().intersects(high.box())).as("p95 = %s: %s and %s", p95, median, high).isFalse();
            for (Text t : List.of(median, high)) {
                assertThat(t.box().intersects(svg.plotArea())).as("%s over the bars in %s", t, svg.plotArea()).isFalse();
                assertThat(t.box().inside(svg.bounds())).as("%s inside the image", t).isTrue();
            }
        }
    }

    @Test
    void longTitlesAndRowLabelsAreCutToTheImageWithTheFullTextAsTooltip() {
        String title = "Ping replies across the failure of the link between node-with-a-long-name-1 and node-with-a-long-name-2 ".repeat(2);
        String row = "rep 12 node-with-a-long-name-1->node-with-a-long-name-2";
        Svg svg = Svg.parse(SvgPlots.outages(title, List.of(new SvgPlots.OutageRow(row, List.of(0.1, 0.2, 3.5), 1.0, 0.2, 3.5))));

        Text shownTitle = svg.text("Ping replies");
        Text shownRow = svg.text("rep 12");
        for (Text t : List.of(shownTitle, shownRow)) assertThat(t.box().inside(svg.bounds())).as("%s inside %s", t, svg.bounds()).isTrue();
        assertThat(shownRow.box().intersects(svg.plotArea())).as("%s left of the plot area %s", shownRow, svg.plotArea()).isFalse();
        assertThat(shownTitle.tooltip()).isEqualTo(title);
        assertThat(shownRow.tooltip()).isEqualTo(row);
    }

    @Test
    void textsThatFitAreShownWholeWithoutTooltip() {
        Svg svg = Svg.parse(SvgPlots.steps("Nodes with a full routing table", "seconds", "nodes",
                List.of(new SvgPlots.Series("repetition 3 (failed)", List.<double[]>of(new double[] {0, 0}))), 1, 9));
        assertThat(svg.text("repetition")).extracting(Text::shown, Text::tooltip).containsExactly("repetition 3 (failed)", "");
        assertThat(svg.text("Nodes with")).extracting(Text::shown, Text::tooltip).containsExactly("Nodes with a full routing table", "");
    }

    /** A parsed chart: its texts with estimated boxes, and the plot area between its two axes. */
    record Svg(Element root) {
        static Svg parse(String svg) {
            try {
                return new Svg(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement());
            } catch (Exception e) {
                throw new AssertionError("not well-formed SVG: " + svg, e);
            }
        }

        Box bounds() {
            return new Box(0, 0, number(root, "width"), number(root, "height"));
        }

        /** The rectangle between the axes (dark lines): x axis for left, right and bottom, y axis for the top (the image's top without one). */
        Box plotArea() {
            Box area = null;
            double top = 0;
            for (Element line : elements("line")) {
                if (!"#333".equals(line.getAttribute("stroke"))) continue;
                if (number(line, "y1") == number(line, "y2")) area = new Box(number(line, "x1"), 0, number(line, "x2"), number(line, "y1"));
                else top = number(line, "y1");
            }
            assertThat(area).as("x axis").isNotNull();
            return new Box(area.x0(), top, area.x1(), area.y1());
        }

        List<Text> texts() {
            List<Text> texts = new ArrayList<>();
            for (Element e : elements("text")) {
                if (!e.getAttribute("transform").isEmpty()) continue; // the rotated y label
                StringBuilder shown = new StringBuilder();
                String tooltip = "";
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == Node.TEXT_NODE) shown.append(c.getNodeValue());
                    else if (c.getNodeName().equals("title")) tooltip = c.getTextContent();
                }
                double size = number(e, "font-size");
                double width = width(shown.toString(), size, e.getAttribute("font-weight").equals("bold"));
                double x = number(e, "x");
                double x0 = switch (e.getAttribute("text-anchor")) {
                    case "end" -> x - width;
                    case "middle" -> x - width / 2;
                    default -> x;
                };
                double y = number(e, "y");
                texts.add(new Text(shown.toString(), tooltip, new Box(x0, y - 0.8 * size, x0 + width, y + 0.2 * size)));
            }
            return texts;
        }

        Text text(String startingWith) {
            return texts().stream().filter(t -> t.shown().startsWith(startingWith)).findFirst()
                    .orElseThrow(() -> new AssertionError("no text starting with " + startingWith));
        }

        List<Box> boxes(String tag) {
            return elements(tag).stream().map(e -> new Box(number(e, "x"), number(e, "y"), number(e, "x") + number(e, "width"),
                    number(e, "y") + number(e, "height"))).toList();
        }

        private List<Element> elements(String tag) {
            NodeList nodes = root.getElementsByTagName(tag);
            return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
        }

        private static double number(Element e, String attribute) {
            return Double.parseDouble(e.getAttribute(attribute));
        }
    }
}
