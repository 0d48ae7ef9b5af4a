package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgExporterTest {

    @Test
    void shouldWriteWellFormedSvgWithOneGroupPerBlockAWirePathAndEscapedText() throws Exception {
        Circuit c = new Circuit("x", null,
                List.of(Block.of("wave", "sine", 0, 0), Block.of("amp", "gain", 300, 0).withLabel("a < b & c")),
                List.of(new Wire(new PortRef("wave", "out"), new PortRef("amp", "in"))),
                List.of(new Comment("n1", 0, 200, 200, 60, "note <1>")));
        String svg = SvgExporter.export(new CircuitGeometry(c, Catalog.standard()), CanvasTheme.LIGHT, false);

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(2, doc.getElementsByTagName("g").getLength() - countIconGroups(svg));
        assertTrue(svg.contains("a &lt; b &amp; c"));
        assertTrue(svg.contains("note &lt;1&gt;"));
        assertTrue(svg.contains("stroke=\"#2f81f7\""), "the number wire has the number colour");
        assertTrue(svg.matches("(?s).*<path d=\"M150\\.0 .*C.*"), "the wire is a curve from the output port");
    }

    private static int countIconGroups(String svg) {
        return svg.split("<g transform=", -1).length - 1;
    }
}
