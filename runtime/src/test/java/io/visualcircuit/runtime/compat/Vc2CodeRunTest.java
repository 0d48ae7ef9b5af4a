package io.visualcircuit.runtime.compat;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStats;
import io.visualcircuit.runtime.run.CircuitRunner;
import io.visualcircuit.runtime.run.Run;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.visualcircuit.runtime.compat.CompatCircuits.WAIT;
import static io.visualcircuit.runtime.compat.CompatCircuits.await;
import static io.visualcircuit.runtime.compat.CompatCircuits.awaitSample;
import static io.visualcircuit.runtime.compat.CompatCircuits.circuit;
import static io.visualcircuit.runtime.compat.CompatCircuits.imported;
import static io.visualcircuit.runtime.compat.CompatCircuits.logContains;
import static io.visualcircuit.runtime.compat.CompatCircuits.logs;
import static io.visualcircuit.runtime.compat.CompatCircuits.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs code written for VisualCircuit 2, {@code loop(block_name, input_wires, output_wires,
 * parameters, flags)} with its {@code utils.wires} helpers, exactly as VC2 projects hold it.
 */
class Vc2CodeRunTest {
    /** A VC2 camera-like block: an image and a text per loop, paced by the frequency monitor. */
    private static final String SOURCE = """
            import numpy as np
            from time import sleep
            from utils.wires.wire_img import share_image
            from utils.wires.wire_str import share_string
            from utils.tools.freq_monitor import monitor_frequency

            def loop(block_name, input_wires, output_wires, parameters, flags):

                output_0 = share_image(output_wires[0])
                output_1 = share_string(output_wires[1])

                required_frequency, update = float(parameters[0]), 1
                control_data = np.array([0.0,0.03])

                if flags[0] == 1:
                    monitor_frequency(block_name, control_data, required_frequency, update)

                count = 0
                try:
                    while True:
                        count += 1
                        output_0.add(np.full((4, 6, 3), count % 256, dtype=np.uint8))
                        output_1.add(np.array([parameters[1] + " " + str(count)], dtype='<U64'))
                        control_data[0] += 1
                        sleep(control_data[1])

                except KeyboardInterrupt:
                    output_0.release()
                    output_1.release()
                    print("source released its wires")
            """;

    /** A VC2 processing block: checks what VC2 handed it, then reports what it reads. */
    private static final String SINK = """
            import numpy as np
            from time import sleep
            from utils.wires.wire_img import read_image, share_image
            from utils.wires.wire_str import read_string, share_string

            def loop(block_name, input_wires, output_wires, parameters, flags):
                problems = []
                if block_name != "sink":
                    problems.append("block_name %r" % (block_name,))
                if len(input_wires) != 3 or len(output_wires) != 2:
                    problems.append("wires %r %r" % (input_wires, output_wires))
                if parameters != ["30.0", "7", "5,5"]:
                    problems.append("parameters %r" % (parameters,))
                if flags[0] != 1:
                    problems.append("flags %r" % (flags,))

                input_0 = read_image(input_wires[0])
                input_1 = read_string(input_wires[1])
                silent_text = read_string(input_wires[2])
                silent_image = read_image(input_wires[2])
                before = silent_text.get()
                if before.shape != (1,) or before.dtype != np.dtype('<U64') or before[0] != '':
                    problems.append("unwritten text %r" % (before,))
                if silent_image.get() is not None:
                    problems.append("unwritten image is not None")

                enabled = False
                try:
                    enable_wire = read_string(input_wires[3])
                except IndexError:
                    enabled = True
                if not enabled:
                    problems.append("an unwired E must raise IndexError")

                output_0 = share_string(output_wires[0])
                spare = share_image(output_wires[1])
                spare.add(np.zeros((2, 2, 3), dtype=np.uint8))

                try:
                    while True:
                        frame = input_0.get()
                        text = input_1.get()
                        if frame is not None and text[0] != '':
                            summary = ";".join(problems) or "ok"
                            output_0.add(np.array(["%s|%d|%s|%s" % (summary, frame[0, 0, 0], frame.shape, text[0])],
                                                  dtype='<U64'))
                        sleep(0.02)

                except KeyboardInterrupt:
                    input_0.release()
                    input_1.release()
                    output_0.release()
                    print("sink released its wires")
            """;

    private static final String SILENT = """
            def main(inputs, outputs, parameters, synchronise):
                while True:
                    synchronise()
            """;

    private static final Pattern REPORT = Pattern.compile("ok\\|(\\d+)\\|\\(4, 6, 3\\)\\|(\\w+) (\\d+)");

