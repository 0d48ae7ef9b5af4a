package io.visualcircuit.runtime.circuit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardCatalogTest {
    private final Catalog catalog = Catalog.standard();

    /** type | category | execution | ports as name:direction:type | params as name=default. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            constant       | Sources          | NONE           | out:OUT:NUMBER                                   | value=0.0
            sine           | Sources          | JAVA_PROCESS   | out:OUT:NUMBER                                   | frequency=1.0 amplitude=1.0 offset=0.0 phase=0.0
            square         | Sources          | JAVA_PROCESS   | out:OUT:NUMBER                                   | frequency=1.0 amplitude=1.0 duty=0.5
            ramp           | Sources          | JAVA_PROCESS   | out:OUT:NUMBER                                   | slope=1.0 start=0.0
            step           | Sources          | JAVA_PROCESS   | out:OUT:NUMBER                                   | time=1.0 before=0.0 after=1.0
            noise          | Sources          | JAVA_PROCESS   | out:OUT:NUMBER                                   | amplitude=1.0 seed=0
            counter        | Sources          | JAVA_PROCESS   | out:OUT:NUMBER                                   | start=0.0 step=1.0
            clock          | Sources          | JAVA_PROCESS   | out:OUT:BOOLEAN                                  | period=1.0
            text           | Sources          | JAVA_PROCESS   | out:OUT:STRING                                   | value=
            add            | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:NUMBER           |
            subtract       | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:NUMBER           |
            multiply       | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:NUMBER           |
            divide         | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:NUMBER           |
            min            | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:NUMBER           |
            max            | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:NUMBER           |
            gain           | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      | k=1.0
            abs            | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      |
            derivative     | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      |
            clamp          | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      | low=0.0 high=1.0
            compare        | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER out:OUT:BOOLEAN          | op=<
            expression     | Math             | JAVA_PROCESS   | a:IN:NUMBER b:IN:NUMBER c:IN:NUMBER d:IN:NUMBER out:OUT:NUMBER | formula=a
            integrator     | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      | initial=0.0
            moving-average | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      | window=10
            low-pass       | Math             | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      | cutoff=1.0
            and            | Logic            | JAVA_PROCESS   | a:IN:BOOLEAN b:IN:BOOLEAN out:OUT:BOOLEAN        |
            or             | Logic            | JAVA_PROCESS   | a:IN:BOOLEAN b:IN:BOOLEAN out:OUT:BOOLEAN        |
            xor            | Logic            | JAVA_PROCESS   | a:IN:BOOLEAN b:IN:BOOLEAN out:OUT:BOOLEAN        |
            not            | Logic            | JAVA_PROCESS   | in:IN:BOOLEAN out:OUT:BOOLEAN                    |
            rising-edge    | Logic            | JAVA_PROCESS   | in:IN:BOOLEAN out:OUT:BOOLEAN                    |
            toggle         | Logic            | JAVA_PROCESS   | in:IN:BOOLEAN out:OUT:BOOLEAN                    |
            delay          | Logic            | JAVA_PROCESS   | in:IN:ANY out:OUT:ANY                            | seconds=1.0
            pid            | Control          | JAVA_PROCESS   | setpoint:IN:NUMBER measurement:IN:NUMBER out:OUT:NUMBER | kp=1.0 ki=0.0 kd=0.0 min=null max=null
            plant          | Control          | JAVA_PROCESS   | in:IN:NUMBER out:OUT:NUMBER                      | gain=1.0 tau=1.0
            format         | Text             | JAVA_PROCESS   | a:IN:ANY b:IN:ANY c:IN:ANY out:OUT:STRING        | template={a}
            display        | Sinks and inputs | NONE           | in:IN:ANY                                        |
            lamp           | Sinks and inputs | NONE           | in:IN:BOOLEAN                                    |
            plot           | Sinks and inputs | NONE           | in:IN:NUMBER                                     | seconds=10.0
            slider         | Sinks and inputs | NONE           | out:OUT:NUMBER                                   | min=0.0 max=1.0 value=0.0
            switch         | Sinks and inputs | NONE           | out:OUT:BOOLEAN                                  | value=false
            button         | Sinks and inputs | NONE           | out:OUT:BOOLEAN                                  |
            test-pattern   | Image            | JAVA_PROCESS   | out:OUT:IMAGE                                    | width=320 height=240
            image-file     | Image            | JAVA_PROCESS   | out:OUT:IMAGE                                    | path=
            grayscale      | Image            | JAVA_PROCESS   | in:IN:IMAGE out:OUT:IMAGE                        |
            threshold      | Image            | JAVA_PROCESS   | in:IN:IMAGE out:OUT:IMAGE                        | level=128
            image-view     | Image            | NONE           | in:IN:IMAGE                                      |
            python         | Code             | PYTHON_PROCESS |                                                  |
            """)
    void shouldDescribeEveryCoreTypeAsTheContractSays(String id, String category, Execution execution,
                                                      String ports, String params) {
        BlockType t = catalog.find(id).orElseThrow(() -> new AssertionError("missing type " + id));
        assertEquals(category, t.category());
        assertEquals(execution, t.execution());
        assertEquals(30.0, t.defaultRate());
        String actualPorts = t.ports().stream().map(p -> p.name() + ":" + p.direction() + ":" + p.type())
                .collect(Collectors.joining(" "));
        assertEquals(ports == null ? "" : ports, actualPorts);
        String actualParams = t.params().stream().map(p -> p.name() + "=" + (p.defaultValue() == null ? "null"
                : p.defaultValue())).collect(Collectors.joining(" "));
        assertEquals(params == null ? "" : params.replace("value= ", "value=").strip(),
                actualParams.strip());
        assertEquals(id.equals("python"), t.codeBlock());
    }

    @Test
    void shouldListNoTypesBeyondTheContract() {
        assertEquals(46, catalog.types().size());
        assertEquals(List.of("Sources", "Math", "Logic", "Control", "Text", "Sinks and inputs", "Image", "Code"),
                catalog.categories());
    }

    @Test
    void shouldGiveRangesAndUnitsWhereTheyMatter() {
        ParamSpec freq = catalog.find("sine").orElseThrow().param("frequency").orElseThrow();
        assertEquals("Hz", freq.unit());
        assertEquals(0.0, freq.min());
        ParamSpec duty = catalog.find("square").orElseThrow().param("duty").orElseThrow();
        assertEquals(0.0, duty.min());
        assertEquals(1.0, duty.max());
        ParamSpec level = catalog.find("threshold").orElseThrow().param("level").orElseThrow();
        assertEquals(ParamType.INTEGER, level.type());
        assertEquals(255.0, level.max());
        ParamSpec op = catalog.find("compare").orElseThrow().param("op").orElseThrow();
        assertEquals(Set.copyOf(Arrays.asList("<", "<=", ">", ">=", "==", "!=")), Set.copyOf(op.choices()));
        assertEquals("s", catalog.find("plant").orElseThrow().param("tau").orElseThrow().unit());
    }

    @ParameterizedTest(name = "{0}.{1} in [{2}, {3}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "test-pattern | width  | 1     | 4096",
        "test-pattern | height | 1     | 4096",
        "clock        | period | 0.001 | -",
    })
    void shouldOfferOnlyValuesTheBlocksCanHonour(String type, String param, Double min, Double max) {
        ParamSpec spec = catalog.find(type).orElseThrow().param(param).orElseThrow();
        assertEquals(min, spec.min());
        assertEquals(max, spec.max());
        assertTrue(spec.min() > 0, "a non-positive " + type + " " + param + " would not work");
    }

    @Test
    void shouldUseDeclaredPortsForCodeBlocks() {
        Block b = Block.of("p", "python", 0, 0).withPorts(List.of(PortSpec.in("In", PortType.NUMBER)),
                List.of(PortSpec.out("Out", PortType.ARRAY)));
        assertEquals(List.of(PortSpec.in("In", PortType.NUMBER), PortSpec.out("Out", PortType.ARRAY)),
                catalog.portsOf(b));
        assertTrue(catalog.port(b, "Out").isPresent());
    }
}
