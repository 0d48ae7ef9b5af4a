package io.visualcircuit.runtime.compat;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.CircuitRunner;
import io.visualcircuit.runtime.run.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.visualcircuit.runtime.compat.CompatCircuits.WAIT;
import static io.visualcircuit.runtime.compat.CompatCircuits.await;
import static io.visualcircuit.runtime.compat.CompatCircuits.awaitSample;
import static io.visualcircuit.runtime.compat.CompatCircuits.circuit;
import static io.visualcircuit.runtime.compat.CompatCircuits.imported;
import static io.visualcircuit.runtime.compat.CompatCircuits.logContains;
import static io.visualcircuit.runtime.compat.CompatCircuits.logs;
import static io.visualcircuit.runtime.compat.CompatCircuits.options;
import static io.visualcircuit.runtime.compat.CompatCircuits.samples;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the built-in blocks of VisualCircuit 3 from their own {@code .vc3} files, unchanged, with
 * the sources and sinks a student would wire around them, and checks the values they produce.
 */
class Vc3SamplesRunTest {

    @Test
    void shouldRunThePidSampleWithTheStudentsGainsAndCheckEveryOutput() throws Exception {
        double kp = 2.0;
        double ki = 0.5;
        double kd = 0.25;
        double error = 0.5;
        Circuit c = circuit().with(imported("vc3/PID.vc3"))
                .param("pid", "Kp", kp).param("pid", "Ki", ki).param("pid", "Kd", kd)
                .block("err", "constant", null, "value", error)
                .block("show", "display", null)
                .wire("err.out", "pid.Inp").wire("pid.Out", "show.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            List<Sample> seen = samples(run, "pid.Out", l -> l.size() >= 6);
            for (Sample s : seen) {
                // The block's integral sums the error once per loop, and every loop publishes once,
                // so the wire's sequence number is the loop number.
                long n = s.sequence();
                double derivative = n == 1 ? error : 0.0;
                double expected = -(kp * error + ki * error * n + kd * derivative);
                Value.DoubleArrayValue v = assertInstanceOf(Value.DoubleArrayValue.class, s.value());
                assertArrayEquals(new int[] {2}, v.shape());
                assertArrayEquals(new double[] {5.0, expected}, v.data(), 1e-12, "loop " + n);
            }
            assertEquals(BlockState.RUNNING, run.state("pid").state());
        }
    }

    @Test
    void shouldRunTheThresholdSampleWithItsEnableUnwired(@TempDir Path dir) throws Exception {
        // The block reads its Enable input in a try and loops only when that read fails: that is how
        // VisualCircuit's blocks learn that nobody wired Enable.
        String gradient = """
                import numpy as np

                def main(inputs, outputs, parameters, synchronise):
                    row = np.arange(0, 256, 4, dtype=np.uint8)
                    image = np.repeat(np.repeat(row[np.newaxis, :, np.newaxis], 8, axis=0), 3, axis=2)
                    while True:
                        outputs.share_image("out", image)
                        synchronise()
                """;
        Circuit c = circuit().with(imported("vc3/Threshold.vc3"))
                .python("gradient", 20.0, List.of(), List.of(PortSpec.out("out", PortType.IMAGE)), gradient)
                .block("view", "image-view", null)
                .wire("gradient.out", "threshold.Img").wire("threshold.Out", "view.in").build();
        try (Run run = CircuitRunner.start(c, options().withPython(CompatCircuits.pythonWithOpenCvSubset(dir)))) {
            Sample s = awaitSample(run, "threshold.Out", x -> true);
            Value.ImageValue img = assertInstanceOf(Value.ImageValue.class, s.value());
            assertEquals(8, img.height());
            assertEquals(64, img.width());
            assertEquals(3, img.channels(), "the block turns the binary image back into BGR");
            byte[] px = img.pixels();
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 64; x++) {
                    int expected = 4 * x > 127 ? 255 : 0;
                    for (int ch = 0; ch < 3; ch++) {
                        assertEquals(expected, px[(y * 64 + x) * 3 + ch] & 0xff, "pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void shouldReportMissingModulesOnTheirBlocksWhileTheRestOfTheCircuitRuns() throws Exception {
        Circuit c = circuit()
                .with(imported("vc3/Blur.vc3")).with(imported("vc3/ColorFilter.vc3"))
                .with(imported("vc3/Threshold.vc3")).with(imported("vc3/Camera.vc3"))
                .with(imported("vc3/Screen.vc3")).with(imported("vc3/MotorDriver.vc3"))
                .with(imported("vc3/Odometer.vc3")).with(imported("vc3/PID.vc3"))
                .block("scene", "test-pattern", 10.0, "width", 32.0, "height", 24.0)
                .block("view", "image-view", null)
                .block("err", "constant", null, "value", 0.5)
                .block("show", "display", null)
                .wire("scene.out", "blur.Img").wire("scene.out", "colorfilter.Img")
                .wire("scene.out", "threshold.Img").wire("scene.out", "screen.Img")
                .wire("blur.Out", "view.in")
                .wire("err.out", "pid.Inp").wire("pid.Out", "motordriver.Inp").wire("pid.Out", "show.in")
                .build();
        Map<String, String> missing = Map.of(
                "blur", "cv2", "colorfilter", "cv2", "threshold", "cv2", "camera", "cv2", "screen", "cv2",
                "motordriver", "rospy", "odometer", "rospy");
        try (Run run = CircuitRunner.start(c, options())) {
            for (String id : missing.keySet()) {
                await(id + " to crash", WAIT, () -> run.state(id).state() == BlockState.CRASHED);
            }
            List<Runnable> checks = new ArrayList<>();
            missing.forEach((id, module) -> checks.add(() -> {
                BlockStatus s = run.state(id);
                assertTrue(logContains(run, id, "No module named '" + module + "'"), id + " log: " + logs(run));
                assertTrue(s.error().contains("No module named '" + module + "'"), id + ": " + s.error());
                assertTrue(s.error().contains(module.equals("cv2") ? "opencv-python" : "ROS"), id + ": " + s.error());
            }));
            assertAll(checks.stream().map(r -> r::run));

            // The PID block and the test pattern go on after every crash above.
            long pidBefore = awaitSample(run, "pid.Out", x -> true).sequence();
            long sceneBefore = awaitSample(run, "scene.out", x -> true).sequence();
            assertTrue(awaitSample(run, "pid.Out", x -> x.sequence() > pidBefore + 3).sequence() > pidBefore);
            assertTrue(awaitSample(run, "scene.out", x -> x.sequence() > sceneBefore + 3).sequence() > sceneBefore);
            assertEquals(BlockState.RUNNING, run.state("pid").state());
            assertEquals(BlockState.RUNNING, run.state("scene").state());
        }
    }

    @Test
    void shouldStopThePidSampleWhileItWaitsForInputWithoutCallingSynchronise() throws Exception {
        // Opened on its own, the PID block's input is unwired: its loop reads None and "continue"s
        // without ever reaching synchronise(). A stop must still end it, through KeyboardInterrupt.
        Run run = CircuitRunner.start(imported("vc3/PID.vc3"), options());
        try {
            assertEquals(BlockState.RUNNING, run.state("pid").state());
        } finally {
            run.stop();
        }
        assertEquals(BlockState.STOPPED, run.state("pid").state());
        assertEquals(0, run.state("pid").exitCode(), "ended by the interrupt, before SIGTERM: " + logs(run));
    }
}