    private static Circuit vc2Circuit() {
        return circuit()
                .python("source", 20.0, List.of(),
                        List.of(PortSpec.out("Out-0", PortType.ANY), PortSpec.out("Out-1", PortType.ANY)),
                        SOURCE, "Frequency", 20.0, "Greeting", "hello")
                .python("silent", 10.0, List.of(), List.of(PortSpec.out("out", PortType.ANY)), SILENT)
                .python("sink", 30.0,
                        List.of(PortSpec.in("Inp-0", PortType.ANY), PortSpec.in("Inp-1", PortType.ANY),
                                PortSpec.in("Inp-2", PortType.ANY), PortSpec.in("E", PortType.ANY)),
                        List.of(PortSpec.out("Out-0", PortType.ANY), PortSpec.out("Out-1", PortType.ANY)),
                        SINK, "Frequency", 30.0, "Kernel size", 7L, "Kernel", "5,5")
                .block("show", "display", null)
                .wire("source.Out-0", "sink.Inp-0").wire("source.Out-1", "sink.Inp-1")
                .wire("silent.out", "sink.Inp-2").wire("sink.Out-0", "show.in").build();
    }

    @Test
    void shouldPassImagesAndTextThroughVc2BlocksAndReleaseWiresOnStop() throws Exception {
        Run run = CircuitRunner.start(vc2Circuit(), options());
        try {
            Sample s = awaitSample(run, "sink.Out-0", x -> x.value() instanceof Value.StringValue v
                    && REPORT.matcher(v.value()).matches());
            Matcher m = REPORT.matcher(((Value.StringValue) s.value()).value());
            assertTrue(m.matches());
            assertEquals("hello", m.group(2), "the source's parameters[1]");
            long pixel = Long.parseLong(m.group(1));
            long count = Long.parseLong(m.group(3));
            // The sink reads the image, then the text; the source may publish once in between.
            assertTrue(count % 256 == pixel || (count - 1) % 256 == pixel, "pixel " + pixel + ", text " + count);

            Value image = awaitSample(run, "source.Out-0", x -> true).value();
            Value.ImageValue img = assertInstanceOf(Value.ImageValue.class, image);
            assertEquals(List.of(4, 6, 3), List.of(img.height(), img.width(), img.channels()));

            run.setParameter("source", "Greeting", "bye");
            awaitSample(run, "sink.Out-0", x -> x.value() instanceof Value.StringValue v
                    && v.value().contains("|bye "));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlogs: " + logs(run), e);
        } finally {
            run.stop();
        }
        for (String id : List.of("source", "sink")) {
            assertEquals(BlockState.STOPPED, run.state(id).state(), id);
            assertEquals(0, run.state(id).exitCode(), id + " ended by itself, before SIGTERM: " + logs(run));
            assertTrue(logContains(run, id, id + " released its wires"), id + " ran its except KeyboardInterrupt: "
                    + logs(run));
        }
    }

    @Test
    void shouldPaceVc2CodeToItsFrequencyParameterThroughTheFrequencyMonitor() throws Exception {
        // Without the monitor the block would sleep its initial 0.03 s per loop: about 33 Hz.
        try (Run run = CircuitRunner.start(vc2Circuit(), options())) {
            await("the source to settle near 20 Hz", WAIT, () -> {
                BlockStats st = run.stats("source").orElse(null);
                return st != null && st.loops() > 40 && Math.abs(st.achievedRateHz() - 20.0) < 4.0;
            });
            BlockStats st = run.stats("source").orElseThrow();
            assertEquals(20.0, st.requestedRateHz(), "the rate the VC2 code asked its monitor for");
        }
    }

    @Test
    void shouldNameTheMissingLoopOfTheEmptyVc2Templates() throws Exception {
        Circuit c = circuit().with(imported("vc2/Write.vc")).with(imported("vc2/Read.vc"))
                .wire("write.Out-0", "read.Inp-0").build();
        try (Run run = CircuitRunner.start(c, options())) {
            for (String id : List.of("write", "read")) {
                await(id + " to fail", WAIT, () -> run.state(id).state() == BlockState.CRASHED);
                String error = run.state(id).error();
                assertTrue(error.contains("loop(block_name, input_wires, output_wires, parameters, flags)"), error);
            }
        }
    }

    @Test
    void shouldReportOpenCvMissingOnEveryBlockOfTheLaneDetectionProject() throws Exception {
        Circuit c = imported("vc2/lanedetection.vc");
        try (Run run = CircuitRunner.start(c, options())) {
            for (String id : List.of("videostreamer", "blur", "edgedetector", "objectdetector", "code", "screen")) {
                await(id + " to crash", WAIT, () -> run.state(id).state() == BlockState.CRASHED);
                assertTrue(run.state(id).error().contains("No module named 'cv2'"), id + ": " + run.state(id).error());
                assertTrue(logContains(run, id, "opencv-python"), id + ": " + logs(run));
            }
        }
    }
}
